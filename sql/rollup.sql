-- status_rollup: counts, rates, combine (parallel), display helpers
\pset null '∅'

-- empty input: zeros and NULL rates
SELECT (neongraph.status_rollup(s)).* FROM (SELECT NULL::neongraph.task_status s WHERE false) t;

-- every status counted; NULL ignored; due = done + overdue
SELECT (neongraph.status_rollup(s::neongraph.task_status)).*
FROM (VALUES ('done_on_time'), ('done_on_time'), ('done_late'), ('overdue'), ('due_soon'),
             ('on_track'), ('recurring'), ('no_deadline'), ('cancelled'), (NULL)) v(s);

-- The Government Office's report 1270/BC-TCTTTg (2017): 16,051 due tasks done
-- (14,068 on time, 1,983 late), 223 overdue, 5,640 within their deadline:
-- "đạt 98,62%" is completion_rate cut (not rounded) to two decimals.
CREATE TEMP TABLE vpcp AS
SELECT s::neongraph.task_status AS s
FROM (SELECT 'done_on_time' FROM generate_series(1, 14068)
      UNION ALL SELECT 'done_late' FROM generate_series(1, 1983)
      UNION ALL SELECT 'overdue' FROM generate_series(1, 223)
      UNION ALL SELECT 'on_track' FROM generate_series(1, 5640)) g(s);
SELECT r.total, r.due, r.done_on_time + r.done_late AS done,
       neongraph.format_rate(r.completion_rate) AS published,
       neongraph.format_rate(r.completion_rate, 2, 'round') AS rounded,
       neongraph.rate_percent(r.completion_rate, 4) AS four_decimals,
       neongraph.format_rate(r.on_time_rate, 2, 'cut', 'en') AS on_time_en
FROM (SELECT (neongraph.status_rollup(s)).* FROM vpcp) r;

-- the half-year report's overdue share: 289 overdue of 10,448 tasks = "2,76%"
SELECT neongraph.format_rate((neongraph.make_rollup(0, 0, 289, 0, 10448 - 289, 0, 0, 0)).overdue_share) AS overdue_share;

-- cancelled tasks are out of overdue_share's denominator
SELECT (r).overdue_share, (r).total FROM (SELECT neongraph.make_rollup(1, 0, 1, 0, 0, 0, 0, 2) r) x;

-- make_rollup treats NULL as 0 and refuses negative counts
SELECT (neongraph.make_rollup(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)).total;
SELECT neongraph.make_rollup(1, -1, 0, 0, 0, 0, 0, 0);

-- rate helpers: cut vs round, change in percentage points, errors
SELECT neongraph.rate_percent(0.986297, 2) AS cut, neongraph.rate_percent(0.986297, 2, 'round') AS rounded,
       neongraph.rate_percent(2/3::numeric, 0) AS cut0, neongraph.rate_percent(NULL) AS null_rate,
       neongraph.rate_change(0.98629, 0.97501) AS pp, neongraph.rate_change(0.5, 0.75) AS pp_down;
SELECT neongraph.rate_percent(0.5, 11);
SELECT neongraph.rate_percent(0.5, -1);
SELECT neongraph.rate_percent(0.5, 2, 'floor');
SELECT neongraph.format_rate(0.5, 2, 'cut', 'fr');

-- grouped, and the same answer through a forced parallel plan with partial aggregation
CREATE TABLE rollup_big AS
SELECT i % 34 AS province,
       (ARRAY['done_on_time','done_late','overdue','due_soon','on_track','recurring','no_deadline','cancelled'])[1 + (i * 7919) % 8]::neongraph.task_status AS s
FROM generate_series(1, 200000) i;
ANALYZE rollup_big;
CREATE TEMP TABLE serial_answer AS
SELECT province, (neongraph.status_rollup(s)).* FROM rollup_big GROUP BY province;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT province, neongraph.status_rollup(s) FROM rollup_big GROUP BY province;
EXPLAIN (COSTS OFF) SELECT neongraph.status_rollup(s) FROM rollup_big;
CREATE TEMP TABLE parallel_answer AS
SELECT province, (neongraph.status_rollup(s)).* FROM rollup_big GROUP BY province;
SELECT count(*) AS differing_groups FROM
  ((SELECT * FROM serial_answer EXCEPT SELECT * FROM parallel_answer)
   UNION ALL (SELECT * FROM parallel_answer EXCEPT SELECT * FROM serial_answer)) d;
SELECT (neongraph.status_rollup(s)).* FROM rollup_big;
-- the same counts as count(*) FILTER written by hand
SELECT count(*) FILTER (WHERE s = 'done_on_time') AS done_on_time, count(*) FILTER (WHERE s = 'overdue') AS overdue,
       count(*) FILTER (WHERE s = 'cancelled') AS cancelled FROM rollup_big;
RESET ALL;
DROP TABLE rollup_big;

