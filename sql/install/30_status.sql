-- Task status: the enum, the rule, days late and labels (src/status.c).

CREATE TYPE neongraph.task_status AS ENUM (
  'done_on_time', 'done_late', 'overdue', 'due_soon', 'on_track',
  'recurring', 'no_deadline', 'cancelled');
COMMENT ON TYPE neongraph.task_status IS
  'Status of a task or assignment as of a date, in this order: done_on_time, done_late, overdue, due_soon, on_track, recurring, no_deadline, cancelled';

CREATE FUNCTION neongraph.deadline_status(d neongraph.deadline, completed_on pg_catalog.date,
                                          as_of pg_catalog.date, due_soon_days pg_catalog.int4 DEFAULT 7)
  RETURNS neongraph.task_status
  AS 'MODULE_PATHNAME', 'deadline_status'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_status(neongraph.deadline, pg_catalog.date, pg_catalog.date, pg_catalog.int4) IS
  'Status of a task with deadline d and completion date completed_on (NULL while open) as it stood on as_of: a completion after as_of is not yet known; done_on_time if completed by the due date, else done_late; open and undated no_deadline; open and recurring recurring; open past the due date overdue; due within due_soon_days due_soon; else on_track';

CREATE FUNCTION neongraph.deadline_status(d neongraph.deadline, completed_on pg_catalog.date)
  RETURNS neongraph.task_status
  AS 'MODULE_PATHNAME', 'deadline_status_today'
  LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_status(neongraph.deadline, pg_catalog.date) IS
  'deadline_status(d, completed_on, neongraph.today(), 7): the status as of today in Vietnam';

CREATE FUNCTION neongraph.days_late(d neongraph.deadline, completed_on pg_catalog.date, as_of pg_catalog.date)
  RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'days_late'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.days_late(neongraph.deadline, pg_catalog.date, pg_catalog.date) IS
  'Calendar days past the due date as of as_of: completion minus due for a task done late, as_of minus due for an overdue task, 0 otherwise; NULL for recurring and undated tasks';

CREATE FUNCTION neongraph.days_late(d neongraph.deadline, completed_on pg_catalog.date)
  RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'days_late_today'
  LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.days_late(neongraph.deadline, pg_catalog.date) IS
  'days_late(d, completed_on, neongraph.today())';

CREATE FUNCTION neongraph.status_label(s neongraph.task_status, lang pg_catalog.text DEFAULT 'vi')
  RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'status_label'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.status_label(neongraph.task_status, pg_catalog.text) IS
  'Label of a status in Vietnamese (lang ''vi'', the default: Hoàn thành đúng hạn, Hoàn thành quá hạn, Quá hạn, Sắp đến hạn, Đang thực hiện trong hạn, Thường xuyên, Chưa xác định thời hạn, Dừng thực hiện) or English (''en'')';
