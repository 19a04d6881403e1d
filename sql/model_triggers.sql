-- model_triggers: the rules that hold whatever path writes the tables —
-- progress 0..100, completion needs evidence and a date not after today,
-- cancellation and blocking need a reason, only completed work is verified,
-- a changed deadline keeps the assigned one, link cycles are refused, and
-- every change lands in the append-only history.
\set SHOW_CONTEXT never
BEGIN;
-- err(sql): runs sql in a subtransaction and shows the error it raised:
-- SQLSTATE, message, detail and hint (the statement's changes are undone);
-- task and assignment ids, which depend on the order tests run in, read N
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE s text; m text; d text; h text;
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
  RETURN regexp_replace(s || ': ' || m || coalesce(E'\nDETAIL: ' || nullif(d, ''), '') || coalesce(E'\nHINT: ' || nullif(h, ''), ''),
                        '([Tt]asks?|[Aa]ssignment) [0-9]+', '\1 N', 'g');
END
$f$;
-- a test directive and its tasks, through the import path
SELECT neongraph.upsert_directive('901-TB/TEST', 'TB', 'TGV', '2025-09-12', 'Người ký', 'Thông báo kết luận thử') IS NOT NULL AS directive_loaded;
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('901-TB/TEST', '1', 'Nhiệm vụ một', 'Bộ Công an', NULL, 'Hoàn thành trong tháng 10/2025', NULL),
  ('901-TB/TEST', '2', 'Nhiệm vụ hai', E'Bộ Tư pháp\nBộ Khoa học và Công nghệ', 'Bộ Công an', 'Hoàn thành trước ngày 01/12/2025', NULL),
  ('901-TB/TEST', '3', 'Nhiệm vụ ba', 'BCA', NULL, 'Nhiệm vụ thường xuyên', NULL),
  ('901-TB/TEST', '4', 'Nhiệm vụ bốn', 'Bộ Công an', NULL, NULL, NULL),
  ('901-TB/TEST', '5', 'Nhiệm vụ năm', 'Bộ Công an', NULL, 'Trước 15/11/2025', 'Hạn được giao: 30/9/2025');
SELECT item_no, outcome, reason FROM neongraph.apply_import() ORDER BY item_no;
CREATE FUNCTION pg_temp.tid(item text) RETURNS bigint LANGUAGE sql STABLE AS $f$
  SELECT t.task_id FROM neongraph.task t JOIN neongraph.directive d USING (directive_id)
   WHERE d.docref::text = '901-TB/TEST' AND t.item_no = $1 $f$;

-- progress 0..100, whatever writes it
SELECT pg_temp.err($$UPDATE neongraph.assignment SET progress = 101 WHERE task_id = pg_temp.tid('1')$$);
SELECT pg_temp.err($$UPDATE neongraph.assignment SET progress = -1 WHERE task_id = pg_temp.tid('1')$$);
UPDATE neongraph.assignment SET progress = 40 WHERE task_id = pg_temp.tid('1');
SELECT progress FROM neongraph.assignment WHERE task_id = pg_temp.tid('1');

-- completion: evidence required, not after today, sets progress to 100
SELECT pg_temp.err($$UPDATE neongraph.assignment SET completed_on = '2025-10-20' WHERE task_id = pg_temp.tid('1')$$);
SELECT pg_temp.err($$UPDATE neongraph.assignment SET completed_on = '2025-10-20', evidence = '  ' WHERE task_id = pg_temp.tid('1')$$);
SELECT pg_temp.err($$UPDATE neongraph.assignment SET completed_on = neongraph.today() + 1, evidence = 'x' WHERE task_id = pg_temp.tid('1')$$)
       ~ '^23514: completion date is in the future' AS future_refused;
UPDATE neongraph.assignment SET completed_on = '2025-10-20', evidence = 'Quyết định 1/QĐ' WHERE task_id = pg_temp.tid('1');
SELECT progress, completed_on, evidence FROM neongraph.assignment WHERE task_id = pg_temp.tid('1');

-- verification only of completed work; reopening drops it
SELECT pg_temp.err($$UPDATE neongraph.assignment SET verified = true WHERE task_id = pg_temp.tid('4')$$);
UPDATE neongraph.assignment SET verified = true WHERE task_id = pg_temp.tid('1');
SELECT verified, verified_on IS NOT NULL AS has_date, verified_by = session_user AS by_me
  FROM neongraph.assignment WHERE task_id = pg_temp.tid('1');
SELECT pg_temp.err($$UPDATE neongraph.assignment SET cancelled = true, cancel_reason = 'x' WHERE task_id = pg_temp.tid('1')$$);
UPDATE neongraph.assignment SET completed_on = NULL WHERE task_id = pg_temp.tid('1');
SELECT verified, verified_on, progress FROM neongraph.assignment WHERE task_id = pg_temp.tid('1');

-- cancellation and blocking need a reason
SELECT pg_temp.err($$UPDATE neongraph.assignment SET cancelled = true WHERE task_id = pg_temp.tid('4')$$);
SELECT pg_temp.err($$UPDATE neongraph.assignment SET blocked = true, blocked_reason = '' WHERE task_id = pg_temp.tid('4')$$);
UPDATE neongraph.assignment SET blocked = true, blocked_reason = 'Chờ hướng dẫn', blocked_since = '2025-11-01' WHERE task_id = pg_temp.tid('4');
UPDATE neongraph.assignment SET blocked = false WHERE task_id = pg_temp.tid('4');
SELECT blocked, blocked_reason, blocked_since FROM neongraph.assignment WHERE task_id = pg_temp.tid('4');

-- a changed deadline keeps the first one as the assigned deadline
UPDATE neongraph.task SET deadline = 'tháng 12/2025' WHERE task_id = pg_temp.tid('1');
SELECT deadline::text, deadline_text, assigned_deadline::text, assigned_deadline_text
  FROM neongraph.task WHERE task_id = pg_temp.tid('1');
UPDATE neongraph.task SET deadline = 'quý I/2026', deadline_text = 'trong quý I/2026' WHERE task_id = pg_temp.tid('1');
SELECT deadline::text, deadline_text, assigned_deadline::text, assigned_deadline_text
  FROM neongraph.task WHERE task_id = pg_temp.tid('1');
-- ... and the assigned deadline never changes once set
SELECT pg_temp.err($$UPDATE neongraph.task SET assigned_deadline = '2026-12-31' WHERE task_id = pg_temp.tid('1')$$);
SELECT pg_temp.err($$UPDATE neongraph.task SET assigned_deadline = NULL WHERE task_id = pg_temp.tid('5')$$);
-- an undated task that gets a deadline has no assigned one: the first deadline is the one assigned
UPDATE neongraph.task SET deadline = '31/12/2025' WHERE task_id = pg_temp.tid('4');
SELECT deadline::text, assigned_deadline FROM neongraph.task WHERE task_id = pg_temp.tid('4');

-- links: no task derives from itself, directly or through others (the
-- cascade's trigger refuses cycles; its messages are tested in cascade.sql)
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (pg_temp.tid('2'), pg_temp.tid('1'), 'depends');
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (pg_temp.tid('3'), pg_temp.tid('2'), 'depends');
SELECT pg_temp.err(format('INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (%s, %s, %L)',
                   pg_temp.tid('1'), pg_temp.tid('3'), 'depends')) ~ '^23514: ' AS cycle_refused;
-- the same pair in the other kind is not a cycle
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (pg_temp.tid('1'), pg_temp.tid('3'), 'derives');
SELECT pg_temp.err(format('INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (%s, %s, %L)',
                   pg_temp.tid('1'), pg_temp.tid('1'), 'derives')) ~ '^23514' AS self_link_refused;

-- reports must match their assignment
SELECT regexp_replace(pg_temp.err(format($$INSERT INTO neongraph.progress_report (assignment_id, task_id, agency_code, progress)
                          SELECT assignment_id, %s, agency_code, 10 FROM neongraph.assignment WHERE task_id = %s$$,
                          pg_temp.tid('2'), pg_temp.tid('1'))), '[0-9]+', 'N', 'g');

-- the history: every change, who, when, old and new rows
SELECT table_name, operation, changed_by = session_user::text AS who_ok, changed_as = current_user::text AS role_ok,
       old_row ->> 'progress' AS old_progress, new_row ->> 'progress' AS new_progress,
       old_row ->> 'completed_on' AS old_completed, new_row ->> 'completed_on' AS new_completed,
       new_row ->> 'verified' AS verified
  FROM neongraph.history
 WHERE task_id = pg_temp.tid('1') AND table_name = 'assignment'
 ORDER BY history_id;
SELECT table_name, operation, old_row ->> 'deadline' AS old_deadline, new_row ->> 'deadline' AS new_deadline,
       new_row ->> 'assigned_deadline' AS assigned
  FROM neongraph.history
 WHERE task_id = pg_temp.tid('1') AND table_name IN ('task', 'task_link')
 ORDER BY history_id;
SELECT bool_and(h.changed_at >= now()) AS times_in_this_transaction,
       count(DISTINCT h.changed_at) = count(*) AS times_distinct
  FROM neongraph.history h WHERE h.task_id = pg_temp.tid('1');
-- an update that changes nothing leaves no trace
SELECT count(*) AS before FROM neongraph.history WHERE task_id = pg_temp.tid('3');
UPDATE neongraph.assignment SET progress = progress WHERE task_id = pg_temp.tid('3');
UPDATE neongraph.task SET content = content WHERE task_id = pg_temp.tid('3');
SELECT count(*) AS after FROM neongraph.history WHERE task_id = pg_temp.tid('3');

-- the history is append-only
SELECT pg_temp.err($$UPDATE neongraph.history SET reason = 'x' WHERE task_id = pg_temp.tid('1')$$);
SELECT pg_temp.err($$DELETE FROM neongraph.history WHERE task_id = pg_temp.tid('1')$$);
SELECT pg_temp.err($$TRUNCATE neongraph.history$$);

-- the catalog's INSERTs went through the same tables: shipped rows are marked
SELECT count(*) > 100 AS catalog_loaded, bool_and(is_shipped) AS all_shipped FROM neongraph.agency;
INSERT INTO neongraph.agency (code, name, kind, parent_code) VALUES ('TEST_X', 'Sở Thử nghiệm', 'department', 'HCM');
SELECT code, is_shipped FROM neongraph.agency WHERE code = 'TEST_X';
ROLLBACK;
