-- test/bench/functions.sql — the benchmark's helpers (loaded by test/bench/run.sh
-- into its throwaway cluster; never part of the extension):
--   * bench.status_plpgsql — SPEC's six-rule status in PL/pgSQL over a due date
--     and a recurring flag, the baseline a user would write without the extension;
--   * bench.vi_text — a deadline as an official document writes it, in one of
--     the forms the seeds use (for the parsing benchmark and the table);
--   * bench.measure — runs a query N times server-side and records each time.

CREATE SCHEMA IF NOT EXISTS bench;

-- SPEC "Task status", rules 1..6, faithfully; the statuses are typed constants
-- so no enum input runs per call (the fairest PL/pgSQL version).
CREATE FUNCTION bench.status_plpgsql(due date, is_recurring boolean, completed_on date,
                                     as_of date, due_soon_days int DEFAULT 7)
  RETURNS neongraph.task_status
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
  completed boolean;
BEGIN
  IF as_of IS NULL OR due_soon_days IS NULL THEN
    RETURN NULL;
  END IF;
  -- 1. a completion after as_of is not yet known: the task is open
  completed := completed_on IS NOT NULL AND completed_on <= as_of;
  -- 2. completed
  IF completed THEN
    IF is_recurring OR due IS NULL OR completed_on <= due THEN
      RETURN 'done_on_time'::neongraph.task_status;
    END IF;
    RETURN 'done_late'::neongraph.task_status;
  END IF;
  -- 3. open, recurring / undated
  IF is_recurring THEN
    RETURN 'recurring'::neongraph.task_status;
  END IF;
  IF due IS NULL THEN
    RETURN 'no_deadline'::neongraph.task_status;
  END IF;
  -- 4. past the due date
  IF as_of > due THEN
    RETURN 'overdue'::neongraph.task_status;
  END IF;
  -- 5. due within due_soon_days
  IF due - as_of <= due_soon_days THEN
    RETURN 'due_soon'::neongraph.task_status;
  END IF;
  -- 6.
  RETURN 'on_track'::neongraph.task_status;
END
$$;

-- day/month/year as documents write them: 'D/M/YYYY' (no leading zeros),
-- 'DD/MM/YYYY', 'D.M.YYYY', 'D-M-YYYY'
CREATE FUNCTION bench.dmy(b date, style int) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE  -- STABLE: to_char is, and so they inline
  RETURN CASE style
           WHEN 0 THEN to_char(b, 'FMDD/FMMM/YYYY')
           WHEN 1 THEN to_char(b, 'DD/MM/YYYY')
           WHEN 2 THEN to_char(b, 'FMDD.FMMM.YYYY')
           ELSE to_char(b, 'FMDD-FMMM-YYYY')
         END;

-- A deadline of the given kind as written in a directive or its appendix.
-- b is the date written (for 'before', the day named after "trước"); for
-- 'range', b .. b2.  Forms and their weights follow seeds 000, 001 and 003:
-- bare dates, "Trước 15/11/2025", "Hoàn thành trong tháng 10/2025.",
-- "quý IV/2025", "Năm 2025", "Thường xuyên" dominate.
CREATE FUNCTION bench.vi_text(kind text, v int, b date, b2 date) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE  -- STABLE: to_char is, and so they inline
  RETURN CASE kind
    WHEN 'date' THEN CASE v % 12
      WHEN 0 THEN bench.dmy(b, 1)                           -- 31/12/2025
      WHEN 1 THEN bench.dmy(b, 1)
      WHEN 2 THEN bench.dmy(b, 0)                           -- 1/7/2025
      WHEN 3 THEN bench.dmy(b, 0)
      WHEN 4 THEN 'ngày ' || bench.dmy(b, 0)
      WHEN 5 THEN 'đến ngày ' || bench.dmy(b, 1)
      WHEN 6 THEN 'chậm nhất ngày ' || bench.dmy(b, 0)
      WHEN 7 THEN 'phấn đấu đến ngày ' || bench.dmy(b, 0)   -- soft
      WHEN 8 THEN 'ngày ' || to_char(b, 'FMDD') || ' tháng ' || to_char(b, 'FMMM')
                  || ' năm ' || to_char(b, 'YYYY')
      WHEN 9 THEN 'Hoàn thành chậm nhất ngày ' || bench.dmy(b, 0)
      WHEN 10 THEN bench.dmy(b, 2)                          -- 20.7.2025
      ELSE bench.dmy(b, 3)                                  -- 30-6-2025
    END
    WHEN 'before' THEN CASE v % 5
      WHEN 0 THEN 'Trước ' || bench.dmy(b, 0)
      WHEN 1 THEN 'Trước ' || bench.dmy(b, 1)
      WHEN 2 THEN 'trước ngày ' || bench.dmy(b, 0)
      WHEN 3 THEN 'Hoàn thành trước ngày ' || bench.dmy(b, 1) || '.'
      ELSE 'Hoàn thành trước ' || bench.dmy(b, 1)
    END
    WHEN 'month' THEN CASE v % 7
      WHEN 0 THEN 'tháng ' || to_char(b, 'FMMM/YYYY')
      WHEN 1 THEN 'Hoàn thành trong tháng ' || to_char(b, 'FMMM/YYYY') || '.'
      WHEN 2 THEN 'Hoàn thành trong tháng ' || to_char(b, 'FMMM/YYYY')
      WHEN 3 THEN 'trong tháng ' || to_char(b, 'MM/YYYY')
      WHEN 4 THEN 'đến hết tháng ' || to_char(b, 'FMMM/YYYY')
      WHEN 5 THEN 'Hoàn thành chậm nhất trong tháng ' || to_char(b, 'FMMM/YYYY') || '.'
      ELSE 'tháng ' || to_char(b, 'FMMM') || ' năm ' || to_char(b, 'YYYY')
    END
    WHEN 'quarter' THEN CASE v % 5
      WHEN 0 THEN 'Quý ' || (ARRAY['I','II','III','IV'])[extract(quarter FROM b)::int] || '/' || to_char(b, 'YYYY')
      WHEN 1 THEN 'quý ' || (ARRAY['I','II','III','IV'])[extract(quarter FROM b)::int] || '/' || to_char(b, 'YYYY')
      WHEN 2 THEN 'quý ' || extract(quarter FROM b)::int || '/' || to_char(b, 'YYYY')
      WHEN 3 THEN 'trong quý ' || (ARRAY['I','II','III','IV'])[extract(quarter FROM b)::int] || '/' || to_char(b, 'YYYY')
      ELSE 'hoàn thành trong quý ' || (ARRAY['I','II','III','IV'])[extract(quarter FROM b)::int] || '/' || to_char(b, 'YYYY') || '.'
    END
    WHEN 'half' THEN CASE WHEN extract(month FROM b) <= 6
      THEN '6 tháng đầu năm ' || to_char(b, 'YYYY')
      ELSE '6 tháng cuối năm ' || to_char(b, 'YYYY') END
    WHEN 'year' THEN CASE v % 4
      WHEN 0 THEN 'Năm ' || to_char(b, 'YYYY')
      WHEN 1 THEN 'trong năm ' || to_char(b, 'YYYY')
      WHEN 2 THEN 'cuối năm ' || to_char(b, 'YYYY')
      ELSE 'đến năm ' || to_char(b, 'YYYY')
    END
    WHEN 'range' THEN CASE v % 2
      WHEN 0 THEN 'từ ngày ' || bench.dmy(b, 0) || ' đến ngày ' || bench.dmy(b2, 0)
      ELSE bench.dmy(b, 0) || ' - ' || bench.dmy(b2, 0)
    END
    WHEN 'recurring' THEN CASE v % 6
      WHEN 0 THEN 'Thường xuyên'
      WHEN 1 THEN 'Thường xuyên'
      WHEN 2 THEN 'Nhiệm vụ thường xuyên'
      WHEN 3 THEN 'thường xuyên'
      WHEN 4 THEN 'hằng quý'
      ELSE 'định kỳ hằng tháng'
    END
  END;

-- the due date SPEC gives each kind, computed independently of the C code
CREATE FUNCTION bench.expected_due(kind text, b date, b2 date) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE  -- STABLE: to_char is, and so they inline
  RETURN CASE kind
    WHEN 'date' THEN b
    WHEN 'before' THEN b - 1
    WHEN 'month' THEN (date_trunc('month', b) + interval '1 month - 1 day')::date
    WHEN 'quarter' THEN (date_trunc('quarter', b) + interval '3 months - 1 day')::date
    WHEN 'half' THEN CASE WHEN extract(month FROM b) <= 6
                          THEN make_date(extract(year FROM b)::int, 6, 30)
                          ELSE make_date(extract(year FROM b)::int, 12, 31) END
    WHEN 'year' THEN make_date(extract(year FROM b)::int, 12, 31)
    WHEN 'range' THEN b2
    ELSE NULL
  END;

-- Every timed run, and the plans checked.
-- ms is wall-clock time; cpu_ms the time the backend itself spent on a CPU
-- and wait_ms the time it waited for one (from /proc/self/schedstat, in ns):
-- on a machine shared with other work, cpu_ms is the steadier measure of the
-- work a serial query does.
CREATE TABLE bench.timing (key text NOT NULL, run int NOT NULL, ms float8 NOT NULL, n bigint,
                           cpu_ms float8, wait_ms float8,
                           seq bigint GENERATED ALWAYS AS IDENTITY);

-- this backend's (time on CPU, time waiting for a CPU) in ns, or NULLs
CREATE FUNCTION bench.schedstat() RETURNS bigint[]
  LANGUAGE plpgsql
AS $$
BEGIN
  RETURN (string_to_array(split_part(pg_read_file('/proc/self/schedstat'), E'\n', 1), ' '))[1:2]::bigint[];
EXCEPTION WHEN OTHERS THEN
  RETURN ARRAY[NULL, NULL]::bigint[];
END
$$;

-- Time a group of queries that are compared with each other: one untimed
-- warm-up round, then `runs` rounds, each running every query of the group
-- once, in turn (interleaved, so that a neighbour's load or a drift of the
-- machine hits all of them alike rather than one query's five runs).  Each
-- query is wrapped as SELECT count(q.*) FROM (q) q: every row and column of q
-- is produced (the whole-row reference stops the planner from dropping unused
-- aggregates of the subquery).  Each execution is timed with clock_timestamp()
-- around EXECUTE.  par[i] runs query i with up to 2 parallel workers (and
-- parallel plans made cheap enough to be chosen); the others run serially.
CREATE FUNCTION bench.measure_group(keys text[], qs text[], par boolean[], runs int)
  RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  t0 timestamptz;
  ms float8;
  n bigint;
  s0 bigint[];
  s1 bigint[];
BEGIN
  DELETE FROM bench.timing t WHERE t.key = ANY (keys);
  FOR r IN 0..runs LOOP
    FOR i IN 1..cardinality(keys) LOOP
      IF par[i] THEN
        PERFORM set_config('max_parallel_workers_per_gather', '2', true),
                set_config('parallel_setup_cost', '0', true),
                set_config('parallel_tuple_cost', '0', true),
                set_config('min_parallel_table_scan_size', '0', true);
      ELSE
        PERFORM set_config('max_parallel_workers_per_gather', '0', true);
      END IF;
      s0 := bench.schedstat();
      t0 := clock_timestamp();
      EXECUTE format('SELECT count(q.*) FROM (%s) q', qs[i]) INTO n;
      ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
      s1 := bench.schedstat();
      IF r > 0 THEN                       -- round 0 is the warm-up
        INSERT INTO bench.timing (key, run, ms, n, cpu_ms, wait_ms)
        VALUES (keys[i], r, ms, n, (s1[1] - s0[1]) / 1e6, (s1[2] - s0[2]) / 1e6);
      END IF;
    END LOOP;
  END LOOP;
  PERFORM set_config('max_parallel_workers_per_gather', '0', true);
END
$$;

-- The plan q actually runs with when executed the way bench.measure runs it
-- (through PL/pgSQL EXECUTE, i.e. SPI): EXPLAIN ANALYZE, so "Workers Launched"
-- shows whether the parallel workers really ran.
CREATE FUNCTION bench.plan(q text) RETURNS SETOF text
  LANGUAGE plpgsql
AS $$
BEGIN
  RETURN QUERY EXECUTE format('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT count(q.*) FROM (%s) q', q);
END
$$;
