-- model_api: the write API other systems and agencies call — every call
-- validates its input, names the bad value, and changes nothing when it
-- refuses.
\set SHOW_CONTEXT never
BEGIN;
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
-- a test directive and its tasks, through the import path
SELECT neongraph.upsert_directive('901-TB/TEST', 'TB', 'TGV', '2025-09-12', 'Người ký', 'Thông báo kết luận thử') IS NOT NULL AS directive_loaded;
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('901-TB/TEST', '1', 'Nhiệm vụ một', 'Bộ Công an', NULL, 'Hoàn thành trong tháng 10/2025', NULL),
  ('901-TB/TEST', '2', 'Nhiệm vụ hai', E'Bộ Tư pháp\nBộ Khoa học và Công nghệ', 'Bộ Công an', 'Hoàn thành trước ngày 01/12/2025', NULL),
  ('901-TB/TEST', '3', 'Nhiệm vụ ba', 'BCA', NULL, 'Nhiệm vụ thường xuyên', NULL),
  ('901-TB/TEST', '4', 'Nhiệm vụ bốn', 'Bộ Công an', NULL, NULL, NULL),
  ('901-TB/TEST', '5', 'Nhiệm vụ năm', 'Bộ Công an', NULL, 'Trước 15/11/2025', 'Hạn được giao: 30/9/2025');
SELECT item_no, outcome, reason FROM neongraph.apply_import() ORDER BY item_no;
CREATE FUNCTION pg_temp.tid(item text) RETURNS bigint LANGUAGE sql STABLE AS $f$
  SELECT t.task_id FROM neongraph.task t JOIN neongraph.directive d USING (directive_id)
   WHERE d.docref::text = '901-TB/TEST' AND t.item_no = $1 $f$;

-- agencies by code, name or alias; case, spacing, Unicode form, tone placement
SELECT a, neongraph.agency_code(a)
  FROM (VALUES ('BCA'), ('Bộ Công an'), ('  bộ   CÔNG an '), (normalize('Bộ Công an', NFD)),
               ('Bộ KH&CN'), ('VP UBND Thành phố'), ('Uỷ ban nhân dân Thành phố Hồ Chí Minh')) v(a);
SELECT pg_temp.err($$SELECT neongraph.agency_code('Bộ Khoa hoc va Cong nghe')$$);
SELECT pg_temp.err($$SELECT neongraph.agency_code('')$$);

-- report_progress: the ten fields of Điều 3.3
SELECT neongraph.report_fields();
SELECT neongraph.report_progress(pg_temp.tid('2'), 'Bộ Tư pháp', 30,
         '{"results": "Dự thảo xong", "outputs": "Dự thảo Nghị định", "evidence": "Tờ trình 12/TTr",
           "shortcomings": "Chậm lấy ý kiến", "causes": "Nhiều bộ chưa góp ý", "recommendations": "Đôn đốc",
           "focal_point": "Vụ Pháp luật", "milestone": "tháng 11/2025", "adjustment": "Không", "task": "Nhiệm vụ hai"}') > 0 AS filed;
SELECT r.agency_code, r.progress, r.results, r.outputs, r.evidence, r.shortcomings, r.causes, r.recommendations,
       r.focal_point, r.milestone, r.adjustment, r.task, r.reported_by = session_user::text AS by_me
  FROM neongraph.progress_report r WHERE r.task_id = pg_temp.tid('2');
SELECT agency_code, progress, last_report_at IS NOT NULL AS reported
  FROM neongraph.assignment WHERE task_id = pg_temp.tid('2') ORDER BY agency_code;
SELECT neongraph.report_progress(pg_temp.tid('2'), 'BKHCN', 10) > 0 AS filed_without_fields;
-- refusals
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('2'), 'BTP', 101)$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('2'), 'BTP', NULL)$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('2'), 'BTP', 50, '{"result": "x", "ketqua": "y"}')$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('2'), 'BTP', 50, '["x"]')$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('2'), 'BTP', 50, '{"results": {"a": 1}}')$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(-1, 'BTP', 50)$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(NULL, 'BTP', 50)$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('2'), 'Bộ Công an', 50)$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('2'), 'Bộ Tư phap', 50)$$);
SELECT count(*) AS reports_still FROM neongraph.progress_report WHERE task_id = pg_temp.tid('2');

-- complete_assignment returns the judgement against the (assigned) deadline
SELECT neongraph.complete_assignment(pg_temp.tid('1'), 'BCA', '2025-10-31', 'Quyết định 10/QĐ-BCA');
SELECT neongraph.complete_assignment(pg_temp.tid('2'), 'BTP', '2025-11-30', 'Tờ trình 99/TTr-BTP');
SELECT neongraph.complete_assignment(pg_temp.tid('5'), 'BCA', '2025-11-10', 'Báo cáo 5/BC');  -- late against 30/9/2025
SELECT neongraph.complete_assignment(pg_temp.tid('3'), 'BCA', '2025-11-10', 'Báo cáo 3/BC');  -- recurring
SELECT pg_temp.err($$SELECT neongraph.complete_assignment(pg_temp.tid('1'), 'BCA', '2025-11-01', 'again')$$);
SELECT pg_temp.err($$SELECT neongraph.complete_assignment(pg_temp.tid('2'), 'BKHCN', '2025-11-01', NULL)$$);
SELECT pg_temp.err($$SELECT neongraph.complete_assignment(pg_temp.tid('2'), 'BKHCN', NULL, 'x')$$);
SELECT pg_temp.err($$SELECT neongraph.complete_assignment(pg_temp.tid('2'), 'BKHCN', neongraph.today() + 30, 'x')$$)
       ~ '^23514: completion date is in the future' AS future_refused;
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('1'), 'BCA', 50)$$);

-- verify, and the coordinator's other tools
SELECT neongraph.verify_assignment(pg_temp.tid('1'), 'BCA', 'Đối soát với CSDL');
SELECT verified, verification_note FROM neongraph.assignment WHERE task_id = pg_temp.tid('1');
SELECT pg_temp.err($$SELECT neongraph.verify_assignment(pg_temp.tid('4'), 'BCA')$$);
SELECT neongraph.mark_blocked(pg_temp.tid('4'), 'BCA', 'Chờ Chính phủ cho ý kiến', '2025-11-05');
SELECT blocked, blocked_reason, blocked_since FROM neongraph.assignment WHERE task_id = pg_temp.tid('4');
SELECT pg_temp.err($$SELECT neongraph.mark_blocked(pg_temp.tid('1'), 'BCA', 'x')$$);
SELECT pg_temp.err($$SELECT neongraph.mark_blocked(pg_temp.tid('4'), 'BCA', NULL)$$);
SELECT neongraph.mark_unblocked(pg_temp.tid('4'), 'BCA', 'Đã có ý kiến');
SELECT pg_temp.err($$SELECT neongraph.mark_unblocked(pg_temp.tid('4'), 'BCA')$$);
SELECT neongraph.cancel_assignment(pg_temp.tid('4'), 'BCA', 'Trùng với nhiệm vụ 1', '2025-11-20');
SELECT cancelled, cancel_reason, cancelled_on FROM neongraph.assignment WHERE task_id = pg_temp.tid('4');
SELECT pg_temp.err($$SELECT neongraph.cancel_assignment(pg_temp.tid('4'), 'BCA', 'again')$$);
SELECT pg_temp.err($$SELECT neongraph.cancel_assignment(pg_temp.tid('2'), 'BKHCN', '  ')$$);
SELECT pg_temp.err($$SELECT neongraph.report_progress(pg_temp.tid('4'), 'BCA', 50)$$);
SELECT pg_temp.err($$SELECT neongraph.reopen_assignment(pg_temp.tid('4'), 'BCA', '')$$);
SELECT neongraph.reopen_assignment(pg_temp.tid('4'), 'BCA', 'Quyết định tiếp tục thực hiện');
SELECT cancelled, cancel_reason, cancelled_on FROM neongraph.assignment WHERE task_id = pg_temp.tid('4');
SELECT pg_temp.err($$SELECT neongraph.reopen_assignment(pg_temp.tid('4'), 'BCA', 'again')$$);
SELECT neongraph.reopen_assignment(pg_temp.tid('1'), 'BCA', 'Minh chứng chưa đạt');
SELECT completed_on, verified, progress FROM neongraph.assignment WHERE task_id = pg_temp.tid('1');
SELECT neongraph.cancel_task(pg_temp.tid('2'), 'Không còn phù hợp', '2025-12-01') AS cancelled_assignments;
SELECT agency_code, completed_on, cancelled FROM neongraph.assignment WHERE task_id = pg_temp.tid('2') ORDER BY 1;
SELECT pg_temp.err($$SELECT neongraph.cancel_task(-1, 'x')$$);

-- re-state a deadline: the first stays as the assigned one
SELECT neongraph.restate_deadline(pg_temp.tid('1'), 'Trước 15/12/2025', 'Thường trực Ban Chỉ đạo đồng ý lùi hạn')::text;
SELECT deadline::text, deadline_text, assigned_deadline::text, assigned_deadline_text FROM neongraph.task WHERE task_id = pg_temp.tid('1');
SELECT neongraph.restate_deadline(pg_temp.tid('1'), 'quý I', 'Lùi tiếp')::text AS resolved_against_directive_date;
SELECT pg_temp.err($$SELECT neongraph.restate_deadline(pg_temp.tid('1'), '31/02/2026', 'x')$$) ~ '^22P02' AS bad_deadline_refused;
SELECT pg_temp.err($$SELECT neongraph.restate_deadline(pg_temp.tid('1'), '2026-03-31', '')$$);
SELECT pg_temp.err($$SELECT neongraph.restate_deadline(-1, '2026-03-31', 'x')$$);
SELECT reason, old_row ->> 'deadline' AS old, new_row ->> 'deadline' AS new
  FROM neongraph.history WHERE task_id = pg_temp.tid('1') AND table_name = 'task' AND operation = 'UPDATE'
 ORDER BY history_id;
SELECT reason FROM neongraph.history WHERE task_id = pg_temp.tid('4') AND reason IS NOT NULL ORDER BY history_id;

-- links between tasks
SELECT neongraph.link_tasks(pg_temp.tid('3'), pg_temp.tid('1'), 'depends', 'cần kết quả nhiệm vụ 1');
SELECT pg_temp.err(format('SELECT neongraph.link_tasks(%s, %s, %L)', pg_temp.tid('1'), pg_temp.tid('3'), 'depends')) ~ '^23514: ' AS cycle_refused;
SELECT pg_temp.err(format('SELECT neongraph.link_tasks(%s, %s)', pg_temp.tid('1'), pg_temp.tid('1')));
SELECT pg_temp.err(format('SELECT neongraph.link_tasks(%s, %s, %L)', pg_temp.tid('1'), pg_temp.tid('3'), 'blocks'));
SELECT pg_temp.err(format('SELECT neongraph.link_tasks(%s, -5)', pg_temp.tid('1')));

-- KPIs and their values
INSERT INTO neongraph.kpi (code, name, task_id, owner_code, unit, direction, baseline, target, deadline)
VALUES ('TEST_KPI', 'Tỷ lệ hồ sơ số hóa', pg_temp.tid('1'), 'BCA', '%', 'increase', 20, 100, 'tháng 12/2025');
SELECT neongraph.record_kpi_value('TEST_KPI', '2025-10-31', 45, 'Báo cáo tháng 10');
SELECT neongraph.record_kpi_value('TEST_KPI', '2025-11-30', 60, 'Báo cáo tháng 11');
SELECT neongraph.record_kpi_value('TEST_KPI', '2025-11-30', 62, 'Báo cáo tháng 11 (đính chính)');
SELECT measured_on, value, evidence FROM neongraph.kpi_value v JOIN neongraph.kpi k USING (kpi_id)
 WHERE k.code = 'TEST_KPI' ORDER BY measured_on;
SELECT operation, old_row ->> 'value' AS old, new_row ->> 'value' AS new FROM neongraph.history
 WHERE table_name = 'kpi_value' AND coalesce(new_row, old_row) ->> 'kpi_id' = (SELECT kpi_id::text FROM neongraph.kpi WHERE code = 'TEST_KPI')
 ORDER BY history_id;
SELECT pg_temp.err($$SELECT neongraph.record_kpi_value('NO_KPI', '2025-10-31', 1)$$);
SELECT pg_temp.err($$SELECT neongraph.record_kpi_value('TEST_KPI', neongraph.today() + 1, 1)$$) ~ '^22023: KPI value date is in the future' AS future_refused;
SELECT pg_temp.err($$SELECT neongraph.record_kpi_value('TEST_KPI', NULL, 1)$$);

-- directives
SELECT pg_temp.err($$SELECT neongraph.upsert_directive('')$$);
SELECT pg_temp.err($$SELECT neongraph.upsert_directive('số hiệu sai')$$) ~ '^22P02' AS bad_docref_refused;
SELECT neongraph.upsert_directive('Số 901-TB/TEST', 'TB', 'TGV', '2025-09-12', 'Người ký', 'Thông báo kết luận thử', '57-NQ/TW; 02-KH/BCĐTW')
     = (SELECT directive_id FROM neongraph.directive WHERE docref::text = '901-TB/TEST') AS same_directive;
SELECT directive::text, implements::text FROM neongraph.directive_link WHERE directive::text = '901-TB/TEST' ORDER BY 2;
ROLLBACK;
