-- test/bench/data.sql — the benchmark's tables (psql variables: n, as_of).
--   src       n deadlines as documents write them (kind, text, the date written,
--             the due date SPEC gives) and their parsed value
--   t         the task table: deadline, completion date, 34 provinces, plus the
--             baselines' columns (due date, recurring flag, stored status)
--   texts     the n Vietnamese deadline strings     (parsing: x::neongraph.deadline)
--   isotexts  n ISO date strings 'YYYY-MM-DD'       (baseline: x::date)
--   isodl     n ISO deadline strings (iso output of the same deadlines)
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT setseed(0.20251120) \g /dev/null

-- kinds weighted like the seeds' tables: dates and months first, recurring
-- tasks frequent ("Thường xuyên"), halves and ranges rare.
CREATE UNLOGGED TABLE src AS
SELECT i, kind, v, b, b2,
       bench.vi_text(kind, v, b, b2) AS txt,
       bench.expected_due(kind, b, b2) AS due
FROM (
  SELECT i,
         CASE WHEN rk < 0.34 THEN 'date'
              WHEN rk < 0.48 THEN 'before'
              WHEN rk < 0.66 THEN 'month'
              WHEN rk < 0.76 THEN 'quarter'
              WHEN rk < 0.78 THEN 'half'
              WHEN rk < 0.85 THEN 'year'
              WHEN rk < 0.89 THEN 'range'
              ELSE 'recurring' END AS kind,
         v, b, b + span AS b2
  FROM (SELECT i, random() AS rk, floor(random() * 1000)::int AS v,
               DATE '2024-07-01' + floor(random() * 913)::int AS b,  -- 2024-07-01 .. 2026-12-29
               1 + floor(random() * 45)::int AS span
          FROM generate_series(1, :n) AS i) g
) k;

-- parse once (try_deadline: a form the parser refuses is reported, not fatal)
CREATE UNLOGGED TABLE src_parsed AS
SELECT s.*, neongraph.try_deadline(s.txt) AS d FROM src s;
DROP TABLE src;
ALTER TABLE src_parsed RENAME TO src;

\echo '-- forms the parser refuses (dropped from the benchmark; should be empty):'
SELECT kind, regexp_replace(txt, '[0-9]+', 'N', 'g') AS form, count(*) AS refused,
       min(txt) AS example
  FROM src WHERE d IS NULL GROUP BY 1, 2 ORDER BY 1, 2;
\echo '-- forms whose due date differs from SPEC (should be empty):'
SELECT kind, regexp_replace(txt, '[0-9]+', 'N', 'g') AS form, count(*) AS wrong,
       (array_agg(txt || '  → SPEC ' || coalesce(due::text, 'NULL') || ', parsed '
                  || coalesce(neongraph.due_date(d)::text, 'NULL')))[1] AS example
  FROM src
 WHERE d IS NOT NULL
   AND neongraph.due_date(d) IS DISTINCT FROM due
 GROUP BY 1, 2 ORDER BY 1, 2;
DELETE FROM src WHERE d IS NULL;

-- the task table: 6 % without a deadline; completion depends on whether the
-- task is past due on as_of (80 % done) or not (20 % done); completions from
-- 60 days early to 30 days late, some after as_of (not yet known then).
CREATE TABLE t AS
SELECT id, province, d, done, due, is_recurring,
       CASE
         WHEN done IS NOT NULL AND done <= :'as_of'::date THEN
           CASE WHEN is_recurring OR due IS NULL OR done <= due
                THEN 'done_on_time'::neongraph.task_status
                ELSE 'done_late'::neongraph.task_status END
         WHEN is_recurring THEN 'recurring'::neongraph.task_status
         WHEN due IS NULL THEN 'no_deadline'::neongraph.task_status
         WHEN :'as_of'::date > due THEN 'overdue'::neongraph.task_status
         WHEN due - :'as_of'::date <= 7 THEN 'due_soon'::neongraph.task_status
         ELSE 'on_track'::neongraph.task_status
       END AS status
FROM (
  SELECT i AS id,
         'P' || lpad((1 + floor(random() * 34))::int::text, 2, '0') AS province,
         CASE WHEN nodl THEN NULL ELSE d END AS d,
         CASE WHEN nodl THEN NULL ELSE due END AS due,
         (NOT nodl AND kind = 'recurring') AS is_recurring,
         CASE
           WHEN nodl OR kind = 'recurring' THEN
             CASE WHEN rc < 0.4 THEN DATE '2025-01-01' + floor(random() * 365)::int END
           WHEN due < :'as_of'::date AND rc < 0.8 OR due >= :'as_of'::date AND rc < 0.2 THEN
             due + (floor(random() * 91)::int - 60)
         END AS done
    FROM (SELECT s.*, random() < 0.06 AS nodl, random() AS rc FROM src s ORDER BY i) s
) x;

CREATE TABLE texts AS SELECT txt AS x FROM src ORDER BY i;
CREATE TABLE isotexts AS SELECT to_char(b, 'YYYY-MM-DD') AS x FROM src ORDER BY i;
SET neongraph.deadline_style = iso;
CREATE TABLE isodl AS SELECT d::text AS x FROM src ORDER BY i;
RESET neongraph.deadline_style;
DROP TABLE src;

VACUUM (FREEZE, ANALYZE) t;
VACUUM (FREEZE, ANALYZE) texts;
VACUUM (FREEZE, ANALYZE) isotexts;
VACUUM (FREEZE, ANALYZE) isodl;
