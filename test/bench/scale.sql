-- test/bench/scale.sql — helpers of test/bench/scale.sh (loaded into each of
-- its throwaway databases; never part of the extension).
--
--   sbench.measure_round(keys, queries, round): runs each query once, in the
--   order given (the caller alternates fast and recomputed queries, round
--   after round), timed server-side with clock_timestamp(); stores the time
--   and an order-independent digest of the result (so that the fast and the
--   recomputed scorecard can be compared on the very runs that were timed).

CREATE SCHEMA IF NOT EXISTS sbench;

CREATE TABLE IF NOT EXISTS sbench.timing (
  key    text NOT NULL,
  round  int NOT NULL,
  ms     float8 NOT NULL,
  n      bigint NOT NULL,
  digest text,
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
