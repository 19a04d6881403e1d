-- model_demo: the demo (test/demo) loads through the real import path into
-- a database of its own, every status occurs as of today, a second load
-- changes nothing, and what `make demo` prints runs.
\set SHOW_CONTEXT never
\set regress_db :DBNAME
DROP DATABASE IF EXISTS neongraph_model_demo;
CREATE DATABASE neongraph_model_demo;
\c neongraph_model_demo
SET client_min_messages = warning;
CREATE EXTENSION neongraph;
\set demo_dir test/demo
\set ECHO none
\o /dev/null
\i test/demo/load.sql
\o
\set ECHO all
-- every staged row imported, none rejected
SELECT directive, outcome, count(*) FROM neongraph.task_import GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS directives FROM neongraph.directive;
SELECT count(*) AS working_groups, (SELECT count(*) FROM neongraph.working_group_member) AS members FROM neongraph.working_group;
-- the city's tasks that repeat central ones derive from them
SELECT f.item_no AS local_item, c.item_no AS central_item
  FROM neongraph.task_link l
  JOIN neongraph.task f ON f.task_id = l.from_task JOIN neongraph.directive fd ON fd.directive_id = f.directive_id
  JOIN neongraph.task c ON c.task_id = l.to_task JOIN neongraph.directive cd ON cd.directive_id = c.directive_id
 WHERE fd.docref::text = '01-KH/BCĐ' AND cd.docref::text = '44-TB/TGV' AND l.kind = 'derives'
 ORDER BY f.item_no::int;
-- "Hạn được giao" became assigned deadlines
SELECT item_no, deadline, assigned_deadline FROM neongraph.task_state
 WHERE directive = '01-KH/BCĐ' AND assigned_deadline IS NOT NULL ORDER BY item_no::int;
-- every status occurs as of today (assignments and tasks)
SELECT s.status, count(a.status) > 0 AS assignments, count(DISTINCT t.task_id) > 0 AS tasks
  FROM unnest(enum_range(NULL::neongraph.task_status)) s(status)
  LEFT JOIN neongraph.assignment_state a ON a.status = s.status::text
  LEFT JOIN neongraph.task_state t ON t.status = s.status::text
 GROUP BY s.status ORDER BY s.status;
-- and as of the end of 2025 (no completion after it is known yet)
SELECT status, count(*) FROM neongraph.task_state('2025-12-31') GROUP BY status ORDER BY status;
-- a completed task judged against the assigned deadline, on time against the new one
SELECT item_no, agency_code, completed_on, status, status_current FROM neongraph.assignment_state
 WHERE directive = '01-KH/BCĐ' AND item_no = '37';
-- loading the demo again changes nothing: the import reports every row unchanged
SELECT count(*) AS history_rows FROM neongraph.history \gset
\set demo_dir .
\set ECHO none
\o /dev/null
\i load.sql
\o
\set ECHO all
SELECT outcome, reason, count(*) FROM neongraph.task_import WHERE row_id > (SELECT min(row_id) + 144 FROM neongraph.task_import)
 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) - :history_rows AS new_history_rows FROM neongraph.history;
-- what make demo prints runs (its output depends on today, so it is not shown here)
\set ECHO none
\o /dev/null
\i show.sql
\o
\set ECHO all
SELECT jsonb_array_length(neongraph.weekly_report('HCM_SKHCN', neongraph.report_week_of(now())) -> 'tasks') > 0 AS weekly_report_has_tasks;
\c :regress_db
DROP DATABASE neongraph_model_demo;
