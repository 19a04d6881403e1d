-- test/sharding/scorecards.sql — (a) every scorecard of the sharded table
-- equals the single-server answer.  Prints "ok   <check>" or "FAIL <check>".
--
-- The status of an assignment as of a date is the model's rule
-- (neongraph.assignment_state): cancelled from its cancellation date on, else
-- neongraph.deadline_status against the assigned deadline, the current one
-- when none was assigned.  On the single server it is written with
-- coalesce(assigned_deadline, deadline); on the sharded table with the
-- equivalent CASE, because PostgreSQL 15's postgres_fdw does not deparse
-- COALESCE and would then not ship the aggregate (see sharding.sh).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET enable_partitionwise_aggregate = on;
\pset tuples_only on
\pset format unaligned

CREATE FUNCTION pg_temp.check(name text, ok boolean, detail text DEFAULT '')
  RETURNS text LANGUAGE sql AS
$$ SELECT CASE WHEN ok THEN 'ok   ' ELSE 'FAIL ' END || name
          || CASE WHEN detail <> '' THEN ' (' || detail || ')' ELSE '' END $$;

-- the rows themselves
CREATE TEMP TABLE rows_sharded AS
  SELECT count(*) AS n, count(DISTINCT province) AS provinces,
         sum(hashtext(concat_ws('|', province, agency_code, assignment_id, task_id, directive,
                                deadline::text, assigned_deadline::text, completed_on, cancelled_on, progress))::bigint) AS h
    FROM public.assignment_fact;
CREATE TEMP TABLE rows_single AS
  SELECT count(*) AS n, count(DISTINCT province) AS provinces,
         sum(hashtext(concat_ws('|', province, agency_code, assignment_id, task_id, directive,
                                deadline::text, assigned_deadline::text, completed_on, cancelled_on, progress))::bigint) AS h
    FROM public.assignment_fact_single;
SELECT pg_temp.check('rows: sharded table holds the same rows as the single server',
                     NOT EXISTS (TABLE rows_sharded EXCEPT TABLE rows_single),
                     (SELECT format('%s rows, %s provinces', n, provinces) FROM rows_sharded));
SELECT pg_temp.check('rows: every shard row is in its province''s partition',
                     NOT EXISTS (SELECT FROM public.assignment_fact f
                                  WHERE f.tableoid <> format('public.assignment_fact_%s', lower(f.province))::regclass));

-- per province
CREATE TEMP TABLE prov_sharded AS
SELECT province,
       (neongraph.status_rollup(
          CASE WHEN cancelled_on <= DATE '2025-11-20' THEN 'cancelled'::neongraph.task_status
               ELSE neongraph.deadline_status(CASE WHEN assigned_deadline IS NULL THEN deadline
                                                   ELSE assigned_deadline END,
                                              completed_on, DATE '2025-11-20') END)).*
  FROM public.assignment_fact GROUP BY province;
CREATE TEMP TABLE prov_single AS
SELECT province,
       (neongraph.status_rollup(
          CASE WHEN cancelled_on <= DATE '2025-11-20' THEN 'cancelled'::neongraph.task_status
               ELSE neongraph.deadline_status(coalesce(assigned_deadline, deadline),
                                              completed_on, DATE '2025-11-20') END)).*
  FROM public.assignment_fact_single GROUP BY province;
SELECT pg_temp.check('scorecard per province: sharded = single server (EXCEPT both ways)',
                     (SELECT count(*) FROM prov_sharded) = (SELECT count(*) FROM prov_single)
                     AND NOT EXISTS (TABLE prov_sharded EXCEPT ALL TABLE prov_single)
                     AND NOT EXISTS (TABLE prov_single EXCEPT ALL TABLE prov_sharded),
                     (SELECT count(*) || ' provinces' FROM prov_sharded));

-- per agency (grouped by province and agency: the partition key is in the
-- grouping, so the whole aggregate still runs on the shards)
CREATE TEMP TABLE agency_sharded AS
SELECT province, agency_code,
       (neongraph.status_rollup(
          CASE WHEN cancelled_on <= DATE '2025-11-20' THEN 'cancelled'::neongraph.task_status
               ELSE neongraph.deadline_status(CASE WHEN assigned_deadline IS NULL THEN deadline
                                                   ELSE assigned_deadline END,
                                              completed_on, DATE '2025-11-20') END)).*
  FROM public.assignment_fact GROUP BY province, agency_code;
CREATE TEMP TABLE agency_single AS
SELECT province, agency_code,
       (neongraph.status_rollup(
          CASE WHEN cancelled_on <= DATE '2025-11-20' THEN 'cancelled'::neongraph.task_status
               ELSE neongraph.deadline_status(coalesce(assigned_deadline, deadline),
                                              completed_on, DATE '2025-11-20') END)).*
  FROM public.assignment_fact_single GROUP BY province, agency_code;
SELECT pg_temp.check('scorecard per agency: sharded = single server (EXCEPT both ways)',
                     (SELECT count(*) FROM agency_sharded) = (SELECT count(*) FROM agency_single)
                     AND NOT EXISTS (TABLE agency_sharded EXCEPT ALL TABLE agency_single)
                     AND NOT EXISTS (TABLE agency_single EXCEPT ALL TABLE agency_sharded),
                     (SELECT count(*) || ' agencies' FROM agency_sharded));

-- the national total on the single server
CREATE TEMP TABLE total_single AS
SELECT (neongraph.status_rollup(
          CASE WHEN cancelled_on <= DATE '2025-11-20' THEN 'cancelled'::neongraph.task_status
               ELSE neongraph.deadline_status(coalesce(assigned_deadline, deadline),
                                              completed_on, DATE '2025-11-20') END)).*
  FROM public.assignment_fact_single;

-- the national total from the per-province composites computed on the
-- shards: counts summed, rates rebuilt by neongraph.make_rollup
CREATE TEMP TABLE total_from_provinces AS
WITH p AS (
  SELECT province,
         neongraph.status_rollup(
           CASE WHEN cancelled_on <= DATE '2025-11-20' THEN 'cancelled'::neongraph.task_status
                ELSE neongraph.deadline_status(CASE WHEN assigned_deadline IS NULL THEN deadline
                                                    ELSE assigned_deadline END,
                                               completed_on, DATE '2025-11-20') END) AS r
    FROM public.assignment_fact GROUP BY province)
SELECT (neongraph.make_rollup(sum((r).done_on_time)::int8, sum((r).done_late)::int8, sum((r).overdue)::int8,
                              sum((r).due_soon)::int8, sum((r).on_track)::int8, sum((r).recurring)::int8,
                              sum((r).no_deadline)::int8, sum((r).cancelled)::int8)).*
  FROM p;
SELECT pg_temp.check('national total from per-province composites (make_rollup) = single server',
                     (SELECT count(*) FROM (TABLE total_from_provinces EXCEPT ALL TABLE total_single) x) = 0
                     AND (SELECT count(*) FROM (TABLE total_single EXCEPT ALL TABLE total_from_provinces) x) = 0);

-- the national total aggregated directly over the sharded table (rows pulled
-- to the coordinator: an internal-state aggregate is not partially pushed)
CREATE TEMP TABLE total_direct AS
SELECT (neongraph.status_rollup(
          CASE WHEN cancelled_on <= DATE '2025-11-20' THEN 'cancelled'::neongraph.task_status
               ELSE neongraph.deadline_status(CASE WHEN assigned_deadline IS NULL THEN deadline
                                                   ELSE assigned_deadline END,
                                              completed_on, DATE '2025-11-20') END)).*
  FROM public.assignment_fact;
SELECT pg_temp.check('national total aggregated on the coordinator = single server',
                     (SELECT count(*) FROM (TABLE total_direct EXCEPT ALL TABLE total_single) x) = 0
                     AND (SELECT count(*) FROM (TABLE total_single EXCEPT ALL TABLE total_direct) x) = 0);

-- a filter on neongraph types and functions, shipped to the shards
SELECT pg_temp.check('filtered count (deadline operator, due_date, status) sharded = single server',
  (SELECT count(*) FROM public.assignment_fact
    WHERE deadline OPERATOR(neongraph.<) 'Quý IV/2025'::neongraph.deadline
      AND neongraph.due_date(deadline) >= DATE '2025-01-01'
      AND neongraph.deadline_status(deadline, completed_on, DATE '2025-11-20') = 'overdue')
  = (SELECT count(*) FROM public.assignment_fact_single
    WHERE deadline OPERATOR(neongraph.<) 'Quý IV/2025'::neongraph.deadline
      AND neongraph.due_date(deadline) >= DATE '2025-01-01'
      AND neongraph.deadline_status(deadline, completed_on, DATE '2025-11-20') = 'overdue'));

\pset tuples_only off
\pset format aligned
\echo '-- national scorecard as of 2025-11-20 (sharded, from the per-province composites):'
SELECT total, done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled, due,
       neongraph.format_rate(completion_rate) AS completion, neongraph.format_rate(on_time_rate) AS on_time,
       neongraph.format_rate(overdue_rate) AS overdue_rate
  FROM total_from_provinces;
\echo '-- the five provinces with most overdue:'
SELECT province, total, overdue, due, neongraph.format_rate(completion_rate) AS completion
  FROM prov_sharded ORDER BY overdue DESC, province LIMIT 5;
