-- Early warning (cảnh báo sớm): the open assignments at risk as of a date,
-- each with its reasons and a severity to sort by.
--
-- * neongraph.assignment_facts(as_of): every assignment as it stood on a date
--   (status against the assigned deadline, progress, last report, blocked,
--   verified), the layer the warning, ranking and public pieces read.
-- * neongraph.behind_schedule(...): the Redmine rule, on its own.
-- * neongraph.early_warnings(as_of): the warnings.
-- Thresholds and points are rows of neongraph.setting (70_calendar.sql).

CREATE FUNCTION neongraph.day_end(day pg_catalog.date)
  RETURNS pg_catalog.timestamptz
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT (($1 OPERATOR(pg_catalog.+) 1)::pg_catalog.timestamp)
         AT TIME ZONE coalesce(pg_catalog.current_setting('neongraph.timezone', true), 'Asia/Ho_Chi_Minh')
$$;
COMMENT ON FUNCTION neongraph.day_end(pg_catalog.date) IS
  'The instant a Vietnamese calendar day ends (midnight after it, in the zone of GUC neongraph.timezone): an event at a time t happened by day d when t < day_end(d)';

CREATE FUNCTION neongraph.assignment_facts(as_of pg_catalog.date)
  RETURNS TABLE (
    assignment_id     pg_catalog.int8,
    task_id           pg_catalog.int8,
    agency_code       pg_catalog.text,
    directive_id      pg_catalog.int8,
    deadline          neongraph.deadline,
    due_date          pg_catalog.date,
    window_start      pg_catalog.date,
    status            neongraph.task_status,
    completed_on      pg_catalog.date,
    progress          pg_catalog.int4,
    last_report_at    pg_catalog.timestamptz,
    blocked           pg_catalog.bool,
    verified          pg_catalog.bool)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  SELECT s.assignment_id, s.task_id, s.agency_code, t.directive_id,
         j.d, neongraph.due_date(j.d),
         coalesce(neongraph.start_date(j.d), dir.issued_on),
         s.status,
         s.completed_on,
         CASE WHEN s.completed_on IS NOT NULL THEN 100
              WHEN r.reported_at IS NOT NULL THEN r.progress
              WHEN a.last_report_at IS NULL THEN a.progress   -- set without reports: as it stands
              ELSE 0 END,
         r.reported_at,
         coalesce(s.blocked, false),
         coalesce(s.verified, false)
    FROM neongraph.assignment_state($1) s
    JOIN neongraph.assignment a ON a.assignment_id OPERATOR(pg_catalog.=) s.assignment_id
    JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) s.task_id
    JOIN neongraph.directive dir ON dir.directive_id OPERATOR(pg_catalog.=) t.directive_id
    CROSS JOIN LATERAL (SELECT coalesce(t.assigned_deadline, t.deadline) AS d) j
    LEFT JOIN LATERAL (
      SELECT p.reported_at, p.progress
        FROM neongraph.progress_report p
       WHERE p.assignment_id OPERATOR(pg_catalog.=) s.assignment_id
         AND p.reported_at OPERATOR(pg_catalog.<) neongraph.day_end($1)
       ORDER BY p.reported_at DESC, p.report_id DESC
       LIMIT 1) r ON true
$$;
COMMENT ON FUNCTION neongraph.assignment_facts(pg_catalog.date) IS
  'Every assignment as it stood at the end of day as_of, built on neongraph.assignment_state(as_of) (its status against the assigned deadline, completion, blocked, verified) plus what the early warning needs: the deadline judged against (the assigned one when the deadline was re-stated), its due date and window start (the deadline''s own start, else the directive''s date), the progress as of then (100 once completed; else the latest report filed by then; 0 if the reports all came later; the stored progress if there are no reports) and the latest report time by then';

CREATE FUNCTION neongraph.behind_schedule(window_start pg_catalog.date, due_date pg_catalog.date,
                                          progress pg_catalog.int4, as_of pg_catalog.date)
  RETURNS pg_catalog.bool
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE
    WHEN $1 IS NULL OR $2 IS NULL OR $3 IS NULL OR $4 IS NULL THEN NULL
    WHEN $3 OPERATOR(pg_catalog.>=) 100 THEN false
    WHEN $2 OPERATOR(pg_catalog.<) $1 THEN $2 OPERATOR(pg_catalog.<=) $4  -- a window that ends before it starts: behind once due
    ELSE $1 OPERATOR(pg_catalog.+)
         pg_catalog.floor((($2 OPERATOR(pg_catalog.-) $1 OPERATOR(pg_catalog.+) 1) OPERATOR(pg_catalog.*) $3)::pg_catalog.numeric
                          OPERATOR(pg_catalog./) 100)::pg_catalog.int4
         OPERATOR(pg_catalog.<=) $4
  END
$$;
COMMENT ON FUNCTION neongraph.behind_schedule(pg_catalog.date, pg_catalog.date, pg_catalog.int4, pg_catalog.date) IS
  'The rule Redmine uses: progress is behind the elapsed window when window_start + floor((due_date - window_start + 1) * progress / 100) <= as_of; never at 100%; NULL when a date or the progress is unknown. E.g. a 10-day window from 1/10 at 50% is behind from 6/10';

CREATE FUNCTION neongraph.early_warnings(as_of pg_catalog.date DEFAULT neongraph.today())
  RETURNS TABLE (
    assignment_id      pg_catalog.int8,
    task_id            pg_catalog.int8,
    directive          pg_catalog.text,
    item_no            pg_catalog.text,
    content            pg_catalog.text,
    agency_code        pg_catalog.text,
    deadline           pg_catalog.text,
    due_date           pg_catalog.date,
    status             neongraph.task_status,
    progress           pg_catalog.int4,
    expected_progress  pg_catalog.int4,
    days_overdue       pg_catalog.int4,
    working_days_overdue pg_catalog.int4,
    last_report_on     pg_catalog.date,
    days_without_report pg_catalog.int4,
    blocked_reason     pg_catalog.text,
    reasons            pg_catalog.text[],
    severity           pg_catalog.int4)
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
#variable_conflict use_column
DECLARE
  tz       pg_catalog.text := coalesce(pg_catalog.current_setting('neongraph.timezone', true), 'Asia/Ho_Chi_Minh');
  gap      pg_catalog.int4 := neongraph.get_setting('warning.report_gap_days')::pg_catalog.int4;
  soon     pg_catalog.int4 := neongraph.get_setting('warning.due_soon_days')::pg_catalog.int4;
  p_over   pg_catalog.int4 := neongraph.get_setting('warning.points_overdue')::pg_catalog.int4;
  p_block  pg_catalog.int4 := neongraph.get_setting('warning.points_blocked')::pg_catalog.int4;
  p_behind pg_catalog.int4 := neongraph.get_setting('warning.points_behind')::pg_catalog.int4;
  p_soon   pg_catalog.int4 := neongraph.get_setting('warning.points_due_soon')::pg_catalog.int4;
  p_norep  pg_catalog.int4 := neongraph.get_setting('warning.points_no_report')::pg_catalog.int4;
BEGIN
  IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = pg_catalog.format('invalid as-of date for early warnings: %s', coalesce(as_of::pg_catalog.text, 'NULL')),
      DETAIL = 'Early warnings are computed as of a finite calendar day.',
      HINT = 'Pass a date, or nothing for neongraph.today().';
  END IF;
  RETURN QUERY
  WITH f AS (
    SELECT x.*,
           (x.last_report_at AT TIME ZONE tz)::pg_catalog.date AS last_on,
           neongraph.behind_schedule(x.window_start, x.due_date, x.progress, early_warnings.as_of) AS behind
      FROM neongraph.assignment_facts(early_warnings.as_of) x
     WHERE x.status IN ('overdue', 'due_soon', 'on_track', 'recurring', 'no_deadline')
  ), g AS (
    SELECT f.*,
           early_warnings.as_of OPERATOR(pg_catalog.-)
             coalesce(f.last_on, f.window_start,
                      (SELECT (a.created_at AT TIME ZONE tz)::pg_catalog.date FROM neongraph.assignment a
                        WHERE a.assignment_id OPERATOR(pg_catalog.=) f.assignment_id)) AS quiet
      FROM f
  ), w AS (
    SELECT g.*,
           ARRAY(SELECT r FROM (VALUES
                   (1, CASE WHEN g.status OPERATOR(pg_catalog.=) 'overdue' THEN 'overdue' END),
                   (2, CASE WHEN g.blocked THEN 'blocked' END),
                   (3, CASE WHEN g.behind THEN 'behind_schedule' END),
                   (4, CASE WHEN g.status IN ('due_soon', 'on_track')
                                 AND g.due_date OPERATOR(pg_catalog.-) early_warnings.as_of OPERATOR(pg_catalog.<=) soon
                            THEN 'due_soon' END),
                   (5, CASE WHEN g.quiet OPERATOR(pg_catalog.>) gap THEN 'no_report' END)) AS v(o, r)
                 WHERE r IS NOT NULL ORDER BY o) AS why
      FROM g
  )
  SELECT w.assignment_id, w.task_id, dir.docref::pg_catalog.text, t.item_no, t.content, w.agency_code,
         w.deadline::pg_catalog.text, w.due_date, w.status, w.progress,
         CASE WHEN w.window_start IS NULL OR w.due_date IS NULL THEN NULL
              WHEN w.due_date OPERATOR(pg_catalog.<) w.window_start OR early_warnings.as_of OPERATOR(pg_catalog.>=) w.due_date THEN 100
              WHEN early_warnings.as_of OPERATOR(pg_catalog.<) w.window_start THEN 0
              ELSE pg_catalog.floor(((early_warnings.as_of OPERATOR(pg_catalog.-) w.window_start OPERATOR(pg_catalog.+) 1) OPERATOR(pg_catalog.*) 100)::pg_catalog.numeric
                                    OPERATOR(pg_catalog./) (w.due_date OPERATOR(pg_catalog.-) w.window_start OPERATOR(pg_catalog.+) 1))::pg_catalog.int4
         END,
         CASE WHEN w.status OPERATOR(pg_catalog.=) 'overdue' THEN early_warnings.as_of OPERATOR(pg_catalog.-) w.due_date END,
         CASE WHEN w.status OPERATOR(pg_catalog.=) 'overdue' THEN neongraph.days_late_working(w.deadline, NULL, early_warnings.as_of) END,
         w.last_on,
         CASE WHEN w.quiet OPERATOR(pg_catalog.>=) 0 THEN w.quiet END,
         CASE WHEN w.blocked THEN a.blocked_reason END,
         w.why,
         (CASE WHEN 'overdue' OPERATOR(pg_catalog.=) ANY (w.why) THEN p_over ELSE 0 END
          OPERATOR(pg_catalog.+) CASE WHEN 'blocked' OPERATOR(pg_catalog.=) ANY (w.why) THEN p_block ELSE 0 END
          OPERATOR(pg_catalog.+) CASE WHEN 'behind_schedule' OPERATOR(pg_catalog.=) ANY (w.why) THEN p_behind ELSE 0 END
          OPERATOR(pg_catalog.+) CASE WHEN 'due_soon' OPERATOR(pg_catalog.=) ANY (w.why) THEN p_soon ELSE 0 END
          OPERATOR(pg_catalog.+) CASE WHEN 'no_report' OPERATOR(pg_catalog.=) ANY (w.why) THEN p_norep ELSE 0 END)
    FROM w
    JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) w.task_id
    JOIN neongraph.directive dir ON dir.directive_id OPERATOR(pg_catalog.=) t.directive_id
    JOIN neongraph.assignment a ON a.assignment_id OPERATOR(pg_catalog.=) w.assignment_id
   WHERE pg_catalog.cardinality(w.why) OPERATOR(pg_catalog.>) 0
   ORDER BY 18 DESC, 12 DESC NULLS LAST, 8 NULLS LAST, 1;
END
$$;
COMMENT ON FUNCTION neongraph.early_warnings(pg_catalog.date) IS
  'Open assignments at risk as of a date (default today in Vietnam), most severe first, each with its reasons in this order: overdue (past the assigned due date), blocked (vướng mắc vượt thẩm quyền), behind_schedule (neongraph.behind_schedule: the Redmine rule over the deadline''s window, or from the directive''s date), due_soon (due within setting warning.due_soon_days days; the status column keeps neongraph.deadline_status''s 7-day window), no_report (no progress report for more than warning.report_gap_days days, counted from the latest report, else from the window start, else from when it was assigned); severity is the sum of the reasons'' points (settings warning.points_*). Cancelled and completed assignments never appear';
