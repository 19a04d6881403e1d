-- test/sharding/rows.sql — the sharded facts hold the tracking model's
-- assignments, each in its province's partition.  Run on the coordinator
-- after feed.sql.  Prints "ok   <check>" or "FAIL <check>".
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
\pset tuples_only on
\pset format unaligned

-- every assignment of the model, once, with the same values (read back from
-- the shards and from the coordinator's central partition)
WITH sharded AS (
  SELECT count(*) AS n, count(DISTINCT assignment_id) AS ids,
         sum(hashtext(concat_ws('|', agency_code, assignment_id, task_id, directive, issued_on, working_group,
                                deadline::text, assigned_deadline::text, completed_on, cancelled_on,
                                blocked_since, verified_on, progress))::bigint) AS h
    FROM public.assignment_fact
), model AS (
  SELECT count(*) AS n, count(*) AS ids,
         sum(hashtext(concat_ws('|', s.agency_code, s.assignment_id, s.task_id, d.docref::text, d.issued_on,
                                t.working_group, t.deadline::text, t.assigned_deadline::text, s.completed_on,
                                CASE WHEN s.cancelled THEN s.cancelled_on END,
                                CASE WHEN s.blocked THEN s.blocked_since END,
                                CASE WHEN s.verified THEN s.verified_on END, s.progress))::bigint) AS h
    FROM neongraph.assignment s
    JOIN neongraph.task t ON t.task_id = s.task_id
    JOIN neongraph.directive d ON d.directive_id = t.directive_id
)
SELECT CASE WHEN sharded.n = model.n AND sharded.ids = model.n AND sharded.h = model.h AND model.n > 0
            THEN 'ok   ' ELSE 'FAIL ' END
       || format('rows: the sharded facts are the model''s assignments (%s rows sharded, %s in neongraph.assignment, checksums %s)',
                 sharded.n, model.n, CASE WHEN sharded.h = model.h THEN 'equal' ELSE 'differ' END)
  FROM sharded, model;

-- the province of a row is the province above its agency in
-- neongraph.agency_tree ('TW' when there is none), and the row is stored in
-- that province's partition
WITH prov AS (
  SELECT tr.agency_code, min(p.code) AS province
    FROM neongraph.agency_tree tr JOIN neongraph.agency p ON p.code = tr.ancestor_code
   WHERE p.kind = 'province' GROUP BY tr.agency_code
)
SELECT CASE WHEN bad_province = 0 AND bad_partition = 0 AND n > 0 THEN 'ok   ' ELSE 'FAIL ' END
       || format('rows: each in the partition of its agency''s province (%s rows, %s with the wrong province, %s in the wrong partition)',
                 n, bad_province, bad_partition)
  FROM (SELECT count(*) AS n,
               count(*) FILTER (WHERE f.province IS DISTINCT FROM coalesce(p.province, 'TW')) AS bad_province,
               count(*) FILTER (WHERE f.tableoid <> format('public.assignment_fact_%s', lower(f.province))::regclass)
                 AS bad_partition
          FROM public.assignment_fact f LEFT JOIN prov p ON p.agency_code = f.agency_code) x;
