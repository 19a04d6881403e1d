-- The index set and the ranking: indicators, weights, the Bayesian average
-- toward the peer group, rank() ties, peer groups (of one, within a
-- province), an agency with no due tasks, weekly reporting timeliness
-- (Friday 18:00), snapshots with movement, working groups.
\set ON_ERROR_ROLLBACK on
SET DateStyle = ISO;
SET TIME ZONE 'UTC';
BEGIN;

-- province ZR with five departments, province ZQ with one; working groups
INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('ZR', 'Tỉnh Thử nghiệm Xếp hạng', 'province', NULL),
  ('ZR.A', 'Sở A (10 nhiệm vụ)', 'department', 'ZR'),
  ('ZR.B', 'Sở B (2 nhiệm vụ, đúng hạn)', 'department', 'ZR'),
  ('ZR.C', 'Sở C (có quá hạn)', 'department', 'ZR'),
  ('ZR.D', 'Sở D (chưa đến hạn)', 'department', 'ZR'),
  ('ZR.E', 'Sở E (như Sở B)', 'department', 'ZR'),
  ('ZQ', 'Tỉnh Thử nghiệm Một sở', 'province', NULL),
  ('ZQ.A', 'Sở duy nhất', 'department', 'ZQ');
INSERT INTO neongraph.working_group (code, name) VALUES
  ('ZRG1', 'Nhóm thử nghiệm xếp hạng 1'), ('ZRG2', 'Nhóm thử nghiệm xếp hạng 2'),
  ('ZRG3', 'Nhóm thử nghiệm xếp hạng 3'), ('ZRG4', 'Nhóm không có nhiệm vụ');
INSERT INTO neongraph.working_group_member (group_code, agency_code) VALUES
  ('ZRG1', 'ZR.A'), ('ZRG1', 'ZR.B'), ('ZRG2', 'ZR.C'), ('ZRG3', 'ZQ.A');
INSERT INTO neongraph.directive (docref, kind, issued_on) VALUES ('93-KH/ZRT', 'KH', '2025-01-02')
RETURNING directive_id AS did \gset

-- the assignments: n tasks per row, completed (or not) on a date, the first `verified` of them verified
CREATE TEMP TABLE spec (id int PRIMARY KEY, agency text, n int, deadline text, completed_on date, verified int);
INSERT INTO spec VALUES
  (1, 'ZR.A', 9, '31/8/2025', '2025-08-20', 5),
  (2, 'ZR.A', 1, '31/8/2025', '2025-09-05', 0),   -- done late
  (3, 'ZR.B', 2, '31/8/2025', '2025-08-25', 2),
  (4, 'ZR.C', 2, '31/8/2025', '2025-08-25', 0),
  (5, 'ZR.C', 2, '5/10/2025', NULL, 0),           -- overdue from 6/10
  (6, 'ZR.D', 3, '31/12/2025', NULL, 0),          -- nothing due yet
  (7, 'ZR.E', 2, '31/8/2025', '2025-08-25', 2),
  (8, 'ZQ.A', 1, '30/9/2025', NULL, 0);
INSERT INTO neongraph.task (directive_id, item_no, content, deadline)
SELECT :did, s.id || '.' || g, 'Nhiệm vụ xếp hạng ' || s.id || '.' || g, s.deadline::neongraph.deadline
  FROM spec s, generate_series(1, s.n) AS g;
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT t.task_id, s.agency FROM neongraph.task t JOIN spec s ON split_part(t.item_no, '.', 1)::int = s.id
 WHERE t.directive_id = :did;
UPDATE neongraph.assignment a
   SET completed_on = s.completed_on, evidence = 'Văn bản ' || t.item_no,
       verified = split_part(t.item_no, '.', 2)::int <= s.verified,
       verified_on = CASE WHEN split_part(t.item_no, '.', 2)::int <= s.verified THEN DATE '2025-09-30' END
  FROM neongraph.task t, spec s
 WHERE t.task_id = a.task_id AND t.directive_id = :did
   AND split_part(t.item_no, '.', 1)::int = s.id AND s.completed_on IS NOT NULL;
-- weekly reports (Vietnamese time): the week to Friday 3/10 18:00 runs from Friday 26/9 18:00
INSERT INTO neongraph.progress_report (assignment_id, task_id, agency_code, reported_at, progress)
SELECT a.assignment_id, a.task_id, a.agency_code, r.at::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', 50
  FROM (VALUES ('ZR.C', '2025-09-24 10:00'),   -- week to 26/9: in time
               ('ZR.C', '2025-10-03 18:00'),   -- at 18:00 on Friday 3/10: counts for the week to 10/10
               ('ZR.D', '2025-09-18 09:00'), ('ZR.D', '2025-09-25 09:00'),
               ('ZR.D', '2025-10-02 09:00'), ('ZR.D', '2025-10-10 17:59')) AS r(agency, at)
  CROSS JOIN LATERAL (SELECT x.* FROM neongraph.assignment x JOIN neongraph.task t USING (task_id)
                       WHERE x.agency_code = r.agency AND t.directive_id = :did AND x.completed_on IS NULL
                       ORDER BY x.assignment_id LIMIT 1) a;
INSERT INTO neongraph.kpi (code, name, owner_code, unit, direction, baseline, target, deadline)
VALUES ('ZR-K1', 'Chỉ tiêu của Sở A', 'ZR.A', '%', 'increase', 0, 100, '31/12/2025');
INSERT INTO neongraph.kpi_value (kpi_id, measured_on, value)
SELECT kpi_id, '2025-09-01', 50 FROM neongraph.kpi WHERE code = 'ZR-K1';

-- the weekly reporting behind timeliness, as of Friday 10/10/2025 (four weeks)
SELECT agency_code, week_friday, report_deadline AT TIME ZONE 'Asia/Ho_Chi_Minh' AS deadline_vn,
       open_assignments, reports, in_time
  FROM neongraph.weekly_reporting('2025-10-10') WHERE agency_code LIKE 'Z%' ORDER BY 1, 2;
-- a Saturday looks back to the Friday before it
SELECT DISTINCT week_friday FROM neongraph.weekly_reporting('2025-10-11', 2) ORDER BY 1;

-- the counts behind the indicators
SELECT code, total, live, due, done_on_time, done_late, overdue, completed, verified, kpis,
       kpi_attainment_sum, report_weeks, reports_in_time
  FROM neongraph.ranking_indicators('2025-10-10')
 WHERE code LIKE 'Z%' ORDER BY subject_kind, code;

-- departments within their province, as of 10/10/2025.  By hand (README):
-- priors of ZR: on time 15/18, completion 16/18, not overdue 19/21, KPI 0.5,
-- timeliness 6/8, verified 9/16.  Sở A: on time (9 + 10*15/18)/(10 + 10) =
-- 0.866667 ... score 77.26; Sở B and Sở E (2 of 2 on time) 77.11, tied 2nd;
-- Sở D (nothing due: the priors) 76.61; Sở C 66.58.  ZQ's one department
-- ranks 1 of 1.
SELECT peer_group, rank, peers, code, score, on_time_rate, completion_rate, overdue_share,
       kpi_attainment, reporting_timeliness, verified_share, due, live, completed, kpis, report_weeks,
       previous_rank, movement
  FROM neongraph.ranking('department', '2025-10-10')
 WHERE peer_group IN ('ZR', 'ZQ') ORDER BY peer_group, rank, code;
-- everything needed to check Sở A's score by hand
SELECT key AS indicator, value FROM neongraph.ranking('department', '2025-10-10'),
       jsonb_each(components) WHERE code = 'ZR.A' ORDER BY 1;
-- the same by hand from the components: sum(weight * adjusted * 100) / sum(weight)
SELECT code, score,
       round(sum((c.value->>'weight')::numeric * (c.value->>'adjusted')::numeric * 100)
             / sum((c.value->>'weight')::numeric), 2) AS recomputed
  FROM neongraph.ranking('department', '2025-10-10'), jsonb_each(components) c
 WHERE peer_group = 'ZR' AND c.value->>'adjusted' IS NOT NULL
 GROUP BY code, score ORDER BY code;

-- without the Bayesian average (m = 0) two tasks on time would beat ten
SAVEPOINT no_prior;
UPDATE neongraph.ranking_weight SET prior_weight = 0;
SELECT rank, code, score FROM neongraph.ranking('department', '2025-10-10')
 WHERE peer_group = 'ZR' ORDER BY rank, code;
ROLLBACK TO SAVEPOINT no_prior;

-- provinces among provinces: a province counts its departments
SELECT rank, code, score, due, live, kpis, report_weeks
  FROM neongraph.ranking('province', '2025-10-10') WHERE code IN ('ZR', 'ZQ') ORDER BY rank, code;

-- snapshots: the previous Friday's ranking is kept, then this week's shows the movement
SELECT neongraph.take_ranking_snapshot('week', '2025-10-03') > 0 AS kept;
SELECT period, period_start, as_of, rank, code, score, on_time_rate
  FROM neongraph.ranking_snapshot WHERE peer_group = 'ZR' ORDER BY rank, code;
SELECT rank, code, score, previous_rank, movement, previous_score, score_change,
       on_time_rate, on_time_rate_change, overdue_share, overdue_share_change,
       reporting_timeliness, reporting_timeliness_change, previous_as_of
  FROM neongraph.ranking('department', '2025-10-10')
 WHERE peer_group = 'ZR' ORDER BY rank, code;
-- a snapshot of the same period replaces the earlier one; within the week of
-- the snapshot, the comparison is still with the week before (none here)
SELECT neongraph.take_ranking_snapshot('week', '2025-10-02') AS n_first \gset
SELECT neongraph.take_ranking_snapshot('week', '2025-10-03') = :n_first AS same_size;
SELECT count(DISTINCT as_of) AS snapshots_of_the_week, min(as_of) FROM neongraph.ranking_snapshot
 WHERE period = 'week' AND period_start = '2025-09-29';
SELECT count(*) FILTER (WHERE previous_rank IS NOT NULL) AS with_previous
  FROM neongraph.ranking('department', '2025-10-04') WHERE peer_group = 'ZR';
-- months compare with the previous month's snapshot
SELECT neongraph.take_ranking_snapshot('month', '2025-09-30') > 0 AS kept;
SELECT code, rank, previous_rank, movement, previous_as_of
  FROM neongraph.ranking('department', '2025-10-10', 'month') WHERE peer_group = 'ZR' ORDER BY rank, code;

-- working groups, ranked the same way (ZRG4 has nothing to assess)
SELECT rank, peers, code, score, due, live, completed, kpis, report_weeks, on_time_rate, overdue_share
  FROM neongraph.group_ranking('2025-10-10') WHERE code LIKE 'ZRG%' ORDER BY rank, code;

-- the BI view: every level as of today, plain column types
SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, col_description(a.attrelid, a.attnum) IS NOT NULL AS documented
  FROM pg_attribute a WHERE a.attrelid = 'neongraph.ranking_current'::regclass AND a.attnum > 0
 ORDER BY a.attnum;

-- errors
SELECT * FROM neongraph.ranking('city', '2025-10-10');
SELECT * FROM neongraph.ranking(NULL, '2025-10-10');
SELECT * FROM neongraph.ranking('province', NULL);
SELECT * FROM neongraph.ranking('province', '2025-10-10', 'year');
SELECT * FROM neongraph.rankings('{}', '2025-10-10');
SELECT neongraph.take_ranking_snapshot('day', '2025-10-10');
SELECT neongraph.take_ranking_snapshot('week', 'infinity');
UPDATE neongraph.ranking_weight SET weight = -1 WHERE indicator = 'on_time_rate';
INSERT INTO neongraph.ranking_weight (indicator, weight, prior_weight, description) VALUES ('speed', 1, 1, 'x');

-- weights: a changed shipped row is dumped; a weight of 0 leaves an indicator out
UPDATE neongraph.ranking_weight SET weight = 0 WHERE indicator = 'verified_share';
SELECT indicator, weight, prior_weight, is_shipped FROM neongraph.ranking_weight ORDER BY indicator;
SELECT code, score, components->'verified_share'->>'weight' AS verified_weight
  FROM neongraph.ranking('department', '2025-10-10') WHERE code = 'ZR.A';

-- The counts, checked against the method written out plainly.  Random data
-- (fixed seed): a ministry and a province with departments and communes two
-- levels down, a collective leading tasks and one with an agency under it;
-- working groups by membership (of a province, of departments, of a
-- collective) and tasks naming their own group; directives issued before,
-- between and after the dates compared, and one without a date of issue;
-- dated, re-stated, recurring and undated deadlines; completions, some
-- verified (before or after the dates), cancellations; reports in and
-- around the weeks, at Friday 18:00 and just before; KPIs of tasks with and
-- without a group; then, written without the triggers, a cancellation
-- without a date, a completion that was also cancelled, a verification
-- without a date.
SELECT setseed(0.5);
INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('ZXM', 'Bộ Thử nghiệm Ngẫu nhiên', 'ministry', NULL),
  ('ZXM.1', 'Cục Thử nghiệm 1', 'department', 'ZXM'),
  ('ZXP', 'Tỉnh Thử nghiệm Ngẫu nhiên', 'province', NULL),
  ('ZXP.1', 'Sở Thử nghiệm 1', 'department', 'ZXP'),
  ('ZXP.2', 'Sở Thử nghiệm 2', 'department', 'ZXP'),
  ('ZXP.1.A', 'Phòng Thử nghiệm 1A', 'commune', 'ZXP.1'),
  ('ZXP.1.A.x', 'Tổ Thử nghiệm 1Ax', 'commune', 'ZXP.1.A'),
  ('ZXP.C', 'Xã Thử nghiệm', 'commune', 'ZXP'),
  ('ZXK', 'Các sở Thử nghiệm', 'collective', 'ZXP'),
  ('ZXK.1', 'Sở dưới tập thể', 'department', 'ZXK');
INSERT INTO neongraph.working_group (code, name) VALUES
  ('ZXG1', 'Nhóm ngẫu nhiên 1'), ('ZXG2', 'Nhóm ngẫu nhiên 2'), ('ZXG3', 'Nhóm ngẫu nhiên 3'),
  ('ZXG4', 'Nhóm ngẫu nhiên 4');
INSERT INTO neongraph.working_group_member (group_code, agency_code) VALUES
  ('ZXG1', 'ZXP'), ('ZXG2', 'ZXP.1'), ('ZXG2', 'ZXM.1'), ('ZXG2', 'ZXP.1.A'), ('ZXG4', 'ZXK');
INSERT INTO neongraph.directive (docref, kind, issued_on)
SELECT (900 + i) || '-KH/ZXT', 'KH', x.issued_on
  FROM unnest(ARRAY['2025-06-02', '2025-08-29', '2025-09-20', '2025-10-03', '2025-10-09', '2025-11-21', NULL]::date[])
       WITH ORDINALITY AS x(issued_on, i);
CREATE TEMP TABLE zx_directive AS
SELECT d.directive_id, row_number() OVER (ORDER BY d.directive_id) - 1 AS n
  FROM neongraph.directive d WHERE d.docref::text LIKE '%-KH/ZXT';
CREATE TEMP TABLE zx_task AS
SELECT i, floor(random() * 7)::int AS dir,
       random() AS r_deadline, random() AS r_assigned, random() AS r_group, random() AS r_day, random() AS r_day2,
       floor(random() * 9)::int AS lead1, floor(random() * 9)::int AS lead2, random() AS r_two
  FROM generate_series(1, 300) AS i;
CREATE TEMP TABLE zx_agencies AS
SELECT (ARRAY['ZXM', 'ZXM.1', 'ZXP', 'ZXP.1', 'ZXP.2', 'ZXP.1.A', 'ZXP.1.A.x', 'ZXP.C', 'ZXK'])[k + 1] AS code, k
  FROM generate_series(0, 8) AS k;
INSERT INTO neongraph.task (directive_id, item_no, content, deadline, assigned_deadline, working_group)
SELECT d.directive_id, 'ZX' || x.i, 'Nhiệm vụ ngẫu nhiên ' || x.i,
       CASE WHEN x.r_deadline < 0.65 THEN to_char(DATE '2025-08-01' + floor(x.r_day * 150)::int, 'FMDD/FMMM/YYYY')
            WHEN x.r_deadline < 0.75 THEN 'Thường xuyên'
            WHEN x.r_deadline < 0.85 THEN 'Quý IV/2025'
            WHEN x.r_deadline < 0.9 THEN 'hằng tháng' END::neongraph.deadline,
       CASE WHEN x.r_assigned < 0.2 THEN to_char(DATE '2025-09-01' + floor(x.r_day2 * 120)::int, 'FMDD/FMMM/YYYY') END::neongraph.deadline,
       CASE WHEN x.r_group < 0.12 THEN 'ZXG1' WHEN x.r_group < 0.2 THEN 'ZXG3' WHEN x.r_group < 0.25 THEN 'ZXG2' END
  FROM zx_task x JOIN zx_directive d ON d.n = x.dir;
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT t.task_id, g.code
  FROM zx_task x JOIN neongraph.task t ON t.item_no = 'ZX' || x.i
  JOIN zx_agencies g ON g.k = x.lead1 OR (g.k = x.lead2 AND x.r_two < 0.3);
CREATE TEMP TABLE zx_state AS
SELECT a.assignment_id, random() AS r_done, random() AS r_ver, random() AS r_cancel,
       DATE '2025-08-01' + floor(random() * 140)::int AS done_on, floor(random() * 40)::int AS ver_after,
       DATE '2025-08-01' + floor(random() * 140)::int AS cancel_on
  FROM neongraph.assignment a JOIN neongraph.task t USING (task_id) WHERE t.item_no LIKE 'ZX%';
UPDATE neongraph.assignment a
   SET completed_on = s.done_on, evidence = 'Văn bản ngẫu nhiên',
       verified = s.r_ver < 0.5, verified_on = CASE WHEN s.r_ver < 0.5 THEN s.done_on + s.ver_after END
  FROM zx_state s WHERE s.assignment_id = a.assignment_id AND s.r_done < 0.45;
UPDATE neongraph.assignment a
   SET cancelled = true, cancel_reason = 'Dừng thực hiện (thử nghiệm)', cancelled_on = s.cancel_on
  FROM zx_state s WHERE s.assignment_id = a.assignment_id AND s.r_done >= 0.45 AND s.r_cancel < 0.15;
-- reports: random times from 22/8 to 12/12/2025 (Vietnam), and some at Friday 18:00 and one second before
INSERT INTO neongraph.progress_report (assignment_id, task_id, agency_code, reported_at, progress)
SELECT a.assignment_id, a.task_id, a.agency_code, r.at, 40
  FROM (SELECT floor(random() * (SELECT count(*) FROM zx_state))::int AS n,
               CASE WHEN random() < 0.8
                    THEN TIMESTAMP '2025-08-22 00:00' + random() * INTERVAL '112 days'
                    ELSE TIMESTAMP '2025-08-22 18:00' + floor(random() * 16)::int * INTERVAL '7 days'
                         - CASE WHEN random() < 0.5 THEN INTERVAL '1 second' ELSE INTERVAL '0' END
               END AT TIME ZONE 'Asia/Ho_Chi_Minh' AS at
          FROM generate_series(1, 700)) r
  JOIN (SELECT s.assignment_id, row_number() OVER (ORDER BY s.assignment_id) - 1 AS n FROM zx_state s) s ON s.n = r.n
  JOIN neongraph.assignment a ON a.assignment_id = s.assignment_id;
INSERT INTO neongraph.kpi (code, name, owner_code, unit, direction, baseline, target, task_id)
SELECT 'ZX-K' || i, 'Chỉ tiêu ngẫu nhiên ' || i, g.code, '%',
       CASE WHEN i % 3 = 0 THEN 'decrease' ELSE 'increase' END,
       CASE WHEN i % 2 = 0 THEN 10 END, CASE WHEN i % 3 = 0 THEN 5 ELSE 90 END,
       CASE WHEN i % 4 <> 0 THEN (SELECT t.task_id FROM neongraph.task t WHERE t.item_no = 'ZX' || (i * 7)) END
  FROM generate_series(1, 24) AS i JOIN zx_agencies g ON g.k = i % 9;
INSERT INTO neongraph.kpi_value (kpi_id, measured_on, value)
SELECT k.kpi_id, DATE '2025-08-01' + 30 * m, round((random() * 100)::numeric, 1)
  FROM neongraph.kpi k, generate_series(0, 4) AS m
 WHERE k.code LIKE 'ZX-K%' AND random() < 0.6;
SET session_replication_role = replica;
UPDATE neongraph.assignment SET cancelled = true, cancelled_on = NULL, cancel_reason = 'Không ghi ngày'
 WHERE assignment_id IN (SELECT s.assignment_id FROM zx_state s WHERE s.r_done >= 0.45 AND s.r_cancel >= 0.9);
UPDATE neongraph.assignment SET cancelled = true, cancelled_on = completed_on + 3, cancel_reason = 'Sau khi xong'
 WHERE assignment_id IN (SELECT s.assignment_id FROM zx_state s WHERE s.r_done < 0.05);
UPDATE neongraph.assignment SET verified = true, verified_on = NULL
 WHERE assignment_id IN (SELECT s.assignment_id FROM zx_state s WHERE s.r_done BETWEEN 0.4 AND 0.45);
RESET session_replication_role;
-- what the data holds
SELECT count(*) AS assignments, count(DISTINCT a.agency_code) AS leads,
       count(*) FILTER (WHERE t.working_group IS NOT NULL) AS with_own_group,
       count(*) FILTER (WHERE a.completed_on IS NOT NULL) AS completed,
       count(*) FILTER (WHERE a.verified) AS verified, count(*) FILTER (WHERE a.cancelled) AS cancelled,
       count(*) FILTER (WHERE a.cancelled AND a.cancelled_on IS NULL) AS cancelled_undated,
       count(*) FILTER (WHERE d.issued_on IS NULL) AS undated_directive,
       (SELECT count(*) FROM neongraph.progress_report r JOIN zx_state s USING (assignment_id)) AS reports,
       (SELECT count(*) FROM neongraph.kpi k WHERE k.code LIKE 'ZX-K%') AS kpis
  FROM neongraph.assignment a JOIN neongraph.task t USING (task_id)
  JOIN neongraph.directive d USING (directive_id) WHERE t.item_no LIKE 'ZX%';

-- the method as 1.1 wrote it: each assignment's status from
-- neongraph.assignment_state, counted for every ancestor of its lead
-- (neongraph.agency_tree) and every group following it
-- (neongraph.assignment_group); KPIs by owner, and by the task's group or
-- else membership; per (agency, week) the assignments open at the week's
-- start (issued by its Friday, not completed nor cancelled before it
-- began) and the reports filed in the week on them
CREATE TEMP TABLE zx_dates (d date PRIMARY KEY);
INSERT INTO zx_dates VALUES ('2025-09-05'), ('2025-09-26'), ('2025-10-04'), ('2025-10-10'), ('2025-10-31'),
                            ('2025-11-22'), ('2025-12-31');
CREATE TEMP VIEW zx_weekly AS
WITH wk AS (
  SELECT x.d, f.friday, p.period_start, p.period_end
    FROM zx_dates x
   CROSS JOIN generate_series(0, neongraph.get_setting('ranking.report_weeks')::int - 1) AS k
   CROSS JOIN LATERAL (SELECT x.d - (extract(isodow FROM x.d)::int + 2) % 7 - 7 * k AS friday) f
   CROSS JOIN LATERAL neongraph.report_period('week', f.friday) p
)
SELECT wk.d, a.agency_code, wk.friday, wk.period_end, count(DISTINCT a.assignment_id) AS open_assignments,
       count(r.report_id) AS reports
  FROM wk
  JOIN neongraph.assignment a
    ON (a.completed_on IS NULL
        OR (a.completed_on + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' >= wk.period_start)
   AND (NOT a.cancelled
        OR (a.cancelled_on + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' >= wk.period_start)
  JOIN neongraph.task t ON t.task_id = a.task_id
  JOIN neongraph.directive dd ON dd.directive_id = t.directive_id
  LEFT JOIN neongraph.progress_report r
    ON r.assignment_id = a.assignment_id AND r.reported_at >= wk.period_start AND r.reported_at < wk.period_end
 WHERE dd.issued_on IS NULL OR dd.issued_on <= wk.friday
 GROUP BY wk.d, a.agency_code, wk.friday, wk.period_end;
CREATE TEMP VIEW zx_reference AS
WITH st AS (
  SELECT x.d, s.assignment_id, s.agency_code, s.status, s.verified
    FROM zx_dates x, neongraph.assignment_state(x.d) s
), by_subject AS (
  SELECT st.d, 'agency' AS kind, tr.ancestor_code AS code, st.status, st.verified
    FROM st JOIN neongraph.agency_tree tr ON tr.agency_code = st.agency_code
  UNION ALL
  SELECT st.d, 'working_group', g.group_code, st.status, st.verified
    FROM st JOIN neongraph.assignment_group g ON g.assignment_id = st.assignment_id
), ta AS (
  SELECT d, kind, code, count(*) AS total,
         count(*) FILTER (WHERE status <> 'cancelled') AS live,
         count(*) FILTER (WHERE status IN ('done_on_time', 'done_late', 'overdue')) AS due,
         count(*) FILTER (WHERE status = 'done_on_time') AS done_on_time,
         count(*) FILTER (WHERE status = 'done_late') AS done_late,
         count(*) FILTER (WHERE status = 'overdue') AS overdue,
         count(*) FILTER (WHERE status IN ('done_on_time', 'done_late')) AS completed,
         count(*) FILTER (WHERE status IN ('done_on_time', 'done_late') AND verified) AS verified
    FROM by_subject GROUP BY d, kind, code
), member_of AS (
  SELECT DISTINCT tr.agency_code, m.group_code
    FROM neongraph.agency_tree tr JOIN neongraph.working_group_member m ON m.agency_code = tr.ancestor_code
), kr AS (
  SELECT x.d, k.owner_code, k.task_id, k.attainment FROM zx_dates x, neongraph.kpi_results(x.d) k
), tk AS (
  SELECT d, kind, code, count(*) AS kpis, sum(coalesce(attainment, 0)) AS att
    FROM (SELECT kr.d, 'agency' AS kind, tr.ancestor_code AS code, kr.attainment
            FROM kr JOIN neongraph.agency_tree tr ON tr.agency_code = kr.owner_code
          UNION ALL
          SELECT kr.d, 'working_group', t.working_group, kr.attainment
            FROM kr JOIN neongraph.task t ON t.task_id = kr.task_id AND t.working_group IS NOT NULL
          UNION ALL
          SELECT kr.d, 'working_group', m.group_code, kr.attainment
            FROM kr JOIN member_of m ON m.agency_code = kr.owner_code
           WHERE NOT EXISTS (SELECT FROM neongraph.task t WHERE t.task_id = kr.task_id AND t.working_group IS NOT NULL)) x
   GROUP BY d, kind, code
), tw AS (
  SELECT d, kind, code, count(*) AS weeks, count(*) FILTER (WHERE reports > 0) AS in_time
    FROM (SELECT w.d, 'agency' AS kind, tr.ancestor_code AS code, w.reports
            FROM zx_weekly w JOIN neongraph.agency_tree tr ON tr.agency_code = w.agency_code
          UNION ALL
          SELECT w.d, 'working_group', m.group_code, w.reports
            FROM zx_weekly w JOIN member_of m ON m.agency_code = w.agency_code) x
   GROUP BY d, kind, code
), subjects AS (
  SELECT x.d, 'agency' AS kind, a.code FROM zx_dates x, neongraph.agency a WHERE a.kind <> 'collective'
  UNION ALL
  SELECT x.d, 'working_group', w.code FROM zx_dates x, neongraph.working_group w
)
SELECT s.d, ROW(s.kind, s.code, coalesce(ta.total, 0), coalesce(ta.live, 0), coalesce(ta.due, 0),
                coalesce(ta.done_on_time, 0), coalesce(ta.done_late, 0), coalesce(ta.overdue, 0),
                coalesce(ta.completed, 0), coalesce(ta.verified, 0), coalesce(tk.kpis, 0), coalesce(tk.att, 0),
                coalesce(tw.weeks, 0), coalesce(tw.in_time, 0))::text AS r
  FROM subjects s
  LEFT JOIN ta USING (d, kind, code) LEFT JOIN tk USING (d, kind, code) LEFT JOIN tw USING (d, kind, code);
CREATE TEMP VIEW zx_differ AS
SELECT x.d,
       (SELECT count(*) FROM ((SELECT i::text FROM neongraph.ranking_indicators(x.d) i
                               EXCEPT ALL SELECT z.r FROM zx_reference z WHERE z.d = x.d)
                              UNION ALL
                              (SELECT z.r FROM zx_reference z WHERE z.d = x.d
                               EXCEPT ALL SELECT i::text FROM neongraph.ranking_indicators(x.d) i)) y) AS indicators_differ,
       (SELECT count(*) FROM ((SELECT ROW(w.*)::text FROM neongraph.weekly_reporting(x.d) w
                               EXCEPT ALL SELECT ROW(z.agency_code, z.friday, z.period_end, z.open_assignments,
                                                     z.reports, z.reports > 0)::text FROM zx_weekly z WHERE z.d = x.d)
                              UNION ALL
                              (SELECT ROW(z.agency_code, z.friday, z.period_end, z.open_assignments,
                                          z.reports, z.reports > 0)::text FROM zx_weekly z WHERE z.d = x.d
                               EXCEPT ALL SELECT ROW(w.*)::text FROM neongraph.weekly_reporting(x.d) w)) y) AS weekly_differ,
       -- the counts of a few levels only are those rows of the whole
       (SELECT count(*) FROM ((SELECT c::text FROM neongraph.ranking_counts(x.d, '{province,commune,working_group}') c
                               EXCEPT ALL
                               SELECT i::text FROM neongraph.ranking_indicators(x.d) i
                                 LEFT JOIN neongraph.agency a ON i.subject_kind = 'agency' AND a.code = i.code
                                WHERE i.subject_kind = 'working_group' OR a.kind IN ('province', 'commune'))
                              UNION ALL
                              (SELECT i::text FROM neongraph.ranking_indicators(x.d) i
                                 LEFT JOIN neongraph.agency a ON i.subject_kind = 'agency' AND a.code = i.code
                                WHERE i.subject_kind = 'working_group' OR a.kind IN ('province', 'commune')
                               EXCEPT ALL
                               SELECT c::text FROM neongraph.ranking_counts(x.d, '{province,commune,working_group}') c)) y) AS levels_differ
  FROM zx_dates x;
-- what is compared (the subjects of this data), then 0 rows differing at every date
SELECT x.d, i.code, i.total, i.live, i.due, i.done_on_time, i.done_late, i.overdue, i.completed, i.verified,
       i.kpis, i.kpi_attainment_sum, i.report_weeks, i.reports_in_time
  FROM zx_dates x, neongraph.ranking_indicators(x.d) i
 WHERE i.code LIKE 'ZX%' AND x.d IN ('2025-10-10', '2025-12-31')
 ORDER BY x.d, i.subject_kind, i.code;
SELECT * FROM zx_differ ORDER BY d;
-- with more weeks than the reports span, and with none
UPDATE neongraph.setting SET value = '9' WHERE name = 'ranking.report_weeks';
SELECT sum(indicators_differ) AS indicators_differ, sum(weekly_differ) AS weekly_differ,
       sum(levels_differ) AS levels_differ FROM zx_differ;
SELECT count(*) AS weeks, count(DISTINCT week_no) AS numbered, min(week_no), max(week_no),
       bool_and(period_end - period_start = INTERVAL '7 days') AS seven_days,
       bool_and((start_day + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' >= period_start
                AND (start_day - 1 + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' < period_start) AS first_day_after_start
  FROM neongraph.ranking_weeks('2025-10-10');
UPDATE neongraph.setting SET value = '0' WHERE name = 'ranking.report_weeks';
SELECT sum(indicators_differ) AS indicators_differ, sum(weekly_differ) AS weekly_differ,
       sum(levels_differ) AS levels_differ FROM zx_differ;
SELECT count(*) AS weekly_rows FROM neongraph.weekly_reporting('2025-10-10');
UPDATE neongraph.setting SET value = '4' WHERE name = 'ranking.report_weeks';

-- documentation and properties
SELECT p.proname, p.provolatile, obj_description(p.oid, 'pg_proc') IS NOT NULL AS documented,
       coalesce(p.proconfig, '{}') @> '{"search_path=pg_catalog, pg_temp"}' AS pinned
  FROM pg_proc p
 WHERE p.pronamespace = 'neongraph'::regnamespace
   AND p.proname IN ('ranking', 'rankings', 'group_ranking', 'rank_subjects', 'ranking_indicators',
                     'weekly_reporting', 'take_ranking_snapshot', 'check_peer_level', 'check_ranking_period',
                     'ranking_counts', 'ranking_weeks', 'ranking_assignment_counts', 'ranking_report_counts')
 ORDER BY 1;
SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'neongraph'::regnamespace AND c.relname IN ('ranking_weight', 'ranking_snapshot', 'ranking_current')
   AND NOT a.attisdropped
   AND (obj_description(c.oid, 'pg_class') IS NULL OR col_description(c.oid, a.attnum) IS NULL);

ROLLBACK;
