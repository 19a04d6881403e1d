-- Status and scorecards for analysts and BI tools.  Every figure is
-- available as of any date through a function taking as_of, and as of
-- today (neongraph.today()) through a view of the same name with plain
-- column types (statuses as text, deadlines as text and due dates).
--
-- "As of" a date: a completion, cancellation, block or verification dated
-- after it is not yet known, and tasks of directives issued after it do not
-- exist yet.  Progress is the current figure.

CREATE FUNCTION neongraph.assignment_state(as_of pg_catalog.date)
  RETURNS TABLE (
    assignment_id      pg_catalog.int8,
    task_id            pg_catalog.int8,
    directive          pg_catalog.text,
    item_no            pg_catalog.text,
    content            pg_catalog.text,
    agency_code        pg_catalog.text,
    agency_name        pg_catalog.text,
    via_agency         pg_catalog.text,
    deadline           pg_catalog.text,
    due_date           pg_catalog.date,
    assigned_deadline  pg_catalog.text,
    assigned_due_date  pg_catalog.date,
    progress           pg_catalog.int4,
    completed_on       pg_catalog.date,
    evidence           pg_catalog.text,
    verified           pg_catalog.bool,
    blocked            pg_catalog.bool,
    blocked_reason     pg_catalog.text,
    cancelled          pg_catalog.bool,
    cancel_reason      pg_catalog.text,
    status             neongraph.task_status,
    status_current     neongraph.task_status,
    days_late          pg_catalog.int4,
    last_report_at     pg_catalog.timestamptz)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.assignment_id, s.task_id, d.docref::pg_catalog.text, t.item_no, t.content,
         s.agency_code, g.name, s.via_agency,
         coalesce(t.deadline_text, t.deadline::pg_catalog.text), neongraph.due_date(t.deadline),
         coalesce(t.assigned_deadline_text, t.assigned_deadline::pg_catalog.text), neongraph.due_date(t.assigned_deadline),
         s.progress, x.completed_on, CASE WHEN x.completed_on IS NOT NULL THEN s.evidence END,
         s.verified AND s.verified_on <= $1,
         s.blocked AND s.blocked_since <= $1, CASE WHEN s.blocked AND s.blocked_since <= $1 THEN s.blocked_reason END,
         x.cancelled, CASE WHEN x.cancelled THEN s.cancel_reason END,
         CASE WHEN x.cancelled THEN 'cancelled'::neongraph.task_status
              ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline), x.completed_on, $1) END,
         CASE WHEN x.cancelled THEN 'cancelled'::neongraph.task_status
              ELSE neongraph.deadline_status(t.deadline, x.completed_on, $1) END,
         CASE WHEN NOT x.cancelled THEN neongraph.days_late(coalesce(t.assigned_deadline, t.deadline), x.completed_on, $1) END,
         s.last_report_at
    FROM neongraph.assignment s
    JOIN neongraph.task t ON t.task_id = s.task_id
    JOIN neongraph.directive d ON d.directive_id = t.directive_id
    JOIN neongraph.agency g ON g.code = s.agency_code
    CROSS JOIN LATERAL (SELECT CASE WHEN s.completed_on <= $1 THEN s.completed_on END AS completed_on,
                               s.cancelled AND s.cancelled_on <= $1 AS cancelled) x
   WHERE d.issued_on IS NULL OR d.issued_on <= $1
$$;
COMMENT ON FUNCTION neongraph.assignment_state(pg_catalog.date) IS
  'Every assignment (task × lead agency) as it stood on as_of: status judged against the assigned deadline when there is one (status), and against the current deadline (status_current); cancelled assignments are cancelled; days late';

CREATE FUNCTION neongraph.task_state(as_of pg_catalog.date)
  RETURNS TABLE (
    task_id            pg_catalog.int8,
    directive          pg_catalog.text,
    item_no            pg_catalog.text,
    content            pg_catalog.text,
    working_group      pg_catalog.text,
    leads              pg_catalog.text,
    cooperating        pg_catalog.text,
    deadline           pg_catalog.text,
    due_date           pg_catalog.date,
    assigned_deadline  pg_catalog.text,
    assigned_due_date  pg_catalog.date,
    focus              pg_catalog.bool,
    assignments        pg_catalog.int4,
    assignments_done   pg_catalog.int4,
    progress           pg_catalog.int4,
    completed_on       pg_catalog.date,
    blocked            pg_catalog.bool,
    verified           pg_catalog.bool,
    status             neongraph.task_status,
    status_current     neongraph.task_status,
    days_late          pg_catalog.int4)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH a AS (
    SELECT s.task_id,
           pg_catalog.count(*)::pg_catalog.int4 AS n,
           (pg_catalog.count(*) FILTER (WHERE s.cancelled))::pg_catalog.int4 AS n_cancelled,
           (pg_catalog.count(*) FILTER (WHERE s.completed_on IS NOT NULL))::pg_catalog.int4 AS n_done,
           pg_catalog.round(pg_catalog.avg(s.progress) FILTER (WHERE NOT s.cancelled))::pg_catalog.int4 AS progress,
           CASE WHEN pg_catalog.bool_and(s.completed_on IS NOT NULL) FILTER (WHERE NOT s.cancelled)
                THEN pg_catalog.max(s.completed_on) FILTER (WHERE NOT s.cancelled) END AS completed_on,
           pg_catalog.bool_or(s.blocked) AS blocked,
           coalesce(pg_catalog.bool_and(s.verified) FILTER (WHERE NOT s.cancelled), false) AS verified
      FROM neongraph.assignment_state($1) s
     GROUP BY s.task_id)
  SELECT t.task_id, d.docref::pg_catalog.text, t.item_no, t.content, t.working_group,
         (SELECT pg_catalog.string_agg(x.agency_code, ', ' ORDER BY x.position) FROM neongraph.task_agency x
           WHERE x.task_id = t.task_id AND x.role = 'lead'),
         (SELECT pg_catalog.string_agg(x.agency_code, ', ' ORDER BY x.position) FROM neongraph.task_agency x
           WHERE x.task_id = t.task_id AND x.role = 'cooperating'),
         coalesce(t.deadline_text, t.deadline::pg_catalog.text), neongraph.due_date(t.deadline),
         coalesce(t.assigned_deadline_text, t.assigned_deadline::pg_catalog.text), neongraph.due_date(t.assigned_deadline),
         t.focus, coalesce(a.n, 0), coalesce(a.n_done, 0), coalesce(a.progress, 0), a.completed_on,
         coalesce(a.blocked, false), coalesce(a.verified, false),
         CASE WHEN a.n > 0 AND a.n_cancelled = a.n THEN 'cancelled'::neongraph.task_status
              ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline), a.completed_on, $1) END,
         CASE WHEN a.n > 0 AND a.n_cancelled = a.n THEN 'cancelled'::neongraph.task_status
              ELSE neongraph.deadline_status(t.deadline, a.completed_on, $1) END,
         CASE WHEN NOT (a.n > 0 AND a.n_cancelled = a.n)
              THEN neongraph.days_late(coalesce(t.assigned_deadline, t.deadline), a.completed_on, $1) END
    FROM neongraph.task t
    JOIN neongraph.directive d ON d.directive_id = t.directive_id
    LEFT JOIN a ON a.task_id = t.task_id
   WHERE d.issued_on IS NULL OR d.issued_on <= $1
$$;
COMMENT ON FUNCTION neongraph.task_state(pg_catalog.date) IS
  'Every task as it stood on as_of: done when every lead''s assignment is done (completed_on is the last completion), on time when every one was; cancelled when every assignment is; status against the assigned deadline, status_current against the current one';

CREATE VIEW neongraph.assignment_group AS
  SELECT s.assignment_id, t.working_group AS group_code
    FROM neongraph.assignment s JOIN neongraph.task t ON t.task_id = s.task_id
   WHERE t.working_group IS NOT NULL
  UNION
  SELECT s.assignment_id, m.group_code
    FROM neongraph.assignment s
    JOIN neongraph.task t ON t.task_id = s.task_id AND t.working_group IS NULL
    JOIN neongraph.agency_tree tr ON tr.agency_code = s.agency_code
    JOIN neongraph.working_group_member m ON m.agency_code = tr.ancestor_code;
COMMENT ON VIEW neongraph.assignment_group IS
  'Which working groups follow which assignments: the task''s own working group when set, else every group that has the lead agency or one of its ancestors as a member';
COMMENT ON COLUMN neongraph.assignment_group.assignment_id IS 'The assignment';
COMMENT ON COLUMN neongraph.assignment_group.group_code IS 'A working group following it';

CREATE VIEW neongraph.directive_cascade AS
WITH RECURSIVE c(root, docref, depth, path) AS (
  SELECT d.docref, d.docref, 0, ARRAY[d.docref::pg_catalog.text]
    FROM neongraph.directive d
  UNION ALL
  SELECT c.root, l.directive, c.depth + 1, c.path OPERATOR(pg_catalog.||) l.directive::pg_catalog.text
    FROM c JOIN neongraph.directive_link l ON l.implements OPERATOR(neongraph.=) c.docref
   WHERE NOT l.directive::pg_catalog.text OPERATOR(pg_catalog.=) ANY (c.path)
)
SELECT root::pg_catalog.text AS root, docref::pg_catalog.text AS docref, depth FROM c;
COMMENT ON VIEW neongraph.directive_cascade IS
  'The cascade of directives: for each loaded directive (root), itself and every directive that implements it, directly or through others';
COMMENT ON COLUMN neongraph.directive_cascade.root IS 'The higher-level directive';
COMMENT ON COLUMN neongraph.directive_cascade.docref IS 'A directive implementing it (or itself, at depth 0)';
COMMENT ON COLUMN neongraph.directive_cascade.depth IS 'Levels below the root';

CREATE FUNCTION neongraph.agency_scorecard(as_of pg_catalog.date)
  RETURNS TABLE (
    agency_code pg_catalog.text, agency_name pg_catalog.text, kind pg_catalog.text, parent_code pg_catalog.text,
    own_assignments pg_catalog.int8,
    total pg_catalog.int8, done_on_time pg_catalog.int8, done_late pg_catalog.int8, overdue pg_catalog.int8,
    due_soon pg_catalog.int8, on_track pg_catalog.int8, recurring pg_catalog.int8, no_deadline pg_catalog.int8,
    cancelled pg_catalog.int8, due pg_catalog.int8,
    on_time_rate pg_catalog.numeric, completion_rate pg_catalog.numeric, overdue_rate pg_catalog.numeric,
    overdue_share pg_catalog.numeric, blocked pg_catalog.int8, verified pg_catalog.int8)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT g.code, g.name, g.kind, g.parent_code, x.own,
         (x.r).total, (x.r).done_on_time, (x.r).done_late, (x.r).overdue, (x.r).due_soon, (x.r).on_track,
         (x.r).recurring, (x.r).no_deadline, (x.r).cancelled, (x.r).due,
         (x.r).on_time_rate, (x.r).completion_rate, (x.r).overdue_rate, (x.r).overdue_share,
         x.blocked, x.verified
    FROM (SELECT tr.ancestor_code, neongraph.status_rollup(s.status) AS r,
                 pg_catalog.count(*) FILTER (WHERE tr.depth = 0) AS own,
                 pg_catalog.count(*) FILTER (WHERE s.blocked) AS blocked,
                 pg_catalog.count(*) FILTER (WHERE s.verified) AS verified
            FROM neongraph.assignment_state($1) s
            JOIN neongraph.agency_tree tr ON tr.agency_code = s.agency_code
           GROUP BY tr.ancestor_code) x
    JOIN neongraph.agency g ON g.code = x.ancestor_code
   ORDER BY g.code
$$;
COMMENT ON FUNCTION neongraph.agency_scorecard(pg_catalog.date) IS
  'Rollup per agency of its assignments as of as_of, along the hierarchy (a province counts its own and those of its departments and communes; own_assignments are its own): counts by status, due, on_time_rate, completion_rate, overdue_rate, overdue_share (fractions), blocked and verified counts';

CREATE FUNCTION neongraph.working_group_scorecard(as_of pg_catalog.date)
  RETURNS TABLE (
    group_code pg_catalog.text, group_name pg_catalog.text, leader pg_catalog.text,
    agencies pg_catalog.int8,
    total pg_catalog.int8, done_on_time pg_catalog.int8, done_late pg_catalog.int8, overdue pg_catalog.int8,
    due_soon pg_catalog.int8, on_track pg_catalog.int8, recurring pg_catalog.int8, no_deadline pg_catalog.int8,
    cancelled pg_catalog.int8, due pg_catalog.int8,
    on_time_rate pg_catalog.numeric, completion_rate pg_catalog.numeric, overdue_rate pg_catalog.numeric,
    overdue_share pg_catalog.numeric, blocked pg_catalog.int8, verified pg_catalog.int8)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT w.code, w.name, w.leader, coalesce(x.agencies, 0),
         coalesce((x.r).total, 0), coalesce((x.r).done_on_time, 0), coalesce((x.r).done_late, 0),
         coalesce((x.r).overdue, 0), coalesce((x.r).due_soon, 0), coalesce((x.r).on_track, 0),
         coalesce((x.r).recurring, 0), coalesce((x.r).no_deadline, 0), coalesce((x.r).cancelled, 0),
         coalesce((x.r).due, 0),
         (x.r).on_time_rate, (x.r).completion_rate, (x.r).overdue_rate, (x.r).overdue_share,
         coalesce(x.blocked, 0), coalesce(x.verified, 0)
    FROM neongraph.working_group w
    LEFT JOIN (SELECT ag.group_code, neongraph.status_rollup(s.status) AS r,
                      pg_catalog.count(DISTINCT s.agency_code) AS agencies,
                      pg_catalog.count(*) FILTER (WHERE s.blocked) AS blocked,
                      pg_catalog.count(*) FILTER (WHERE s.verified) AS verified
                 FROM neongraph.assignment_state($1) s
                 JOIN neongraph.assignment_group ag ON ag.assignment_id = s.assignment_id
                GROUP BY ag.group_code) x ON x.group_code = w.code
   ORDER BY w.code
$$;
COMMENT ON FUNCTION neongraph.working_group_scorecard(pg_catalog.date) IS
  'Rollup per working group of the assignments it follows (neongraph.assignment_group) as of as_of: counts by status, rates, blocked and verified counts; agencies is the number of lead agencies involved';

CREATE FUNCTION neongraph.directive_scorecard(as_of pg_catalog.date, with_cascade pg_catalog.bool DEFAULT false)
  RETURNS TABLE (
    docref pg_catalog.text, kind pg_catalog.text, issuer pg_catalog.text, issued_on pg_catalog.date,
    title pg_catalog.text, directives pg_catalog.int8, tasks pg_catalog.int8,
    total pg_catalog.int8, done_on_time pg_catalog.int8, done_late pg_catalog.int8, overdue pg_catalog.int8,
    due_soon pg_catalog.int8, on_track pg_catalog.int8, recurring pg_catalog.int8, no_deadline pg_catalog.int8,
    cancelled pg_catalog.int8, due pg_catalog.int8,
    on_time_rate pg_catalog.numeric, completion_rate pg_catalog.numeric, overdue_rate pg_catalog.numeric,
    overdue_share pg_catalog.numeric)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH ts AS (SELECT * FROM neongraph.task_state($1)),
  scope AS (
    SELECT DISTINCT c.root, c.docref FROM neongraph.directive_cascade c WHERE $2 OR c.depth = 0)
  SELECT d.docref::pg_catalog.text, d.kind, d.issuer, d.issued_on, d.title,
         (SELECT pg_catalog.count(*) FROM scope s WHERE s.root = d.docref::pg_catalog.text),
         coalesce((x.r).total, 0),
         coalesce((x.r).total, 0), coalesce((x.r).done_on_time, 0), coalesce((x.r).done_late, 0),
         coalesce((x.r).overdue, 0), coalesce((x.r).due_soon, 0), coalesce((x.r).on_track, 0),
         coalesce((x.r).recurring, 0), coalesce((x.r).no_deadline, 0), coalesce((x.r).cancelled, 0),
         coalesce((x.r).due, 0),
         (x.r).on_time_rate, (x.r).completion_rate, (x.r).overdue_rate, (x.r).overdue_share
    FROM neongraph.directive d
    LEFT JOIN (SELECT s.root, neongraph.status_rollup(ts.status) AS r
                 FROM scope s JOIN ts ON ts.directive = s.docref
                GROUP BY s.root) x ON x.root = d.docref::pg_catalog.text
   WHERE d.issued_on IS NULL OR d.issued_on <= $1
   ORDER BY d.issued_on NULLS LAST, d.docref::pg_catalog.text
$$;
COMMENT ON FUNCTION neongraph.directive_scorecard(pg_catalog.date, pg_catalog.bool) IS
  'Rollup per directive of its tasks (each task counted once, done when all its leads are) as of as_of; with_cascade adds the tasks of every directive that implements it, directly or through others (directives counts them, itself included)';

CREATE FUNCTION neongraph.kpi_state(as_of pg_catalog.date)
  RETURNS TABLE (
    kpi_code pg_catalog.text, kpi_name pg_catalog.text, owner_code pg_catalog.text, task_id pg_catalog.int8,
    unit pg_catalog.text, direction pg_catalog.text, baseline pg_catalog.numeric, target pg_catalog.numeric,
    deadline pg_catalog.text, due_date pg_catalog.date,
    latest_value pg_catalog.numeric, measured_on pg_catalog.date, evidence pg_catalog.text,
    attainment pg_catalog.numeric, target_met pg_catalog.bool)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT k.code, k.name, k.owner_code, k.task_id, k.unit, k.direction, k.baseline, k.target,
         k.deadline::pg_catalog.text, neongraph.due_date(k.deadline),
         v.value, v.measured_on, v.evidence,
         CASE WHEN v.value IS NULL THEN NULL
              WHEN k.baseline IS NOT NULL AND k.target <> k.baseline
                THEN pg_catalog.round((v.value - k.baseline) / (k.target - k.baseline), 4)
              WHEN k.direction = 'increase' AND k.target <> 0 THEN pg_catalog.round(v.value / k.target, 4)
              WHEN k.direction = 'decrease' AND v.value <> 0 THEN pg_catalog.round(k.target / v.value, 4) END,
         CASE WHEN v.value IS NULL THEN NULL
              WHEN k.direction = 'increase' THEN v.value >= k.target ELSE v.value <= k.target END
    FROM neongraph.kpi k
    LEFT JOIN LATERAL (SELECT x.value, x.measured_on, x.evidence FROM neongraph.kpi_value x
                        WHERE x.kpi_id = k.kpi_id AND x.measured_on <= $1
                        ORDER BY x.measured_on DESC LIMIT 1) v ON true
   ORDER BY k.code
$$;
COMMENT ON FUNCTION neongraph.kpi_state(pg_catalog.date) IS
  'Every KPI with its latest value measured on or before as_of, attainment ((value - baseline) / (target - baseline), or value / target without a baseline; 1 = target reached) and whether the target is met';

-- Views as of today, plain column types -------------------------------------

CREATE VIEW neongraph.assignment_state AS
  SELECT s.assignment_id, s.task_id, s.directive, s.item_no, s.content, s.agency_code, s.agency_name,
         s.via_agency, s.deadline, s.due_date, s.assigned_deadline, s.assigned_due_date, s.progress,
         s.completed_on, s.evidence, s.verified, s.blocked, s.blocked_reason, s.cancelled, s.cancel_reason,
         s.status::pg_catalog.text AS status, neongraph.status_label(s.status) AS status_label,
         s.status_current::pg_catalog.text AS status_current, s.days_late, s.last_report_at
    FROM neongraph.assignment_state(neongraph.today()) s;
CREATE VIEW neongraph.task_state AS
  SELECT s.task_id, s.directive, s.item_no, s.content, s.working_group, s.leads, s.cooperating,
         s.deadline, s.due_date, s.assigned_deadline, s.assigned_due_date, s.focus, s.assignments,
         s.assignments_done, s.progress, s.completed_on, s.blocked, s.verified,
         s.status::pg_catalog.text AS status, neongraph.status_label(s.status) AS status_label,
         s.status_current::pg_catalog.text AS status_current, s.days_late
    FROM neongraph.task_state(neongraph.today()) s;
CREATE VIEW neongraph.agency_scorecard AS
  SELECT * FROM neongraph.agency_scorecard(neongraph.today());
CREATE VIEW neongraph.working_group_scorecard AS
  SELECT * FROM neongraph.working_group_scorecard(neongraph.today());
CREATE VIEW neongraph.directive_scorecard AS
  SELECT * FROM neongraph.directive_scorecard(neongraph.today(), false);
CREATE VIEW neongraph.directive_cascade_scorecard AS
  SELECT * FROM neongraph.directive_scorecard(neongraph.today(), true);
CREATE VIEW neongraph.kpi_state AS
  SELECT * FROM neongraph.kpi_state(neongraph.today());

COMMENT ON VIEW neongraph.assignment_state IS 'Every assignment (task × lead agency) as of today in Vietnam: see the function neongraph.assignment_state(as_of) for any date';
COMMENT ON VIEW neongraph.task_state IS 'Every task as of today in Vietnam: see the function neongraph.task_state(as_of) for any date';
COMMENT ON VIEW neongraph.agency_scorecard IS 'Rollup per agency, along the hierarchy, as of today: see neongraph.agency_scorecard(as_of)';
COMMENT ON VIEW neongraph.working_group_scorecard IS 'Rollup per working group as of today: see neongraph.working_group_scorecard(as_of)';
COMMENT ON VIEW neongraph.directive_scorecard IS 'Rollup of each directive''s own tasks as of today: see neongraph.directive_scorecard(as_of)';
COMMENT ON VIEW neongraph.directive_cascade_scorecard IS 'Rollup of each directive''s tasks and those of every directive implementing it, as of today: see neongraph.directive_scorecard(as_of, true)';
COMMENT ON VIEW neongraph.kpi_state IS 'Every KPI with its latest value and attainment as of today: see neongraph.kpi_state(as_of)';

-- column comments, shared by the views and their functions' columns
DO $do$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT v, col, txt FROM (VALUES
      ('assignment_id', 'The assignment (task × lead agency)'),
      ('task_id', 'The task'),
      ('directive', 'Document number of the directive that assigns the task'),
      ('item_no', 'Item number within the directive'),
      ('content', 'What is to be done'),
      ('agency_code', 'Agency code'),
      ('agency_name', 'Agency name'),
      ('via_agency', 'The collective the source named, when the agency got the task through it'),
      ('deadline', 'Current deadline as written'),
      ('due_date', 'Last on-time day of the current deadline (NULL: recurring or none)'),
      ('assigned_deadline', 'Assigned deadline (hạn được giao) as written, when re-stated since'),
      ('assigned_due_date', 'Last on-time day of the assigned deadline'),
      ('progress', 'Progress in percent (for a task: the average over its live assignments)'),
      ('completed_on', 'Completion date known on the date considered (for a task: the last lead''s)'),
      ('evidence', 'Evidence of completion'),
      ('verified', 'Completion verified by the coordinating group'),
      ('blocked', 'Blocked beyond the agency''s authority (escalated)'),
      ('blocked_reason', 'What blocks it'),
      ('cancelled', 'Cancelled (dừng thực hiện)'),
      ('cancel_reason', 'Why it was cancelled'),
      ('status', 'Status judged against the assigned deadline when there is one (done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled)'),
      ('status_label', 'The status in Vietnamese (neongraph.status_label)'),
      ('status_current', 'Status judged against the current deadline'),
      ('days_late', 'Days past the (assigned) due date: of the completion if done late, of today if overdue; 0 otherwise; NULL for recurring and undated'),
      ('last_report_at', 'Time of the latest progress report'),
      ('working_group', 'The working group set on the task, if any'),
      ('leads', 'Lead agencies as named (codes)'),
      ('cooperating', 'Cooperating agencies (codes)'),
      ('focus', 'Focus task (nhiệm vụ trọng tâm)'),
      ('assignments', 'Number of assignments (lead agencies, collectives expanded)'),
      ('assignments_done', 'Number of completed assignments'),
      ('kind', 'Kind (of agency or directive)'),
      ('parent_code', 'Parent agency'),
      ('own_assignments', 'Assignments of the agency itself (total also counts its descendants'')'),
      ('total', 'All counted (cancelled included)'),
      ('done_on_time', 'Completed by the due date'),
      ('done_late', 'Completed after the due date'),
      ('overdue', 'Open past the due date'),
      ('due_soon', 'Open and due within 7 days'),
      ('on_track', 'Open, not yet due'),
      ('recurring', 'Open recurring'),
      ('no_deadline', 'Open without a deadline'),
      ('due', 'done_on_time + done_late + overdue'),
      ('on_time_rate', 'done_on_time / due (fraction)'),
      ('completion_rate', '(done_on_time + done_late) / due (fraction)'),
      ('overdue_rate', 'overdue / due (fraction)'),
      ('overdue_share', 'overdue / (total - cancelled) (fraction)'),
      ('group_code', 'Working group code'),
      ('group_name', 'Working group name'),
      ('leader', 'Group leader'),
      ('agencies', 'Lead agencies involved'),
      ('docref', 'Document number'),
      ('issuer', 'Issuing body'),
      ('issued_on', 'Date of issue'),
      ('title', 'Title'),
      ('directives', 'Directives counted: itself, plus those implementing it for the cascade'),
      ('tasks', 'Tasks counted (each once)'),
      ('kpi_code', 'KPI code'),
      ('kpi_name', 'KPI name'),
      ('owner_code', 'Agency responsible for the KPI'),
      ('unit', 'Unit'),
      ('direction', 'increase or decrease'),
      ('baseline', 'Baseline value'),
      ('target', 'Target value'),
      ('latest_value', 'Latest value measured on or before the date'),
      ('measured_on', 'Date of the latest value'),
      ('attainment', 'Share of the way from baseline to target (1 = reached)'),
      ('target_met', 'Whether the latest value meets the target')) AS t(col, txt)
    CROSS JOIN (VALUES ('assignment_state'), ('task_state'), ('agency_scorecard'), ('working_group_scorecard'),
                       ('directive_scorecard'), ('directive_cascade_scorecard'), ('kpi_state')) AS v(v)
    WHERE EXISTS (SELECT FROM pg_catalog.pg_attribute a
                   WHERE a.attrelid = pg_catalog.format('neongraph.%I', v.v)::pg_catalog.regclass
                     AND a.attname = t.col AND NOT a.attisdropped)
  LOOP
    EXECUTE pg_catalog.format('COMMENT ON COLUMN neongraph.%I.%I IS %L', c.v, c.col, c.txt);
  END LOOP;
END
$do$;
