-- Rollups: the status_rollup aggregate and the display helpers (src/rollup.c).

CREATE TYPE neongraph.rollup AS (
  total            pg_catalog.int8,
  done_on_time     pg_catalog.int8,
  done_late        pg_catalog.int8,
  overdue          pg_catalog.int8,
  due_soon         pg_catalog.int8,
  on_track         pg_catalog.int8,
  recurring        pg_catalog.int8,
  no_deadline      pg_catalog.int8,
  cancelled        pg_catalog.int8,
  due              pg_catalog.int8,
  on_time_rate     pg_catalog.numeric,
  completion_rate  pg_catalog.numeric,
  overdue_rate     pg_catalog.numeric,
  overdue_share    pg_catalog.numeric
);
COMMENT ON TYPE neongraph.rollup IS
  'Counts of tasks by status and the rates the Government Office publishes; rates are fractions (0..1), NULL when the denominator is 0';
COMMENT ON COLUMN neongraph.rollup.total IS 'All tasks counted, cancelled included';
COMMENT ON COLUMN neongraph.rollup.done_on_time IS 'Completed by the due date (Hoàn thành đúng hạn)';
COMMENT ON COLUMN neongraph.rollup.done_late IS 'Completed after the due date (Hoàn thành quá hạn)';
COMMENT ON COLUMN neongraph.rollup.overdue IS 'Open and past the due date (Quá hạn)';
COMMENT ON COLUMN neongraph.rollup.due_soon IS 'Open and due within the warning window (Sắp đến hạn)';
COMMENT ON COLUMN neongraph.rollup.on_track IS 'Open, not yet due (Đang thực hiện trong hạn)';
COMMENT ON COLUMN neongraph.rollup.recurring IS 'Open recurring tasks (Thường xuyên); not in due';
COMMENT ON COLUMN neongraph.rollup.no_deadline IS 'Open tasks without a deadline; not in due';
COMMENT ON COLUMN neongraph.rollup.cancelled IS 'Cancelled tasks (Dừng thực hiện); not in due';
COMMENT ON COLUMN neongraph.rollup.due IS 'done_on_time + done_late + overdue: tasks completed or past their due date';
COMMENT ON COLUMN neongraph.rollup.on_time_rate IS 'done_on_time / due';
COMMENT ON COLUMN neongraph.rollup.completion_rate IS '(done_on_time + done_late) / due — the "đạt x%" figure of the Government Office''s reports';
COMMENT ON COLUMN neongraph.rollup.overdue_rate IS 'overdue / due';
COMMENT ON COLUMN neongraph.rollup.overdue_share IS 'overdue / (total - cancelled) — the share of overdue tasks among all live tasks';

CREATE FUNCTION neongraph.status_rollup_trans(pg_catalog.internal, neongraph.task_status)
  RETURNS pg_catalog.internal
  AS 'MODULE_PATHNAME', 'status_rollup_trans'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.status_rollup_trans(pg_catalog.internal, neongraph.task_status) IS
  'Transition function of neongraph.status_rollup';

CREATE FUNCTION neongraph.status_rollup_combine(pg_catalog.internal, pg_catalog.internal)
  RETURNS pg_catalog.internal
  AS 'MODULE_PATHNAME', 'status_rollup_combine'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.status_rollup_combine(pg_catalog.internal, pg_catalog.internal) IS
  'Combine function of neongraph.status_rollup (parallel and partial aggregation)';

CREATE FUNCTION neongraph.status_rollup_serial(pg_catalog.internal)
  RETURNS pg_catalog.bytea
  AS 'MODULE_PATHNAME', 'status_rollup_serial'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.status_rollup_serial(pg_catalog.internal) IS
  'Serializes a neongraph.status_rollup state (eight counters, 64 bytes)';

CREATE FUNCTION neongraph.status_rollup_deserial(pg_catalog.bytea, pg_catalog.internal)
  RETURNS pg_catalog.internal
  AS 'MODULE_PATHNAME', 'status_rollup_deserial'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.status_rollup_deserial(pg_catalog.bytea, pg_catalog.internal) IS
  'Deserializes a neongraph.status_rollup state, checking its size';

CREATE FUNCTION neongraph.status_rollup_final(pg_catalog.internal)
  RETURNS neongraph.rollup
  AS 'MODULE_PATHNAME', 'status_rollup_final'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.status_rollup_final(pg_catalog.internal) IS
  'Final function of neongraph.status_rollup: counts and rates';

CREATE AGGREGATE neongraph.status_rollup(neongraph.task_status) (
  SFUNC = neongraph.status_rollup_trans,
  STYPE = pg_catalog.internal,
  SSPACE = 64,
  FINALFUNC = neongraph.status_rollup_final,
  COMBINEFUNC = neongraph.status_rollup_combine,
  SERIALFUNC = neongraph.status_rollup_serial,
  DESERIALFUNC = neongraph.status_rollup_deserial,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE neongraph.status_rollup(neongraph.task_status) IS
  'Counts statuses and computes due, on_time_rate, completion_rate, overdue_rate and overdue_share (a neongraph.rollup); NULL statuses are ignored';

CREATE FUNCTION neongraph.make_rollup(done_on_time pg_catalog.int8, done_late pg_catalog.int8,
                                      overdue pg_catalog.int8, due_soon pg_catalog.int8,
                                      on_track pg_catalog.int8, recurring pg_catalog.int8,
                                      no_deadline pg_catalog.int8, cancelled pg_catalog.int8)
  RETURNS neongraph.rollup
  AS 'MODULE_PATHNAME', 'make_rollup'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.make_rollup(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
  'A neongraph.rollup from counts kept elsewhere (NULL counts as 0): the same figures status_rollup gives';

-- Display helpers ----------------------------------------------------------

CREATE FUNCTION neongraph.rate_percent(rate pg_catalog.numeric, decimals pg_catalog.int4 DEFAULT 2,
                                       method pg_catalog.text DEFAULT 'cut')
  RETURNS pg_catalog.numeric
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF decimals IS NULL OR decimals < 0 OR decimals > 10 THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('invalid number of decimals: %s', coalesce(decimals::text, 'NULL')),
      DETAIL = 'Rates are shown with 0 to 10 decimals.',
      HINT = 'Pass decimals between 0 and 10, e.g. 2 as the Government Office publishes.';
  END IF;
  IF method IS NULL OR method NOT IN ('cut', 'round') THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('invalid rounding method: %s', coalesce(quote_literal(method), 'NULL')),
      DETAIL = 'A rate is either cut (truncated, as the Government Office publishes) or rounded.',
      HINT = 'Use ''cut'' or ''round''.';
  END IF;
  IF rate IS NULL THEN
    RETURN NULL;
  END IF;
  IF method = 'cut' THEN
    RETURN trunc(rate * 100, decimals);
  END IF;
  RETURN round(rate * 100, decimals);
END
$$;
COMMENT ON FUNCTION neongraph.rate_percent(pg_catalog.numeric, pg_catalog.int4, pg_catalog.text) IS
  'A rate (fraction) as a percentage with the given decimals, cut (truncated, the default, as the Government Office publishes: 0.986297 -> 98.62) or rounded (''round'': 98.63)';

CREATE FUNCTION neongraph.format_rate(rate pg_catalog.numeric, decimals pg_catalog.int4 DEFAULT 2,
                                      method pg_catalog.text DEFAULT 'cut', lang pg_catalog.text DEFAULT 'vi')
  RETURNS pg_catalog.text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p numeric := neongraph.rate_percent(rate, decimals, method);
BEGIN
  IF lang IS NULL OR lang NOT IN ('vi', 'en') THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('unsupported language for rates: %s', coalesce(quote_literal(lang), 'NULL')),
      DETAIL = 'Rates are written the Vietnamese way (98,62%) or the English way (98.62%).',
      HINT = 'Use ''vi'' or ''en''.';
  END IF;
  IF p IS NULL THEN
    RETURN NULL;
  END IF;
  IF lang = 'vi' THEN
    RETURN replace(p::text, '.', ',') || '%';
  END IF;
  RETURN p::text || '%';
END
$$;
COMMENT ON FUNCTION neongraph.format_rate(pg_catalog.numeric, pg_catalog.int4, pg_catalog.text, pg_catalog.text) IS
  'A rate as text the way reports print it: ''98,62%'' (vi, decimal comma) or ''98.62%'' (en), cut or rounded to the given decimals';

CREATE FUNCTION neongraph.rate_change(new_rate pg_catalog.numeric, old_rate pg_catalog.numeric,
                                      decimals pg_catalog.int4 DEFAULT 2, method pg_catalog.text DEFAULT 'cut')
  RETURNS pg_catalog.numeric
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN neongraph.rate_percent(new_rate, decimals, method)
       - neongraph.rate_percent(old_rate, decimals, method);
END
$$;
COMMENT ON FUNCTION neongraph.rate_change(pg_catalog.numeric, pg_catalog.numeric, pg_catalog.int4, pg_catalog.text) IS
  'Change between two periods'' rates in percentage points, computed from the two figures as published (each cut or rounded to the given decimals): rate_change(0.9862, 0.9750) = 1.12';
