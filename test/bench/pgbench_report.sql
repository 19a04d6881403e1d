-- test/bench/pgbench_report.sql (scale.sh): one progress report on a random
-- open assignment through the API, with whatever triggers are enabled.
\set k random(1, :n)
\set p random(1, 95)
SELECT neongraph.report_progress(o.task_id, o.agency_code, :p, '{}') FROM sbench.open_asg o WHERE o.i = :k;
