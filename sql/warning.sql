-- Early warning: behind_schedule (the Redmine rule), early_warnings(as_of)
-- with its reasons, severity and settings.
\set ON_ERROR_ROLLBACK on
SET DateStyle = ISO;
SET TIME ZONE 'UTC';   -- the reports' times are written in Vietnamese time below
BEGIN;

-- the Redmine rule: start + floor((due - start + 1) * progress / 100) <= as_of
-- a 10-day window from 1/10 at 50%: on schedule until 5/10, behind from 6/10
SELECT as_of, neongraph.behind_schedule('2025-10-01', '2025-10-10', 50, as_of) AS behind
  FROM unnest('{2025-10-05,2025-10-06}'::date[]) AS as_of;
SELECT neongraph.behind_schedule('2025-10-01', '2025-10-10', 0, '2025-09-30') AS before_start,
       neongraph.behind_schedule('2025-10-01', '2025-10-10', 0, '2025-10-01') AS zero_on_day_one,
       neongraph.behind_schedule('2025-10-01', '2025-10-10', 99, '2025-10-10') AS at_99_on_the_last_day,
       neongraph.behind_schedule('2025-10-01', '2025-10-10', 99, '2025-10-09') AS at_99_day_nine,
       neongraph.behind_schedule('2025-10-01', '2025-10-10', 100, '2025-12-31') AS done_never,
       neongraph.behind_schedule('2025-10-10', '2025-10-01', 10, '2025-10-01') AS inverted_window_due,
       neongraph.behind_schedule(NULL, '2025-10-10', 10, '2025-10-05') AS no_start;
-- 31-day window at 30%: 1/10 + floor(9.3) = 10/10
SELECT neongraph.behind_schedule('2025-10-01', '2025-10-31', 30, '2025-10-09') AS on_9th,
       neongraph.behind_schedule('2025-10-01', '2025-10-31', 30, '2025-10-10') AS on_10th;

-- a province, one department, a directive of 1/9/2025
INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('ZW', 'Tỉnh Thử nghiệm Cảnh báo', 'province', NULL),
  ('ZW.S1', 'Sở Thử nghiệm Cảnh báo', 'department', 'ZW');
INSERT INTO neongraph.directive (docref, kind, issued_on, title)
VALUES ('91-KH/ZWT', 'KH', '2025-09-01', 'Kế hoạch thử nghiệm cảnh báo sớm')
RETURNING directive_id AS did \gset

CREATE TEMP TABLE w_task (item text PRIMARY KEY, deadline text);
INSERT INTO w_task VALUES
  ('1', 'tháng 10/2025'),                 -- 31-day window, 30% on 10/10: behind from 10/10
  ('2', '1/10/2025 - 10/10/2025'),        -- 10-day window, 50%: behind from 6/10 (boundary)
  ('3', '15/10/2025'),                    -- no window: from the directive's date; never reported
  ('4', '30/9/2025'),                     -- overdue and blocked
  ('5', '31/10/2025'),                    -- completed 5/10
  ('6', '20/9/2025'),                     -- cancelled 1/10
  ('7', 'Thường xuyên'),                  -- recurring, last report 20/9
  ('8', 'Quý IV/2025'),                   -- on track
  ('9', '31/12/2025');                    -- its only report comes on 20/10
INSERT INTO neongraph.task (directive_id, item_no, content, deadline)
SELECT d.directive_id, w.item, 'Nhiệm vụ cảnh báo ' || w.item, w.deadline::neongraph.deadline
  FROM w_task w, neongraph.directive d WHERE d.directive_id = :did;
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT t.task_id, 'ZW.S1' FROM neongraph.task t WHERE t.directive_id = :did;
CREATE TEMP VIEW w_a AS
  SELECT t.item_no AS item, a.* FROM neongraph.assignment a JOIN neongraph.task t USING (task_id)
   WHERE t.directive_id = :did;

-- progress reports, times in Vietnam
INSERT INTO neongraph.progress_report (assignment_id, task_id, agency_code, reported_at, progress, results)
SELECT a.assignment_id, a.task_id, a.agency_code, (r.at::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'), r.progress, 'kết quả'
  FROM w_a a JOIN (VALUES ('1', '2025-10-10 10:00', 30),
                          ('2', '2025-10-02 09:00', 50),
                          ('4', '2025-10-08 16:00', 60),
                          ('5', '2025-10-03 08:00', 80),
                          ('7', '2025-09-20 17:00', 0),
                          ('8', '2025-10-09 11:00', 20),
                          ('9', '2025-10-20 15:00', 90)) AS r(item, at, progress) ON r.item = a.item;
UPDATE neongraph.assignment SET blocked = true, blocked_reason = 'Chờ hướng dẫn của Bộ (nội bộ)', blocked_since = '2025-09-20'
 WHERE assignment_id = (SELECT assignment_id FROM w_a WHERE item = '4');
UPDATE neongraph.assignment SET completed_on = '2025-10-05', evidence = 'QĐ 1/ZW'
 WHERE assignment_id = (SELECT assignment_id FROM w_a WHERE item = '5');
UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'Không còn phù hợp', cancelled_on = '2025-10-01'
 WHERE assignment_id = (SELECT assignment_id FROM w_a WHERE item = '6');

-- as of Friday 10/10/2025
SELECT item, w.status, w.progress, expected_progress, days_overdue, working_days_overdue,
       last_report_on, days_without_report, w.blocked_reason, reasons, severity
  FROM neongraph.early_warnings('2025-10-10') w JOIN w_a USING (assignment_id)
 ORDER BY severity DESC, item;

-- the same, as of earlier days: the completion of 5 (on 5/10) and the
-- cancellation of 6 (on 1/10) are not yet known on 3/10, and task 2 is on
-- the Redmine boundary (5/10 on schedule, 6/10 behind)
SELECT as_of, item, w.status, w.progress, reasons, severity
  FROM unnest('{2025-09-25,2025-10-03,2025-10-05,2025-10-06}'::date[]) AS as_of,
       neongraph.early_warnings(as_of) w JOIN w_a USING (assignment_id)
 ORDER BY as_of, severity DESC, item;

-- a report after the as-of date is not yet known (task 9); on 21/10 it is
SELECT as_of, item, w.progress, last_report_on, reasons
  FROM unnest('{2025-10-10,2025-10-21}'::date[]) AS as_of,
       neongraph.early_warnings(as_of) w JOIN w_a USING (assignment_id)
 WHERE item = '9' ORDER BY as_of;
SELECT item FROM neongraph.early_warnings('2025-10-21') w JOIN w_a USING (assignment_id)
 WHERE item IN ('8', '9') ORDER BY 1;

-- the settings move the thresholds and the points
UPDATE neongraph.setting SET value = '45' WHERE name = 'warning.report_gap_days';
UPDATE neongraph.setting SET value = '3' WHERE name = 'warning.due_soon_days';
UPDATE neongraph.setting SET value = '100' WHERE name = 'warning.points_blocked';
SELECT item, reasons, severity
  FROM neongraph.early_warnings('2025-10-10') w JOIN w_a USING (assignment_id)
 ORDER BY severity DESC, item;
-- due_soon_days 3: task 3 (due 15/10) is due soon from 12/10
SELECT as_of, reasons FROM unnest('{2025-10-11,2025-10-12}'::date[]) AS as_of,
       neongraph.early_warnings(as_of) w JOIN w_a USING (assignment_id)
 WHERE item = '3' ORDER BY as_of;

-- the facts the warning reads, as of a date
SELECT item, f.status, f.due_date, f.window_start, f.progress, f.completed_on, f.blocked
  FROM neongraph.assignment_facts('2025-10-03') f JOIN w_a USING (assignment_id)
 ORDER BY item;

-- errors
SELECT * FROM neongraph.early_warnings(NULL);
SELECT * FROM neongraph.early_warnings('infinity');
DELETE FROM neongraph.setting WHERE name = 'warning.points_overdue';
SELECT * FROM neongraph.early_warnings('2025-10-10');

-- documentation and properties
SELECT p.proname, p.provolatile, obj_description(p.oid, 'pg_proc') IS NOT NULL AS documented,
       coalesce(p.proconfig, '{}') @> '{"search_path=pg_catalog, pg_temp"}' AS pinned
  FROM pg_proc p
 WHERE p.pronamespace = 'neongraph'::regnamespace
   AND p.proname IN ('early_warnings', 'behind_schedule', 'assignment_facts', 'day_end')
 ORDER BY 1;

ROLLBACK;
