-- model_import: a plan's appendix as people have it (a spreadsheet saved as
-- CSV) through neongraph.task_import and neongraph.apply_import(): several
-- agencies per cell, collectives, "Sở: A, B" enumerations, unknown names
-- with the nearest known ones, bad deadlines with the parser's detail,
-- "Hạn được giao" notes, cascade links from notes, and re-import.
\set SHOW_CONTEXT never
BEGIN;
SELECT neongraph.upsert_directive('902-TB/TEST', 'TB', 'TGV', '2025-09-12', NULL, 'Kết luận trung ương (thử)') IS NOT NULL AS central;
SELECT neongraph.upsert_directive('903-KH/TEST', 'KH', 'HCM', '2025-10-23', NULL, 'Kế hoạch địa phương (thử)', '902-TB/TEST') IS NOT NULL AS local;

-- the central conclusion
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('902-TB/TEST', 'I.1', 'Ban hành Chiến lược dữ liệu, Chiến lược chuyển đổi số của bộ, ngành, địa phương mình, bám sát yêu cầu đúng, đủ, sạch, sống.', 'Các bộ, ngành, địa phương', NULL, 'Hoàn thành trong tháng 9/2025', NULL),
  ('902-TB/TEST', 'I.2', 'Bảo đảm trang thiết bị đầu cuối, phần mềm để phục vụ giải quyết thủ tục hành chính; số hoá 100% hồ sơ phát sinh mới.', 'Các địa phương', NULL, 'đến hết tháng 12/2025', NULL),
  ('902-TB/TEST', 'II.1', 'Bộ Tư pháp bám sát lộ trình vận hành Nền tảng hộ tịch điện tử.', 'Bộ Tư pháp', 'Bộ Công an', 'Hoàn thành trước 01/11/2025', NULL);
SELECT item_no, outcome, reason FROM neongraph.apply_import() ORDER BY item_no;

-- two agencies that share an alias
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases) VALUES
  ('TEST_P1', 'Phòng Thử nghiệm Một', 'department', 'HCM', '{"Phòng Thử nghiệm"}'),
  ('TEST_P2', 'Phòng Thử nghiệm Hai', 'department', 'HN', '{"Phòng Thử nghiệm"}');

-- the local plan: every form of cell, and bad rows
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('903-KH/TEST', '1', 'Một dòng một cơ quan mỗi dòng', E'Sở Tư pháp\nSở Y tế\r\nSở Xây dựng', 'Công an Thành phố', '31/12/2025', NULL),
  ('903-KH/TEST', '2', 'Dấu chấm phẩy', 'Sở Nội vụ; Sở Khoa học và Công nghệ', 'Sở Tài chính; Đơn vị có liên quan', 'quý IV/2025', NULL),
  ('903-KH/TEST', '3', 'Gạch đầu dòng và ngoặc',
     '- Sở Xây dựng (CSDL quốc gia về hoạt động xây dựng). - Thanh tra Thành phố (CSDL kiểm soát tài sản, thu nhập). • Sở Y tế (CSDL ngành y tế; dữ liệu khám chữa bệnh)',
     NULL, 'Năm 2025', NULL),
  ('903-KH/TEST', '4', 'Liệt kê kiểu "Sở: A, B"', 'Sở: Nông nghiệp và Môi trường, Tư pháp, Y tế, Giáo dục, Nội vụ ...; Văn phòng Ủy ban nhân dân Thành phố', NULL, 'Trước 15/11/2025', 'Hạn được giao: 30/9/2025'),
  ('903-KH/TEST', '5', 'Tên có dấu phẩy, nối bằng dấu phẩy', 'Trung tâm chuyển đổi số, các sở, ban, ngành Thành phố', 'VP UBND Thành phố', '01/01/2026', NULL),
  ('903-KH/TEST', '6', 'Bảo đảm trang thiết bị đầu cuối, phần mềm để phục vụ giải quyết thủ tục hành chính; số hoá 100% hồ sơ, tài liệu công việc phát sinh mới.',
     'Văn phòng Ủy ban nhân dân Thành phố, Sở Nội vụ', 'Sở, ngành Thành phố; UBND cấp xã', '31/12/2025', 'Thông báo số 902-TB/TEST'),
  ('903-KH/TEST', '7', 'Viết hoa, khoảng trắng, dạng Unicode, dấu kiểu cũ',
     E'  sở   KHOA HỌC và công nghệ \n' || normalize('Sở Giáo dục và Đào tạo', NFD) || E'\nUỷ ban nhân dân Thành phố Hồ Chí Minh', NULL, 'Thường xuyên', NULL),
  ('903-KH/TEST', '8', 'Không ghi thời hạn', 'Sở Tài chính', NULL, '', NULL),
  ('903-KH/TEST', '20', 'Tên không có trong danh mục', 'Sở Khoa hoc va Cong nghe', NULL, '31/12/2025', NULL),
  ('903-KH/TEST', '21', 'Cơ quan phối hợp không có trong danh mục', 'Sở Tài chính', 'Sở Du lịch và Thể thao Hà Nội', '31/12/2025', NULL),
  ('903-KH/TEST', '22', 'Thời hạn sai', 'Sở Tài chính', NULL, '31/02/2026', NULL),
  ('903-KH/TEST', '23', 'Thời hạn không có năm, văn bản có ngày', 'Sở Tài chính', NULL, 'Trước 30/6', NULL),
  ('903-KH/TEST', '24', 'Hạn được giao sai', 'Sở Tài chính', NULL, 'Trước 15/11/2025', 'Hạn được giao: tháng 13/2025'),
  ('903-KH/TEST', '25', 'Thiếu chủ trì', '', 'Sở Tài chính', '31/12/2025', NULL),
  ('903-KH/TEST', '', 'Thiếu số thứ tự', 'Sở Tài chính', NULL, '31/12/2025', NULL),
  ('904-KH/TEST', '26', 'Văn bản chưa có', 'Sở Tài chính', NULL, '31/12/2025', NULL),
  ('Kế hoạch', '27', 'Không có số hiệu', 'Sở Tài chính', NULL, '31/12/2025', NULL),
  ('903-KH/TEST', '28', '   ', 'Sở Tài chính', NULL, '31/12/2025', NULL),
  ('903-KH/TEST', '29', 'Tên chung của nhiều cơ quan', 'Phòng Thử nghiệm', NULL, '31/12/2025', NULL),
  ('903-KH/TEST', '30', 'Tên không đầy đủ', 'Thành ủy', NULL, '31/12/2025', NULL);
SELECT item_no, outcome, reason FROM neongraph.apply_import() ORDER BY row_number() OVER () ;

-- nothing is lost: every staged row has its outcome and reason
SELECT outcome, count(*) FROM neongraph.task_import GROUP BY outcome ORDER BY outcome;
SELECT count(*) AS pending FROM neongraph.task_import WHERE outcome IS NULL;

-- what the rows became
CREATE FUNCTION pg_temp.tid(item text) RETURNS bigint LANGUAGE sql STABLE AS $f$
  SELECT t.task_id FROM neongraph.task t JOIN neongraph.directive d USING (directive_id)
   WHERE d.docref::text = '903-KH/TEST' AND t.item_no = $1 $f$;
SELECT t.item_no, x.role, string_agg(x.agency_code, ', ' ORDER BY x.position) AS agencies
  FROM neongraph.task t JOIN neongraph.task_agency x USING (task_id)
  JOIN neongraph.directive d USING (directive_id)
 WHERE d.docref::text = '903-KH/TEST'
 GROUP BY t.item_no, x.role ORDER BY t.item_no::int, x.role DESC;
-- one assignment per lead agency; collectives expanded to their members
SELECT t.item_no, count(*) AS assignments, count(a.via_agency) AS via_collective,
       string_agg(DISTINCT a.via_agency, ', ') AS collectives
  FROM neongraph.task t JOIN neongraph.assignment a USING (task_id)
  JOIN neongraph.directive d USING (directive_id)
 WHERE d.docref::text = '903-KH/TEST'
 GROUP BY t.item_no ORDER BY t.item_no::int;
SELECT (SELECT count(*) FROM neongraph.assignment WHERE task_id = pg_temp.tid('5'))
     = (SELECT count(*) FROM (SELECT neongraph.agency_members('HCM_SBN') UNION SELECT 'HCM_TTCDS') m) AS item5_expanded,
       'HCM_TTCDS' IN (SELECT neongraph.agency_members('HCM_SBN')) AS center_is_a_department;
SELECT t.item_no, t.deadline::text, t.deadline_text, t.assigned_deadline::text, t.assigned_deadline_text
  FROM neongraph.task t JOIN neongraph.directive d USING (directive_id)
 WHERE d.docref::text = '903-KH/TEST' ORDER BY t.item_no::int;
-- the note "Thông báo số 902-TB/TEST" linked item 6 to the central task it repeats
SELECT f.item_no AS local_item, l.kind, c.item_no AS central_item, l.note
  FROM neongraph.task_link l
  JOIN neongraph.task f ON f.task_id = l.from_task
  JOIN neongraph.task c ON c.task_id = l.to_task
 WHERE f.task_id = pg_temp.tid('6');
SELECT directive::text, implements::text FROM neongraph.directive_link WHERE directive::text = '903-KH/TEST';

-- importing the same file twice changes nothing
SELECT count(*) AS history_before FROM neongraph.history \gset
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note)
SELECT directive, item_no, content, lead, cooperating, deadline, note FROM neongraph.task_import
 WHERE outcome IS NOT NULL ORDER BY row_id;
SELECT outcome, reason, count(*) FROM neongraph.apply_import()
 WHERE outcome <> 'rejected' GROUP BY outcome, reason ORDER BY 1, 2;
SELECT count(*) - :history_before AS new_history_rows FROM neongraph.history;

-- a changed file updates the task: a new deadline keeps the first as assigned;
-- a deadline re-stated since is not reverted by the old file
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('903-KH/TEST', '1', 'Một dòng một cơ quan mỗi dòng (sửa)', E'Sở Tư pháp\nSở Y tế', 'Công an Thành phố', 'Trước 31/3/2026', NULL);
SELECT item_no, outcome, reason FROM neongraph.apply_import();
SELECT content, deadline::text, assigned_deadline::text, assigned_deadline_text FROM neongraph.task WHERE task_id = pg_temp.tid('1');
SELECT agency_code FROM neongraph.assignment WHERE task_id = pg_temp.tid('1') ORDER BY 1;
SELECT neongraph.restate_deadline(pg_temp.tid('2'), 'quý I/2026', 'Lùi hạn')::text;
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('903-KH/TEST', '2', 'Dấu chấm phẩy', 'Sở Nội vụ; Sở Khoa học và Công nghệ', 'Sở Tài chính; Đơn vị có liên quan', 'quý IV/2025', NULL);
SELECT item_no, outcome, reason FROM neongraph.apply_import();
SELECT deadline::text, assigned_deadline::text FROM neongraph.task WHERE task_id = pg_temp.tid('2');
-- a lead dropped from the file loses its assignment unless work was recorded
SELECT neongraph.report_progress(pg_temp.tid('3'), 'Thanh tra Thành phố', 20) > 0 AS reported;
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('903-KH/TEST', '3', 'Gạch đầu dòng và ngoặc', 'Sở Xây dựng', NULL, 'Năm 2025', NULL);
SELECT item_no, outcome, reason FROM neongraph.apply_import();
SELECT agency_code, progress FROM neongraph.assignment WHERE task_id = pg_temp.tid('3') ORDER BY 1;

-- the cell splitter on its own
SELECT * FROM neongraph.split_agency_cell(E'• Sở Y tế • Sở Tư pháp;; Cục Chuyển đổi số - Cơ yếu\n+ Sở Xây dựng.');
SELECT * FROM neongraph.match_agencies('Sở: Tư pháp, Xây dựng, Du hành vũ trụ');
SELECT neongraph.name_key(' Các  Sở, ban, ngành TP. '), neongraph.name_key('Toà án nhân dân tối cao') = neongraph.name_key('Tòa án nhân dân tối cao') AS tone_marks;
ROLLBACK;
