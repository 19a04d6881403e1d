-- test/sharding/feed.sql — feeding the assignment facts from the tracking
-- model (neongraph.assignment, task, directive, agency): one row per
-- assignment, with the province it belongs to (its own agency or the nearest
-- ancestor of kind 'province' in neongraph.agency; 'TW' for the central
-- bodies) and what its status as of any date depends on (see
-- coordinator.sql).  Run where the model lives (here: the coordinator); the
-- INSERT routes every row to its province's shard.  Re-running replaces the
-- facts of the assignments it covers.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
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
       d.docref::text AS directive, d.issued_on, t.working_group,
       t.deadline, t.assigned_deadline, s.completed_on,
       CASE WHEN s.cancelled THEN s.cancelled_on END AS cancelled_on,
       CASE WHEN s.blocked THEN s.blocked_since END AS blocked_since,
       CASE WHEN s.verified THEN s.verified_on END AS verified_on,
       s.progress
  FROM neongraph.assignment s
  JOIN neongraph.task t ON t.task_id = s.task_id
  JOIN neongraph.directive d ON d.directive_id = t.directive_id
  LEFT JOIN prov p ON p.agency_code = s.agency_code;

-- the facts these assignments had: each partition deletes its own, by a
-- constant list of ids (a join with the local feed table would pull the
-- facts to the coordinator)
SELECT format('DELETE FROM public.%I WHERE assignment_id = ANY (%L::bigint[])',
              'assignment_fact_' || lower(province), array_agg(assignment_id))
  FROM feed GROUP BY province ORDER BY province
\gexec
INSERT INTO public.assignment_fact
  (province, agency_code, assignment_id, task_id, directive, issued_on, working_group,
   deadline, assigned_deadline, completed_on, cancelled_on, blocked_since, verified_on, progress)
SELECT province, agency_code, assignment_id, task_id, directive, issued_on, working_group,
       deadline, assigned_deadline, completed_on, cancelled_on, blocked_since, verified_on, progress
  FROM feed ORDER BY province, assignment_id;
SELECT count(*) AS fed, count(DISTINCT province) FILTER (WHERE province <> 'TW') AS provinces,
       count(*) FILTER (WHERE province = 'TW') AS central
  FROM feed \gset
\echo 'assignments fed from the model: ' :fed
\echo 'provinces fed: ' :provinces ', central bodies'' assignments (local partition): ' :central
