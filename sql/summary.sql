-- summary: the dashboard summaries kept by triggers (sql/install/1.2/10_summary.sql)
-- give, as of EVERY day around the data (from 40 days before the first
-- event date to 40 days after the last) and for the warning windows 0, 1, 7
-- and 31, the counts recomputed from neongraph.assignment_state; the fast
-- scorecards equal the recomputed ones; the reads touch no assignment, task
-- or directive; the rows the triggers keep are those rebuild_summaries()
-- writes; a corrupted row is caught and rebuilt; TRUNCATE rebuilds.
-- Data: a hand-made grid of edge cases (every deadline class against every
-- history of an assignment, in directives issued long ago, in the future
-- and without a date), moved and deleted in every way the triggers follow,
-- then a random (seeded) mix of writes through the API and directly.
-- Dates are relative to neongraph.today(), so the output does not depend on
-- the day the test runs.
\set SHOW_CONTEXT never
BEGIN;
SET LOCAL client_min_messages = warning;

-- agencies: a province with departments and a commune, a ministry, a collective
INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('SUMT_P', 'Tỉnh Thử Tổng hợp', 'province', NULL),
  ('SUMT_M', 'Bộ Thử Tổng hợp', 'ministry', NULL);
INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES
  ('SUMT_P.D1', 'Sở Một Tỉnh Thử Tổng hợp', 'department', 'SUMT_P'),
  ('SUMT_P.D2', 'Sở Hai Tỉnh Thử Tổng hợp', 'department', 'SUMT_P'),
  ('SUMT_P.C1', 'Xã Một Tỉnh Thử Tổng hợp', 'commune', 'SUMT_P');
INSERT INTO neongraph.agency (code, name, kind, member_kind, member_parent_code) VALUES
  ('SUMT_COLL', 'Các sở Tỉnh Thử Tổng hợp', 'collective', 'department', 'SUMT_P');
INSERT INTO neongraph.working_group (code, name, leader) VALUES
  ('SUMT_G1', 'Nhóm thử một', 'A'), ('SUMT_G2', 'Nhóm thử hai', 'B'), ('SUMT_G3', 'Nhóm thử ba', 'C');
INSERT INTO neongraph.working_group_member (group_code, agency_code) VALUES
  ('SUMT_G1', 'SUMT_P'), ('SUMT_G2', 'SUMT_M'), ('SUMT_G2', 'SUMT_P.D1');
CREATE TEMP TABLE sumt_codes ON COMMIT DROP AS
  SELECT unnest(ARRAY['SUMT_P', 'SUMT_M', 'SUMT_P.D1', 'SUMT_P.D2', 'SUMT_P.C1']) AS code;

-- directives: 9101-9104 for the random mix; 9105-9111 for the edge grid:
-- issued 200 days ago, in 20 days, without a date; 9108-9111 receive tasks
-- moved from the grid (9108's date then changes, 9109 and 9111 are deleted
-- with their tasks in one statement, 9110's deletion is refused)
INSERT INTO neongraph.directive (docref, kind, issued_on)
SELECT v.d, 'KH', neongraph.today() + v.at
  FROM (VALUES ('9101-KH/SUMT', -400), ('9102-KH/SUMT', -120), ('9103-KH/SUMT', 0), ('9104-KH/SUMT', NULL),
               ('9105-KH/SUMT', -200), ('9106-KH/SUMT', 20), ('9107-KH/SUMT', NULL),
               ('9108-KH/SUMT', -30), ('9109-KH/SUMT', -100), ('9110-KH/SUMT', -50), ('9111-KH/SUMT', -70)) v(d, at);
CREATE FUNCTION pg_temp.dir(n int) RETURNS bigint LANGUAGE sql AS $f$
  SELECT directive_id FROM neongraph.directive WHERE docref::text = n || '-KH/SUMT'
$f$;

-- 1. the edge grid -------------------------------------------------------------
-- deadline forms (k): due in 3 days, 10 days ago, in 40 days, yesterday,
-- today, in 31 and 32 days (the edge of the widest window), before-form
-- (due the day before), a month, in 25 days (the window opens after the
-- future directive's issue), recurring, none
CREATE TEMP TABLE sumt_deadlines ON COMMIT DROP AS
SELECT k, d FROM (VALUES
  (1, to_char(neongraph.today() + 3, 'YYYY-MM-DD')), (2, to_char(neongraph.today() - 10, 'YYYY-MM-DD')),
  (3, to_char(neongraph.today() + 40, 'YYYY-MM-DD')), (4, to_char(neongraph.today() - 1, 'YYYY-MM-DD')),
  (5, to_char(neongraph.today(), 'YYYY-MM-DD')), (6, to_char(neongraph.today() + 31, 'YYYY-MM-DD')),
  (7, to_char(neongraph.today() + 32, 'YYYY-MM-DD')), (8, 'trước ngày ' || to_char(neongraph.today() + 8, 'DD/MM/YYYY')),
  (9, to_char(neongraph.today() - 60, 'YYYY-MM')), (10, to_char(neongraph.today() + 25, 'YYYY-MM-DD')),
  (11, 'Thường xuyên'), (12, NULL)) v(k, d);
-- histories (h), in days from today: completion, cancellation, blocking, verification
CREATE TEMP TABLE sumt_histories ON COMMIT DROP AS
SELECT * FROM (VALUES
  ( 1, NULL::int, false, NULL::int, false, NULL::int, false, NULL::int),   -- open
  ( 2, -150, false, NULL, false, NULL, false, NULL),    -- completed between two issue dates
  ( 3,   -5, false, NULL, false, NULL, false, NULL),
  ( 4,    0, false, NULL, false, NULL, false, NULL),    -- completed today
  ( 5, -300, false, NULL, false, NULL, false, NULL),    -- completed before every issue date
  ( 6, NULL, true,   -60, false, NULL, false, NULL),    -- cancelled, never completed
  ( 7, NULL, true,  NULL, false, NULL, false, NULL),    -- cancelled without a date
  ( 8,  -40, true,   -20, false, NULL, false, NULL),    -- cancelled after its completion
  ( 9,  -20, true,   -40, false, NULL, false, NULL),    -- cancelled before its completion
  (10,  -25, true,   -25, false, NULL, false, NULL),    -- cancelled the day of its completion
  (11, NULL, false, NULL, true,   -70, false, NULL),    -- blocked
  (12, NULL, false, NULL, true,  NULL, false, NULL),    -- blocked without a date
  (13,  -10, false, NULL, false, NULL, true,    -3),    -- completed and verified
  (14, -250, false, NULL, false, NULL, true,  -220),    -- completed and verified before every issue date
  (15,  -12, false, NULL, true,  -300, false, NULL),    -- blocked long before, then completed
  (16, NULL, true,    30, false, NULL, false, NULL),    -- cancellation dated ahead
  (17,   10, false, NULL, false, NULL, false, NULL)     -- completion dated ahead
) h(h, done, canc, canc_at, blk, blk_at, ver, ver_at);
INSERT INTO neongraph.task (directive_id, item_no, content, deadline, working_group)
SELECT pg_temp.dir(e), 'E' || e || '.' || k || '.' || h, 'summary edge task ' || e || '.' || k || '.' || h,
       d::neongraph.deadline, (ARRAY[NULL, 'SUMT_G2', 'SUMT_G3'])[1 + (k + h) % 3]
  FROM unnest(ARRAY[9105, 9106, 9107]) e, sumt_deadlines, sumt_histories;
-- written directly, past the API's rules (a completion after a cancellation,
-- dates left NULL, dates ahead), which the recomputation reads all the same
-- (the rules stay off while the grid is moved about)
ALTER TABLE neongraph.assignment DISABLE TRIGGER assignment_before;
INSERT INTO neongraph.assignment (task_id, agency_code, completed_on, evidence, progress, cancelled, cancel_reason,
                                  cancelled_on, blocked, blocked_reason, blocked_since, verified, verified_on)
SELECT t.task_id, (SELECT code FROM sumt_codes ORDER BY code OFFSET (g.k * 7 + g.h) % 5 LIMIT 1),
       neongraph.today() + h.done, CASE WHEN h.done IS NOT NULL THEN 'CV ' || t.item_no END,
       CASE WHEN h.done IS NOT NULL THEN 100 ELSE 0 END,
       h.canc, CASE WHEN h.canc THEN 'dừng' END, neongraph.today() + h.canc_at,
       h.blk, CASE WHEN h.blk THEN 'vướng' END, neongraph.today() + h.blk_at,
       h.ver, neongraph.today() + h.ver_at
  FROM neongraph.task t
 CROSS JOIN LATERAL (SELECT split_part(t.item_no, '.', 2)::int AS k, split_part(t.item_no, '.', 3)::int AS h) g
  JOIN sumt_histories h ON h.h = g.h
 WHERE t.content LIKE 'summary edge task %';
SELECT count(*) AS edge_assignments FROM neongraph.assignment s JOIN neongraph.task t USING (task_id)
 WHERE t.content LIKE 'summary edge task %';

-- moves the triggers follow:
-- restated deadlines (judged against the assigned one, kept), an assigned
-- deadline given to an undated task, an undated task becoming recurring
SELECT count(neongraph.restate_deadline(t.task_id, to_char(neongraph.today() + 60, 'YYYY-MM-DD'), 'gia hạn'))
  FROM neongraph.task t WHERE t.item_no ~ '^E9105\.(2|5|12)\.(1|3|6)$';
UPDATE neongraph.task SET assigned_deadline = to_char(neongraph.today() - 3, 'YYYY-MM-DD')::neongraph.deadline
 WHERE item_no ~ '^E910[567]\.12\.(1|2|11)$';
UPDATE neongraph.task SET deadline = 'hằng quý' WHERE item_no ~ '^E910[567]\.12\.(4|6|13)$';
-- tasks moved between working groups and between directives
UPDATE neongraph.task SET working_group = CASE WHEN working_group IS NULL THEN 'SUMT_G1' END
 WHERE item_no ~ '^E9105\.[1-4]\.';
UPDATE neongraph.task SET directive_id = pg_temp.dir(9108) WHERE item_no ~ '^E9105\.(1|6|8)\.';
UPDATE neongraph.task SET directive_id = pg_temp.dir(9107) WHERE item_no ~ '^E9106\.(3|9)\.';
UPDATE neongraph.task SET directive_id = pg_temp.dir(9109) WHERE item_no ~ '^E9107\.(2|10)\.';
UPDATE neongraph.task SET directive_id = pg_temp.dir(9110) WHERE item_no ~ '^E9106\.(4|7)\.';
UPDATE neongraph.task SET directive_id = pg_temp.dir(9111) WHERE item_no ~ '^E9105\.9\.';
-- dates of issue changed: twice for 9108 (later, then ahead of today), a
-- date given to 9107 and taken from 9106
UPDATE neongraph.directive SET issued_on = neongraph.today() - 10 WHERE directive_id = pg_temp.dir(9108);
UPDATE neongraph.directive SET issued_on = neongraph.today() + 5 WHERE directive_id = pg_temp.dir(9108);
UPDATE neongraph.directive SET issued_on = neongraph.today() - 45 WHERE directive_id = pg_temp.dir(9107);
UPDATE neongraph.directive SET issued_on = NULL WHERE directive_id = pg_temp.dir(9106);
-- assignments moved to another agency and to another task
UPDATE neongraph.assignment s SET agency_code = 'SUMT_COLL'
  FROM neongraph.task t WHERE t.task_id = s.task_id AND t.item_no ~ '^E9105\.(5|11)\.(1|9|15)$';
UPDATE neongraph.assignment s SET task_id = (SELECT x.task_id FROM neongraph.task x WHERE x.item_no = 'E9107.1.1')
  FROM neongraph.task t WHERE t.task_id = s.task_id AND t.item_no = 'E9106.2.8';
-- deletes: assignments, tasks (their assignments go by the cascade), a
-- directive with its tasks in one statement, a directive with tasks refused
DELETE FROM neongraph.assignment s USING neongraph.task t
 WHERE t.task_id = s.task_id AND t.item_no ~ '^E9105\.(7|10)\.(2|10)$';
DELETE FROM neongraph.task WHERE item_no ~ '^E9106\.(5|11)\.(1|8|14)$';
-- (the statement deletes the directive first, then the tasks; or the tasks first)
WITH d AS (DELETE FROM neongraph.directive WHERE directive_id = pg_temp.dir(9109) RETURNING directive_id)
DELETE FROM neongraph.task WHERE directive_id IN (SELECT directive_id FROM d);
WITH t AS (DELETE FROM neongraph.task WHERE directive_id = pg_temp.dir(9111) RETURNING directive_id)
DELETE FROM neongraph.directive WHERE directive_id IN (SELECT directive_id FROM t);
DO $$ BEGIN
  DELETE FROM neongraph.directive WHERE directive_id = pg_temp.dir(9110);
  RAISE WARNING 'a directive with tasks was deleted';
EXCEPTION WHEN foreign_key_violation THEN RAISE NOTICE 'refused';
END $$;
SELECT count(*) AS directives_left FROM neongraph.directive WHERE docref::text LIKE '%/SUMT';
ALTER TABLE neongraph.assignment ENABLE TRIGGER assignment_before;

-- 2. the random mix ------------------------------------------------------------
-- tasks with the deadline forms: dates around today, before-forms, months,
-- recurring, none; some followed by a working group of their own
SELECT setseed(0.57);
CREATE FUNCTION pg_temp.some_deadline(r float8) RETURNS text LANGUAGE sql AS $f$
  SELECT CASE WHEN r < 0.45 THEN to_char(neongraph.today() + (random() * 500 - 320)::int, 'YYYY-MM-DD')
              WHEN r < 0.60 THEN 'trước ngày ' || to_char(neongraph.today() + (random() * 60 - 20)::int, 'DD/MM/YYYY')
              WHEN r < 0.72 THEN to_char(neongraph.today() + (random() * 200 - 150)::int, 'YYYY-MM')
              WHEN r < 0.84 THEN 'Thường xuyên'
              WHEN r < 0.88 THEN 'hằng quý'
              ELSE NULL END
$f$;
INSERT INTO neongraph.task (directive_id, item_no, content, deadline, working_group)
SELECT d.directive_id, 'S' || i, 'summary test task ' || i,
       pg_temp.some_deadline(random())::neongraph.deadline,
       CASE WHEN random() < 0.2 THEN (ARRAY['SUMT_G2', 'SUMT_G3'])[1 + (random() < 0.5)::int] END
  FROM generate_series(1, 80) i
  JOIN neongraph.directive d ON d.docref::text = (ARRAY['9101-KH/SUMT', '9102-KH/SUMT', '9103-KH/SUMT', '9104-KH/SUMT'])[1 + i % 4];
-- one to three lead agencies each; a few assigned to the collective itself
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT DISTINCT t.task_id, c.code
  FROM neongraph.task t, sumt_codes c
 WHERE t.content LIKE 'summary test task %' AND (random() < 0.4 OR c.code = (SELECT min(code) FROM sumt_codes))
UNION
SELECT t.task_id, 'SUMT_COLL' FROM neongraph.task t WHERE t.content LIKE 'summary test task %' AND random() < 0.05;

DO $do$
DECLARE
  a record;
  r float8;
  i int;
BEGIN
  FOR i IN 1 .. 600 LOOP
    SELECT s.*, t.task_id AS tid INTO a
      FROM neongraph.assignment s JOIN neongraph.task t USING (task_id)
     WHERE t.content LIKE 'summary test task %'
     ORDER BY random() LIMIT 1;
    EXIT WHEN NOT FOUND;
    r := random();
    BEGIN
      IF r < 0.22 AND NOT a.cancelled AND a.completed_on IS NULL THEN
        PERFORM neongraph.complete_assignment(a.tid, a.agency_code, neongraph.today() - (random() * 420)::int, 'CV ' || i);
      ELSIF r < 0.30 AND (a.cancelled OR a.completed_on IS NOT NULL) THEN
        PERFORM neongraph.reopen_assignment(a.tid, a.agency_code, 'mở lại ' || i);
      ELSIF r < 0.36 AND NOT a.cancelled THEN
        PERFORM neongraph.cancel_assignment(a.tid, a.agency_code, 'dừng ' || i,
                                            CASE WHEN random() < 0.8 THEN neongraph.today() - (random() * 300)::int END);
      ELSIF r < 0.42 AND NOT a.cancelled AND a.completed_on IS NULL AND NOT a.blocked THEN
        PERFORM neongraph.mark_blocked(a.tid, a.agency_code, 'vướng ' || i, neongraph.today() - (random() * 200)::int);
      ELSIF r < 0.45 AND a.blocked THEN
        PERFORM neongraph.mark_unblocked(a.tid, a.agency_code, 'gỡ ' || i);
      ELSIF r < 0.52 AND a.completed_on IS NOT NULL AND NOT a.verified THEN
        PERFORM neongraph.verify_assignment(a.tid, a.agency_code, 'đối soát ' || i);
        UPDATE neongraph.assignment SET verified_on = greatest(a.completed_on, neongraph.today() - (random() * 100)::int)
         WHERE assignment_id = a.assignment_id;
      ELSIF r < 0.60 THEN
        PERFORM neongraph.restate_deadline(a.tid, coalesce(pg_temp.some_deadline(random() * 0.84), '2030'), 'gia hạn ' || i);
      ELSIF r < 0.63 THEN
        UPDATE neongraph.task SET working_group = (ARRAY['SUMT_G1', 'SUMT_G2', 'SUMT_G3', NULL])[1 + (random() * 3.99)::int]
         WHERE task_id = a.tid;
      ELSIF r < 0.66 THEN
        UPDATE neongraph.directive SET issued_on = neongraph.today() - (random() * 500)::int
         WHERE directive_id = (SELECT directive_id FROM neongraph.task WHERE task_id = a.tid);
      ELSIF r < 0.68 THEN
        DELETE FROM neongraph.assignment WHERE assignment_id = a.assignment_id;
      ELSIF r < 0.69 THEN
        DELETE FROM neongraph.task WHERE task_id = a.tid;
      ELSIF r < 0.73 THEN
        INSERT INTO neongraph.task (directive_id, item_no, content, deadline, working_group)
        SELECT t.directive_id, 'N' || i, 'summary test task N' || i, pg_temp.some_deadline(random())::neongraph.deadline,
               CASE WHEN random() < 0.3 THEN 'SUMT_G3' END
          FROM neongraph.task t WHERE t.task_id = a.tid;
        INSERT INTO neongraph.assignment (task_id, agency_code, completed_on, evidence)
        SELECT t.task_id, c.code, CASE WHEN random() < 0.3 THEN neongraph.today() - (random() * 100)::int END, 'QĐ ' || i
          FROM neongraph.task t, sumt_codes c
         WHERE t.content = 'summary test task N' || i AND random() < 0.5;
      ELSIF r < 0.76 THEN
        UPDATE neongraph.assignment SET agency_code = (SELECT code FROM sumt_codes ORDER BY random() LIMIT 1)
         WHERE assignment_id = a.assignment_id;
      ELSIF r < 0.78 THEN
        UPDATE neongraph.task SET directive_id = (SELECT directive_id FROM neongraph.directive
                                                   WHERE docref::text IN ('9101-KH/SUMT', '9102-KH/SUMT', '9103-KH/SUMT', '9104-KH/SUMT')
                                                   ORDER BY random() LIMIT 1)
         WHERE task_id = a.tid;
      ELSE
        PERFORM neongraph.report_progress(a.tid, a.agency_code, (random() * 99)::int, '{"results": "tiến độ"}');
      END IF;
    EXCEPTION WHEN unique_violation OR object_not_in_prerequisite_state OR check_violation THEN
      NULL;       -- a refused write changes nothing
    END;
  END LOOP;
END
$do$;

-- the data reached every path
SELECT count(*) FILTER (WHERE completed_on IS NOT NULL) > 0 AS some_completed,
       count(*) FILTER (WHERE cancelled AND completed_on IS NULL) > 0 AS some_cancelled,
       count(*) FILTER (WHERE cancelled AND cancelled_on IS NULL) > 0 AS some_cancelled_undated,
       count(*) FILTER (WHERE cancelled AND cancelled_on < completed_on) > 0 AS some_cancelled_before_done,
       count(*) FILTER (WHERE cancelled AND cancelled_on > completed_on) > 0 AS some_cancelled_after_done,
       count(*) FILTER (WHERE cancelled AND cancelled_on = completed_on) > 0 AS some_cancelled_on_done,
       count(*) FILTER (WHERE completed_on < d.issued_on) > 0 AS some_done_before_issue,
       count(*) FILTER (WHERE d.issued_on > neongraph.today()) > 0 AS some_issued_ahead,
       count(*) FILTER (WHERE d.issued_on IS NULL) > 0 AS some_issued_undated,
       count(*) FILTER (WHERE blocked AND blocked_since IS NOT NULL) > 0 AS some_blocked,
       count(*) FILTER (WHERE verified) > 0 AS some_verified,
       count(*) FILTER (WHERE t.assigned_deadline IS NOT NULL) > 0 AS some_restated
  FROM neongraph.assignment s JOIN neongraph.task t USING (task_id) JOIN neongraph.directive d USING (directive_id)
 WHERE s.agency_code LIKE 'SUMT%';
SELECT (SELECT count(*) FROM neongraph.history WHERE table_name = 'task' AND operation = 'DELETE'
           AND old_row ->> 'content' LIKE 'summary test task %') > 0 AS some_task_deleted_by_the_mix;

-- 3. every day, every window ------------------------------------------------------
-- statistics of this data, so that the recomputation's plan (once per day)
-- does not depend on what earlier tests left behind
ANALYZE neongraph.directive, neongraph.task, neongraph.assignment, neongraph.agency;
-- every day from 40 days before the first event date (issue, due,
-- completion, cancellation, blocking, verification) to 40 days after the last
CREATE TEMP TABLE sumt_days ON COMMIT DROP AS
SELECT generate_series(min(x) - 40, max(x) + 40, interval '1 day')::date AS a FROM (
  SELECT d.issued_on, neongraph.due_date(coalesce(t.assigned_deadline, t.deadline)), s.completed_on,
         s.cancelled_on, s.blocked_since, s.verified_on
    FROM neongraph.assignment s JOIN neongraph.task t USING (task_id) JOIN neongraph.directive d USING (directive_id)
   WHERE s.agency_code LIKE 'SUMT%') v(x1, x2, x3, x4, x5, x6),
  LATERAL unnest(ARRAY[x1, x2, x3, x4, x5, x6]) x;
-- the recomputation: assignment_state(a) (which assignments exist, their
-- cancellation and completion as of a), the status with window w by
-- neongraph.deadline_status against the judged deadline, as assignment_state
-- judges it with window 7
CREATE TEMP TABLE sumt_ref ON COMMIT DROP AS
SELECT d.a, w.w, s.agency_code, coalesce(t.working_group, '') AS group_code,
       count(*) AS total,
       count(*) FILTER (WHERE x.st = 'done_on_time') AS done_on_time,
       count(*) FILTER (WHERE x.st = 'done_late') AS done_late,
       count(*) FILTER (WHERE x.st = 'overdue') AS overdue,
       count(*) FILTER (WHERE x.st = 'due_soon') AS due_soon,
       count(*) FILTER (WHERE x.st = 'on_track') AS on_track,
       count(*) FILTER (WHERE x.st = 'recurring') AS recurring,
       count(*) FILTER (WHERE x.st = 'no_deadline') AS no_deadline,
       count(*) FILTER (WHERE x.st = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE s.blocked) AS blocked,
       count(*) FILTER (WHERE s.verified) AS verified,
       count(*) FILTER (WHERE w.w = 7 AND x.st IS DISTINCT FROM s.status) AS not_as_state
  FROM sumt_days d
 CROSS JOIN LATERAL neongraph.assignment_state(d.a) s
  JOIN neongraph.task t ON t.task_id = s.task_id
 CROSS JOIN (VALUES (0), (1), (7), (31)) w(w)
 CROSS JOIN LATERAL (SELECT CASE WHEN s.status = 'cancelled' THEN 'cancelled'::neongraph.task_status
                                 ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline),
                                                                s.completed_on, d.a, w.w) END AS st) x
 WHERE s.agency_code LIKE 'SUMT%'
 GROUP BY 1, 2, 3, 4;
CREATE TEMP TABLE sumt_fast ON COMMIT DROP AS
SELECT d.a, w.w, c.*
  FROM sumt_days d CROSS JOIN (VALUES (0), (1), (7), (31)) w(w)
 CROSS JOIN LATERAL neongraph.summary_counts(d.a, w.w) c
 WHERE c.agency_code LIKE 'SUMT%';
SELECT count(*) > 400 AS many_days, min(a) < neongraph.today() - 300 AND max(a) > neongraph.today() + 70 AS around_all_dates
  FROM sumt_days;
-- the recomputation with window 7 is assignment_state's own status
SELECT sum(not_as_state) AS not_as_state FROM sumt_ref;
-- every status and count occurs (the comparison is not vacuous)
SELECT count(*) > 10000 AS many_rows,
       sum(done_on_time) > 0 AND sum(done_late) > 0 AND sum(overdue) > 0 AND sum(due_soon) > 0 AND sum(on_track) > 0
       AND sum(recurring) > 0 AND sum(no_deadline) > 0 AND sum(cancelled) > 0 AND sum(blocked) > 0
       AND sum(verified) > 0 AS every_count_occurs
  FROM sumt_ref;
-- the summaries answer exactly the same, day by day, window by window
SELECT w, count(*) > 2000 AS many_compared,
       count(*) FILTER (WHERE (r.total, r.done_on_time, r.done_late, r.overdue, r.due_soon, r.on_track, r.recurring,
                               r.no_deadline, r.cancelled, r.blocked, r.verified)
                              IS DISTINCT FROM
                              (f.total, f.done_on_time, f.done_late, f.overdue, f.due_soon, f.on_track, f.recurring,
                               f.no_deadline, f.cancelled, f.blocked, f.verified)) AS differing_rows
  FROM sumt_ref r FULL JOIN sumt_fast f USING (a, w, agency_code, group_code)
 GROUP BY w ORDER BY w;
-- every status counted once: they add up to the total, none negative
SELECT count(*) AS not_adding_up FROM sumt_fast
 WHERE total <> done_on_time + done_late + overdue + due_soon + on_track + recurring + no_deadline + cancelled
    OR least(done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled, blocked, verified) < 0;

-- 4. the scorecards, along the hierarchy and the groups, on a sample of dates
CREATE TEMP TABLE sumt_key_dates ON COMMIT DROP AS
SELECT a AS d FROM sumt_days
 WHERE a IN (SELECT neongraph.today() + k FROM unnest(ARRAY[-200, -61, -60, -41, -40, -21, -20, -1, 0, 1, 5, 8, 20, 31, 32, 33]) k)
    OR (a - neongraph.today()) % 47 = 0;
SELECT count(*) AS differences FROM sumt_key_dates, neongraph.summary_check(d);
SELECT count(*) AS differences_over_sumt_rows
  FROM sumt_key_dates, neongraph.agency_scorecard(d) r
  LEFT JOIN neongraph.agency_scorecard_fast(d) f USING (agency_code)
 WHERE r.agency_code LIKE 'SUMT%' AND r::text IS DISTINCT FROM f::text;
SELECT count(DISTINCT f.agency_code) AS agencies_seen FROM sumt_key_dates, neongraph.agency_scorecard_fast(d) f
 WHERE f.agency_code LIKE 'SUMT%';
SELECT count(DISTINCT f.group_code) AS groups_seen FROM sumt_key_dates, neongraph.working_group_scorecard_fast(d) f
 WHERE f.group_code LIKE 'SUMT%' AND f.total > 0;
DO $$ BEGIN
  PERFORM neongraph.agency_scorecard_fast(neongraph.today(), 32);
  RAISE NOTICE 'window 32 accepted';
EXCEPTION WHEN invalid_parameter_value THEN RAISE WARNING 'window 32 refused: SQLSTATE %', SQLSTATE;
END $$;

-- 5. the reads touch only the summaries and the catalog ----------------------------
-- scans of this transaction, per table, before and after the fast scorecards
CREATE TEMP TABLE sumt_scans ON COMMIT DROP AS
SELECT relname, seq_scan + coalesce(idx_scan, 0) AS scans FROM pg_stat_xact_user_tables
 WHERE schemaname = 'neongraph';
SELECT count(*) > 0 AS read FROM neongraph.agency_scorecard_fast(neongraph.today() - 30);
SELECT count(*) > 0 AS read FROM neongraph.working_group_scorecard_fast(neongraph.today() + 10, 31);
SELECT count(*) > 0 AS read FROM neongraph.summary_counts(neongraph.today() - 400, 0);
SELECT x.relname, x.seq_scan + coalesce(x.idx_scan, 0) > coalesce(b.scans, 0) AS scanned
  FROM pg_stat_xact_user_tables x LEFT JOIN sumt_scans b USING (relname)
 WHERE x.schemaname = 'neongraph'
   AND (x.seq_scan + coalesce(x.idx_scan, 0) > coalesce(b.scans, 0)
        OR x.relname IN ('assignment', 'task', 'directive'))
 ORDER BY 1;
-- and a role that can read the summaries and the catalog, and nothing else, gets them
CREATE ROLE sumt_dashboard NOLOGIN;
GRANT USAGE ON SCHEMA neongraph TO sumt_dashboard;
GRANT SELECT ON neongraph.assignment_summary, neongraph.assignment_summary_soon, neongraph.agency,
  neongraph.working_group, neongraph.working_group_member TO sumt_dashboard;
CREATE TEMP TABLE sumt_as_owner ON COMMIT DROP AS
SELECT 'agency' AS k, r::text AS t FROM neongraph.agency_scorecard_fast(neongraph.today() - 30) r
UNION ALL SELECT 'group', r::text FROM neongraph.working_group_scorecard_fast(neongraph.today() - 30) r;
GRANT SELECT ON sumt_as_owner TO sumt_dashboard;
SET ROLE sumt_dashboard;
SELECT has_table_privilege('neongraph.assignment', 'SELECT') AS reads_assignments,
       has_table_privilege('neongraph.task', 'SELECT') AS reads_tasks,
       has_table_privilege('neongraph.directive', 'SELECT') AS reads_directives;
SELECT count(*) AS differences_for_the_dashboard_role FROM (
  (SELECT 'agency' AS k, r::text AS t FROM neongraph.agency_scorecard_fast(neongraph.today() - 30) r
   UNION ALL SELECT 'group', r::text FROM neongraph.working_group_scorecard_fast(neongraph.today() - 30) r)
  EXCEPT ALL SELECT k, t FROM sumt_as_owner) x;
RESET ROLE;

-- 6. the rebuild gives the rows the triggers keep, in both tables
CREATE TEMP TABLE sumt_incremental ON COMMIT DROP AS SELECT * FROM neongraph.assignment_summary;
CREATE TEMP TABLE sumt_incremental_soon ON COMMIT DROP AS SELECT * FROM neongraph.assignment_summary_soon;
SELECT neongraph.rebuild_summaries() = (SELECT count(*) FROM sumt_incremental) + (SELECT count(*) FROM sumt_incremental_soon)
       AS same_row_count;
SELECT (SELECT count(*) FROM (TABLE sumt_incremental EXCEPT ALL TABLE neongraph.assignment_summary) a)
     + (SELECT count(*) FROM (TABLE neongraph.assignment_summary EXCEPT ALL TABLE sumt_incremental) b) AS rows_differing,
       (SELECT count(*) FROM (TABLE sumt_incremental_soon EXCEPT ALL TABLE neongraph.assignment_summary_soon) a)
     + (SELECT count(*) FROM (TABLE neongraph.assignment_summary_soon EXCEPT ALL TABLE sumt_incremental_soon) b) AS soon_rows_differing;
SELECT count(*) AS zero_rows FROM neongraph.assignment_summary
 WHERE (n_total, n_done_on_time, n_done_late, n_overdue, n_open_dated, n_recurring, n_no_deadline,
        n_cancelled, n_blocked, n_verified) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
SELECT count(*) AS zero_soon_rows FROM neongraph.assignment_summary_soon WHERE n = 0;
-- each month row adds up the day rows of its month, each year row the month
-- rows of its year (a sum of 0 in every column has no row)
CREATE TEMP TABLE sumt_steps ON COMMIT DROP AS
SELECT s.grain, s.day, s.agency_code, s.group_code, v.m, v.n
  FROM neongraph.assignment_summary s,
       LATERAL (VALUES (1, s.n_total), (2, s.n_done_on_time), (3, s.n_done_late), (4, s.n_overdue), (5, s.n_open_dated),
                       (6, s.n_recurring), (7, s.n_no_deadline), (8, s.n_cancelled), (9, s.n_blocked), (10, s.n_verified)) v(m, n)
 WHERE s.agency_code LIKE 'SUMT%';
SELECT g.grain, count(*) > 0 AS compared, count(*) FILTER (WHERE coalesce(c.parts, 0) <> coalesce(c.whole, 0)) AS not_adding_up
  FROM (VALUES ('month', 'day'), ('year', 'month')) g(grain, part)
 CROSS JOIN LATERAL (
       SELECT a.n AS parts, b.n AS whole
         FROM (SELECT date_trunc(g.grain, x.day::timestamp)::date AS day, x.agency_code, x.group_code, x.m, sum(x.n) AS n
                 FROM sumt_steps x WHERE x.grain = g.part GROUP BY 1, 2, 3, 4) a
         FULL JOIN (SELECT x.day, x.agency_code, x.group_code, x.m, x.n FROM sumt_steps x WHERE x.grain = g.grain) b
           USING (day, agency_code, group_code, m)) c
 GROUP BY g.grain ORDER BY g.grain;

-- 7. a corrupted summary row is caught, and the rebuild repairs it
UPDATE neongraph.assignment_summary SET n_open_dated = n_open_dated + 1
 WHERE grain = 'total' AND agency_code = 'SUMT_P.D1' AND group_code = '';
SELECT scorecard, code FROM neongraph.summary_check(neongraph.today())
 WHERE code IN ('SUMT_P', 'SUMT_P.D1', 'SUMT_G1', 'SUMT_G2') ORDER BY 1, 2;
SELECT neongraph.rebuild_summaries() > 0 AS rebuilt;
SELECT count(*) AS differences_after_rebuild FROM neongraph.summary_check(neongraph.today());

-- 8. deleting every test task leaves no summary row of the test agencies;
-- TRUNCATE (here of the tasks, cascading to the assignments) rebuilds
DELETE FROM neongraph.task WHERE content LIKE 'summary % task %';
DELETE FROM neongraph.assignment WHERE agency_code LIKE 'SUMT%';
SELECT (SELECT count(*) FROM neongraph.assignment_summary WHERE agency_code LIKE 'SUMT%')
     + (SELECT count(*) FROM neongraph.assignment_summary_soon WHERE agency_code LIKE 'SUMT%') AS rows_left;
SELECT count(*) AS differences FROM neongraph.summary_check(neongraph.today() - 30);
TRUNCATE neongraph.task CASCADE;
SELECT (SELECT count(*) FROM neongraph.assignment_summary) + (SELECT count(*) FROM neongraph.assignment_summary_soon)
       AS rows_after_truncate;
ROLLBACK;
