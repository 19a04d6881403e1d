-- Public disclosure (Ba công khai: công khai tiến độ, trách nhiệm, kết quả).
--
-- Four views, as of today in Vietnam, meant to be the only objects a
-- read-only public role can SELECT (the roles themselves belong to the
-- roles-and-security piece; grant it USAGE on schema neongraph and SELECT on
-- these views only):
--   public_responsibility  who leads which task, its deadline, status, progress
--   public_progress        per agency (with those under it): counts by status, rates
--   public_results         completed assignments: when, on time or late, verified
--   public_kpi             KPIs: target, latest value, attainment, result
-- They show only facts meant to be public: no evidence (minh chứng) links or
-- figures, no notes, no blocked or cancellation reasons, no verification
-- notes, no report texts, no database user names.
--
-- Why the bodies read the tables directly instead of calling
-- neongraph.assignment_state(): a view reads its tables with its owner's
-- rights, but functions it calls run with the caller's rights, so a public
-- role with no right on the tables could not use a view built on those
-- functions.  Only functions that read no table (deadline_status, due_date,
-- status_label, rate_percent, kpi_attainment, today) are called.  The status
-- rule is the one of neongraph.assignment_state: against the assigned
-- deadline, completions and cancellations dated after today unknown, tasks of
-- directives not yet issued left out.  The views must stay ordinary views
-- (not security_invoker), so that row-level security on the tables, which
-- limits each agency to its own tasks, does not hide the public figures.

CREATE VIEW neongraph.public_responsibility AS
  SELECT d.docref::pg_catalog.text AS directive,
         d.title AS directive_title,
         d.issued_on AS directive_date,
         t.task_id,
         t.item_no,
         t.content,
         a.agency_code,
         g.name AS agency_name,
         (SELECT pg_catalog.string_agg(c.name, '; ' ORDER BY x.position, c.name)
            FROM neongraph.task_agency x JOIN neongraph.agency c ON c.code OPERATOR(pg_catalog.=) x.agency_code
           WHERE x.task_id OPERATOR(pg_catalog.=) t.task_id AND x.role OPERATOR(pg_catalog.=) 'cooperating') AS cooperating,
         coalesce(t.assigned_deadline_text, t.assigned_deadline::pg_catalog.text,
                  t.deadline_text, t.deadline::pg_catalog.text) AS deadline,
         neongraph.due_date(coalesce(t.assigned_deadline, t.deadline)) AS due_date,
         CASE WHEN t.assigned_deadline IS NOT NULL AND t.deadline IS DISTINCT FROM t.assigned_deadline
              THEN coalesce(t.deadline_text, t.deadline::pg_catalog.text) END AS restated_deadline,
         st.status::pg_catalog.text AS status,
         neongraph.status_label(st.status) AS status_label,
         CASE WHEN st.status OPERATOR(pg_catalog.<>) 'cancelled'
              THEN neongraph.days_late(coalesce(t.assigned_deadline, t.deadline), x.completed_on, x.today) END AS days_late,
         CASE WHEN st.status OPERATOR(pg_catalog.<>) 'cancelled' THEN a.progress END AS progress,
         x.completed_on,
         x.today AS as_of
    FROM neongraph.assignment a
    JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) a.task_id
    JOIN neongraph.directive d ON d.directive_id OPERATOR(pg_catalog.=) t.directive_id
    JOIN neongraph.agency g ON g.code OPERATOR(pg_catalog.=) a.agency_code
    CROSS JOIN LATERAL (
      SELECT neongraph.today() AS today,
             CASE WHEN a.completed_on OPERATOR(pg_catalog.<=) neongraph.today() THEN a.completed_on END AS completed_on,
             a.cancelled AND a.cancelled_on OPERATOR(pg_catalog.<=) neongraph.today() AS cancelled) x
    CROSS JOIN LATERAL (
      SELECT CASE WHEN x.cancelled THEN 'cancelled'::neongraph.task_status
                  ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline), x.completed_on, x.today)
             END AS status) st
   WHERE d.issued_on IS NULL OR d.issued_on OPERATOR(pg_catalog.<=) x.today;
COMMENT ON VIEW neongraph.public_responsibility IS
  'Ba công khai — trách nhiệm: every task of every directive with the agency that leads it (one row per lead agency), the cooperating agencies, the deadline as assigned, its status and progress as of today in Vietnam; only public facts (no evidence, notes, blocked or cancellation reasons). For the read-only public role';
COMMENT ON COLUMN neongraph.public_responsibility.directive IS 'Document number of the directive (e.g. 44-TB/TGV)';
COMMENT ON COLUMN neongraph.public_responsibility.directive_title IS 'Title of the directive';
COMMENT ON COLUMN neongraph.public_responsibility.directive_date IS 'Date the directive was issued';
COMMENT ON COLUMN neongraph.public_responsibility.task_id IS 'Task number in this system';
COMMENT ON COLUMN neongraph.public_responsibility.item_no IS 'Item number within the directive';
COMMENT ON COLUMN neongraph.public_responsibility.content IS 'The task';
COMMENT ON COLUMN neongraph.public_responsibility.agency_code IS 'Code of the lead agency (cơ quan chủ trì)';
COMMENT ON COLUMN neongraph.public_responsibility.agency_name IS 'Name of the lead agency';
COMMENT ON COLUMN neongraph.public_responsibility.cooperating IS 'Cooperating agencies (cơ quan phối hợp), separated by "; "';
COMMENT ON COLUMN neongraph.public_responsibility.deadline IS 'The deadline as assigned (hạn được giao), as written';
COMMENT ON COLUMN neongraph.public_responsibility.due_date IS 'Last on-time day of the assigned deadline; NULL for recurring and undated tasks';
COMMENT ON COLUMN neongraph.public_responsibility.restated_deadline IS 'A later re-stated deadline, when there is one (the status is still judged against the assigned one)';
COMMENT ON COLUMN neongraph.public_responsibility.status IS 'Status code (done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled)';
COMMENT ON COLUMN neongraph.public_responsibility.status_label IS 'Status in Vietnamese (Hoàn thành đúng hạn, Quá hạn, ...)';
COMMENT ON COLUMN neongraph.public_responsibility.days_late IS 'Calendar days past the due date (done late or overdue); 0 otherwise; NULL for recurring, undated and cancelled';
COMMENT ON COLUMN neongraph.public_responsibility.progress IS 'Progress in percent as last reported; NULL when cancelled';
COMMENT ON COLUMN neongraph.public_responsibility.completed_on IS 'Completion date; NULL while open';
COMMENT ON COLUMN neongraph.public_responsibility.as_of IS 'The day the figures are as of (today in Vietnam)';

CREATE VIEW neongraph.public_progress AS
  SELECT g.code AS agency_code, g.name AS agency_name, g.kind AS agency_kind, g.parent_code,
         (x.r).total AS assignments, (x.r).done_on_time, (x.r).done_late, (x.r).overdue, (x.r).due_soon,
         (x.r).on_track, (x.r).recurring, (x.r).no_deadline, (x.r).cancelled, (x.r).due,
         neongraph.rate_percent((x.r).on_time_rate) AS on_time_pct,
         neongraph.rate_percent((x.r).completion_rate) AS completion_pct,
         neongraph.rate_percent((x.r).overdue_share) AS overdue_pct,
         neongraph.today() AS as_of
    FROM (SELECT tr.ancestor_code,
                 neongraph.status_rollup(p.status::neongraph.task_status) AS r
            FROM neongraph.public_responsibility p
            JOIN neongraph.agency_tree tr ON tr.agency_code OPERATOR(pg_catalog.=) p.agency_code
           GROUP BY tr.ancestor_code) x
    JOIN neongraph.agency g ON g.code OPERATOR(pg_catalog.=) x.ancestor_code;
COMMENT ON VIEW neongraph.public_progress IS
  'Ba công khai — tiến độ: per agency, counting its own assignments and those of every agency under it, how many are done on time, done late, overdue, due soon, on track, recurring, undated and cancelled as of today in Vietnam, and the rates in percent (cut to 2 decimals, as the Government Office publishes). For the read-only public role';
COMMENT ON COLUMN neongraph.public_progress.agency_code IS 'Agency code';
COMMENT ON COLUMN neongraph.public_progress.agency_name IS 'Agency name';
COMMENT ON COLUMN neongraph.public_progress.agency_kind IS 'ministry, province, department, commune, ...';
COMMENT ON COLUMN neongraph.public_progress.parent_code IS 'The agency it belongs to';
COMMENT ON COLUMN neongraph.public_progress.assignments IS 'Assignments counted (tasks it leads, with those of agencies under it)';
COMMENT ON COLUMN neongraph.public_progress.done_on_time IS 'Hoàn thành đúng hạn';
COMMENT ON COLUMN neongraph.public_progress.done_late IS 'Hoàn thành quá hạn';
COMMENT ON COLUMN neongraph.public_progress.overdue IS 'Quá hạn';
COMMENT ON COLUMN neongraph.public_progress.due_soon IS 'Sắp đến hạn';
COMMENT ON COLUMN neongraph.public_progress.on_track IS 'Đang thực hiện trong hạn';
COMMENT ON COLUMN neongraph.public_progress.recurring IS 'Thường xuyên';
COMMENT ON COLUMN neongraph.public_progress.no_deadline IS 'Chưa xác định thời hạn';
COMMENT ON COLUMN neongraph.public_progress.cancelled IS 'Dừng thực hiện';
COMMENT ON COLUMN neongraph.public_progress.due IS 'Done on time + done late + overdue';
COMMENT ON COLUMN neongraph.public_progress.on_time_pct IS 'Done on time / due, percent cut to 2 decimals';
COMMENT ON COLUMN neongraph.public_progress.completion_pct IS 'Done / due, percent cut to 2 decimals';
COMMENT ON COLUMN neongraph.public_progress.overdue_pct IS 'Overdue / all but cancelled, percent cut to 2 decimals';
COMMENT ON COLUMN neongraph.public_progress.as_of IS 'The day the figures are as of (today in Vietnam)';

CREATE VIEW neongraph.public_results AS
  SELECT p.directive, p.item_no, p.content, p.agency_code, p.agency_name, p.deadline, p.due_date,
         p.completed_on, p.status OPERATOR(pg_catalog.=) 'done_on_time' AS on_time, p.days_late,
         t.output_product,
         a.verified AND a.verified_on OPERATOR(pg_catalog.<=) p.as_of AS verified,
         p.as_of
    FROM neongraph.public_responsibility p
    JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) p.task_id
    JOIN neongraph.assignment a ON a.task_id OPERATOR(pg_catalog.=) p.task_id
                               AND a.agency_code OPERATOR(pg_catalog.=) p.agency_code
   WHERE p.status IN ('done_on_time', 'done_late');
COMMENT ON VIEW neongraph.public_results IS
  'Ba công khai — kết quả: every completed assignment as of today in Vietnam, with its completion date, whether on time, the output product the directive asked for and whether the coordinating group has verified it (đã kiểm chứng) — never the evidence itself. For the read-only public role';
COMMENT ON COLUMN neongraph.public_results.directive IS 'Document number of the directive';
COMMENT ON COLUMN neongraph.public_results.item_no IS 'Item number within the directive';
COMMENT ON COLUMN neongraph.public_results.content IS 'The task';
COMMENT ON COLUMN neongraph.public_results.agency_code IS 'Code of the lead agency';
COMMENT ON COLUMN neongraph.public_results.agency_name IS 'Name of the lead agency';
COMMENT ON COLUMN neongraph.public_results.deadline IS 'The deadline as assigned, as written';
COMMENT ON COLUMN neongraph.public_results.due_date IS 'Last on-time day';
COMMENT ON COLUMN neongraph.public_results.completed_on IS 'Completion date';
COMMENT ON COLUMN neongraph.public_results.on_time IS 'True when done by the due date (or recurring/undated)';
COMMENT ON COLUMN neongraph.public_results.days_late IS 'Calendar days after the due date it was completed (0 when on time)';
COMMENT ON COLUMN neongraph.public_results.output_product IS 'The output product the directive asked for (sản phẩm đầu ra)';
COMMENT ON COLUMN neongraph.public_results.verified IS 'Completion verified by the coordinating group (đối soát, kiểm chứng)';
COMMENT ON COLUMN neongraph.public_results.as_of IS 'The day the figures are as of (today in Vietnam)';

CREATE VIEW neongraph.public_kpi AS
  SELECT k.code AS kpi_code, k.name AS kpi_name, k.owner_code AS agency_code, g.name AS agency_name,
         k.unit, k.direction, k.baseline, k.target,
         k.deadline::pg_catalog.text AS deadline, neongraph.due_date(k.deadline) AS due_date,
         v.value AS latest_value, v.measured_on,
         neongraph.kpi_attainment(v.value, k.baseline, k.target, k.direction, true) AS attainment_pct,
         CASE WHEN neongraph.due_date(k.deadline) IS NULL THEN 'no_deadline'
              WHEN neongraph.due_date(k.deadline) OPERATOR(pg_catalog.>=) neongraph.today() THEN 'pending'
              WHEN coalesce(neongraph.kpi_met(dv.value, k.target, k.direction), false) THEN 'met'
              ELSE 'not_met' END AS result,
         neongraph.today() AS as_of
    FROM neongraph.kpi k
    JOIN neongraph.agency g ON g.code OPERATOR(pg_catalog.=) k.owner_code
    LEFT JOIN LATERAL (
      SELECT x.value, x.measured_on FROM neongraph.kpi_value x
       WHERE x.kpi_id OPERATOR(pg_catalog.=) k.kpi_id AND x.measured_on OPERATOR(pg_catalog.<=) neongraph.today()
       ORDER BY x.measured_on DESC LIMIT 1) v ON true
    LEFT JOIN LATERAL (
      SELECT x.value FROM neongraph.kpi_value x
       WHERE x.kpi_id OPERATOR(pg_catalog.=) k.kpi_id
         AND x.measured_on OPERATOR(pg_catalog.<=) neongraph.due_date(k.deadline)
       ORDER BY x.measured_on DESC LIMIT 1) dv ON true;
COMMENT ON VIEW neongraph.public_kpi IS
  'Ba công khai — kết quả (KPI): every KPI with its owner, baseline, target, deadline, latest value as of today in Vietnam, attainment (percent, capped 0..100, neongraph.kpi_attainment) and result at the deadline (pending, met, not_met, no_deadline) — never the evidence. For the read-only public role';
COMMENT ON COLUMN neongraph.public_kpi.kpi_code IS 'KPI code';
COMMENT ON COLUMN neongraph.public_kpi.kpi_name IS 'What is measured';
COMMENT ON COLUMN neongraph.public_kpi.agency_code IS 'Code of the agency responsible';
COMMENT ON COLUMN neongraph.public_kpi.agency_name IS 'Name of the agency responsible';
COMMENT ON COLUMN neongraph.public_kpi.unit IS 'Unit';
COMMENT ON COLUMN neongraph.public_kpi.direction IS 'increase (higher is better) or decrease (lower is better)';
COMMENT ON COLUMN neongraph.public_kpi.baseline IS 'Value at the start';
COMMENT ON COLUMN neongraph.public_kpi.target IS 'Target';
COMMENT ON COLUMN neongraph.public_kpi.deadline IS 'When the target is due';
COMMENT ON COLUMN neongraph.public_kpi.due_date IS 'Last day of the deadline';
COMMENT ON COLUMN neongraph.public_kpi.latest_value IS 'Latest value measured by today';
COMMENT ON COLUMN neongraph.public_kpi.measured_on IS 'Date of that value';
COMMENT ON COLUMN neongraph.public_kpi.attainment_pct IS 'Attainment from baseline to target, percent capped 0..100';
COMMENT ON COLUMN neongraph.public_kpi.result IS 'pending until the due date has passed, then met or not_met; no_deadline without one';
COMMENT ON COLUMN neongraph.public_kpi.as_of IS 'The day the figures are as of (today in Vietnam)';
