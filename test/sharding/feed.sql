-- test/sharding/feed.sql — feeding the assignment facts from the tracking
-- model (neongraph.assignment, task, directive, agency): each assignment
-- with the province it belongs to (its own agency or the nearest ancestor of
-- kind 'province'; 'TW' for central bodies).  Run where the model lives
-- (here: the coordinator); the INSERT routes every row to its shard.
-- Re-running replaces the facts of the assignments it covers.
\set ON_ERROR_STOP 1
CREATE TEMP TABLE feed AS
WITH RECURSIVE up AS (
  SELECT code AS agency_code, code, kind, parent_code, 0 AS depth FROM neongraph.agency
  UNION ALL
  SELECT up.agency_code, a.code, a.kind, a.parent_code, up.depth + 1
    FROM up JOIN neongraph.agency a ON a.code = up.parent_code
   WHERE up.kind <> 'province' AND up.depth < 10
), prov AS (
  SELECT DISTINCT ON (agency_code) agency_code, code AS province
    FROM up WHERE kind = 'province' ORDER BY agency_code, depth
)
SELECT coalesce(p.province, 'TW') AS province, s.agency_code, s.assignment_id, s.task_id,
       d.docref::text AS directive, t.deadline, t.assigned_deadline,
       s.completed_on, CASE WHEN s.cancelled THEN coalesce(s.cancelled_on, DATE '-infinity') END AS cancelled_on,
       s.progress
  FROM neongraph.assignment s
  JOIN neongraph.task t ON t.task_id = s.task_id
  JOIN neongraph.directive d ON d.directive_id = t.directive_id
  LEFT JOIN prov p ON p.agency_code = s.agency_code;

-- the ids as a constant array, so that each shard deletes by itself
-- (a join with the local feed table would pull the facts to the coordinator)
SELECT coalesce(array_agg(assignment_id), '{}') AS ids FROM feed \gset
DELETE FROM public.assignment_fact WHERE assignment_id = ANY (:'ids'::bigint[]);
INSERT INTO public.assignment_fact SELECT * FROM feed;
DELETE FROM public.assignment_fact_single WHERE assignment_id = ANY (:'ids'::bigint[]);
INSERT INTO public.assignment_fact_single SELECT * FROM feed;
SELECT count(*) AS fed FROM feed \gset
\echo 'assignments fed from the model: ' :fed
