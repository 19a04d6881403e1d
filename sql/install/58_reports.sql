-- Reports (Điều 3 of 67-QĐ/TGV): weekly reports due before 18:00 on Friday
-- that list only the tasks that changed that week, in the ten-field
-- structure; monthly, quarterly and yearly reports likewise.
--
-- The reporting week.  Times are Vietnamese (Asia/Ho_Chi_Minh, UTC+7).  The
-- week of a date D is the one whose report is due at 18:00 on the first
-- Friday on or after D (D itself when D is a Friday): it runs from 18:00 on
-- the Friday before that (included) to 18:00 on that Friday (excluded).
-- Consecutive weeks touch, so no change falls between two reports; a
-- change or report made at or after 18:00 on a Friday belongs to the next
-- week.  A task "changed" when it, its agencies or links, or the
-- assignment were updated or deleted (neongraph.history), or a progress
-- report was filed; creating a task is not a change by itself.  A month, quarter or year runs from 00:00 on its first day to 00:00
-- on the first day of the next; its report has no fixed deadline here.

CREATE FUNCTION neongraph.report_period(period pg_catalog.text, as_of pg_catalog.date,
    OUT period_start pg_catalog.timestamptz, OUT period_end pg_catalog.timestamptz,
    OUT report_deadline pg_catalog.timestamptz, OUT status_date pg_catalog.date,
    OUT label pg_catalog.text)
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  friday date;
  first date;
  nxt date;
BEGIN
  IF as_of IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22004',
      MESSAGE = 'the report date must be given',
      DETAIL = 'as_of (or week_of) is NULL.',
      HINT = 'Pass a date in the period to report on, e.g. neongraph.today().';
  END IF;
  CASE lower(btrim(coalesce(period, '')))
  WHEN 'week', 'weekly', 'tuần' THEN
    friday := as_of + ((5 - extract(isodow FROM as_of)::int + 7) % 7);
    period_start := ((friday - 7) + time '18:00') AT TIME ZONE 'Asia/Ho_Chi_Minh';
    period_end := (friday + time '18:00') AT TIME ZONE 'Asia/Ho_Chi_Minh';
    report_deadline := period_end;
    status_date := friday;
    label := format('week to Friday %s 18:00', to_char(friday, 'YYYY-MM-DD'));
    RETURN;
  WHEN 'month', 'monthly', 'tháng' THEN
    first := date_trunc('month', as_of::timestamp)::date;
    nxt := (first::timestamp + interval '1 month')::date;
    label := to_char(first, 'YYYY-MM');
  WHEN 'quarter', 'quarterly', 'quý' THEN
    first := date_trunc('quarter', as_of::timestamp)::date;
    nxt := (first::timestamp + interval '3 months')::date;
    label := to_char(first, 'YYYY-"Q"Q');
  WHEN 'year', 'yearly', 'năm' THEN
    first := date_trunc('year', as_of::timestamp)::date;
    nxt := (first::timestamp + interval '1 year')::date;
    label := to_char(first, 'YYYY');
  ELSE
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('unknown report period: %s', coalesce(quote_literal(period), 'NULL')),
      DETAIL = 'Reports are weekly, monthly, quarterly or yearly.',
      HINT = 'Use ''week'', ''month'', ''quarter'' or ''year''.';
  END CASE;
  period_start := (first + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh';
  period_end := (nxt + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh';
  report_deadline := NULL;
  status_date := nxt - 1;
END
$$;
COMMENT ON FUNCTION neongraph.report_period(pg_catalog.text, pg_catalog.date) IS
  'The reporting period (week, month, quarter or year) containing as_of, in Vietnamese time: [period_start, period_end); for a week, the one whose report is due at 18:00 on the first Friday on or after as_of, starting 18:00 the Friday before; report_deadline (weeks only), status_date (the day statuses are judged: the Friday, or the period''s last day) and a label';

CREATE FUNCTION neongraph.report_week_of(at pg_catalog.timestamptz)
  RETURNS pg_catalog.date
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN extract(isodow FROM l) = 5 AND l::pg_catalog.time >= '18:00'
              THEN l::pg_catalog.date + 1 ELSE l::pg_catalog.date END
    FROM (SELECT $1 AT TIME ZONE 'Asia/Ho_Chi_Minh' AS l) s
$$;
COMMENT ON FUNCTION neongraph.report_week_of(pg_catalog.timestamptz) IS
  'A date whose reporting week contains the moment at: a change at 18:00 or later on a Friday belongs to the next week''s report';

CREATE FUNCTION neongraph.report_scope(scope pg_catalog.text,
    OUT scope_kind pg_catalog.text, OUT scope_code pg_catalog.text, OUT scope_name pg_catalog.text)
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  SELECT 'working_group', w.code, w.name INTO scope_kind, scope_code, scope_name
    FROM neongraph.working_group w
   WHERE w.code = btrim(scope) OR neongraph.name_key(w.name) = neongraph.name_key(scope)
   ORDER BY w.code = btrim(scope) DESC LIMIT 1;
  IF FOUND THEN
    RETURN;
  END IF;
  scope_code := neongraph.agency_code(scope);
  SELECT 'agency', a.name INTO scope_kind, scope_name FROM neongraph.agency a WHERE a.code = scope_code;
END
$$;
COMMENT ON FUNCTION neongraph.report_scope(pg_catalog.text) IS
  'What a report scope names: a working group (by code or name) or else an agency (by code, name or alias; raises 42704 with the nearest names when none)';

CREATE FUNCTION neongraph.scope_assignments(scope_kind pg_catalog.text, scope_code pg_catalog.text)
  RETURNS SETOF pg_catalog.int8
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT g.assignment_id FROM neongraph.assignment_group g
   WHERE $1 = 'working_group' AND g.group_code = $2
  UNION
  SELECT s.assignment_id FROM neongraph.assignment s
    JOIN neongraph.agency_tree tr ON tr.agency_code = s.agency_code
   WHERE $1 = 'agency' AND tr.ancestor_code = $2
  UNION
  SELECT s.assignment_id FROM neongraph.assignment s
   WHERE $1 = 'agency' AND s.agency_code IN (SELECT neongraph.agency_members($2))
$$;
COMMENT ON FUNCTION neongraph.scope_assignments(pg_catalog.text, pg_catalog.text) IS
  'The assignments in a report scope: those a working group follows, or those of an agency and its descendants (of a collective: of its members)';

CREATE FUNCTION neongraph.period_report_rows(scope pg_catalog.text, period pg_catalog.text, as_of pg_catalog.date)
  RETURNS TABLE (
    task_id pg_catalog.int8, assignment_id pg_catalog.int8, directive pg_catalog.text, item_no pg_catalog.text,
    agency_code pg_catalog.text, agency_name pg_catalog.text,
    status pg_catalog.text, status_label pg_catalog.text, progress pg_catalog.int4,
    changes pg_catalog.int8, reports pg_catalog.int8, last_change_at pg_catalog.timestamptz,
    task pg_catalog.text, results pg_catalog.text, outputs pg_catalog.text, evidence pg_catalog.text,
    shortcomings pg_catalog.text, causes pg_catalog.text, recommendations pg_catalog.text,
    focal_point pg_catalog.text, milestone pg_catalog.text, adjustment pg_catalog.text)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH p AS (SELECT * FROM neongraph.report_period($2, $3)),
  sc AS (SELECT * FROM neongraph.report_scope($1)),
  ids AS MATERIALIZED (SELECT x AS assignment_id FROM sc, neongraph.scope_assignments(sc.scope_kind, sc.scope_code) x),
  st AS (SELECT s.* FROM p, neongraph.assignment_state(p.status_date) s
          WHERE s.assignment_id IN (SELECT assignment_id FROM ids)),
  ch AS (
    SELECT st.assignment_id, pg_catalog.count(h.history_id) AS n, pg_catalog.max(h.changed_at) AS last_at
      FROM st CROSS JOIN p
      JOIN neongraph.history h
        ON h.changed_at >= p.period_start AND h.changed_at < p.period_end
       AND h.task_id = st.task_id
       AND h.operation <> 'INSERT'
       AND (h.table_name <> 'assignment'
            OR coalesce(h.new_row, h.old_row) ->> 'assignment_id' = st.assignment_id::pg_catalog.text)
     GROUP BY st.assignment_id),
  rp AS (
    SELECT st.assignment_id, pg_catalog.count(*) AS n, pg_catalog.max(r.reported_at) AS last_at
      FROM st CROSS JOIN p
      JOIN neongraph.progress_report r
        ON r.assignment_id = st.assignment_id
       AND r.reported_at >= p.period_start AND r.reported_at < p.period_end
     GROUP BY st.assignment_id)
  SELECT st.task_id, st.assignment_id, st.directive, st.item_no, st.agency_code, st.agency_name,
         st.status::pg_catalog.text, neongraph.status_label(st.status), st.progress,
         coalesce(ch.n, 0), coalesce(rp.n, 0), greatest(ch.last_at, rp.last_at),
         coalesce(lr.task, st.content), lr.results, lr.outputs, coalesce(lr.evidence, st.evidence),
         lr.shortcomings, lr.causes, lr.recommendations, coalesce(lr.focal_point, st.agency_name),
         coalesce(lr.milestone, st.deadline), lr.adjustment
    FROM st
    LEFT JOIN ch ON ch.assignment_id = st.assignment_id
    LEFT JOIN rp ON rp.assignment_id = st.assignment_id
    CROSS JOIN p
    LEFT JOIN LATERAL (SELECT r.* FROM neongraph.progress_report r
                        WHERE r.assignment_id = st.assignment_id
                          AND r.reported_at >= p.period_start AND r.reported_at < p.period_end
                        ORDER BY r.reported_at DESC, r.report_id DESC LIMIT 1) lr ON true
   WHERE ch.n IS NOT NULL OR rp.n IS NOT NULL
   ORDER BY st.directive, st.item_no, st.agency_code
$$;
COMMENT ON FUNCTION neongraph.period_report_rows(pg_catalog.text, pg_catalog.text, pg_catalog.date) IS
  'The rows of a report: the assignments in scope (an agency with its descendants, or a working group) whose task, agencies, links or assignment changed (creation alone is not a change: a new task appears once something happens to it), or that were reported on, during the period (week, month, quarter, year) containing as_of; status as of the period''s status date; the ten fields of Điều 3.3 from the latest report of the period (task, focal point, milestone and evidence fall back to the task''s content, the agency, the deadline and the completion evidence)';

CREATE FUNCTION neongraph.weekly_report_rows(scope pg_catalog.text, week_of pg_catalog.date)
  RETURNS TABLE (
    task_id pg_catalog.int8, assignment_id pg_catalog.int8, directive pg_catalog.text, item_no pg_catalog.text,
    agency_code pg_catalog.text, agency_name pg_catalog.text,
    status pg_catalog.text, status_label pg_catalog.text, progress pg_catalog.int4,
    changes pg_catalog.int8, reports pg_catalog.int8, last_change_at pg_catalog.timestamptz,
    task pg_catalog.text, results pg_catalog.text, outputs pg_catalog.text, evidence pg_catalog.text,
    shortcomings pg_catalog.text, causes pg_catalog.text, recommendations pg_catalog.text,
    focal_point pg_catalog.text, milestone pg_catalog.text, adjustment pg_catalog.text)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$ SELECT * FROM neongraph.period_report_rows($1, 'week', $2) $$;
COMMENT ON FUNCTION neongraph.weekly_report_rows(pg_catalog.text, pg_catalog.date) IS
  'The rows of the weekly report of an agency or working group: period_report_rows(scope, ''week'', week_of)';

CREATE FUNCTION neongraph.report_timeliness(scope pg_catalog.text, period pg_catalog.text, as_of pg_catalog.date)
  RETURNS TABLE (
    agency_code pg_catalog.text, agency_name pg_catalog.text, open_assignments pg_catalog.int8,
    reports pg_catalog.int8, first_report_at pg_catalog.timestamptz, last_report_at pg_catalog.timestamptz,
    report_deadline pg_catalog.timestamptz, reported_in_time pg_catalog.bool)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH p AS (SELECT * FROM neongraph.report_period($2, $3)),
  sc AS (SELECT * FROM neongraph.report_scope($1)),
  open_at_start AS (
    SELECT s.assignment_id, s.agency_code
      FROM sc, p, neongraph.scope_assignments(sc.scope_kind, sc.scope_code) x
      JOIN neongraph.assignment s ON s.assignment_id = x
     WHERE NOT (s.completed_on IS NOT NULL
                AND (s.completed_on + pg_catalog.time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' < p.period_start)
       AND NOT (s.cancelled
                AND (s.cancelled_on + pg_catalog.time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' < p.period_start))
  SELECT o.agency_code, g.name, pg_catalog.count(DISTINCT o.assignment_id),
         pg_catalog.count(r.report_id), pg_catalog.min(r.reported_at), pg_catalog.max(r.reported_at),
         pg_catalog.min(p.report_deadline), pg_catalog.count(r.report_id) > 0
    FROM open_at_start o
    CROSS JOIN p
    JOIN neongraph.agency g ON g.code = o.agency_code
    LEFT JOIN neongraph.progress_report r
      ON r.assignment_id = o.assignment_id
     AND r.reported_at >= p.period_start AND r.reported_at < p.period_end
   GROUP BY o.agency_code, g.name
   ORDER BY o.agency_code
$$;
COMMENT ON FUNCTION neongraph.report_timeliness(pg_catalog.text, pg_catalog.text, pg_catalog.date) IS
  'For each agency in scope with work open at the start of the period: how many progress reports it filed within the period and whether it reported in time (at least one report before the deadline — 18:00 on Friday for a week; reports after it count for the next week)';

CREATE FUNCTION neongraph.local_time(at pg_catalog.timestamptz)
  RETURNS pg_catalog.text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.to_char($1 AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"') $$;
COMMENT ON FUNCTION neongraph.local_time(pg_catalog.timestamptz) IS
  'A moment written in Vietnamese time (ISO 8601 with +07:00), whatever the session''s TimeZone: used in reports';

CREATE FUNCTION neongraph.period_report(scope pg_catalog.text, period pg_catalog.text, as_of pg_catalog.date)
  RETURNS pg_catalog.jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH p AS (SELECT * FROM neongraph.report_period($2, $3)),
  sc AS (SELECT * FROM neongraph.report_scope($1)),
  ids AS MATERIALIZED (SELECT x AS assignment_id FROM sc, neongraph.scope_assignments(sc.scope_kind, sc.scope_code) x),
  roll AS (
    SELECT neongraph.status_rollup(s.status) AS r
      FROM p, neongraph.assignment_state(p.status_date) s
     WHERE s.assignment_id IN (SELECT ids.assignment_id FROM ids))
  SELECT pg_catalog.jsonb_build_object(
    'scope', pg_catalog.jsonb_build_object('kind', sc.scope_kind, 'code', sc.scope_code, 'name', sc.scope_name),
    'period', pg_catalog.jsonb_build_object(
        'kind', pg_catalog.lower(pg_catalog.btrim($2)), 'label', p.label,
        'from', neongraph.local_time(p.period_start), 'to', neongraph.local_time(p.period_end),
        'report_deadline', neongraph.local_time(p.report_deadline),
        'status_date', p.status_date),
    'summary', (SELECT pg_catalog.to_jsonb(roll.r) FROM roll),
    'tasks', coalesce((
      SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'task_id', x.task_id, 'directive', x.directive, 'item_no', x.item_no,
               'agency', x.agency_code, 'status', x.status, 'status_label', x.status_label,
               'progress', x.progress, 'changes', x.changes, 'reports', x.reports,
               'fields', pg_catalog.jsonb_build_object(
                   'task', x.task, 'results', x.results, 'outputs', x.outputs, 'evidence', x.evidence,
                   'shortcomings', x.shortcomings, 'causes', x.causes,
                   'recommendations', x.recommendations, 'focal_point', x.focal_point,
                   'milestone', x.milestone, 'adjustment', x.adjustment))
             ORDER BY x.directive, x.item_no, x.agency_code)
        FROM neongraph.period_report_rows($1, $2, $3) x), '[]'),
    'reporting', coalesce((
      SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'agency', t.agency_code, 'open_assignments', t.open_assignments, 'reports', t.reports,
               'last_report_at', neongraph.local_time(t.last_report_at),
               'reported_in_time', t.reported_in_time) ORDER BY t.agency_code)
        FROM neongraph.report_timeliness($1, $2, $3) t), '[]'))
  FROM sc, p
$$;
COMMENT ON FUNCTION neongraph.period_report(pg_catalog.text, pg_catalog.text, pg_catalog.date) IS
  'The report of an agency (with its descendants) or a working group for the week, month, quarter or year containing as_of, as jsonb: scope; period (from, to, report_deadline, in Vietnamese time); summary (status_rollup of the scope''s assignments on the status date); tasks — only those that changed or were reported on in the period — each with the ten fields of Điều 3.3; reporting — per agency, whether it reported in time';

CREATE FUNCTION neongraph.weekly_report(scope pg_catalog.text, week_of pg_catalog.date)
  RETURNS pg_catalog.jsonb
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$ SELECT neongraph.period_report($1, 'week', $2) $$;
COMMENT ON FUNCTION neongraph.weekly_report(pg_catalog.text, pg_catalog.date) IS
  'The weekly report (due before 18:00 on Friday, Asia/Ho_Chi_Minh) of an agency or working group for the week of week_of — from 18:00 on the previous Friday to 18:00 on the first Friday on or after week_of — listing only the tasks that changed that week, in the ten-field structure: period_report(scope, ''week'', week_of)';
