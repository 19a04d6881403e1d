-- KPI attainment: direction-aware, baseline to target, capped and uncapped,
-- as of any date, met or not at the deadline; rolled up per agency (along
-- the hierarchy) and per working group.
\set ON_ERROR_ROLLBACK on
SET DateStyle = ISO;
BEGIN;

-- the formula, by hand
SELECT v, b, t, dir,
       neongraph.kpi_attainment(v, b, t, dir) AS capped,
       neongraph.kpi_attainment(v, b, t, dir, false) AS uncapped,
       neongraph.kpi_met(v, t, dir) AS met
  FROM (VALUES (50::numeric, 20::numeric, 80::numeric, 'increase'),   -- (50-20)/(80-20) = 50%
               (90, 20, 80, 'increase'),                               -- past the target: 116.67% uncapped
               (10, 20, 80, 'increase'),                               -- below the baseline: -16.67% uncapped
               (7, 10, 4, 'decrease'),                                 -- lower is better: (10-7)/(10-4) = 50%
               (3, 10, 4, 'decrease'),                                 -- 116.67% uncapped
               (12, 10, 4, 'decrease'),                                -- worse than the baseline
               (150, NULL, 200, 'increase'),                           -- no baseline: 150/200
               (4, NULL, 2, 'decrease'),                               -- no baseline, lower is better: 2/4
               (1, NULL, 2, 'decrease'),                               -- 2/1 = 200% uncapped
               (0, NULL, 2, 'decrease'),                               -- value 0: met
               (5, 5, 5, 'increase'),                                  -- baseline = target: by value/target
               (60, 90, 80, 'increase'),                               -- baseline on the wrong side: value/target
               (0, NULL, 0, 'increase'),                               -- target 0: met or not
               (-1, NULL, 0, 'increase'),
               (NULL, 20, 80, 'increase')) AS x(v, b, t, dir);
SELECT neongraph.kpi_attainment(1, 0, 2, 'up');
SELECT neongraph.kpi_attainment(1, 0, 2, NULL);

-- a province, two departments, working groups; eight KPIs
INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('ZK', 'Tỉnh Thử nghiệm KPI', 'province', NULL),
  ('ZK.A', 'Sở A Thử nghiệm KPI', 'department', 'ZK'),
  ('ZK.B', 'Sở B Thử nghiệm KPI', 'department', 'ZK');
INSERT INTO neongraph.working_group (code, name) VALUES
  ('ZKG1', 'Nhóm thử nghiệm KPI 1'), ('ZKG2', 'Nhóm thử nghiệm KPI 2'), ('ZKG3', 'Nhóm thử nghiệm KPI 3');
INSERT INTO neongraph.working_group_member (group_code, agency_code) VALUES ('ZKG1', 'ZK.A'), ('ZKG3', 'ZK');
INSERT INTO neongraph.directive (docref, kind, issued_on) VALUES ('92-KH/ZKT', 'KH', '2025-01-02')
RETURNING directive_id AS did \gset
INSERT INTO neongraph.task (directive_id, item_no, content, working_group, deadline)
VALUES (:did, '1', 'Nhiệm vụ có KPI của nhóm 2', 'ZKG2', NULL)
RETURNING task_id AS tid \gset
INSERT INTO neongraph.kpi (code, name, owner_code, task_id, unit, direction, baseline, target, deadline) VALUES
  ('ZK-K1', 'Tỷ lệ hồ sơ trực tuyến', 'ZK.A', NULL, '%', 'increase', 20, 80, '31/12/2025'),
  ('ZK-K2', 'Thời gian xử lý hồ sơ', 'ZK.A', NULL, 'ngày', 'decrease', 10, 4, 'Quý III/2025'),
  ('ZK-K3', 'Số thủ tục số hóa', 'ZK.B', NULL, 'TTHC', 'increase', NULL, 200, 'tháng 12/2025'),
  ('ZK-K4', 'Số hồ sơ trễ hạn', 'ZK.B', NULL, 'hồ sơ', 'decrease', NULL, 2, '31/12/2025'),
  ('ZK-K5', 'Chỉ tiêu chưa báo cáo', 'ZK.B', NULL, '%', 'increase', 0, 100, '30/6/2025'),
  ('ZK-K6', 'Chỉ tiêu đi lùi', 'ZK', NULL, '%', 'increase', 50, 100, '31/12/2025'),
  ('ZK-K7', 'Chỉ tiêu hằng quý', 'ZK', NULL, 'báo cáo', 'increase', NULL, 10, 'hằng quý'),
  ('ZK-K8', 'Chỉ tiêu của nhiệm vụ nhóm 2', 'ZK.B', :tid, 'cơ sở dữ liệu', 'increase', 0, 10, NULL);
INSERT INTO neongraph.kpi_value (kpi_id, measured_on, value)
SELECT k.kpi_id, v.d::date, v.val
  FROM (VALUES ('ZK-K1', '2025-06-30', 50), ('ZK-K1', '2025-12-31', 90),
               ('ZK-K2', '2025-07-15', 7), ('ZK-K2', '2025-09-30', 5), ('ZK-K2', '2025-10-15', 3),
               ('ZK-K3', '2025-09-01', 150),
               ('ZK-K4', '2025-08-01', 4), ('ZK-K4', '2025-12-01', 0),
               ('ZK-K6', '2025-09-15', 40),
               ('ZK-K7', '2025-09-30', 10),
               ('ZK-K8', '2025-09-01', 5)) AS v(code, d, val)
  JOIN neongraph.kpi k ON k.code = v.code;

-- every KPI as of 1/10/2025: the latest value measured by then
SELECT code, direction, baseline, target, due_date, value, measured_on, attainment, attainment_uncapped,
       met, value_at_due, result
  FROM neongraph.kpi_results('2025-10-01') WHERE code LIKE 'ZK-%' ORDER BY code;
-- before any value, and after the deadlines
SELECT code, value, attainment, met, result
  FROM neongraph.kpi_results('2025-05-01') WHERE code IN ('ZK-K1', 'ZK-K2', 'ZK-K5') ORDER BY code;
SELECT code, value, measured_on, attainment, attainment_uncapped, met, value_at_due, result
  FROM neongraph.kpi_results('2026-01-05') WHERE code IN ('ZK-K1', 'ZK-K2', 'ZK-K4') ORDER BY code;
-- the deadline day itself is still pending; the day after decides
SELECT as_of, result FROM unnest('{2025-09-30,2025-10-01}'::date[]) AS as_of, neongraph.kpi_results(as_of)
 WHERE code = 'ZK-K2' ORDER BY as_of;

-- per agency: with the agencies under it (default) and alone
SELECT * FROM neongraph.kpi_by_agency('2025-10-01') WHERE agency_code LIKE 'ZK%' ORDER BY agency_code;
SELECT * FROM neongraph.kpi_by_agency('2025-10-01', false) WHERE agency_code LIKE 'ZK%' ORDER BY agency_code;
SELECT * FROM neongraph.kpi_by_agency('2026-01-05') WHERE agency_code = 'ZK';
-- per working group: the group of the KPI's task, else the groups of the owner and the agencies above it
SELECT * FROM neongraph.kpi_by_group('2025-10-01') WHERE group_code LIKE 'ZKG%' ORDER BY group_code;

-- documentation and properties
SELECT p.proname, p.provolatile, obj_description(p.oid, 'pg_proc') IS NOT NULL AS documented,
       coalesce(p.proconfig, '{}') @> '{"search_path=pg_catalog, pg_temp"}' AS pinned
  FROM pg_proc p
 WHERE p.pronamespace = 'neongraph'::regnamespace
   AND p.proname IN ('kpi_attainment', 'kpi_met', 'kpi_results', 'kpi_by_agency', 'kpi_by_group')
 ORDER BY 1;

ROLLBACK;
