-- test/bench/pgbench_report_notrig.sql (scale.sh): the baseline of
-- pgbench_report.sql, run with session_replication_role = replica (no trigger
-- fires: no history, no summaries, no foreign-key checks): the same API call
-- files the report, and the UPDATE its AFTER trigger would make is made here.
\set k random(1, :n)
\set p random(1, 95)
BEGIN;
SELECT neongraph.report_progress(o.task_id, o.agency_code, :p, '{}') FROM sbench.open_asg o WHERE o.i = :k;
UPDATE neongraph.assignment a SET progress = :p, last_report_at = greatest(a.last_report_at, now())
  FROM sbench.open_asg o WHERE o.i = :k AND a.assignment_id = o.assignment_id;
COMMIT;
