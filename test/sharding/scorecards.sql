-- test/sharding/scorecards.sql — (a) every scorecard computed from the
-- sharded facts equals the single server's answer: neongraph's own functions
-- (agency_scorecard, working_group_scorecard, assignment_state) on the
-- tracking model of the coordinator, the data the facts were fed from.
-- psql variables:
--   as_of  the date of the scorecards, YYYY-MM-DD
--   show   1 to print the national scorecard and the provinces with most overdue
-- Prints "ok   as of <date>: <check> ..." or "FAIL ...", one line per check.
--
-- The sharded side follows the model's rules (neongraph.assignment_state):
-- tasks of directives issued after as_of do not exist yet; an assignment is
-- cancelled from its cancellation date on, else its status is
-- neongraph.deadline_status against the assigned deadline, the current one
-- when none was assigned; blocked and verified count from their dates.  The
-- deadline is written with CASE, not coalesce(assigned_deadline, deadline):
-- PostgreSQL 15's postgres_fdw does not deparse COALESCE and would then not
-- ship the aggregate (see sharding.sh).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET enable_partitionwise_aggregate = on;
\pset tuples_only on
\pset format unaligned

-- the facts as of the date (a view: the planner flattens it into each query,
-- so the aggregates over it are still shipped to the shards)
CREATE TEMP VIEW fact_as_of AS
SELECT province, agency_code, working_group,
       CASE WHEN cancelled_on <= :'as_of'::date THEN 'cancelled'::neongraph.task_status
            ELSE neongraph.deadline_status(CASE WHEN assigned_deadline IS NULL THEN deadline
                                                ELSE assigned_deadline END,
                                           completed_on, :'as_of'::date) END AS status,
       blocked_since <= :'as_of'::date AS blocked,
       verified_on <= :'as_of'::date AS verified
  FROM public.assignment_fact
 WHERE issued_on IS NULL OR issued_on <= :'as_of'::date;

-- "ok"/"FAIL" for two tables of the same shape: the same number of rows, at
-- least one, and no row in one that is not in the other (EXCEPT ALL both ways)
CREATE FUNCTION pg_temp.compare(label text, sharded regclass, single regclass)
  RETURNS text LANGUAGE plpgsql AS
$$
DECLARE n_sharded bigint; n_single bigint; n_diff bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM %s', sharded) INTO n_sharded;
  EXECUTE format('SELECT count(*) FROM %s', single) INTO n_single;
  EXECUTE format('SELECT count(*) FROM ((TABLE %1$s EXCEPT ALL TABLE %2$s) UNION ALL (TABLE %2$s EXCEPT ALL TABLE %1$s)) x',
                 sharded, single) INTO n_diff;
  RETURN CASE WHEN n_sharded = n_single AND n_sharded > 0 AND n_diff = 0 THEN 'ok   ' ELSE 'FAIL ' END
         || format('as of %s: %s (%s rows sharded, %s single server, %s differing)',
                   current_setting('ng.as_of'), label, n_sharded, n_single, n_diff);
END
$$;
SELECT set_config('ng.as_of', :'as_of', false) \g /dev/null

-- how many of the 34 foreign partitions compute the aggregate of a query
-- themselves (their Remote SQL has neongraph.status_rollup and GROUP BY)
CREATE FUNCTION pg_temp.pushed(q text) RETURNS int LANGUAGE plpgsql AS
$$
DECLARE line text; n int := 0;
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
    IF line ~ 'Remote SQL: SELECT .*neongraph\.status_rollup\(.* GROUP BY' THEN n := n + 1; END IF;
  END LOOP;
  RETURN n;
END
$$;

-- ---------------------------------------------------------------- sharded
-- per province: one composite per province, computed on its shard
\set q_province 'SELECT province, (neongraph.status_rollup(status)).* FROM pg_temp.fact_as_of GROUP BY province'
-- per (province, agency, task's working group): the composites the agency and
-- working group scorecards are built from, computed on the shards
\set q_agency 'SELECT province, agency_code, working_group, neongraph.status_rollup(status) AS r, count(*) FILTER (WHERE blocked) AS blocked, count(*) FILTER (WHERE verified) AS verified FROM pg_temp.fact_as_of GROUP BY province, agency_code, working_group'
SELECT CASE WHEN p = 34 AND a = 34 THEN 'ok   ' ELSE 'FAIL ' END
       || format('as of %s: the composites below are computed on the shards (per province: %s of 34 foreign partitions, per agency: %s of 34)',
                 :'as_of', p, a)
  FROM (SELECT pg_temp.pushed(:'q_province') AS p, pg_temp.pushed(:'q_agency') AS a) x;

CREATE TEMP TABLE prov_sharded AS :q_province;
CREATE TEMP TABLE comp AS :q_agency;

-- per agency, along the hierarchy (an agency counts its own assignments and
-- those of the agencies under it): on the coordinator, the composites are
-- summed for each ancestor in neongraph.agency_tree and the rates rebuilt by
-- make_rollup
CREATE TEMP TABLE agency_sharded AS
SELECT g.code, g.name, g.kind, g.parent_code,
       coalesce(sum((c.r).total) FILTER (WHERE tr.depth = 0), 0)::int8 AS own,
       (neongraph.make_rollup(sum((c.r).done_on_time)::int8, sum((c.r).done_late)::int8, sum((c.r).overdue)::int8,
                              sum((c.r).due_soon)::int8, sum((c.r).on_track)::int8, sum((c.r).recurring)::int8,
                              sum((c.r).no_deadline)::int8, sum((c.r).cancelled)::int8)).*,
       sum(c.blocked)::int8 AS blocked, sum(c.verified)::int8 AS verified
  FROM comp c
  JOIN neongraph.agency_tree tr ON tr.agency_code = c.agency_code
  JOIN neongraph.agency g ON g.code = tr.ancestor_code
 GROUP BY g.code, g.name, g.kind, g.parent_code;

-- per working group: the task's own group when it has one, else every group
-- that has the agency or one of its ancestors as a member
CREATE TEMP TABLE group_sharded AS
WITH member AS (
  SELECT DISTINCT tr.agency_code, m.group_code
    FROM neongraph.agency_tree tr
    JOIN neongraph.working_group_member m ON m.agency_code = tr.ancestor_code
), followed AS (
  SELECT c.working_group AS group_code, c.* FROM comp c WHERE c.working_group IS NOT NULL
  UNION ALL
  SELECT m.group_code, c.* FROM comp c JOIN member m ON m.agency_code = c.agency_code
   WHERE c.working_group IS NULL
), x AS (
  SELECT group_code, count(DISTINCT agency_code) AS agencies,
         neongraph.make_rollup(sum((r).done_on_time)::int8, sum((r).done_late)::int8, sum((r).overdue)::int8,
                               sum((r).due_soon)::int8, sum((r).on_track)::int8, sum((r).recurring)::int8,
                               sum((r).no_deadline)::int8, sum((r).cancelled)::int8) AS r,
         sum(blocked)::int8 AS blocked, sum(verified)::int8 AS verified
    FROM followed GROUP BY group_code
)
SELECT w.code, w.name, w.leader, coalesce(x.agencies, 0) AS agencies,
       coalesce((x.r).total, 0) AS total, coalesce((x.r).done_on_time, 0) AS done_on_time,
       coalesce((x.r).done_late, 0) AS done_late, coalesce((x.r).overdue, 0) AS overdue,
       coalesce((x.r).due_soon, 0) AS due_soon, coalesce((x.r).on_track, 0) AS on_track,
       coalesce((x.r).recurring, 0) AS recurring, coalesce((x.r).no_deadline, 0) AS no_deadline,
       coalesce((x.r).cancelled, 0) AS cancelled, coalesce((x.r).due, 0) AS due,
       (x.r).on_time_rate, (x.r).completion_rate, (x.r).overdue_rate, (x.r).overdue_share,
       coalesce(x.blocked, 0) AS blocked, coalesce(x.verified, 0) AS verified
  FROM neongraph.working_group w LEFT JOIN x ON x.group_code = w.code;

-- the national total from the per-province composites: counts summed, rates
-- rebuilt by neongraph.make_rollup
CREATE TEMP TABLE total_from_provinces AS
SELECT (neongraph.make_rollup(sum(done_on_time)::int8, sum(done_late)::int8, sum(overdue)::int8,
                              sum(due_soon)::int8, sum(on_track)::int8, sum(recurring)::int8,
                              sum(no_deadline)::int8, sum(cancelled)::int8)).*
  FROM prov_sharded;

-- the national total aggregated directly over the sharded table (rows pulled
-- to the coordinator: an internal-state aggregate is not partially pushed)
CREATE TEMP TABLE total_direct AS
SELECT (neongraph.status_rollup(status)).* FROM pg_temp.fact_as_of;

-- ---------------------------------------------------------------- single server
CREATE TEMP TABLE agency_single AS SELECT * FROM neongraph.agency_scorecard(:'as_of');
CREATE TEMP TABLE group_single AS SELECT * FROM neongraph.working_group_scorecard(:'as_of');
CREATE TEMP TABLE prov_single AS
SELECT agency_code AS province, total, done_on_time, done_late, overdue, due_soon, on_track,
       recurring, no_deadline, cancelled, due, on_time_rate, completion_rate, overdue_rate, overdue_share
  FROM agency_single WHERE kind = 'province'
UNION ALL
SELECT 'TW', (neongraph.status_rollup(s.status)).*                -- the central bodies
  FROM neongraph.assignment_state(:'as_of') s
 WHERE NOT EXISTS (SELECT FROM neongraph.agency_tree tr JOIN neongraph.agency p ON p.code = tr.ancestor_code
                    WHERE tr.agency_code = s.agency_code AND p.kind = 'province')
HAVING count(*) > 0;
CREATE TEMP TABLE total_single AS
SELECT (neongraph.status_rollup(status)).* FROM neongraph.assignment_state(:'as_of');

-- ---------------------------------------------------------------- checks
SELECT pg_temp.compare('scorecard per province (and the central bodies, TW) = agency_scorecard',
                       'prov_sharded', 'prov_single');
SELECT pg_temp.compare('scorecard per agency along the hierarchy, every column = agency_scorecard',
                       'agency_sharded', 'agency_single');
SELECT pg_temp.compare('scorecard per working group, every column = working_group_scorecard',
                       'group_sharded', 'group_single');
SELECT pg_temp.compare('national total and rates from the per-province composites (make_rollup) = status_rollup of assignment_state',
                       'total_from_provinces', 'total_single');
SELECT pg_temp.compare('national total and rates aggregated on the coordinator = status_rollup of assignment_state',
                       'total_direct', 'total_single');

-- a filter on neongraph types and functions, shipped to the shards: the
-- open assignments with a dated deadline before Quý IV/2026
SELECT CASE WHEN sharded = single AND single > 0 THEN 'ok   ' ELSE 'FAIL ' END
       || format('as of %s: filtered count (deadline operator, due_date, deadline_status): %s sharded, %s single server',
                 :'as_of', sharded, single)
  FROM (SELECT
    (SELECT count(*) FROM public.assignment_fact
      WHERE (issued_on IS NULL OR issued_on <= :'as_of'::date)
        AND deadline OPERATOR(neongraph.<) 'Quý IV/2026'::neongraph.deadline
        AND neongraph.due_date(deadline) >= DATE '2025-01-01'
        AND neongraph.deadline_status(deadline, completed_on, :'as_of'::date)
            IN ('overdue', 'due_soon', 'on_track')) AS sharded,
    (SELECT count(*) FROM neongraph.assignment s
       JOIN neongraph.task t ON t.task_id = s.task_id
       JOIN neongraph.directive d ON d.directive_id = t.directive_id
      WHERE (d.issued_on IS NULL OR d.issued_on <= :'as_of'::date)
        AND t.deadline OPERATOR(neongraph.<) 'Quý IV/2026'::neongraph.deadline
        AND neongraph.due_date(t.deadline) >= DATE '2025-01-01'
        AND neongraph.deadline_status(t.deadline, s.completed_on, :'as_of'::date)
            IN ('overdue', 'due_soon', 'on_track')) AS single) x;

\if :show
\pset tuples_only off
\pset format aligned
\echo '-- national scorecard as of' :as_of '(sharded, from the per-province composites):'
SELECT total, done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled, due,
       neongraph.format_rate(completion_rate) AS completion, neongraph.format_rate(on_time_rate) AS on_time,
       neongraph.format_rate(overdue_rate) AS overdue_rate
  FROM total_from_provinces;
\echo '-- the five provinces with most overdue:'
SELECT province, total, overdue, due, neongraph.format_rate(completion_rate) AS completion
  FROM prov_sharded ORDER BY overdue DESC, province LIMIT 5;
\endif
