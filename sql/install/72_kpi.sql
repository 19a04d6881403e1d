-- KPI attainment: how far each KPI has gone from its baseline to its target,
-- as of any date, direction-aware, capped and uncapped; met or not at its
-- deadline; rolled up per agency (along the hierarchy) and per working group.
--
-- Attainment of a value v, baseline b, target t, in percent:
--   with a baseline on the far side of the target (b < t for 'increase',
--   b > t for 'decrease'):   (v - b) / (t - b) * 100
--   otherwise (no baseline, or b on the wrong side or equal to t):
--     increase: v / t * 100 (t > 0); 100 if v >= t else 0 (t <= 0)
--     decrease: t / v * 100 (v > 0); 100 if v <= t else 0 (v <= 0)
--   capped: the same, limited to 0..100.
-- The value used as of a date is the latest one measured (kpi_value.measured_on)
-- on or before that date.

CREATE FUNCTION neongraph.kpi_attainment(value pg_catalog.numeric, baseline pg_catalog.numeric,
                                         target pg_catalog.numeric, direction pg_catalog.text,
                                         capped pg_catalog.bool DEFAULT true)
  RETURNS pg_catalog.numeric
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  up pg_catalog.bool;
  r  pg_catalog.numeric;
BEGIN
  IF direction IS NULL OR direction NOT IN ('increase', 'decrease') THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = pg_catalog.format('invalid KPI direction: %s', coalesce(pg_catalog.quote_literal(direction), 'NULL')),
      DETAIL = 'A KPI is better when it increases (higher is better) or when it decreases (lower is better).',
      HINT = 'Use ''increase'' or ''decrease''.';
  END IF;
  IF value IS NULL OR target IS NULL THEN
    RETURN NULL;
  END IF;
  up := direction OPERATOR(pg_catalog.=) 'increase';
  IF baseline IS NOT NULL AND ((up AND baseline OPERATOR(pg_catalog.<) target)
                               OR (NOT up AND baseline OPERATOR(pg_catalog.>) target)) THEN
    r := (value OPERATOR(pg_catalog.-) baseline) OPERATOR(pg_catalog.*) 100
         OPERATOR(pg_catalog./) (target OPERATOR(pg_catalog.-) baseline);
  ELSIF up THEN
    r := CASE WHEN target OPERATOR(pg_catalog.>) 0 THEN value OPERATOR(pg_catalog.*) 100 OPERATOR(pg_catalog./) target
              WHEN value OPERATOR(pg_catalog.>=) target THEN 100 ELSE 0 END;
  ELSE
    r := CASE WHEN value OPERATOR(pg_catalog.>) 0 THEN target OPERATOR(pg_catalog.*) 100 OPERATOR(pg_catalog./) value
              WHEN value OPERATOR(pg_catalog.<=) target THEN 100 ELSE 0 END;
  END IF;
  IF coalesce(capped, true) THEN
    r := least(100::pg_catalog.numeric, greatest(0::pg_catalog.numeric, r));
  END IF;
  RETURN pg_catalog.round(r, 2);
END
$$;
COMMENT ON FUNCTION neongraph.kpi_attainment(pg_catalog.numeric, pg_catalog.numeric, pg_catalog.numeric, pg_catalog.text, pg_catalog.bool) IS
  'Attainment in percent (2 decimals) of a KPI value against its target, direction ''increase'' (higher is better) or ''decrease'' (lower is better): (value - baseline) / (target - baseline) * 100 when the baseline lies on the far side of the target; without a usable baseline value/target (increase) or target/value (decrease); capped to 0..100 unless capped is false; NULL without a value';

CREATE FUNCTION neongraph.kpi_met(value pg_catalog.numeric, target pg_catalog.numeric, direction pg_catalog.text)
  RETURNS pg_catalog.bool
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN $3 OPERATOR(pg_catalog.=) 'decrease' THEN $1 OPERATOR(pg_catalog.<=) $2
              ELSE $1 OPERATOR(pg_catalog.>=) $2 END
$$;
COMMENT ON FUNCTION neongraph.kpi_met(pg_catalog.numeric, pg_catalog.numeric, pg_catalog.text) IS
  'Whether a value reaches the target: value >= target for ''increase'', value <= target for ''decrease''; NULL without a value';

CREATE FUNCTION neongraph.kpi_results(as_of pg_catalog.date)
  RETURNS TABLE (
    kpi_id             pg_catalog.int8,
    code               pg_catalog.text,
    name               pg_catalog.text,
    owner_code         pg_catalog.text,
    task_id            pg_catalog.int8,
    unit               pg_catalog.text,
    direction          pg_catalog.text,
    baseline           pg_catalog.numeric,
    target             pg_catalog.numeric,
    due_date           pg_catalog.date,
    value              pg_catalog.numeric,
    measured_on        pg_catalog.date,
    attainment         pg_catalog.numeric,
    attainment_uncapped pg_catalog.numeric,
    met                pg_catalog.bool,
    value_at_due       pg_catalog.numeric,
    result             pg_catalog.text)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  SELECT k.kpi_id, k.code, k.name, k.owner_code, k.task_id, k.unit, k.direction, k.baseline, k.target,
         neongraph.due_date(k.deadline),
         v.value, v.measured_on,
         neongraph.kpi_attainment(v.value, k.baseline, k.target, k.direction, true),
         neongraph.kpi_attainment(v.value, k.baseline, k.target, k.direction, false),
         coalesce(neongraph.kpi_met(v.value, k.target, k.direction), false),
         dv.value,
         CASE WHEN neongraph.due_date(k.deadline) IS NULL THEN 'no_deadline'
              WHEN neongraph.due_date(k.deadline) OPERATOR(pg_catalog.>=) $1 THEN 'pending'
              WHEN coalesce(neongraph.kpi_met(dv.value, k.target, k.direction), false) THEN 'met'
              ELSE 'not_met' END
    FROM neongraph.kpi k
    LEFT JOIN LATERAL (
      SELECT x.value, x.measured_on FROM neongraph.kpi_value x
       WHERE x.kpi_id OPERATOR(pg_catalog.=) k.kpi_id AND x.measured_on OPERATOR(pg_catalog.<=) $1
       ORDER BY x.measured_on DESC LIMIT 1) v ON true
    LEFT JOIN LATERAL (
      SELECT x.value FROM neongraph.kpi_value x
       WHERE x.kpi_id OPERATOR(pg_catalog.=) k.kpi_id
         AND neongraph.due_date(k.deadline) IS NOT NULL
         AND x.measured_on OPERATOR(pg_catalog.<=) least(neongraph.due_date(k.deadline), $1)
       ORDER BY x.measured_on DESC LIMIT 1) dv ON true
$$;
COMMENT ON FUNCTION neongraph.kpi_results(pg_catalog.date) IS
  'Every KPI as of a date: the latest value measured on or before it, attainment capped (0..100) and uncapped (neongraph.kpi_attainment), met (the value reaches the target), the value at the due date (latest measured on or before it, and known by as_of) and result: pending until the due date has passed, then met or not_met (no value by the due date: not_met); no_deadline for a KPI without a dated deadline';

CREATE FUNCTION neongraph.kpi_by_agency(as_of pg_catalog.date, with_descendants pg_catalog.bool DEFAULT true)
  RETURNS TABLE (
    agency_code        pg_catalog.text,
    kpis               pg_catalog.int8,
    reported           pg_catalog.int8,
    attainment         pg_catalog.numeric,
    attainment_uncapped pg_catalog.numeric,
    met_now            pg_catalog.int8,
    met                pg_catalog.int8,
    not_met            pg_catalog.int8,
    pending            pg_catalog.int8)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  SELECT tr.ancestor_code,
         pg_catalog.count(*),
         pg_catalog.count(s.value),
         pg_catalog.round(pg_catalog.avg(coalesce(s.attainment, 0)), 2),
         pg_catalog.round(pg_catalog.avg(coalesce(s.attainment_uncapped, 0)), 2),
         pg_catalog.count(*) FILTER (WHERE s.met),
         pg_catalog.count(*) FILTER (WHERE s.result OPERATOR(pg_catalog.=) 'met'),
         pg_catalog.count(*) FILTER (WHERE s.result OPERATOR(pg_catalog.=) 'not_met'),
         pg_catalog.count(*) FILTER (WHERE s.result OPERATOR(pg_catalog.=) 'pending')
    FROM neongraph.kpi_results($1) s
    JOIN neongraph.agency_tree tr ON tr.agency_code OPERATOR(pg_catalog.=) s.owner_code
   WHERE coalesce($2, true) OR tr.depth OPERATOR(pg_catalog.=) 0
   GROUP BY tr.ancestor_code
$$;
COMMENT ON FUNCTION neongraph.kpi_by_agency(pg_catalog.date, pg_catalog.bool) IS
  'KPI attainment per agency as of a date: the KPIs it owns, with those of every agency under it unless with_descendants is false; attainment is the mean of the capped attainments (a KPI without a value by then counts 0), attainment_uncapped the mean of the uncapped ones; met_now counts KPIs whose latest value reaches the target, met / not_met / pending the results at the due date';

CREATE FUNCTION neongraph.kpi_by_group(as_of pg_catalog.date)
  RETURNS TABLE (
    group_code         pg_catalog.text,
    kpis               pg_catalog.int8,
    reported           pg_catalog.int8,
    attainment         pg_catalog.numeric,
    attainment_uncapped pg_catalog.numeric,
    met_now            pg_catalog.int8,
    met                pg_catalog.int8,
    not_met            pg_catalog.int8,
    pending            pg_catalog.int8)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  WITH kg AS (
    -- the group of the KPI's task when it names one, else every group whose
    -- member agency (or an agency above the owner) the owner falls under
    SELECT DISTINCT s.kpi_id, g.group_code
      FROM neongraph.kpi_results($1) s
      LEFT JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) s.task_id
      CROSS JOIN LATERAL (
        SELECT t.working_group AS group_code WHERE t.working_group IS NOT NULL
        UNION ALL
        SELECT m.group_code
          FROM neongraph.agency_tree tr
          JOIN neongraph.working_group_member m ON m.agency_code OPERATOR(pg_catalog.=) tr.ancestor_code
         WHERE tr.agency_code OPERATOR(pg_catalog.=) s.owner_code AND t.working_group IS NULL) g
  )
  SELECT kg.group_code,
         pg_catalog.count(*),
         pg_catalog.count(s.value),
         pg_catalog.round(pg_catalog.avg(coalesce(s.attainment, 0)), 2),
         pg_catalog.round(pg_catalog.avg(coalesce(s.attainment_uncapped, 0)), 2),
         pg_catalog.count(*) FILTER (WHERE s.met),
         pg_catalog.count(*) FILTER (WHERE s.result OPERATOR(pg_catalog.=) 'met'),
         pg_catalog.count(*) FILTER (WHERE s.result OPERATOR(pg_catalog.=) 'not_met'),
         pg_catalog.count(*) FILTER (WHERE s.result OPERATOR(pg_catalog.=) 'pending')
    FROM kg JOIN neongraph.kpi_results($1) s ON s.kpi_id OPERATOR(pg_catalog.=) kg.kpi_id
   GROUP BY kg.group_code
$$;
COMMENT ON FUNCTION neongraph.kpi_by_group(pg_catalog.date) IS
  'KPI attainment per working group as of a date, figures as in neongraph.kpi_by_agency: a KPI counts for the working group of its task when the task names one, else for every group its owner agency (or an agency above it) is a member of';
