-- test/bench/pgbench_complete.sql (scale.sh): complete a random open
-- assignment and reopen it (two changes the summaries count), through the API.
\set k random(1, :n)
BEGIN;
SELECT neongraph.complete_assignment(o.task_id, o.agency_code, neongraph.today(), 'Văn bản số 1/BC-BENCH') FROM sbench.open_asg o WHERE o.i = :k;
SELECT neongraph.reopen_assignment(o.task_id, o.agency_code, 'pgbench') FROM sbench.open_asg o WHERE o.i = :k;
COMMIT;
