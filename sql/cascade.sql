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

-- bottlenecks in bounded memory (1.2): bottleneck_counts finds the late tasks
-- and counts, bottlenecks ranks the first lim and labels them.
SAVEPOINT s;
-- M: late for several leads, assigned out of code order; P2 done in time, P4
-- cancelled before 31/12/2025, P1 cancelled after it and C completed after it
-- (both still late on 31/12/2025). N: the same deadline and hold-up as M (a
-- tie on held_up and days late: the smaller id first). Q: past due, but its
-- directive is issued only on 15/1/2026.
INSERT INTO neongraph.directive (directive_id, docref, kind, issued_on) OVERRIDING SYSTEM VALUE VALUES
  (990004, '9904-KH/CTEST', 'KH', '2026-01-15');
INSERT INTO neongraph.task (task_id, directive_id, item_no, content, deadline) OVERRIDING SYSTEM VALUE VALUES
  (990051, 990003, 'm', 'Nhiều cơ quan cùng chủ trì', 'ngày 30/11/2025'),
  (990052, 990003, 'n', 'Việc cùng hạn', 'ngày 30/11/2025'),
  (990061, 990004, '1', 'Việc của văn bản ban hành sau', 'ngày 1/12/2025');
INSERT INTO neongraph.assignment (task_id, agency_code) VALUES
  (990051, 'CTEST.X2'), (990051, 'CTEST.P3'), (990051, 'CTEST.C'), (990051, 'CTEST.P1'),
  (990051, 'CTEST.P2'), (990051, 'CTEST.P4'), (990052, 'CTEST.X1'), (990061, 'CTEST.P2');
UPDATE neongraph.assignment SET completed_on = '2025-11-25', evidence = 'Báo cáo 5/BC-T2'
 WHERE task_id = 990051 AND agency_code = 'CTEST.P2';
UPDATE neongraph.assignment SET completed_on = '2026-01-05', evidence = 'Báo cáo 6/BC-BCĐ'
 WHERE task_id = 990051 AND agency_code = 'CTEST.C';
UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'chuyển nhiệm vụ', cancelled_on = '2025-12-10'
 WHERE task_id = 990051 AND agency_code = 'CTEST.P4';
UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'chuyển nhiệm vụ', cancelled_on = '2026-01-10'
 WHERE task_id = 990051 AND agency_code = 'CTEST.P1';
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES
  (990051, 990001, 'derives'), (990052, 990001, 'derives'), (990061, 990001, 'derives');
-- all late tasks (lim NULL): M and N tie with P3 on held_up (rank 3), N after M;
-- Q is not there yet
SELECT rank, task_id, late_agencies, days_late, held_up, held_up_direct
  FROM neongraph.bottlenecks('2025-12-31', NULL);
-- lim cuts inside a tie: ranks are still among all late tasks
SELECT rank, task_id FROM neongraph.bottlenecks('2025-12-31', 4);
SELECT count(*) FROM neongraph.bottlenecks('2025-12-31', 0);
-- a month later: C done late and P1 cancelled leave M's late leads; Q's
-- directive is issued and Q is late
SELECT rank, task_id, late_agencies, days_late, held_up
  FROM neongraph.bottlenecks('2026-01-31', NULL) WHERE task_id IN (990051, 990052, 990061);
-- the core: the first lim in order, days late the largest of the late leads'
SELECT * FROM neongraph.bottleneck_counts('2025-12-31', 3);
-- before everything, and NULL dates: no rows
SELECT count(*) FROM neongraph.bottlenecks('1900-01-01', NULL);
SELECT count(*) FROM neongraph.bottlenecks(NULL, NULL);
SELECT count(*) FROM neongraph.bottleneck_counts(NULL, 5);
-- a negative lim is refused (SQLSTATE 2201W)
SAVEPOINT e;
SELECT count(*) FROM neongraph.bottlenecks('2025-12-31', -1);
ROLLBACK TO e;
ROLLBACK TO s;

-- Against a plain-SQL reference on a random graph: 300 tasks in two
-- directives (one issued on 15/11/2025), 1 to 3 leads each, random deadlines
-- (some none, some recurring, some re-stated), completions and cancellations,
-- and links that keep the held-up graph acyclic (each link makes the smaller
-- id hold up the larger one).
SAVEPOINT s;
SELECT setseed(0.42);
INSERT INTO neongraph.directive (directive_id, docref, kind, issued_on) OVERRIDING SYSTEM VALUE VALUES
  (990005, '9905-KH/CTEST', 'KH', '2025-05-01'), (990006, '9906-KH/CTEST', 'KH', '2025-11-15');
INSERT INTO neongraph.task (task_id, directive_id, item_no, content, deadline, assigned_deadline)
  OVERRIDING SYSTEM VALUE
SELECT 995000 + i, CASE WHEN i % 7 = 0 THEN 990006 ELSE 990005 END, 'r' || i, 'Việc ngẫu nhiên ' || i,
       x.deadline::neongraph.deadline,
       CASE WHEN x.deadline LIKE 'ngày %' AND random() < 0.3
            THEN pg_catalog.format('ngày %s', pg_catalog.to_char(date '2025-07-01' + (random() * 200)::int,
                                                                  'FMDD/FMMM/YYYY'))::neongraph.deadline END
  FROM generate_series(1, 300) i,
       LATERAL (SELECT CASE WHEN r < 0.08 THEN NULL WHEN r < 0.15 THEN 'thường xuyên'
                            ELSE pg_catalog.format('ngày %s', pg_catalog.to_char(date '2025-07-01' + (random() * 300)::int,
                                                                                  'FMDD/FMMM/YYYY')) END
                  FROM (SELECT random() + i * 0 AS r) q) x(deadline);
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT t.task_id, g.code
  FROM neongraph.task t,
       LATERAL (SELECT a.code FROM neongraph.agency a
                 WHERE a.code LIKE 'CTEST.%' AND t.task_id > 0
                 ORDER BY random() LIMIT 1 + (random() * 2)::int) g
 WHERE t.task_id BETWEEN 995001 AND 995300;
UPDATE neongraph.assignment SET completed_on = date '2025-07-01' + (random() * 300)::int, evidence = 'Báo cáo'
 WHERE task_id BETWEEN 995001 AND 995300 AND random() < 0.35;
UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'dừng thực hiện',
       cancelled_on = date '2025-08-01' + (random() * 300)::int
 WHERE task_id BETWEEN 995001 AND 995300 AND completed_on IS NULL AND random() < 0.15;
INSERT INTO neongraph.task_link (from_task, to_task, kind)
SELECT CASE WHEN d THEN x ELSE y END, CASE WHEN d THEN y ELSE x END,
       CASE WHEN d THEN 'derives' ELSE 'depends' END
  FROM (SELECT DISTINCT ON (x, y) x, y, random() < 0.6 AS d
          FROM (SELECT 995000 + (1 + random() * 299)::int AS x, 995000 + (1 + random() * 299)::int AS y
                  FROM generate_series(1, 1400)) p
         WHERE x < y ORDER BY x, y) q;
-- and a late assignment cancelled with no date, which only a load without
-- triggers can make: late (its cancellation date is unknown), days late NULL
INSERT INTO neongraph.task (task_id, directive_id, item_no, content, deadline) OVERRIDING SYSTEM VALUE VALUES
  (995999, 990005, 'z', 'Việc hủy không ngày', 'ngày 1/8/2025');
INSERT INTO neongraph.assignment (task_id, agency_code) VALUES (995999, 'CTEST.P1');
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (995999, 995300, 'derives');
SET session_replication_role = replica;
UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'nạp dữ liệu', cancelled_on = NULL
 WHERE task_id = 995999;
RESET session_replication_role;

-- the reference: statuses from assignment_state, hold-ups by a recursive CTE
CREATE FUNCTION pg_temp.ref_bottlenecks(as_of date)
  RETURNS TABLE (rank bigint, task_id bigint, directive text, item_no text, content text,
                 late_agencies text, days_late int, held_up bigint, held_up_direct int)
  LANGUAGE sql AS $$
  WITH RECURSIVE h(x, y) AS (
    SELECT from_task, to_task FROM neongraph.task_link WHERE kind = 'derives'
    UNION
    SELECT to_task, from_task FROM neongraph.task_link WHERE kind = 'depends'
  ), r(s, y) AS (
    SELECT x, y FROM h
    UNION
    SELECT r.s, h.y FROM r JOIN h ON h.x = r.y
  ), late AS (
    SELECT s.task_id, string_agg(s.agency_code, ', ' ORDER BY s.agency_code) AS late_agencies,
           max(s.days_late) AS days_late
      FROM neongraph.assignment_state(as_of) s
     WHERE s.status = 'overdue'
     GROUP BY s.task_id
  ), c AS (
    SELECT l.*, (SELECT count(*) FROM r WHERE r.s = l.task_id) AS held_up,
           (SELECT count(*) FROM h WHERE h.x = l.task_id)::int AS held_up_direct
      FROM late l
  )
  SELECT rank() OVER (ORDER BY c.held_up DESC), c.task_id, d.docref::text, t.item_no, t.content,
         c.late_agencies, c.days_late, c.held_up, c.held_up_direct
    FROM c JOIN neongraph.task t USING (task_id) JOIN neongraph.directive d USING (directive_id)
   ORDER BY c.held_up DESC, c.days_late DESC NULLS LAST, c.task_id
$$;
-- the data is not trivial: deep hold-ups, ties, several late leads, a NULL days late
SELECT max(held_up) > 10 AS deep, count(*) > count(DISTINCT held_up) AS ties,
       bool_or(late_agencies LIKE '%,%') AS several_leads, bool_or(days_late IS NULL) AS null_days_late
  FROM pg_temp.ref_bottlenecks('2025-12-31');
-- the same rows in the same order, for every date and lim
SELECT d.as_of, l.lim,
       (SELECT count(*) FROM neongraph.bottlenecks(d.as_of, l.lim)) AS rows,
       (SELECT array_agg(ROW(b.rank, b.task_id, b.directive, b.item_no, b.content, b.late_agencies,
                             b.days_late, b.held_up, b.held_up_direct) ORDER BY b.o)
          FROM neongraph.bottlenecks(d.as_of, l.lim) WITH ORDINALITY
               AS b(rank, task_id, directive, item_no, content, late_agencies, days_late, held_up,
                    held_up_direct, o))
       IS NOT DISTINCT FROM
       (SELECT array_agg(ROW(b.rank, b.task_id, b.directive, b.item_no, b.content, b.late_agencies,
                             b.days_late, b.held_up, b.held_up_direct) ORDER BY b.o)
          FROM pg_temp.ref_bottlenecks(d.as_of) WITH ORDINALITY
               AS b(rank, task_id, directive, item_no, content, late_agencies, days_late, held_up,
                    held_up_direct, o)
         WHERE b.o <= coalesce(l.lim, b.o)) AS same
  FROM (VALUES (date '2025-09-15'), ('2025-12-31'), ('2026-06-30')) d(as_of),
       (VALUES (NULL::int), (1), (7), (40)) l(lim)
 ORDER BY 1, 2 NULLS FIRST;
-- hold_up_counts agrees with the reference too, each task once in the order first given
WITH RECURSIVE h(x, y) AS (
  SELECT from_task, to_task FROM neongraph.task_link WHERE kind = 'derives'
  UNION
  SELECT to_task, from_task FROM neongraph.task_link WHERE kind = 'depends'
), r(s, y) AS (
  SELECT x, y FROM h UNION SELECT r.s, h.y FROM r JOIN h ON h.x = r.y
), ids AS (
  SELECT 995000::bigint + i AS id, (301 - i) % 300 AS pos FROM generate_series(1, 300) i
)
SELECT (SELECT array_agg(ROW(x.task_id, x.held_up, x.held_up_direct) ORDER BY x.o)
          FROM neongraph.hold_up_counts((SELECT array_agg(id ORDER BY pos) || ARRAY[995001, NULL, 995001]::bigint[]
                                           FROM ids)) WITH ORDINALITY AS x(task_id, held_up, held_up_direct, o))
       = (SELECT array_agg(ROW(ids.id, (SELECT count(*) FROM r WHERE r.s = ids.id),
                               (SELECT count(*) FROM h WHERE h.x = ids.id)::int) ORDER BY ids.pos)
            FROM ids) AS hold_up_counts_same;
ROLLBACK TO s;

ROLLBACK;
