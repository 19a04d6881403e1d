-- summary: the dashboard summaries kept by triggers (59_summary.sql) give
-- the same scorecards as the recomputation from every assignment, for every
-- agency and working group, as of many dates and for several warning
-- windows, after a random (seeded) mix of writes through the API and
-- directly; rebuild_summaries() gives the same rows as the triggers; a
-- corrupted summary row is caught, and rebuilt.
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

-- directives: issued long ago, recently, today, and without a date
INSERT INTO neongraph.directive (docref, kind, issued_on)
SELECT v.d, 'KH', neongraph.today() - v.ago
  FROM (VALUES ('9101-KH/SUMT', 400), ('9102-KH/SUMT', 120), ('9103-KH/SUMT', 0), ('9104-KH/SUMT', NULL)) v(d, ago);

-- tasks with the deadline forms: dates around today, before-forms, months,
-- recurring, none; some followed by a working group of their own
SELECT setseed(0.57);
CREATE TEMP TABLE sumt_codes ON COMMIT DROP AS
  SELECT unnest(ARRAY['SUMT_P', 'SUMT_M', 'SUMT_P.D1', 'SUMT_P.D2', 'SUMT_P.C1']) AS code;
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

-- the random mix of writes
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
      ELSE
        PERFORM neongraph.report_progress(a.tid, a.agency_code, (random() * 99)::int, '{"results": "tiến độ"}');
      END IF;
    EXCEPTION WHEN unique_violation OR object_not_in_prerequisite_state OR check_violation THEN
      NULL;       -- a refused write changes nothing
    END;
  END LOOP;
END
$do$;

-- the mix reached every path
SELECT count(*) FILTER (WHERE completed_on IS NOT NULL) > 0 AS some_completed,
       count(*) FILTER (WHERE cancelled) > 0 AS some_cancelled,
       count(*) FILTER (WHERE blocked) > 0 AS some_blocked,
       count(*) FILTER (WHERE verified) > 0 AS some_verified,
       count(*) FILTER (WHERE cancelled AND cancelled_on < neongraph.today()) > 0 AS some_cancelled_before_today
  FROM neongraph.assignment s JOIN neongraph.task t USING (task_id) WHERE t.content LIKE 'summary test task %';
SELECT count(*) > 0 AS some_restated FROM neongraph.task
 WHERE content LIKE 'summary test task %' AND assigned_deadline IS NOT NULL;
SELECT (SELECT count(*) FROM neongraph.history WHERE table_name = 'task' AND operation = 'DELETE'
           AND old_row ->> 'content' LIKE 'summary test task %') > 0 AS some_task_deleted;

-- the dates to compare on: every day from before the first issue to after
-- the last due date, coarsely, the first and last days of months (and so of
-- years), and exactly around issue, due, completion, cancellation, blocking
-- and verification dates
CREATE TEMP TABLE sumt_dates ON COMMIT DROP AS
SELECT DISTINCT d::date AS d FROM (
  SELECT neongraph.today() + k AS d FROM generate_series(-560, 300, 23) k
  UNION ALL SELECT neongraph.today() + k FROM unnest(ARRAY[-1, 0, 1, 7, 8, 31, 32, 400, 5000]) k
  -- the summaries add up days into months and years: the edges of both
  UNION ALL SELECT (date_trunc('month', neongraph.today()) + m * interval '1 month')::date + k
    FROM generate_series(-19, 10) m, unnest(ARRAY[-1, 0]) k
  UNION ALL SELECT issued_on + k FROM neongraph.directive, unnest(ARRAY[-1, 0, 1]) k
   WHERE docref::text LIKE '%/SUMT' AND issued_on IS NOT NULL
  UNION ALL SELECT x + k FROM (
    SELECT neongraph.due_date(coalesce(t.assigned_deadline, t.deadline)) FROM neongraph.task t WHERE content LIKE 'summary test task %'
    UNION SELECT completed_on FROM neongraph.assignment
    UNION SELECT cancelled_on FROM neongraph.assignment
    UNION SELECT blocked_since FROM neongraph.assignment
    UNION SELECT verified_on FROM neongraph.assignment) v(x), unnest(ARRAY[-8, -7, -1, 0, 1]) k
   WHERE x IS NOT NULL) s;
SELECT count(*) > 100 AS many_dates FROM sumt_dates;
-- the full scorecards (recomputed along the hierarchy) on a sample of them
CREATE TEMP TABLE sumt_key_dates ON COMMIT DROP AS
SELECT d FROM sumt_dates
 WHERE d IN (SELECT neongraph.today() + k FROM unnest(ARRAY[-1, 0, 1, 8, 400]) k)
    OR (d - neongraph.today()) % 29 = 0
    OR d IN (SELECT issued_on FROM neongraph.directive WHERE docref::text LIKE '%/SUMT')
    OR d IN (SELECT d FROM sumt_dates ORDER BY md5(d::text) LIMIT 12);

-- 1. the scorecards agree for every agency and group on every date
SELECT count(*) AS differences FROM sumt_key_dates, neongraph.summary_check(d);
SELECT count(*) AS differences_over_sumt_rows
  FROM sumt_key_dates, neongraph.agency_scorecard(d) r
  LEFT JOIN neongraph.agency_scorecard_fast(d) f USING (agency_code)
 WHERE r.agency_code LIKE 'SUMT%' AND r::text IS DISTINCT FROM f::text;
-- the comparison covers our agencies and groups (rows present on most dates)
SELECT count(DISTINCT f.agency_code) AS agencies_seen FROM sumt_key_dates, neongraph.agency_scorecard_fast(d) f
 WHERE f.agency_code LIKE 'SUMT%';
SELECT count(DISTINCT f.group_code) AS groups_seen FROM sumt_key_dates, neongraph.working_group_scorecard_fast(d) f
 WHERE f.group_code LIKE 'SUMT%' AND f.total > 0;

-- 2. other warning windows, on every date: each test agency's own counts per
-- group, against the status recomputed from the assignments with that window
CREATE FUNCTION pg_temp.direct(as_of date, w int) RETURNS TABLE (agency_code text, group_code text, status neongraph.task_status,
                                                                  n bigint, blocked bigint, verified bigint)
LANGUAGE sql STABLE AS $f$
  SELECT s.agency_code, coalesce(t.working_group, ''),
         CASE WHEN s.cancelled AND s.cancelled_on <= $1 THEN 'cancelled'::neongraph.task_status
              ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline),
                                             CASE WHEN s.completed_on <= $1 THEN s.completed_on END, $1, $2) END,
         count(*), count(*) FILTER (WHERE s.blocked AND s.blocked_since <= $1),
         count(*) FILTER (WHERE s.verified AND s.verified_on <= $1)
    FROM neongraph.assignment s JOIN neongraph.task t USING (task_id) JOIN neongraph.directive d USING (directive_id)
   WHERE (d.issued_on IS NULL OR d.issued_on <= $1) AND s.agency_code LIKE 'SUMT%'
   GROUP BY 1, 2, 3
$f$;
CREATE FUNCTION pg_temp.fast(as_of date, w int) RETURNS TABLE (agency_code text, group_code text, status neongraph.task_status,
                                                                n bigint, blocked bigint, verified bigint)
LANGUAGE sql STABLE AS $f$
  SELECT c.agency_code, c.group_code, v.s, v.n, c.blocked, c.verified
    FROM neongraph.summary_counts($1, $2) c,
         LATERAL (VALUES ('done_on_time'::neongraph.task_status, c.done_on_time), ('done_late', c.done_late),
                         ('overdue', c.overdue), ('due_soon', c.due_soon), ('on_track', c.on_track),
                         ('recurring', c.recurring), ('no_deadline', c.no_deadline), ('cancelled', c.cancelled)) v(s, n)
   WHERE v.n <> 0 AND c.agency_code LIKE 'SUMT%'
$f$;
CREATE TEMP TABLE sumt_due ON COMMIT DROP AS
SELECT DISTINCT neongraph.due_date(coalesce(t.assigned_deadline, t.deadline)) AS x
  FROM neongraph.task t WHERE t.content LIKE 'summary test task %' AND neongraph.due_date(coalesce(t.assigned_deadline, t.deadline)) IS NOT NULL;
-- window 7 on every date; every window on the sample and at the
-- edges of their window (due date - w and the day before)
SELECT w, (SELECT count(*)
             FROM (SELECT d FROM sumt_dates WHERE w = 7
                   UNION SELECT d FROM sumt_key_dates
                   UNION SELECT x - w + k FROM sumt_due, unnest(ARRAY[-1, 0]) k) dd,
                  LATERAL (SELECT agency_code, group_code, status, n FROM pg_temp.direct(d, w)
                           EXCEPT ALL SELECT agency_code, group_code, status, n FROM pg_temp.fast(d, w)
                           UNION ALL
                           (SELECT agency_code, group_code, status, n FROM pg_temp.fast(d, w)
                            EXCEPT ALL SELECT agency_code, group_code, status, n FROM pg_temp.direct(d, w))) x) AS differences
  FROM unnest(ARRAY[0, 1, 3, 7, 14, 30, 31]) w ORDER BY w;
SELECT count(*) AS blocked_verified_differences
  FROM sumt_dates,
       LATERAL (SELECT agency_code, group_code, sum(blocked) AS b, sum(verified) AS v FROM pg_temp.direct(d, 7) GROUP BY 1, 2
                HAVING sum(blocked) + sum(verified) > 0) r
  FULL JOIN LATERAL (SELECT agency_code, group_code, blocked AS b, verified AS v FROM neongraph.summary_counts(d, 7)
                      WHERE blocked + verified > 0 AND agency_code LIKE 'SUMT%') f USING (agency_code, group_code)
 WHERE r.b IS DISTINCT FROM f.b OR r.v IS DISTINCT FROM f.v;
DO $$ BEGIN
  PERFORM neongraph.agency_scorecard_fast(neongraph.today(), 32);
  RAISE NOTICE 'window 32 accepted';
EXCEPTION WHEN invalid_parameter_value THEN RAISE WARNING 'window 32 refused: SQLSTATE %', SQLSTATE;
END $$;

-- 3. the rebuild gives the rows the triggers keep
CREATE TEMP TABLE sumt_incremental ON COMMIT DROP AS SELECT * FROM neongraph.assignment_summary;
SELECT neongraph.rebuild_summaries() = (SELECT count(*) FROM sumt_incremental) AS same_row_count;
SELECT (SELECT count(*) FROM (TABLE sumt_incremental EXCEPT ALL TABLE neongraph.assignment_summary) a)
     + (SELECT count(*) FROM (TABLE neongraph.assignment_summary EXCEPT ALL TABLE sumt_incremental) b) AS rows_differing;
SELECT count(*) AS zero_rows FROM neongraph.assignment_summary WHERE n = 0;

-- 4. a corrupted summary row is caught, and the rebuild repairs it
UPDATE neongraph.assignment_summary SET n = n + 1
 WHERE (agency_code, group_code, measure, day) =
       (SELECT agency_code, group_code, measure, day FROM neongraph.assignment_summary
         WHERE agency_code = 'SUMT_P.D1' AND group_code = '' AND measure = 'due' AND day = '-infinity');
SELECT scorecard, code FROM neongraph.summary_check(neongraph.today())
 WHERE code IN ('SUMT_P', 'SUMT_P.D1', 'SUMT_G1', 'SUMT_G2') ORDER BY 1, 2;
SELECT neongraph.rebuild_summaries() > 0 AS rebuilt;
SELECT count(*) AS differences_after_rebuild FROM neongraph.summary_check(neongraph.today());

-- 5. task deletion (cascade), truncation path untouched here; deleting every
-- test task leaves no summary row of the test agencies
DELETE FROM neongraph.task WHERE content LIKE 'summary test task %';
DELETE FROM neongraph.assignment WHERE agency_code LIKE 'SUMT%';
SELECT count(*) AS rows_left FROM neongraph.assignment_summary WHERE agency_code LIKE 'SUMT%';
SELECT count(*) AS differences FROM neongraph.summary_check(neongraph.today() - 30);
ROLLBACK;
