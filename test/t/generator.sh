#!/usr/bin/env bash
# The national-scale data generator (test/bench/gen.c) at a small scale:
#  - compiles it against libpq with -Wall -Wextra -Werror;
#  - loads 20,000 assignments through the bulk path (--no-triggers, 2 COPY
#    connections, then neongraph.rebuild_summaries()) into a fresh database,
#    and 3,000 through the API's triggers (every rule, history, summary and
#    foreign key checked row by row) into another;
#  - checks counts and referential sanity (every assignment's task exists,
#    every task has a lead and an assignment per lead, links, reports and
#    directives point at rows that exist, completions have evidence and are not
#    after the reference day), a realistic mix (at least 5 statuses in
#    assignment_state as of the reference day, 8 deadline kinds, 3,300
#    communes), that both paths produce the same rows for the same seed, and,
#    when neongraph.agency_scorecard_fast exists, that it and
#    working_group_scorecard_fast equal the recomputed scorecards for several
#    dates on both databases;
#  - drops the databases.
# Uses the cluster of test/run.sh (PGHOST, PGPORT, PGUSER).
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At)
WORK=${NG_TMP:-$(mktemp -d)}/generator
mkdir -p "$WORK"
REF=2026-11-01
DB1=ng_generator_bulk
DB2=ng_generator_trg
fail=0
check() {   # check LABEL EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected '$2', got '$3'"; fail=1; fi
}
cleanup() { "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB1" -c "DROP DATABASE IF EXISTS $DB2" >/dev/null 2>&1 || true; }
trap cleanup EXIT

SECONDS=0
gcc -O2 -Wall -Wextra -Werror -I"$("$PG_CONFIG" --includedir)" "$NG_ROOT/test/bench/gen.c" \
  -L"$("$PG_CONFIG" --libdir)" -lpq -o "$WORK/gen"
echo "ok   gen.c compiles with -Wall -Wextra -Werror"

for db in $DB1 $DB2; do
  "${PSQL[@]}" -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  "${PSQL[@]}" -d "$db" -c "CREATE EXTENSION neongraph"
done
PGDATABASE=$DB1 "$WORK/gen" --scale 20000 --seed 7 --today $REF --no-triggers --jobs 2 --reports 1.5 > "$WORK/bulk.out" 2> "$WORK/bulk.err" \
  || { cat "$WORK/bulk.err"; exit 1; }
echo "bulk:     $(cat "$WORK/bulk.out")"
grep -q 'rows/s' "$WORK/bulk.err" && echo "ok   progress lines on stderr" || { echo "FAIL no progress line"; fail=1; }
PGDATABASE=$DB2 "$WORK/gen" --scale 3000 --seed 7 --today $REF --reports 1.5 > "$WORK/trg.out" 2> "$WORK/trg.err" \
  || { cat "$WORK/trg.err"; exit 1; }
echo "triggers: $(cat "$WORK/trg.out")"
# a second run into a loaded database is refused
if PGDATABASE=$DB2 "$WORK/gen" --scale 100 --quiet >/dev/null 2>"$WORK/again.err"; then
  echo "FAIL a second run into a loaded database was accepted"; fail=1
else
  grep -q 'not empty' "$WORK/again.err" && echo "ok   a second run into a loaded database is refused" \
    || { echo "FAIL unexpected error: $(cat "$WORK/again.err")"; fail=1; }
fi

sanity() {   # sanity DB N: prints one line per check: label|value
  "${PSQL[@]}" -F '|' -d "$1" <<SQL
SET search_path = neongraph, public;
SELECT 'assignments', count(*) FROM neongraph.assignment;
SELECT 'assignments without their task', count(*) FROM neongraph.assignment a WHERE NOT EXISTS (SELECT FROM neongraph.task t WHERE t.task_id = a.task_id);
SELECT 'assignments of unknown agencies', count(*) FROM neongraph.assignment a WHERE NOT EXISTS (SELECT FROM neongraph.agency g WHERE g.code = a.agency_code);
SELECT 'tasks without a lead', count(*) FROM neongraph.task t WHERE NOT EXISTS (SELECT FROM neongraph.task_agency x WHERE x.task_id = t.task_id AND x.role = 'lead');
SELECT 'leads without their assignment', count(*) FROM neongraph.task_agency x WHERE x.role = 'lead' AND NOT EXISTS (SELECT FROM neongraph.assignment a WHERE a.task_id = x.task_id AND a.agency_code = x.agency_code);
SELECT 'assignments of a non-lead', count(*) FROM neongraph.assignment a WHERE NOT EXISTS (SELECT FROM neongraph.task_agency x WHERE x.task_id = a.task_id AND x.agency_code = a.agency_code AND x.role = 'lead');
SELECT 'tasks of unknown directives', count(*) FROM neongraph.task t WHERE NOT EXISTS (SELECT FROM neongraph.directive d WHERE d.directive_id = t.directive_id);
SELECT 'dangling task links', count(*) FROM neongraph.task_link l WHERE NOT EXISTS (SELECT FROM neongraph.task t WHERE t.task_id = l.from_task) OR NOT EXISTS (SELECT FROM neongraph.task t WHERE t.task_id = l.to_task);
SELECT 'tasks without a link up (not central)', count(*) FROM neongraph.task t JOIN neongraph.directive d USING (directive_id) WHERE d.docref::text LIKE '%UBND%' AND NOT EXISTS (SELECT FROM neongraph.task_link l WHERE l.from_task = t.task_id AND l.kind = 'derives');
SELECT 'dangling directive links', count(*) FROM neongraph.directive_link l WHERE NOT EXISTS (SELECT FROM neongraph.directive d WHERE d.docref = l.directive) OR NOT EXISTS (SELECT FROM neongraph.directive d WHERE d.docref = l.implements);
SELECT 'reports not matching their assignment', count(*) FROM neongraph.progress_report r LEFT JOIN neongraph.assignment a USING (assignment_id) WHERE a.task_id IS DISTINCT FROM r.task_id OR a.agency_code IS DISTINCT FROM r.agency_code;
SELECT 'last_report_at not the last report', count(*) FROM neongraph.assignment a WHERE a.last_report_at IS DISTINCT FROM (SELECT max(r.reported_at) FROM neongraph.progress_report r WHERE r.assignment_id = a.assignment_id);
SELECT 'progress not the last report (open)', count(*) FROM neongraph.assignment a WHERE a.completed_on IS NULL AND a.progress IS DISTINCT FROM coalesce((SELECT r.progress FROM neongraph.progress_report r WHERE r.assignment_id = a.assignment_id ORDER BY r.reported_at DESC, r.report_id DESC LIMIT 1), 0);
SELECT 'completions after the reference day or without evidence', count(*) FROM neongraph.assignment a WHERE a.completed_on > DATE '$REF' OR (a.completed_on IS NOT NULL AND (a.evidence IS NULL OR a.progress <> 100));
SELECT 'completions before their directive', count(*) FROM neongraph.assignment a JOIN neongraph.task t USING (task_id) JOIN neongraph.directive d USING (directive_id) WHERE a.completed_on < d.issued_on;
SELECT 'kpi values of unknown kpis', count(*) FROM neongraph.kpi_value v WHERE NOT EXISTS (SELECT FROM neongraph.kpi k WHERE k.kpi_id = v.kpi_id);
SELECT 'communes (>= 3,300 with the catalog)', (count(*) >= 3300)::text FROM neongraph.agency WHERE kind = 'commune';
SELECT 'communes without a province', count(*) FROM neongraph.agency c WHERE c.kind = 'commune' AND NOT EXISTS (SELECT FROM neongraph.agency p WHERE p.code = c.parent_code AND p.kind = 'province');
SELECT 'deadline kinds (8 and undated)', count(DISTINCT coalesce(neongraph.deadline_kind(deadline), 'none')) FROM neongraph.task;
SELECT 'deadline texts that do not read back', count(*) FROM neongraph.task WHERE deadline_text IS NOT NULL AND deadline_text::neongraph.deadline IS DISTINCT FROM deadline;
SELECT 'statuses as of the reference day (>= 5)', (count(DISTINCT status) >= 5)::text FROM neongraph.assignment_state('$REF');
SELECT 'statuses as of the reference day', string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status::text, count(*) n FROM neongraph.assignment_state('$REF') GROUP BY 1) s;
SELECT 'working groups with members', count(DISTINCT group_code) FROM neongraph.working_group_member;
SELECT 'identity sequences follow the ids', (nextval(pg_get_serial_sequence('neongraph.task', 'task_id')) > (SELECT max(task_id) FROM neongraph.task)
        AND nextval(pg_get_serial_sequence('neongraph.assignment', 'assignment_id')) > (SELECT max(assignment_id) FROM neongraph.assignment))::text;
SQL
}
for db in $DB1 $DB2; do
  n=$([ $db = $DB1 ] && echo 20000 || echo 3000)
  declare -A got=()
  while IFS='|' read -r k v; do got[$k]=$v; done < <(sanity "$db")
  echo "     $db: ${got[statuses as of the reference day]}"
  check "$db: assignments" "$n" "${got[assignments]}"
  for k in 'assignments without their task' 'assignments of unknown agencies' 'tasks without a lead' \
           'leads without their assignment' 'assignments of a non-lead' 'tasks of unknown directives' \
           'dangling task links' 'tasks without a link up (not central)' 'dangling directive links' \
           'reports not matching their assignment' 'last_report_at not the last report' \
           'progress not the last report (open)' 'completions after the reference day or without evidence' \
           'completions before their directive' 'kpi values of unknown kpis' 'communes without a province' \
           'deadline texts that do not read back'; do
    check "$db: $k" 0 "${got[$k]}"
  done
  check "$db: communes (>= 3,300 with the catalog)" true "${got[communes (>= 3,300 with the catalog)]}"
  check "$db: deadline kinds (8 and undated)" 9 "${got[deadline kinds (8 and undated)]}"
  check "$db: statuses as of the reference day (>= 5)" true "${got[statuses as of the reference day (>= 5)]}"
  check "$db: working groups with members" 5 "${got[working groups with members]}"
  check "$db: identity sequences follow the ids" true "${got[identity sequences follow the ids]}"
done
check "the trigger path wrote history" t "$("${PSQL[@]}" -d $DB2 -c "SELECT count(*) > 3000 FROM neongraph.history")"

# same seed, same rows: the first assignments of the bulk load equal the trigger load's
digest() {
  "${PSQL[@]}" -d "$1" -c "SELECT md5(string_agg(concat_ws(',', a.assignment_id, a.task_id, a.agency_code, a.progress, a.completed_on, a.evidence,
      a.verified, a.verified_on, a.blocked, a.blocked_since, a.cancelled, a.cancelled_on, a.last_report_at,
      t.deadline, t.assigned_deadline, t.item_no, t.directive_id), '|' ORDER BY a.assignment_id))
    FROM neongraph.assignment a JOIN neongraph.task t USING (task_id) WHERE a.assignment_id <= 2900"
}
check "bulk path and trigger path give the same rows for a seed" "$(digest $DB2)" "$(digest $DB1)"

if [ "$("${PSQL[@]}" -d $DB1 -c "SELECT count(*) FROM pg_proc WHERE proname = 'agency_scorecard_fast' AND pronamespace = 'neongraph'::regnamespace")" -gt 0 ]; then
  for db in $DB1 $DB2; do
    for d in $REF 2026-06-30 2025-12-31 2026-10-25 "$("${PSQL[@]}" -d $db -c 'SELECT neongraph.today()')"; do
      diff=$("${PSQL[@]}" -d "$db" -c "
        WITH af AS MATERIALIZED (SELECT * FROM neongraph.agency_scorecard_fast('$d')),
             ar AS MATERIALIZED (SELECT * FROM neongraph.agency_scorecard('$d')),
             wf AS MATERIALIZED (SELECT * FROM neongraph.working_group_scorecard_fast('$d')),
             wr AS MATERIALIZED (SELECT * FROM neongraph.working_group_scorecard('$d'))
        SELECT (SELECT count(*) FROM ((TABLE af EXCEPT ALL TABLE ar) UNION ALL (TABLE ar EXCEPT ALL TABLE af)) x)
             + (SELECT count(*) FROM ((TABLE wf EXCEPT ALL TABLE wr) UNION ALL (TABLE wr EXCEPT ALL TABLE wf)) y)
             + CASE WHEN (SELECT count(*) FROM ar) > 0 THEN 0 ELSE 1000000 END")
      check "$db: scorecards from the summaries = recomputed, as of $d" 0 "$diff"
    done
  done
else
  echo "skip neongraph.agency_scorecard_fast does not exist"
fi

echo "generator test: $SECONDS s"
[ $fail -eq 0 ] && echo "generator: all checks passed" || { echo "generator: some checks failed"; exit 1; }
