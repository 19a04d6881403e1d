# test/t/load_common.bash — the write load shared by concurrency.sh and
# crash.sh (not a test itself: run.sh runs test/t/*.sh only).
#   load_setup DB       fixtures: NG_LOAD_ASSIGNMENTS assignments of one agency,
#                       an agency login ng_load_agency, the client function
#                       ngload.op and its log table ngload.writes
#   load_run DB SECS OUT [extra pgbench options]   pgbench -c NG_LOAD_CLIENTS -j 2
#   load_check DB       prints each invariant and "anomalies N" last
NG_LOAD_CLIENTS=${NG_LOAD_CLIENTS:-8}
NG_LOAD_ASSIGNMENTS=${NG_LOAD_ASSIGNMENTS:-10}
LOAD_ROLE=ng_load_agency

load_setup() {
  local db=$1
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -v n="$NG_LOAD_ASSIGNMENTS" -d "$db" <<'SQL'
SET client_min_messages = warning;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ng_load_agency') THEN
    CREATE ROLE ng_load_agency LOGIN;
  END IF;
END $$;
SELECT neongraph.register_agency_login('ng_load_agency', 'BCA') \gset
CREATE SCHEMA ngload;
GRANT USAGE ON SCHEMA ngload TO ng_load_agency;
INSERT INTO neongraph.directive (docref, kind, issuer, issued_on, title)
VALUES ('902-TB/LOADTEST', 'TB', 'load test', '2025-01-01', 'load');
CREATE TABLE ngload.target AS
  WITH t AS (
    INSERT INTO neongraph.task (directive_id, item_no, content, deadline)
    SELECT (SELECT directive_id FROM neongraph.directive WHERE docref::text = '902-TB/LOADTEST'),
           'L' || i, 'load task ' || i, 'năm 2030'
      FROM generate_series(1, :n) i
    RETURNING task_id, item_no)
  SELECT substr(item_no, 2)::int AS n, task_id, 'BCA'::text AS agency_code FROM t;
INSERT INTO neongraph.task_agency (task_id, agency_code, role) SELECT task_id, agency_code, 'lead' FROM ngload.target;
INSERT INTO neongraph.assignment (task_id, agency_code) SELECT task_id, agency_code FROM ngload.target;
ALTER TABLE ngload.target ADD COLUMN assignment_id bigint;
UPDATE ngload.target t SET assignment_id = a.assignment_id
  FROM neongraph.assignment a WHERE a.task_id = t.task_id AND a.agency_code = t.agency_code;
GRANT SELECT ON ngload.target TO ng_load_agency;
-- what the clients record: one row per successful write, in the same transaction
CREATE TABLE ngload.writes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assignment_id bigint NOT NULL,
  seq int NOT NULL,                 -- this client's view of the writes before it, under the row lock
  op text NOT NULL,
  progress_after int NOT NULL,
  completed_after bool NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp());
GRANT SELECT, INSERT ON ngload.writes TO ng_load_agency;
-- one client step: lock the assignment (the API's lock), read the state and
-- the number of earlier writes, then report progress, complete or reopen
CREATE FUNCTION ngload.op(n int, r int) RETURNS text LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  t ngload.target;
  a neongraph.assignment;
  k int;
  op text;
  p int;
BEGIN
  SELECT * INTO STRICT t FROM ngload.target WHERE target.n = op.n;
  a := neongraph.lock_assignment(t.task_id, t.agency_code);
  SELECT count(*) + 1 INTO k FROM ngload.writes w WHERE w.assignment_id = a.assignment_id;
  IF a.completed_on IS NOT NULL THEN
    IF r < 60 THEN
      PERFORM neongraph.reopen_assignment(t.task_id, t.agency_code, 'load: reopen ' || k);
      op := 'reopen';
    ELSE
      PERFORM neongraph.report_progress(t.task_id, t.agency_code, 100, jsonb_build_object('results', 'load ' || k));
      op := 'report';
    END IF;
  ELSIF r < 20 THEN
    PERFORM neongraph.complete_assignment(t.task_id, t.agency_code, neongraph.today(), 'load evidence ' || k);
    op := 'complete';
  ELSE
    PERFORM neongraph.report_progress(t.task_id, t.agency_code, r, jsonb_build_object('results', 'load ' || k));
    op := 'report';
  END IF;
  SELECT s.progress INTO p FROM neongraph.assignment s WHERE s.assignment_id = a.assignment_id;
  INSERT INTO ngload.writes (assignment_id, seq, op, progress_after, completed_after)
  SELECT a.assignment_id, k, op, s.progress, s.completed_on IS NOT NULL
    FROM neongraph.assignment s WHERE s.assignment_id = a.assignment_id;
  RETURN op;
END
$f$;
GRANT EXECUTE ON FUNCTION ngload.op(int, int) TO ng_load_agency;
SQL
}

load_run() {
  local db=$1 secs=$2 out=$3; shift 3
  local script; script=$(mktemp /tmp/ngload.XXXXXX.sql)
  cat >"$script" <<EOF2
\set n random(1, $NG_LOAD_ASSIGNMENTS)
\set r random(0, 99)
SELECT ngload.op(:n, :r);
EOF2
  chmod 644 "$script"
  "$PGBIN/pgbench" -n -U "$LOAD_ROLE" -c "$NG_LOAD_CLIENTS" -j 2 -T "$secs" -f "$script" "$@" "$db" >"$out" 2>&1
  local rc=$?
  rm -f "$script"
  return $rc
}

load_check() {
  local db=$1
  "$PGBIN/psql" -X -q -At -F ' ' -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE TEMP TABLE chk (name text, bad bigint);
-- every successful write left exactly one history row (assignment UPDATE, by the load login)
INSERT INTO chk SELECT 'history rows != writes, per assignment', count(*) FROM (
  SELECT t.assignment_id,
         (SELECT count(*) FROM ngload.writes w WHERE w.assignment_id = t.assignment_id) AS w,
         (SELECT count(*) FROM neongraph.history h
           WHERE h.table_name = 'assignment' AND h.operation = 'UPDATE' AND h.changed_by = 'ng_load_agency'
             AND (h.new_row ->> 'assignment_id')::bigint = t.assignment_id) AS h
    FROM ngload.target t) x WHERE w <> h;
INSERT INTO chk SELECT 'history rows by the load != writes, in all',
  abs((SELECT count(*) FROM neongraph.history WHERE changed_by = 'ng_load_agency')
      - (SELECT count(*) FROM ngload.writes));
-- every report write left one progress report
INSERT INTO chk SELECT 'progress reports != report writes, per assignment', count(*) FROM (
  SELECT t.assignment_id,
         (SELECT count(*) FROM ngload.writes w WHERE w.assignment_id = t.assignment_id AND w.op = 'report') AS w,
         (SELECT count(*) FROM neongraph.progress_report r WHERE r.assignment_id = t.assignment_id) AS r
    FROM ngload.target t) x WHERE w <> r;
-- the writes to one assignment were serialized: seq runs 1..n without repeats
INSERT INTO chk SELECT 'lost or duplicated sequence numbers', count(*) FROM (
  SELECT assignment_id FROM ngload.writes GROUP BY 1
  HAVING count(*) <> count(DISTINCT seq) OR max(seq) <> count(*)) x;
-- no lost update: the row is what the last committed write left
INSERT INTO chk SELECT 'final row != last write', count(*) FROM ngload.target t
  JOIN neongraph.assignment a USING (assignment_id)
  JOIN LATERAL (SELECT * FROM ngload.writes w WHERE w.assignment_id = t.assignment_id ORDER BY seq DESC LIMIT 1) l ON true
 WHERE a.progress <> l.progress_after OR (a.completed_on IS NOT NULL) <> l.completed_after;
-- derived fields equal a recount from the base rows
INSERT INTO chk SELECT 'last_report_at != latest report', count(*) FROM ngload.target t
  JOIN neongraph.assignment a USING (assignment_id)
 WHERE a.last_report_at IS DISTINCT FROM (SELECT max(reported_at) FROM neongraph.progress_report r WHERE r.assignment_id = t.assignment_id);
INSERT INTO chk SELECT 'rollup != recount', count(*) FROM (
  SELECT (neongraph.status_rollup(s.status::neongraph.task_status)) AS r
    FROM neongraph.assignment_state s WHERE s.assignment_id IN (SELECT assignment_id FROM ngload.target)) x
 WHERE (x.r).total <> (SELECT count(*) FROM ngload.target)
    OR (x.r).done_on_time + (x.r).done_late <> (SELECT count(*) FROM neongraph.assignment a JOIN ngload.target USING (assignment_id) WHERE a.completed_on IS NOT NULL);
INSERT INTO chk SELECT 'completions in history != complete writes', abs(
  (SELECT count(*) FROM neongraph.history h WHERE h.changed_by = 'ng_load_agency' AND h.table_name = 'assignment'
      AND h.old_row ->> 'completed_on' IS NULL AND h.new_row ->> 'completed_on' IS NOT NULL)
  - (SELECT count(*) FROM ngload.writes WHERE op = 'complete'));
-- the history chain is whole
INSERT INTO chk SELECT 'broken history links', count(*) FROM neongraph.verify_history();
SELECT name, bad FROM chk;
SELECT 'writes', count(*) FROM ngload.writes;
SELECT 'anomalies', sum(bad) FROM chk;
SQL
}
