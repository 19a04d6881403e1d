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

-- documentation and properties
SELECT p.proname, p.provolatile, obj_description(p.oid, 'pg_proc') IS NOT NULL AS documented,
       coalesce(p.proconfig, '{}') @> '{"search_path=pg_catalog, pg_temp"}' AS pinned
  FROM pg_proc p
 WHERE p.pronamespace = 'neongraph'::regnamespace
   AND p.proname IN ('ranking', 'rankings', 'group_ranking', 'rank_subjects', 'ranking_indicators',
                     'weekly_reporting', 'take_ranking_snapshot', 'check_peer_level', 'check_ranking_period')
 ORDER BY 1;
SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'neongraph'::regnamespace AND c.relname IN ('ranking_weight', 'ranking_snapshot', 'ranking_current')
   AND NOT a.attisdropped
   AND (obj_description(c.oid, 'pg_class') IS NULL OR col_description(c.oid, a.attnum) IS NULL);

ROLLBACK;
