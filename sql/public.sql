-- Public disclosure (Ba công khai): public_responsibility, public_progress,
-- public_results, public_kpi show only public facts, and work for a role
-- that can read nothing else.  The views are as of today: the data below
-- uses dates long past or far ahead, and the output leaves out the figures
-- that move with today (days overdue, the as-of date).
\set ON_ERROR_ROLLBACK on
SET DateStyle = ISO;
BEGIN;

INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('ZP', 'Tỉnh Thử nghiệm Công khai', 'province', NULL),
  ('ZP.A', 'Sở A Công khai', 'department', 'ZP'),
  ('ZP.B', 'Sở B Công khai', 'department', 'ZP');
INSERT INTO neongraph.directive (docref, kind, issued_on, title)
VALUES ('94-KH/ZPT', 'KH', '2025-01-02', 'Kế hoạch thử nghiệm công khai')
RETURNING directive_id AS did \gset
INSERT INTO neongraph.task (directive_id, item_no, content, deadline, output_product, note) VALUES
  (:did, '1', 'Xây dựng cơ sở dữ liệu', '30/6/2025', 'Cơ sở dữ liệu vận hành', 'SECRET ghi chú nội bộ'),
  (:did, '2', 'Ban hành quy chế', 'trước ngày 1/9/2025', 'Quy chế', NULL),
  (:did, '3', 'Số hóa hồ sơ', '31/12/2099', NULL, NULL),
  (:did, '4', 'Báo cáo định kỳ', 'hằng quý', NULL, NULL),
  (:did, '5', 'Nhiệm vụ dừng', '31/12/2099', NULL, NULL);
INSERT INTO neongraph.task_agency (task_id, agency_code, role, position)
SELECT t.task_id, x.a, CASE WHEN x.a = 'ZP.B' AND t.item_no <> '1' THEN 'cooperating' ELSE 'lead' END, x.p
  FROM neongraph.task t, (VALUES ('ZP.A', 1), ('ZP.B', 2)) AS x(a, p)
 WHERE t.directive_id = :did;
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT t.task_id, 'ZP.A' FROM neongraph.task t WHERE t.directive_id = :did
UNION ALL
SELECT t.task_id, 'ZP.B' FROM neongraph.task t WHERE t.directive_id = :did AND t.item_no = '1';
CREATE TEMP VIEW p_a AS
  SELECT t.item_no AS item, a.* FROM neongraph.assignment a JOIN neongraph.task t USING (task_id)
   WHERE t.directive_id = :did;
UPDATE neongraph.assignment SET completed_on = '2025-06-20', evidence = 'SECRET https://internal/evidence/1',
       verified = true, verified_on = '2025-07-01', verification_note = 'SECRET kiểm chứng'
 WHERE assignment_id = (SELECT assignment_id FROM p_a WHERE item = '1' AND agency_code = 'ZP.A');
UPDATE neongraph.assignment SET completed_on = '2025-09-01', evidence = 'SECRET QĐ nội bộ'
 WHERE assignment_id = (SELECT assignment_id FROM p_a WHERE item = '2');
UPDATE neongraph.assignment SET progress = 40, blocked = true, blocked_reason = 'SECRET vướng mắc', blocked_since = '2025-03-01'
 WHERE assignment_id = (SELECT assignment_id FROM p_a WHERE item = '3');
UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'SECRET lý do dừng', cancelled_on = '2025-02-01'
 WHERE assignment_id = (SELECT assignment_id FROM p_a WHERE item = '5');
INSERT INTO neongraph.kpi (code, name, owner_code, unit, direction, baseline, target, deadline)
VALUES ('ZP-K1', 'Tỷ lệ hồ sơ số hóa', 'ZP.A', '%', 'increase', 20, 80, '31/12/2025'),
       ('ZP-K2', 'Thời gian giải quyết', 'ZP.B', 'ngày', 'decrease', 10, 4, '31/12/2099');
INSERT INTO neongraph.kpi_value (kpi_id, measured_on, value, evidence)
SELECT kpi_id, DATE '2025-12-31', 65, 'SECRET số liệu' FROM neongraph.kpi WHERE code = 'ZP-K1'
UNION ALL
SELECT kpi_id, DATE '2025-06-30', 7, 'SECRET số liệu' FROM neongraph.kpi WHERE code = 'ZP-K2';

-- responsibility: who leads what, its deadline, status, progress
SELECT directive, item_no, agency_code, agency_name, cooperating, deadline, due_date, status, status_label,
       progress, completed_on
  FROM neongraph.public_responsibility WHERE directive = '94-KH/ZPT' ORDER BY item_no, agency_code;
-- progress per agency, the province counting its departments
SELECT agency_code, agency_kind, parent_code, assignments, done_on_time, done_late, overdue, due_soon, on_track,
       recurring, no_deadline, cancelled, due, on_time_pct, completion_pct, overdue_pct
  FROM neongraph.public_progress WHERE agency_code LIKE 'ZP%' ORDER BY agency_code;
-- results: completions, on time or not, verified — not the evidence
SELECT directive, item_no, agency_code, deadline, due_date, completed_on, on_time, days_late, output_product, verified
  FROM neongraph.public_results WHERE directive = '94-KH/ZPT' ORDER BY item_no, agency_code;
SELECT kpi_code, agency_code, unit, direction, baseline, target, deadline, due_date, latest_value, measured_on,
       attainment_pct, result
  FROM neongraph.public_kpi WHERE kpi_code LIKE 'ZP-%' ORDER BY kpi_code;

-- nothing internal leaks: no such column, and no internal text in any row
SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'neongraph'::regnamespace
   AND c.relname IN ('public_responsibility', 'public_progress', 'public_results', 'public_kpi')
   AND a.attnum > 0
   AND a.attname ~ '(evidence|note|reason|blocked|verified_by|reported_by|link|email|phone)';
SELECT 'responsibility' AS v, count(*) FROM neongraph.public_responsibility p WHERE p::text LIKE '%SECRET%'
UNION ALL SELECT 'progress', count(*) FROM neongraph.public_progress p WHERE p::text LIKE '%SECRET%'
UNION ALL SELECT 'results', count(*) FROM neongraph.public_results p WHERE p::text LIKE '%SECRET%'
UNION ALL SELECT 'kpi', count(*) FROM neongraph.public_kpi p WHERE p::text LIKE '%SECRET%';

-- a read-only public role with SELECT on these views only can read them, and nothing else
CREATE ROLE neongraph_test_public NOLOGIN;
GRANT USAGE ON SCHEMA neongraph TO neongraph_test_public;
GRANT SELECT ON neongraph.public_responsibility, neongraph.public_progress,
                neongraph.public_results, neongraph.public_kpi TO neongraph_test_public;
SET ROLE neongraph_test_public;
SELECT count(*) AS rows FROM neongraph.public_responsibility WHERE directive = '94-KH/ZPT';
SELECT assignments, done_on_time FROM neongraph.public_progress WHERE agency_code = 'ZP';
SELECT count(*) AS rows FROM neongraph.public_results WHERE directive = '94-KH/ZPT';
SELECT count(*) AS rows FROM neongraph.public_kpi WHERE kpi_code LIKE 'ZP-%';
SELECT count(*) FROM neongraph.assignment;
SELECT count(*) FROM neongraph.progress_report;
SELECT count(*) FROM neongraph.assignment_state(DATE '2025-10-01');
RESET ROLE;

-- documented, for the public role
SELECT c.relname, obj_description(c.oid, 'pg_class') LIKE '%public role%' AS says_for_public,
       bool_and(col_description(c.oid, a.attnum) IS NOT NULL) AS columns_documented
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'neongraph'::regnamespace
   AND c.relname IN ('public_responsibility', 'public_progress', 'public_results', 'public_kpi')
 GROUP BY c.relname, c.oid ORDER BY 1;

ROLLBACK;
