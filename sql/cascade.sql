-- The cascade graph: cycle refusal, cascade(), cascade_status(), bottlenecks.
-- Self-contained: everything is made inside one transaction and rolled back.
-- Task ids are fixed (OVERRIDING SYSTEM VALUE) so that messages are stable.
\set VERBOSITY default
BEGIN;

INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('CTEST.C',  'Ban Chỉ đạo Thử nghiệm', 'state_central', NULL),
  ('CTEST.P1', 'Tỉnh Thử Một',  'province', NULL),
  ('CTEST.P2', 'Tỉnh Thử Hai',  'province', NULL),
  ('CTEST.P3', 'Tỉnh Thử Ba',   'province', NULL),
  ('CTEST.P4', 'Tỉnh Thử Bốn',  'province', NULL),
  ('CTEST.X1', 'Xã Thử Một',    'commune',  'CTEST.P1'),
  ('CTEST.X2', 'Xã Thử Hai',    'commune',  'CTEST.P1');

INSERT INTO neongraph.directive (directive_id, docref, kind, issued_on) OVERRIDING SYSTEM VALUE VALUES
  (990001, '9901-TB/CTEST', 'TB', '2025-06-01'),
  (990002, '9902-KH/CTEST', 'KH', '2025-06-15'),
  (990003, '9903-KH/CTEST', 'KH', '2025-06-20');

-- R: the central task; P1..P4 its provinces' tasks; X1 derives from P1 and
-- from P2 (a diamond), X2 from P1, X3 from X1; D1 depends on X3, D2 on D1;
-- C1..C5 a chain of depends links; L has no links.
INSERT INTO neongraph.task (task_id, directive_id, item_no, content, deadline) OVERRIDING SYSTEM VALUE VALUES
  (990001, 990001, '1',   'Nhiệm vụ trung ương', 'ngày 31/12/2025'),
  (990011, 990002, '1.1', 'Tỉnh 1 triển khai', 'ngày 30/9/2025'),
  (990012, 990002, '1.2', 'Tỉnh 2 triển khai', 'ngày 30/9/2025'),
  (990013, 990002, '1.3', 'Tỉnh 3 triển khai', 'ngày 30/9/2025'),
  (990014, 990002, '1.4', 'Tỉnh 4 triển khai', 'quý I/2026'),
  (990021, 990003, 'a',   'Xã triển khai (hai tỉnh)', 'ngày 30/11/2025'),
  (990022, 990003, 'b',   'Xã triển khai', 'ngày 30/11/2025'),
  (990023, 990003, 'c',   'Xã triển khai cấp dưới', 'ngày 15/12/2025'),
  (990031, 990003, 'd1',  'Việc phụ thuộc 1', 'quý II/2026'),
  (990032, 990003, 'd2',  'Việc phụ thuộc 2', 'quý II/2026'),
  (990041, 990003, 'c1',  'Chuỗi 1', 'năm 2026'),
  (990042, 990003, 'c2',  'Chuỗi 2', 'năm 2026'),
  (990043, 990003, 'c3',  'Chuỗi 3', 'năm 2026'),
  (990044, 990003, 'c4',  'Chuỗi 4', 'năm 2026'),
  (990045, 990003, 'c5',  'Chuỗi 5', 'năm 2026'),
  (990099, 990003, 'L',   'Việc đơn lẻ', 'ngày 31/10/2025');

INSERT INTO neongraph.assignment (task_id, agency_code) VALUES
  (990001, 'CTEST.C'),
  (990011, 'CTEST.P1'), (990012, 'CTEST.P2'), (990013, 'CTEST.P3'), (990014, 'CTEST.P4'),
  (990021, 'CTEST.X1'), (990022, 'CTEST.X2'), (990023, 'CTEST.X2'),
  (990031, 'CTEST.C'), (990032, 'CTEST.C'), (990099, 'CTEST.P4');
UPDATE neongraph.assignment SET completed_on = '2025-09-20', evidence = 'Kế hoạch 1/KH-T1'
 WHERE task_id = 990011;
UPDATE neongraph.assignment SET completed_on = '2025-10-05', evidence = 'Kế hoạch 2/KH-T2'
 WHERE task_id = 990012;
UPDATE neongraph.assignment SET completed_on = '2025-11-20', evidence = 'Báo cáo 3/BC-X2'
 WHERE task_id = 990022;

INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES
  (990011, 990001, 'derives'), (990012, 990001, 'derives'),
  (990013, 990001, 'derives'), (990014, 990001, 'derives'),
  (990021, 990011, 'derives'), (990021, 990012, 'derives'),
  (990022, 990011, 'derives'), (990023, 990021, 'derives'),
  (990031, 990023, 'depends'), (990032, 990031, 'depends'),
  (990041, 990042, 'depends'), (990042, 990043, 'depends'),
  (990043, 990044, 'depends'), (990044, 990045, 'depends');

-- Cycles -----------------------------------------------------------------
-- length one (the trigger fires before the table's CHECK)
SAVEPOINT s;
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990011, 990011, 'derives');
ROLLBACK TO s;
-- length five, depends links
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990045, 990041, 'depends');
ROLLBACK TO s;
-- length two, derives links: the central task cannot derive from its province's task
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990001, 990013, 'derives');
ROLLBACK TO s;
-- length four through the cascade, closed by R derives from X3: X3 -> X1 -> P1 or P2 -> R
DO $$
DECLARE m text; d text;
BEGIN
  INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990001, 990023, 'derives');
EXCEPTION WHEN check_violation THEN
  GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL;
  RAISE NOTICE 'refused: %', m ~ '^link "task 990001 derives from task 990023" would close a cycle: 990001 -> 990023 -> 990021 -> 9900(11|12) -> 990001$';
  RAISE NOTICE '%', substr(d, 1, 24);
END $$;
-- a mixed cycle that is a deadlock: X2 derives from P1 and would depend on it
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990022, 990011, 'depends');
ROLLBACK TO s;
-- mixed loops that are no deadlock are accepted: P1 depends on X2, which derives
-- from P1 (both say P1 waits for X2); R depends on X2 (X2 already holds up R)
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990011, 990022, 'depends');
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990001, 990022, 'depends');
ROLLBACK TO s;
-- several rows in one statement see each other
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES
  (990041, 990099, 'derives'), (990099, 990041, 'derives');
ROLLBACK TO s;
-- an update that would close a cycle: the link P3 -> R turned into R -> X2
UPDATE neongraph.task_link SET from_task = 990001, to_task = 990022
 WHERE from_task = 990013 AND to_task = 990001 AND kind = 'derives';
ROLLBACK TO s;
-- an update that reverses a link is no cycle (the old link is not counted)
UPDATE neongraph.task_link SET from_task = 990021, to_task = 990023
 WHERE from_task = 990023 AND to_task = 990021 AND kind = 'derives';
SELECT from_task, to_task, kind FROM neongraph.task_link
 WHERE 990023 IN (from_task, to_task) ORDER BY 1, 2;
ROLLBACK TO s;
-- changing the note does not check anything; the error is SQLSTATE 23514
UPDATE neongraph.task_link SET note = 'theo 9901-TB/CTEST' WHERE from_task = 990011 AND to_task = 990001;
DO $$
BEGIN
  INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990001, 990011, 'derives');
EXCEPTION WHEN check_violation THEN
  RAISE NOTICE 'sqlstate %, constraint %', SQLSTATE, 'task_link_no_cycle';
END $$;
RELEASE s;

-- cascade() ----------------------------------------------------------------
SELECT * FROM neongraph.cascade(990001);
-- the diamond's X1 once, at its smallest depth; agrees with a recursive CTE
SELECT count(*) AS rows, count(DISTINCT task_id) AS tasks FROM neongraph.cascade(990001);
WITH RECURSIVE r(task_id, depth) AS (
  SELECT 990001::bigint, 0
  UNION
  SELECT l.from_task, r.depth + 1 FROM r JOIN neongraph.task_link l
    ON l.to_task = r.task_id AND l.kind = 'derives')
SELECT (SELECT array_agg(ROW(task_id, depth) ORDER BY task_id)
          FROM (SELECT task_id, min(depth) AS depth FROM r WHERE depth > 0 GROUP BY task_id) m)
     = (SELECT array_agg(ROW(task_id, depth) ORDER BY task_id) FROM neongraph.cascade(990001))
       AS same_as_cte;
SELECT * FROM neongraph.cascade(990011);
-- a task with no links, a task that does not exist, NULL
SELECT count(*) FROM neongraph.cascade(990099);
SELECT count(*) FROM neongraph.cascade(-1);
SELECT count(*) FROM neongraph.cascade(NULL);
-- each path starts at the root, ends at the task, and has depth + 1 elements
SELECT bool_and(path[1] = 990001 AND path[depth + 1] = task_id AND cardinality(path) = depth + 1)
  FROM neongraph.cascade(990001);

-- cascade_status() -----------------------------------------------------------
SELECT depth, agency_kind, agencies, agencies_done, agencies_overdue, tasks, assignments,
       (counts).done_on_time, (counts).done_late, (counts).overdue, (counts).due_soon,
       (counts).on_track, summary
  FROM neongraph.cascade_status(990001, '2025-12-31');
-- as of an earlier day, completions after it are not yet known
SELECT depth, agency_kind, summary FROM neongraph.cascade_status(990001, '2025-09-25');
-- a task with no links: its own row and the total
SELECT depth, agency_kind, summary FROM neongraph.cascade_status(990099, '2025-12-31');
-- cancelled assignments leave the count of agencies
SAVEPOINT s;
UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'gộp vào nhiệm vụ khác', cancelled_on = '2025-10-01'
 WHERE task_id = 990013;
SELECT depth, summary, (counts).cancelled FROM neongraph.cascade_status(990001, '2025-12-31') WHERE depth = 1;
ROLLBACK TO s;
-- the status it counts is assignment_state's
SELECT count(*) AS disagreements
  FROM neongraph.assignment a JOIN neongraph.task t USING (task_id),
       (VALUES (date '2025-09-25'), ('2025-10-02'), ('2025-12-31'), ('2026-07-01')) d(as_of)
 WHERE a.task_id BETWEEN 990000 AND 999999
   AND neongraph.cascade_assignment_status(a, t, d.as_of) IS DISTINCT FROM
       (SELECT s.status FROM neongraph.assignment_state(d.as_of) s WHERE s.assignment_id = a.assignment_id);

-- bottlenecks() ----------------------------------------------------------------
-- overdue on 31/12/2025: P3 (holds up R), X1 (P1, P2, R), X3 (X1, P1, P2, R, D1, D2), L (nothing)
SELECT * FROM neongraph.hold_up_counts(ARRAY[990023, 990021, NULL, 990023, 990013, -1]) ORDER BY 1;
SELECT count(*) FROM neongraph.hold_up_counts('{}');
SELECT rank, task_id, directive, item_no, late_agencies, days_late, held_up, held_up_direct
  FROM neongraph.bottlenecks('2025-12-31', 10) WHERE task_id BETWEEN 990000 AND 999999;
SELECT task_id FROM neongraph.bottlenecks('2025-12-31', 2);
-- ties share a rank (1, 2, 3, 3, 3), then the most days late first: D1 late too,
-- holding up D2; L now derives from D2
SAVEPOINT s;
UPDATE neongraph.task SET deadline = 'ngày 1/12/2025', assigned_deadline = 'ngày 1/12/2025' WHERE task_id = 990031;
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (990099, 990032, 'derives');
SELECT rank, task_id, held_up FROM neongraph.bottlenecks('2025-12-31') WHERE task_id BETWEEN 990000 AND 999999;
ROLLBACK TO s;
-- before anything was due, nothing is late
SELECT count(*) FROM neongraph.bottlenecks('2025-07-01') WHERE task_id BETWEEN 990000 AND 999999;

ROLLBACK;
