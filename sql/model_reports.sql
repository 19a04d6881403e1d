-- model_reports: the reporting week (from 18:00 on the previous Friday to
-- 18:00 on this Friday, Asia/Ho_Chi_Minh), weekly reports of an agency or a
-- working group listing only the tasks that changed, in the ten-field
-- structure, as rows and as jsonb; whether each agency reported in time;
-- monthly, quarterly and yearly reports.
\set SHOW_CONTEXT never
BEGIN;
-- the session's zone must not matter
SET LOCAL TimeZone = 'America/New_York';
-- err(sql): runs sql in a subtransaction and shows the error it raised:
-- SQLSTATE, message, detail and hint (the statement's changes are undone);
-- task and assignment ids, which depend on the order tests run in, read N
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE s text; m text; d text; h text;
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
  RETURN regexp_replace(s || ': ' || m || coalesce(E'\nDETAIL: ' || nullif(d, ''), '') || coalesce(E'\nHINT: ' || nullif(h, ''), ''),
                        '([Tt]asks?|[Aa]ssignment) [0-9]+', '\1 N', 'g');
END
$f$;
-- test agencies (a ministry; a province with two departments), a working
-- group, two directives (the second implements the first) and their tasks
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases) VALUES
  ('T_MIN', 'Bộ Thử nghiệm', 'ministry', NULL, '{"BTN"}'),
  ('T_PROV', 'Tỉnh Thử nghiệm', 'province', NULL, '{}'),
  ('T_DEP1', 'Sở Một tỉnh Thử nghiệm', 'department', 'T_PROV', '{"Sở Một"}'),
  ('T_DEP2', 'Sở Hai tỉnh Thử nghiệm', 'department', 'T_PROV', '{"Sở Hai"}');
INSERT INTO neongraph.agency (code, name, kind, member_kind, member_parent_code, aliases) VALUES
  ('T_SBN', 'Các sở tỉnh Thử nghiệm', 'collective', 'department', 'T_PROV', '{"Các sở"}');
INSERT INTO neongraph.working_group (code, name, leader) VALUES
  ('T_G1', 'Nhóm thử 1: các bộ', 'Trưởng nhóm 1'), ('T_G2', 'Nhóm thử 2: địa phương', 'Trưởng nhóm 2');
INSERT INTO neongraph.working_group_member (group_code, agency_code, role) VALUES
  ('T_G1', 'T_MIN', 'lead'), ('T_G2', 'T_PROV', 'member');
SELECT neongraph.upsert_directive('905-TB/TEST', 'TB', 'TGV', '2025-09-01', NULL, 'Kết luận thử') IS NOT NULL
   AND neongraph.upsert_directive('906-KH/TEST', 'KH', 'T_PROV', '2025-09-15', NULL, 'Kế hoạch thử', '905-TB/TEST') IS NOT NULL AS directives;
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('905-TB/TEST', 'A', 'Đúng hạn', 'Bộ Thử nghiệm', NULL, 'Hoàn thành trong tháng 10/2025', NULL),
  ('905-TB/TEST', 'B', 'Hai cơ quan, một trễ', E'Sở Một\nSở Hai', NULL, 'trong tháng 9/2025', NULL),
  ('905-TB/TEST', 'C', 'Đang làm', 'BTN', NULL, '31/12/2025', NULL),
  ('905-TB/TEST', 'D', 'Thường xuyên', 'Tỉnh Thử nghiệm', NULL, 'Nhiệm vụ thường xuyên', NULL),
  ('905-TB/TEST', 'E', 'Chưa có hạn', 'Sở Hai', NULL, NULL, NULL),
  ('905-TB/TEST', 'F', 'Sẽ dừng', 'Bộ Thử nghiệm', NULL, 'tháng 11/2025', NULL),
  ('905-TB/TEST', 'G', 'Hạn được giao', 'Sở Một', NULL, 'Trước 15/11/2025', 'Hạn được giao: 30/9/2025'),
  ('905-TB/TEST', 'H', 'Các sở, một xong', 'Các sở', NULL, 'tháng 10/2025', NULL),
  ('906-KH/TEST', '1', 'Đang làm (tại tỉnh)', 'Sở Một', NULL, 'tháng 12/2025', 'Thông báo số 905-TB/TEST');
SELECT item_no, outcome FROM neongraph.apply_import() ORDER BY item_no;
CREATE FUNCTION pg_temp.tid(item text) RETURNS bigint LANGUAGE sql STABLE AS $f$
  SELECT t.task_id FROM neongraph.task t JOIN neongraph.directive d USING (directive_id)
   WHERE d.docref::text IN ('905-TB/TEST', '906-KH/TEST') AND t.item_no = $1 $f$;
SELECT neongraph.complete_assignment(pg_temp.tid('A'), 'T_MIN', '2025-10-20', 'QĐ 1');
SELECT neongraph.complete_assignment(pg_temp.tid('B'), 'T_DEP1', '2025-09-20', 'QĐ 2');
SELECT neongraph.complete_assignment(pg_temp.tid('B'), 'T_DEP2', '2025-10-05', 'QĐ 3');
SELECT neongraph.cancel_assignment(pg_temp.tid('F'), 'T_MIN', 'Không còn cần thiết', '2025-11-10');
SELECT neongraph.complete_assignment(pg_temp.tid('G'), 'T_DEP1', '2025-11-10', 'QĐ 4');
SELECT neongraph.complete_assignment(pg_temp.tid('H'), 'T_DEP1', '2025-10-01', 'QĐ 5');
SELECT neongraph.mark_blocked(pg_temp.tid('C'), 'T_MIN', 'Chờ ý kiến', '2025-12-01');
SELECT neongraph.verify_assignment(pg_temp.tid('A'), 'T_MIN', 'ok');

-- the reporting week of a date: the one whose report is due at 18:00 on the
-- first Friday on or after it
SELECT d, extract(isodow FROM d) AS dow, neongraph.local_time(p.period_start) AS period_start,
       neongraph.local_time(p.period_end) AS period_end, neongraph.local_time(p.report_deadline) AS report_deadline,
       p.status_date, p.label
  FROM (VALUES ('2025-10-11'::date), ('2025-10-13'), ('2025-10-17'), ('2025-10-18'), ('2025-12-29')) v(d),
       LATERAL neongraph.report_period('week', v.d) p ORDER BY d;
-- a change belongs to the week whose window holds it: 18:00 on Friday starts the next
SELECT t, neongraph.report_week_of(t::timestamptz) AS week_of,
       neongraph.local_time((neongraph.report_period('week', neongraph.report_week_of(t::timestamptz))).report_deadline) AS reported_by
  FROM (VALUES ('2025-10-17 17:59:59+07'), ('2025-10-17 18:00:00+07'), ('2025-10-17 11:30:00+00'),
               ('2025-10-10 18:00:00+07')) v(t);
-- consecutive weeks touch: no moment falls between two reports
SELECT bool_and(a.period_end = b.period_start) AS weeks_touch
  FROM generate_series('2025-01-01'::date, '2026-12-31', '1 day') g(d),
       LATERAL neongraph.report_period('week', g.d::date) a,
       LATERAL neongraph.report_period('week', (g.d + interval '7 days')::date) b;
SELECT per, neongraph.local_time(p.period_start) AS period_start, neongraph.local_time(p.period_end) AS period_end,
       p.report_deadline, p.status_date, p.label
  FROM (VALUES ('month'), ('quarter'), ('year'), ('Tháng'), ('quý'), ('năm')) v(per),
       LATERAL neongraph.report_period(v.per, '2025-11-15') p;
SELECT pg_temp.err($$SELECT neongraph.report_period('fortnight', '2025-11-15')$$);
SELECT pg_temp.err($$SELECT neongraph.report_period('week', NULL)$$);

-- the week of 13/10/2025: progress reports and changes around its edges
INSERT INTO neongraph.progress_report (assignment_id, task_id, agency_code, reported_at, progress, results, outputs,
                                       evidence, shortcomings, causes, recommendations, focal_point, milestone, adjustment)
SELECT a.assignment_id, a.task_id, a.agency_code, x.at::timestamptz, x.progress, x.results, x.outputs,
       x.evidence, x.shortcomings, x.causes, x.recommendations, x.focal_point, x.milestone, x.adjustment
  FROM (VALUES
    ('H', 'T_DEP2', '2025-10-15 09:00+07', 40, 'Đã số hóa 40%', 'Kho dữ liệu', '12.000 hồ sơ', 'Thiếu người', 'Nghỉ phép', 'Bổ sung nhân lực', 'Phòng CĐS', 'tháng 10/2025', NULL),
    ('H', 'T_DEP2', '2025-10-16 09:00+07', 55, 'Đã số hóa 55%', 'Kho dữ liệu', '16.500 hồ sơ', NULL, NULL, NULL, 'Phòng CĐS', 'tháng 10/2025', 'Lùi hạn 1 tuần'),
    ('1', 'T_DEP1', '2025-10-17 18:00+07', 10, 'Bắt đầu', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('C', 'T_MIN', '2025-10-10 17:00+07', 30, 'Tuần trước', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
  ) AS x(item, agency, at, progress, results, outputs, evidence, shortcomings, causes, recommendations, focal_point, milestone, adjustment)
  JOIN neongraph.assignment a ON a.task_id = pg_temp.tid(x.item) AND a.agency_code = x.agency;
-- a change recorded in that week (the history takes rows from any writer; here one dated in the past)
INSERT INTO neongraph.history (changed_at, table_name, operation, task_id, agency_code, old_row, new_row)
SELECT '2025-10-16 10:00+07', 'task', 'UPDATE', pg_temp.tid('E'), NULL, '{"note": null}', '{"note": "Đã giao Sở Hai"}';

SELECT item_no, agency_code, status, status_label, progress, changes, reports, neongraph.local_time(last_change_at) AS last_change,
       task, results, outputs, evidence, shortcomings, causes, recommendations, focal_point, milestone, adjustment
  FROM neongraph.weekly_report_rows('T_PROV', '2025-10-13');
-- the week after: the Friday-18:00 report belongs to it
SELECT item_no, agency_code, reports, results FROM neongraph.weekly_report_rows('Tỉnh Thử nghiệm', '2025-10-18');
-- the week before, for the ministry
SELECT item_no, agency_code, reports, results FROM neongraph.weekly_report_rows('BTN', '2025-10-10');
-- whether each agency reported in time (before 18:00 on Friday)
SELECT agency_code, open_assignments, reports, neongraph.local_time(first_report_at) AS first_report,
       neongraph.local_time(report_deadline) AS deadline, reported_in_time
  FROM neongraph.report_timeliness('T_PROV', 'week', '2025-10-13');
-- the report as JSON (task ids, which depend on the order tests run in, left out here)
SELECT jsonb_pretty(jsonb_set(r, '{tasks}', (SELECT jsonb_agg(t - 'task_id' ORDER BY n) FROM jsonb_array_elements(r -> 'tasks') WITH ORDINALITY e(t, n))))
  FROM neongraph.weekly_report('T_PROV', '2025-10-13') r;
-- a working group's weekly report
SELECT neongraph.weekly_report('T_G1', '2025-10-10') -> 'scope' AS scope,
       jsonb_path_query_array(neongraph.weekly_report('T_G1', '2025-10-10'), '$.tasks[*].item_no') AS tasks,
       neongraph.weekly_report('T_G1', '2025-10-10') -> 'reporting' AS reporting;
-- monthly, quarterly and yearly
SELECT p AS period, r -> 'period' ->> 'label' AS label, r -> 'period' ->> 'status_date' AS status_date,
       jsonb_path_query_array(r, '$.tasks[*].item_no') AS tasks, r -> 'summary' ->> 'total' AS total,
       r -> 'summary' ->> 'overdue' AS overdue, r -> 'summary' ->> 'completion_rate' AS completion_rate
  FROM (VALUES ('month'), ('quarter'), ('year')) v(p),
       LATERAL neongraph.period_report('T_PROV', v.p, '2025-10-20') r;
SELECT item_no, agency_code, reports, changes FROM neongraph.period_report_rows('T_PROV', 'month', '2025-10-01');
-- errors
SELECT pg_temp.err($$SELECT neongraph.weekly_report('Tỉnh Thử nghiem', '2025-10-13')$$);
SELECT pg_temp.err($$SELECT neongraph.period_report('T_PROV', 'decade', '2025-10-13')$$);
ROLLBACK;
