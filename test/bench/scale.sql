-- test/bench/scale.sql — helpers of test/bench/scale.sh (loaded into each of
-- its throwaway databases; never part of the extension).
--
--   sbench.measure_round(keys, queries, round): runs each query once, in the
--   order given (the caller alternates fast and recomputed queries, round
--   after round), timed server-side with clock_timestamp(); stores the time
--   and an order-independent digest of the result (so that the fast and the
--   recomputed scorecard can be compared on the very runs that were timed).
--
--   The core functions on the national load (scale.sh's "core" section):
--   sbench.make_core_tables(as_of, ref, max_late) builds the side tables the
--   baselines read (stored due dates, deadline texts and ISO date texts,
--   statuses, the late tasks) and sbench.largest_cascade() finds the root;
--   sbench.measure_group(keys, queries, checks, runs[, warmup]) times a group
--   of compared queries as make bench does (a warm-up round, then `runs`
--   interleaved rounds, each query wrapped as SELECT count(q.*) FROM (q) q,
--   wall and CPU time of the backend), the warm-up round giving each query's
--   digest (of checks[i] when given: the same work, its result shaped like
--   the baseline's) for sbench.same_result.  The ranking's baseline is in
--   ranking_baseline.sql.

CREATE SCHEMA IF NOT EXISTS sbench;

CREATE TABLE IF NOT EXISTS sbench.timing (
  key    text NOT NULL,
  round  int NOT NULL,
  ms     float8 NOT NULL,
  n      bigint NOT NULL,
  digest text,
  cpu_ms float8,
  PRIMARY KEY (key, round)
);

CREATE OR REPLACE FUNCTION sbench.measure_round(keys text[], qs text[], rnd int)
  RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  t0 timestamptz;
  ms float8;
  n bigint;
  dg text;
BEGIN
  FOR i IN 1..cardinality(keys) LOOP
    t0 := clock_timestamp();
    EXECUTE format('SELECT count(*), md5(string_agg(q::text, ''|'' ORDER BY q::text)) FROM (%s) q', qs[i])
      INTO n, dg;
    ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
    INSERT INTO sbench.timing (key, round, ms, n, digest) VALUES (keys[i], rnd, ms, n, dg)
      ON CONFLICT (key, round) DO UPDATE SET ms = EXCLUDED.ms, n = EXCLUDED.n, digest = EXCLUDED.digest;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION sbench.median(k text)
  RETURNS float8
  LANGUAGE sql STABLE
AS $$ SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM sbench.timing WHERE key = k $$;

-- 'same' when every timed run of a and of b returned the same digest
CREATE OR REPLACE FUNCTION sbench.same(a text, b text)
  RETURNS text
  LANGUAGE sql STABLE
AS $$
  SELECT CASE WHEN count(DISTINCT digest) = 1 THEN 'same'
              ELSE 'DIFFERENT (' || count(DISTINCT digest) || ' digests)' END
    FROM sbench.timing WHERE key IN (a, b)
$$;

-- open assignments that a progress report may be filed on, numbered 1..n for pgbench
CREATE OR REPLACE FUNCTION sbench.make_open_sample(n int)
  RETURNS bigint
  LANGUAGE plpgsql
AS $$
DECLARE
  got bigint;
BEGIN
  PERFORM set_config('client_min_messages', 'warning', true);
  DROP TABLE IF EXISTS sbench.open_asg;
  CREATE TABLE sbench.open_asg AS
    SELECT (row_number() OVER ())::int AS i, s.assignment_id, s.task_id, s.agency_code
      FROM (SELECT a.assignment_id, a.task_id, a.agency_code
              FROM neongraph.assignment a TABLESAMPLE SYSTEM (5) REPEATABLE (42)
             WHERE a.completed_on IS NULL AND NOT a.cancelled
             LIMIT n) s;
  ALTER TABLE sbench.open_asg ADD PRIMARY KEY (i);
  SELECT count(*) INTO got FROM sbench.open_asg;
  ANALYZE sbench.open_asg;
  RETURN got;
END
$$;

-- ------------------------------------------------------------------ core functions

-- one digest per key, from the warm-up run of measure_group
CREATE TABLE IF NOT EXISTS sbench.result (
  key    text PRIMARY KEY,
  n      bigint NOT NULL,
  digest text
);

-- this backend's (time on a CPU, time waiting for one) in ns, or NULLs
CREATE OR REPLACE FUNCTION sbench.schedstat()
  RETURNS bigint[]
  LANGUAGE plpgsql
AS $$
BEGIN
  RETURN (string_to_array(split_part(pg_read_file('/proc/self/schedstat'), E'\n', 1), ' '))[1:2]::bigint[];
EXCEPTION WHEN OTHERS THEN
  RETURN ARRAY[NULL, NULL]::bigint[];
END
$$;

-- Time a group of compared queries: round 0 is the warm-up and the check
-- (count and order-independent digest of checks[i], else of qs[i]), then
-- `runs` rounds each running every query of the group once, in turn.  Timed
-- runs execute SELECT count(q.*) FROM (q) q: every row and column of q is
-- produced and nothing else is done.  Serial plans (the caller's setting).
-- warmup = false (for queries so long that a warm-up changes nothing and
-- costs as much as a run; their results must be small): the checking run is
-- timed as round 1.
CREATE OR REPLACE FUNCTION sbench.measure_group(keys text[], qs text[], checks text[], runs int,
                                                warmup boolean DEFAULT true)
  RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  t0 timestamptz;
  ms float8;
  n bigint;
  dg text;
  s0 bigint[];
  s1 bigint[];
BEGIN
  DELETE FROM sbench.timing t WHERE t.key = ANY (keys);
  DELETE FROM sbench.result r WHERE r.key = ANY (keys);
  FOR i IN 1..cardinality(keys) LOOP
    s0 := sbench.schedstat();
    t0 := clock_timestamp();
    EXECUTE format('SELECT count(*), md5(string_agg(q::text, ''|'' ORDER BY q::text)) FROM (%s) q',
                   coalesce(checks[i], qs[i]))
      INTO n, dg;
    ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
    s1 := sbench.schedstat();
    INSERT INTO sbench.result (key, n, digest) VALUES (keys[i], n, dg);
    IF NOT warmup THEN
      INSERT INTO sbench.timing (key, round, ms, n, cpu_ms)
      VALUES (keys[i], 1, ms, n, (s1[1] - s0[1]) / 1e6);
    END IF;
  END LOOP;
  FOR r IN (CASE WHEN warmup THEN 1 ELSE 2 END)..runs LOOP
    FOR i IN 1..cardinality(keys) LOOP
      s0 := sbench.schedstat();
      t0 := clock_timestamp();
      EXECUTE format('SELECT count(q.*) FROM (%s) q', qs[i]) INTO n;
      ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
      s1 := sbench.schedstat();
      INSERT INTO sbench.timing (key, round, ms, n, cpu_ms)
      VALUES (keys[i], r, ms, n, (s1[1] - s0[1]) / 1e6);
    END LOOP;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION sbench.median_cpu(k text)
  RETURNS float8
  LANGUAGE sql STABLE
AS $$ SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_ms) FROM sbench.timing WHERE key = k $$;

-- 'same' when the checked results of the keys are equal (rows and digest)
CREATE OR REPLACE FUNCTION sbench.same_result(VARIADIC ks text[])
  RETURNS text
  LANGUAGE sql STABLE
AS $$
  SELECT CASE WHEN count(*) < cardinality(ks) THEN 'not checked'
              WHEN count(DISTINCT digest) = 1 THEN 'same'
              ELSE 'DIFFERENT (' || string_agg(key || ': ' || n || ' rows', ', ' ORDER BY key) || ')' END
    FROM sbench.result WHERE key = ANY (ks)
$$;

-- The side tables of the core section, built once after the load (untimed):
--   task_due   each task's judged deadline (assigned, else current) as
--              neongraph.deadline and as what a schema without the type
--              stores: a due date and a recurring flag
--   texts      every task's deadline as the directive wrote it (deadline_text)
--   isotexts   as many ISO date texts 'YYYY-MM-DD' (the due date, or the
--              generator's reference day for a deadline without one)
--   st         every assignment's agency and status as of as_of
--              (neongraph.assignment_state)
--   late       the tasks with an assignment overdue as of as_of (the tasks
--              neongraph.bottlenecks passes to hold_up_counts); at most
--              max_late of them, every k-th by task_id when there are more
-- Returns the row counts as "key=value" words.
CREATE OR REPLACE FUNCTION sbench.make_core_tables(as_of date, ref date, max_late bigint)
  RETURNS text
  LANGUAGE plpgsql
AS $$
DECLARE
  nlate bigint;
  every bigint;
BEGIN
  PERFORM set_config('client_min_messages', 'warning', true);
  DROP TABLE IF EXISTS sbench.task_due, sbench.texts, sbench.isotexts, sbench.st, sbench.late, sbench.late_all;
  CREATE TABLE sbench.task_due AS
    SELECT t.task_id, t.directive_id, x.d,
           neongraph.due_date(x.d) AS due,
           coalesce(neongraph.recurrence(x.d) IS NOT NULL, false) AS is_recurring
      FROM neongraph.task t
      CROSS JOIN LATERAL (SELECT coalesce(t.assigned_deadline, t.deadline) AS d) x;
  ALTER TABLE sbench.task_due ADD PRIMARY KEY (task_id);
  CREATE TABLE sbench.texts AS
    SELECT t.deadline_text AS x FROM neongraph.task t
     WHERE t.deadline_text IS NOT NULL ORDER BY t.task_id;
  CREATE TABLE sbench.isotexts AS
    SELECT to_char(coalesce(neongraph.due_date(t.deadline), ref), 'YYYY-MM-DD') AS x FROM neongraph.task t
     WHERE t.deadline_text IS NOT NULL ORDER BY t.task_id;
  CREATE TEMP TABLE state_all ON COMMIT DROP AS
    SELECT s.task_id, s.agency_code, s.status FROM neongraph.assignment_state(as_of) s;
  CREATE TABLE sbench.st AS SELECT s.agency_code, s.status FROM state_all s;
  CREATE TABLE sbench.late_all AS SELECT DISTINCT s.task_id FROM state_all s WHERE s.status = 'overdue';
  DROP TABLE state_all;
  SELECT count(*) INTO nlate FROM sbench.late_all;
  every := greatest(1, ceil(nlate::numeric / greatest(max_late, 1)))::bigint;
  CREATE TABLE sbench.late AS
    SELECT task_id FROM (SELECT task_id, row_number() OVER (ORDER BY task_id) AS i FROM sbench.late_all) x
     WHERE i % every = 0;
  DROP TABLE sbench.late_all;
  RETURN format('task_due=%s texts=%s isotexts=%s st=%s late_all=%s late=%s late_every=%s',
                (SELECT count(*) FROM sbench.task_due), (SELECT count(*) FROM sbench.texts),
                (SELECT count(*) FROM sbench.isotexts), (SELECT count(*) FROM sbench.st),
                nlate, (SELECT count(*) FROM sbench.late), every);
END
$$;

-- the root of the largest cascade (derives links followed downwards from a
-- task that derives from nothing) and its size
CREATE OR REPLACE FUNCTION sbench.largest_cascade(OUT root bigint, OUT tasks bigint)
  LANGUAGE sql STABLE
AS $$
  WITH RECURSIVE r(root, node) AS (
    SELECT DISTINCT l.to_task, l.to_task FROM neongraph.task_link l
     WHERE l.kind = 'derives'
       AND NOT EXISTS (SELECT FROM neongraph.task_link p WHERE p.from_task = l.to_task AND p.kind = 'derives')
    UNION ALL
    SELECT r.root, l.from_task FROM r JOIN neongraph.task_link l ON l.to_task = r.node AND l.kind = 'derives')
  SELECT root, count(*) - 1 FROM r GROUP BY root ORDER BY 2 DESC, 1 LIMIT 1
$$;
