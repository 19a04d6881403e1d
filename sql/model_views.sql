-- model_views: status per assignment and per task as of any date (against
-- the assigned deadline and the current one), scorecards per agency along
-- the hierarchy, per working group, per directive and along the cascade,
-- KPIs, and the today() views with plain column types for BI tools.
\set SHOW_CONTEXT never
BEGIN;
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

-- each assignment, as of 28/12/2025
SELECT item_no, agency_code, deadline, due_date, assigned_deadline, assigned_due_date, completed_on,
       status, status_current, days_late, blocked, verified, cancelled
  FROM neongraph.assignment_state('2025-12-28')
 WHERE directive IN ('905-TB/TEST', '906-KH/TEST') ORDER BY item_no, agency_code;
-- each task: done when every lead is, on time when every one was
SELECT item_no, leads, assignments, assignments_done, progress, completed_on, status, status_current, days_late, blocked, verified
  FROM neongraph.task_state('2025-12-28')
 WHERE directive IN ('905-TB/TEST', '906-KH/TEST') ORDER BY directive, item_no;
-- the past as it stood: completions, cancellations and blocks dated later are not yet known
SELECT d AS as_of, string_agg(item_no || ':' || status, ' ' ORDER BY item_no) AS statuses
  FROM (VALUES ('2025-09-01'::date), ('2025-09-25'), ('2025-10-25'), ('2025-11-05'), ('2026-01-05')) v(d),
       LATERAL neongraph.task_state(v.d) s
 WHERE s.directive = '905-TB/TEST'
 GROUP BY d ORDER BY d;
SELECT d AS as_of, s.blocked, s.cancelled, s.status
  FROM (VALUES ('2025-11-05'::date), ('2025-12-05')) v(d),
       LATERAL neongraph.assignment_state(v.d) s
 WHERE s.item_no IN ('C', 'F') AND s.directive = '905-TB/TEST' ORDER BY s.item_no, d;
-- directives issued after the date have no tasks yet
SELECT count(*) AS tasks_on_2025_09_10 FROM neongraph.task_state('2025-09-10') WHERE directive = '906-KH/TEST';

-- scorecards per agency, along the hierarchy (the province counts its departments)
SELECT agency_code, kind, parent_code, own_assignments, total, done_on_time, done_late, overdue, due_soon, on_track,
       recurring, no_deadline, cancelled, due, on_time_rate, completion_rate, overdue_rate, overdue_share, blocked, verified
  FROM neongraph.agency_scorecard('2025-12-28')
 WHERE agency_code LIKE 'T\_%' ORDER BY agency_code;
-- the rollup is the C aggregate's over the same statuses
SELECT (neongraph.status_rollup(status)).* FROM neongraph.assignment_state('2025-12-28') WHERE agency_code IN ('T_PROV', 'T_DEP1', 'T_DEP2');

-- per working group: its members' assignments (descendants included), or the tasks set on it
SELECT group_code, agencies, total, done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled,
       completion_rate, blocked, verified
  FROM neongraph.working_group_scorecard('2025-12-28') WHERE group_code LIKE 'T\_%' ORDER BY group_code;
UPDATE neongraph.task SET working_group = 'T_G2' WHERE task_id = pg_temp.tid('A');
SELECT group_code, total, done_on_time FROM neongraph.working_group_scorecard('2025-12-28') WHERE group_code LIKE 'T\_%' ORDER BY group_code;

-- per directive, and along the cascade (906-KH/TEST implements 905-TB/TEST)
SELECT docref, directives, tasks, done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled, completion_rate
  FROM neongraph.directive_scorecard('2025-12-28') WHERE docref LIKE '90_-%/TEST' ORDER BY docref;
SELECT docref, directives, tasks, done_on_time, done_late, overdue, completion_rate
  FROM neongraph.directive_scorecard('2025-12-28', true) WHERE docref LIKE '90_-%/TEST' ORDER BY docref;
SELECT root, docref, depth FROM neongraph.directive_cascade WHERE root LIKE '90_-%/TEST' ORDER BY root, depth;
-- the local task derives from the central one (from its note)
SELECT f.item_no, l.kind, c.item_no AS central FROM neongraph.task_link l
  JOIN neongraph.task f ON f.task_id = l.from_task JOIN neongraph.task c ON c.task_id = l.to_task
 WHERE f.task_id = pg_temp.tid('1');

-- KPIs as of a date
INSERT INTO neongraph.kpi (code, name, owner_code, unit, direction, baseline, target, deadline) VALUES
  ('T_K1', 'Tỷ lệ hồ sơ số hóa', 'T_MIN', '%', 'increase', 20, 100, 'tháng 12/2025'),
  ('T_K2', 'Thời gian xử lý (ngày)', 'T_DEP1', 'ngày', 'decrease', 10, 5, NULL);
SELECT neongraph.record_kpi_value('T_K1', '2025-10-31', 60), neongraph.record_kpi_value('T_K1', '2025-12-15', 100),
       neongraph.record_kpi_value('T_K2', '2025-11-30', 7);
SELECT kpi_code, owner_code, unit, direction, baseline, target, deadline, latest_value, measured_on, attainment, target_met
  FROM neongraph.kpi_state('2025-11-30') WHERE kpi_code LIKE 'T\_%' ORDER BY kpi_code;

-- the today() views: the same columns, plain types only (no extension types) for BI tools
SELECT c.table_name, count(*) AS columns,
       count(*) FILTER (WHERE c.data_type = 'USER-DEFINED') AS extension_typed,
       count(*) FILTER (WHERE d.description IS NULL) AS without_comment
  FROM information_schema.columns c
  LEFT JOIN pg_description d ON d.objoid = format('neongraph.%I', c.table_name)::regclass AND d.objsubid = c.ordinal_position
 WHERE c.table_schema = 'neongraph'
   AND c.table_name IN ('assignment_state', 'task_state', 'agency_scorecard', 'working_group_scorecard',
                        'directive_scorecard', 'directive_cascade_scorecard', 'kpi_state', 'agency_tree',
                        'assignment_group', 'directive_cascade')
 GROUP BY c.table_name ORDER BY c.table_name;
SELECT status, status_label, status_current FROM neongraph.assignment_state WHERE directive = '905-TB/TEST' AND item_no = 'A';
SELECT count(*) = (SELECT count(*) FROM neongraph.assignment_state(neongraph.today())) AS view_is_today FROM neongraph.assignment_state;
ROLLBACK;
