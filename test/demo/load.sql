-- neongraph demo: loads the seeds' directives as a living system.
--
--   psql -v demo_dir=/abs/path/to/test/demo -f test/demo/load.sql
--
-- 1. the directives (directives.csv) and the working groups of 67-QĐ/TGV;
-- 2. the tasks of 44-TB/TGV, 07-TB/CQTTBCĐ and Ho Chi Minh City's plan
--    01-KH/BCĐ through the real import path (\copy into neongraph.task_import,
--    then neongraph.apply_import()), the central conclusions first so that
--    the city's notes ("Thông báo số 44-TB/TGV") link to the central tasks;
-- 3. plausible progress through the write API, dated in the past, so that
--    every status occurs as of today: completions on time and late (with
--    evidence), verification, a blocked task, a cancelled one, deadlines set
--    for undated tasks (one due within the week, one later), progress
--    reports in the ten-field structure.
-- Safe to run again: the import is idempotent and each progress step is
-- skipped once done (assignment no longer open, report already filed).

\set ON_ERROR_STOP on
\if :{?demo_dir}
\else
\set demo_dir .
\endif
\cd :demo_dir

BEGIN;

-- 1. directives and working groups -------------------------------------------
CREATE TEMP TABLE demo_directive (
  docref text, kind text, issuer text, issued_on date, signer text, title text, implements text
) ON COMMIT DROP;
\copy demo_directive FROM 'directives.csv' WITH (FORMAT csv, HEADER true)
SELECT count(neongraph.upsert_directive(docref, kind, issuer, issued_on, signer, title, implements))
       AS directives
  FROM (SELECT * FROM demo_directive ORDER BY issued_on, docref) d;

\i working_groups.sql

-- 2. tasks, through the import path ------------------------------------------
\copy neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) FROM 'tasks_44_TB_TGV.csv' WITH (FORMAT csv, HEADER true)
\copy neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) FROM 'tasks_07_TB_CQTTBCD.csv' WITH (FORMAT csv, HEADER true)
\copy neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) FROM 'tasks_01_KH_BCD.csv' WITH (FORMAT csv, HEADER true)

CREATE TEMP TABLE demo_import ON COMMIT DROP AS SELECT * FROM neongraph.apply_import();
SELECT outcome, count(*) FROM demo_import GROUP BY outcome ORDER BY outcome;
SELECT item_no, reason FROM demo_import WHERE outcome = 'rejected' ORDER BY item_no;

-- 3. progress ----------------------------------------------------------------
-- t(directive, item) -> task_id
CREATE TEMP TABLE demo_task ON COMMIT DROP AS
  SELECT t.task_id, d.docref::text AS directive, t.item_no
    FROM neongraph.task t JOIN neongraph.directive d USING (directive_id);
CREATE OR REPLACE FUNCTION pg_temp.t(directive text, item text) RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT task_id FROM demo_task WHERE directive = $1 AND item_no = $2 $$;
-- do a step only while the assignment is still open, so the script can run twice
CREATE OR REPLACE FUNCTION pg_temp.open(task bigint, agency text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT FROM neongraph.assignment a
                        WHERE a.task_id = $1 AND a.agency_code = neongraph.agency_code($2)
                          AND a.completed_on IS NULL AND NOT a.cancelled) $$;

CREATE OR REPLACE FUNCTION pg_temp.reported(task bigint, agency text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT FROM neongraph.progress_report r
                        WHERE r.task_id = $1 AND r.agency_code = neongraph.agency_code($2)) $$;

-- 44-TB/TGV (12/9/2025): completions on time, late, and verified
SELECT neongraph.complete_assignment(pg_temp.t('44-TB/TGV', x.item), x.agency, x.done_on::date, x.evidence)
  FROM (VALUES
    ('II.1.d.2', 'BXD', '2025-09-26', 'Dữ liệu nhà ở ban đầu đã tạo lập trên CSDL hoạt động xây dựng (báo cáo 512/BC-BXD)'),
    ('II.1.g.1', 'BYT', '2025-09-29', 'Đề án hợp tác công tư Hệ thống điều phối dữ liệu y tế trình Chính phủ (Tờ trình 1450/TTr-BYT)'),
    ('II.1.g.2', 'BYT', '2025-10-08', 'Công văn 6120/BYT-CNTT hướng dẫn bệnh viện tư nhân cập nhật dữ liệu'),
    ('II.1.a.1', 'BTP', '2025-10-30', 'Nền tảng hộ tịch điện tử kết nối Trung tâm dữ liệu quốc gia từ 30/10/2025'),
    ('II.1.a.2', 'BNG', '2025-12-05', 'Dịch vụ cấp giấy khai sinh trực tuyến cho người Việt Nam ở nước ngoài vận hành'),
    ('II.1.b.1', 'BGDDT', '2025-09-30', 'Hướng dẫn tạm thời số 4321/BGDĐT-GDĐH về số hóa văn bằng, chứng chỉ 2024-2025'),
    ('II.1.h.2', 'VPCP', '2025-10-31', 'Hướng dẫn chuẩn hóa CSDL quốc gia về TTHC (Công văn 9012/VPCP-KSTT)'),
    ('III.1.đ', 'BCA', '2025-10-20', 'Báo cáo đánh giá số hóa theo Kế hoạch 02-KH/BCĐTW (Báo cáo 880/BC-BCA)'),
    ('III.2', 'BKHCN', '2025-09-24', 'Quyết định bố trí kinh phí Đề án chuyển đổi số của Mặt trận Tổ quốc Việt Nam'),
    ('III.3.b', 'BCY', '2025-09-30', 'Hướng dẫn kỹ thuật ký số, xác thực số 211/HD-BCY')
  ) AS x(item, agency, done_on, evidence)
 WHERE pg_temp.open(pg_temp.t('44-TB/TGV', x.item), x.agency);

SELECT neongraph.verify_assignment(pg_temp.t('44-TB/TGV', x.item), x.agency, x.note)
  FROM (VALUES
    ('II.1.a.1', 'BTP', 'Đối soát: 2,1 triệu bản ghi hộ tịch đồng bộ về Trung tâm dữ liệu quốc gia'),
    ('II.1.b.1', 'BGDDT', 'Kiểm chứng trên Cổng văn bằng, chứng chỉ'),
    ('III.2', 'BKHCN', 'Đối chiếu quyết định giao dự toán')
  ) AS x(item, agency, note)
 WHERE EXISTS (SELECT FROM neongraph.assignment a
                WHERE a.task_id = pg_temp.t('44-TB/TGV', x.item) AND a.agency_code = x.agency
                  AND a.completed_on IS NOT NULL AND NOT a.verified);

-- an undated task gets a deadline within the week (due soon), another a later one (on track)
SELECT neongraph.restate_deadline(pg_temp.t('44-TB/TGV', 'III.1.b'),
         to_char(neongraph.today() + 5, 'DD/MM/YYYY'),
         'Thường trực Tổ Giúp việc ấn định thời hạn trình Nghị định về kết nối, chia sẻ dữ liệu bắt buộc')
 WHERE (SELECT deadline IS NULL FROM neongraph.task WHERE task_id = pg_temp.t('44-TB/TGV', 'III.1.b'));
SELECT neongraph.restate_deadline(pg_temp.t('44-TB/TGV', 'III.1.c'),
         'tháng ' || to_char(neongraph.today() + 75, 'FMMM/YYYY'),
         'Thường trực Tổ Giúp việc ấn định thời hạn ban hành hướng dẫn kết nối qua Nền tảng điều phối')
 WHERE (SELECT deadline IS NULL FROM neongraph.task WHERE task_id = pg_temp.t('44-TB/TGV', 'III.1.c'));

-- a blocked task, escalated
SELECT neongraph.mark_blocked(pg_temp.t('44-TB/TGV', 'II.1.c.2'), 'TTCP',
         'Chưa có cơ chế kết nối dữ liệu tài khoản ngân hàng; cần Ngân hàng Nhà nước hướng dẫn (vượt thẩm quyền)',
         '2025-12-01')
 WHERE pg_temp.open(pg_temp.t('44-TB/TGV', 'II.1.c.2'), 'TTCP')
   AND NOT (SELECT blocked FROM neongraph.assignment
             WHERE task_id = pg_temp.t('44-TB/TGV', 'II.1.c.2') AND agency_code = 'TTCP');

-- 07-TB/CQTTBCĐ (15/10/2025)
SELECT neongraph.complete_assignment(pg_temp.t('07-TB/CQTTBCĐ', x.item), x.agency, x.done_on::date, x.evidence)
  FROM (VALUES
    ('2.c', 'BKHCN', '2025-10-28', 'Quyết định ban hành Danh mục công nghệ chiến lược'),
    ('2.d.1', 'BCA', '2025-10-17', 'Thông tư hướng dẫn kết nối Nền tảng điều phối dữ liệu'),
    ('2.d.2', 'BCA', '2025-10-25', 'Quyết định phê duyệt Khung quản trị dữ liệu'),
    ('3.e', 'BTP', '2025-11-12', 'Báo cáo rà soát thủ tục hành chính cắt giảm giấy tờ'),
    ('III.8', 'BTP', '2025-11-10', 'Tờ trình Chính phủ dự thảo Nghị định')
  ) AS x(item, agency, done_on, evidence)
 WHERE pg_temp.open(pg_temp.t('07-TB/CQTTBCĐ', x.item), x.agency);

-- a cancelled task
SELECT neongraph.cancel_assignment(pg_temp.t('07-TB/CQTTBCĐ', '3.c.2'), 'VPCP',
         'Nội dung đã được thực hiện trong nhiệm vụ 3.h; Thường trực Ban Chỉ đạo đồng ý dừng', '2025-11-20')
 WHERE pg_temp.open(pg_temp.t('07-TB/CQTTBCĐ', '3.c.2'), 'VPCP');

-- 01-KH/BCĐ (Ho Chi Minh City, 23/10/2025): deadlines re-stated to 15/11/2025,
-- assigned 30/9/2025 — done before the new deadline, yet late against the assigned one
SELECT neongraph.complete_assignment(pg_temp.t('01-KH/BCĐ', x.item), x.agency, x.done_on::date, x.evidence)
  FROM (VALUES
    ('36', 'HCM_STP', '2025-11-10', 'Quy trình nội bộ số hóa 100% trên Hệ thống thông tin giải quyết TTHC'),
    ('36', 'HCM_SYT', '2025-11-14', 'Kho dữ liệu hồ sơ sức khỏe điện tử tái sử dụng cho 12 TTHC'),
    ('37', 'HCM_SXD', '2025-11-13', 'Chiến lược phát triển đô thị thông minh trình UBND Thành phố'),
    ('38', 'HCM_SKHCN', '2025-09-30', 'Lộ trình đổi mới công nghệ đến 2035 báo cáo Thường trực Ban Chỉ đạo'),
    ('23', 'HCM_SKHCN', '2025-12-20', 'Chiến lược dữ liệu Thành phố ban hành (Quyết định 4500/QĐ-UBND)'),
    ('28', 'HCM_VPTU', '2025-11-25', 'Mạng thông tin diện rộng của cơ quan Đảng mở rộng, bảo mật cấp độ Mật'),
    ('17', 'HCM_CA', '2026-01-15', 'Đề án hệ sinh thái an ninh mạng Make in Vietnam trình UBND Thành phố')
  ) AS x(item, agency, done_on, evidence)
 WHERE pg_temp.open(pg_temp.t('01-KH/BCĐ', x.item), x.agency);

SELECT neongraph.verify_assignment(pg_temp.t('01-KH/BCĐ', '38'), 'HCM_SKHCN', 'Đối chiếu văn bản báo cáo')
 WHERE EXISTS (SELECT FROM neongraph.assignment a
                WHERE a.task_id = pg_temp.t('01-KH/BCĐ', '38') AND a.agency_code = 'HCM_SKHCN'
                  AND a.completed_on IS NOT NULL AND NOT a.verified);

-- progress reports in the ten-field structure (Điều 3.3 of 67-QĐ/TGV), this week
SELECT neongraph.report_progress(pg_temp.t('01-KH/BCĐ', x.item), x.agency, x.progress, x.report::jsonb)
  FROM (VALUES
    ('36', 'HCM_SNNMT', 80, '{"results": "Số hóa 85% hồ sơ đất đai cấp xã", "outputs": "Kho dữ liệu đất đai dùng chung", "evidence": "1,2 triệu hồ sơ trên hệ thống", "shortcomings": "Hồ sơ cũ chất lượng thấp", "causes": "Thiếu nhân lực số hóa", "recommendations": "Bổ sung kinh phí thuê dịch vụ số hóa", "focal_point": "Phòng Chuyển đổi số, Sở Nông nghiệp và Môi trường", "milestone": "31/12/2025", "adjustment": "Đề nghị lùi hạn đến quý I/2026"}'),
    ('36', 'HCM_SGDDT', 60, '{"results": "Số hóa học bạ bậc THPT", "evidence": "420.000 học bạ số", "focal_point": "Văn phòng Sở Giáo dục và Đào tạo", "milestone": "quý I/2026"}'),
    ('39', 'HCM_STC', 90, '{"results": "Dự thảo cơ chế tài chính cho chuyển đổi số hoàn thành", "outputs": "Dự thảo Nghị quyết HĐND", "focal_point": "Phòng Tài chính hành chính sự nghiệp", "milestone": "tháng 12/2025"}'),
    ('31', 'HCM_SKHCN', 50, '{"results": "Rà soát 14 dự án CNTT vướng mắc", "shortcomings": "3 dự án chưa đủ hồ sơ", "recommendations": "Áp dụng Nghị quyết 04/2025/NQ-CP", "focal_point": "Phòng Quản lý công nghệ"}')
  ) AS x(item, agency, progress, report)
 WHERE pg_temp.open(pg_temp.t('01-KH/BCĐ', x.item), x.agency)
   AND NOT pg_temp.reported(pg_temp.t('01-KH/BCĐ', x.item), x.agency);

SELECT neongraph.report_progress(pg_temp.t('44-TB/TGV', 'III.1.e'), 'BCA', 70,
         '{"results": "Hệ thống điều phối kết nối 18 bộ, ngành", "outputs": "Nền tảng điều phối dữ liệu quốc gia", "focal_point": "Trung tâm Dữ liệu quốc gia", "milestone": "tháng 01/2026"}')
 WHERE pg_temp.open(pg_temp.t('44-TB/TGV', 'III.1.e'), 'BCA')
   AND NOT pg_temp.reported(pg_temp.t('44-TB/TGV', 'III.1.e'), 'BCA');

-- this week: a few late completions, so that the ranking moves since last week's snapshot
SELECT neongraph.complete_assignment(pg_temp.t('44-TB/TGV', x.item), x.agency, neongraph.today() - x.days_ago, x.evidence)
  FROM (VALUES
    ('II.1.e.1', 'BNNMT', 2, 'CSDL quốc gia về đất đai kết nối Trung tâm Dữ liệu quốc gia (Báo cáo 2210/BC-BNNMT)'),
    ('II.3', 'BTC', 3, 'CSDL chuyên ngành tài chính đồng bộ về Trung tâm Dữ liệu quốc gia'),
    ('II.3', 'BDTTG', 1, 'CSDL công tác dân tộc vận hành, kết nối Trung tâm Dữ liệu quốc gia'),
    ('II.1.c.1', 'TTCP', 4, 'Phần mềm quản lý kê khai tài sản, thu nhập vận hành toàn quốc')
  ) AS x(item, agency, days_ago, evidence)
 WHERE pg_temp.open(pg_temp.t('44-TB/TGV', x.item), x.agency);

-- last week's ranking, kept as the snapshot each rank is compared with
SELECT neongraph.take_ranking_snapshot('week', neongraph.today() - 7);

COMMIT;

SELECT status, count(*) FROM neongraph.assignment_state GROUP BY status ORDER BY status;
