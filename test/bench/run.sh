#!/usr/bin/env bash
# test/bench/run.sh — `make bench`: the benchmark of issue 2, item 8.
#
# Builds and installs the extension, starts a throwaway cluster (as postgres,
# on a free port, under /tmp; stopped and removed on exit, also on failure),
# builds a table of NG_BENCH_ROWS tasks (default 5,000,000) with a realistic
# mix of deadline forms, then, in one run, takes the median of NG_BENCH_RUNS
# (default 5) timed executions of each query, measured server-side and
# interleaved with the queries it is compared with (bench.measure_group in
# test/bench/functions.sql), and prints each comparison with
# its ratio and target. The summary also goes to test/bench/out/results.md.
#
#   bash test/bench/run.sh                         # the full run (~10 min on 2 cores)
#   NG_BENCH_ROWS=200000 bash test/bench/run.sh    # a quick smoke run
#   NG_KEEP=1 ...                                  # keep the cluster's directory
#
# Serial comparisons run with max_parallel_workers_per_gather = 0; the
# parallel section sets it to 2 for its queries only. jit = off throughout.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
cd "$NG_ROOT"

BENCH=$NG_ROOT/test/bench
OUT=$BENCH/out
N=${NG_BENCH_ROWS:-5000000}
RUNS=${NG_BENCH_RUNS:-5}
AS_OF=2025-11-20
SB=${NG_BENCH_SHARED_BUFFERS:-2GB}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ $N =~ ^[0-9]+$ ]] && [ "$N" -ge 1000 ] || die "NG_BENCH_ROWS must be an integer >= 1000 (got '$N')"
[[ $RUNS =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] || die "NG_BENCH_RUNS must be a positive integer (got '$RUNS')"
mkdir -p "$OUT"

log "building and installing the extension"
ng_build_install || die "build or install failed (make -C $NG_ROOT)"

ng_bench_tmp bench

log "starting a throwaway cluster under $TMP (shared_buffers=$SB)"
ng_start_cluster "$TMP" "shared_buffers=$SB" "max_parallel_workers_per_gather=0" "jit=off" \
  "work_mem=256MB" "maintenance_work_mem=512MB" "max_wal_size=8GB" "autovacuum=off" \
  "max_worker_processes=8" "max_parallel_workers=8" || die "the cluster did not start"

psqlq() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

psqlq -c 'CREATE EXTENSION neongraph' >&2 || die "CREATE EXTENSION neongraph failed"
psqlq -f "$BENCH/functions.sql" >&2

log "generating $N rows (tasks, Vietnamese deadline texts, ISO texts)"
t0=$SECONDS
psqlq -v n="$N" -v as_of="$AS_OF" -f "$BENCH/data.sql" 2>&1 | tee "$OUT/data-check.txt" >&2
log "data ready in $((SECONDS - t0)) s"
if psqlq -c 'CREATE EXTENSION pg_prewarm' >/dev/null 2>&1; then
  psqlq -At -c "SELECT c, pg_prewarm(c) FROM unnest('{t,texts,isotexts,isodl}'::regclass[]) c" >/dev/null
fi
NT=$(psqlq -At -c 'SELECT count(*) FROM t')
NTXT=$(psqlq -At -c 'SELECT count(*) FROM texts')
SIZE=$(psqlq -At -c "SELECT pg_size_pretty(pg_table_size('t'))")
[ "$NT" -eq "$NTXT" ] || die "tables differ in size"
[ "$NT" -ge $((N * 9 / 10)) ] || die "the parser refused more than 10% of the generated deadlines (see $OUT/data-check.txt)"
log "t: $NT rows ($SIZE); texts/isotexts/isodl: $NTXT rows each"

# ------------------------------------------------------------------ queries
CASE_EXPR="CASE
    WHEN done IS NOT NULL AND done <= DATE '$AS_OF' THEN
      CASE WHEN is_recurring OR due IS NULL OR done <= due
           THEN 'done_on_time'::neongraph.task_status
           ELSE 'done_late'::neongraph.task_status END
    WHEN is_recurring THEN 'recurring'::neongraph.task_status
    WHEN due IS NULL THEN 'no_deadline'::neongraph.task_status
    WHEN DATE '$AS_OF' > due THEN 'overdue'::neongraph.task_status
    WHEN due - DATE '$AS_OF' <= 7 THEN 'due_soon'::neongraph.task_status
    ELSE 'on_track'::neongraph.task_status
  END"
STATUSES="done_on_time done_late overdue due_soon on_track recurring no_deadline cancelled"
FILTERS=""; RCOLS=""
for s in $STATUSES; do
  FILTERS="$FILTERS${FILTERS:+, }count(*) FILTER (WHERE status = '$s') AS $s"
  RCOLS="$RCOLS${RCOLS:+, }(r).$s"
done

declare -A Q
Q[scan_t]="SELECT count(*) FROM t"
Q[limit]="SELECT status, count(*) FROM t GROUP BY 1"
Q[status_c]="SELECT neongraph.deadline_status(d, done, DATE '$AS_OF'), count(*) FROM t GROUP BY 1"
Q[plpgsql]="SELECT bench.status_plpgsql(due, is_recurring, done, DATE '$AS_OF', 7), count(*) FROM t GROUP BY 1"
Q[sql_case]="SELECT $CASE_EXPR, count(*) FROM t GROUP BY 1"
Q[scan_texts]="SELECT count(x) FROM texts"
Q[scan_iso]="SELECT count(x) FROM isotexts"
Q[parse_vi]="SELECT count(x::neongraph.deadline) FROM texts"
Q[parse_date]="SELECT count(x::date) FROM isotexts"
Q[parse_isodl]="SELECT count(x::neongraph.deadline) FROM isodl"
Q[rollup]="SELECT neongraph.status_rollup(status) FROM t"
Q[filter]="SELECT $FILTERS FROM t"
Q[rollup_g]="SELECT province, neongraph.status_rollup(status) FROM t GROUP BY 1"
Q[filter_g]="SELECT province, $FILTERS FROM t GROUP BY 1"

PAR_OPTS="-c max_parallel_workers_per_gather=2 -c parallel_setup_cost=0 -c parallel_tuple_cost=0 -c min_parallel_table_scan_size=0"

# measure_group KEY...: time these queries interleaved (bench.measure_group),
# median of $RUNS rounds after a warm-up round; a key ending in _par runs its
# query (Q[key without _par]) with up to 2 parallel workers.
measure_group() {
  local keys="" qs="" par="" k base ms
  local -a args=()
  for k in "$@"; do
    base=${k%_par}
    keys+="${keys:+,}$k"
    [ "$base" = "$k" ] && par+="${par:+,}false" || par+="${par:+,}true"
  done
  # the queries go in as psql variables :'q1' ... (quoted by psql)
  local i=0 sql="SELECT bench.measure_group(string_to_array(:'keys', ','), ARRAY["
  for k in "$@"; do
    i=$((i + 1)); args+=(-v "q$i=${Q[${k%_par}]}")
    [ $i -gt 1 ] && sql+=","
    sql+=":'q$i'"
  done
  sql+="], string_to_array(:'par', ',')::boolean[], :runs);"
  printf '%s\n' "$sql" | psqlq -At -v keys="$keys" -v par="$par" -v runs="$RUNS" "${args[@]}" >/dev/null
  for k in "$@"; do
    ms=$(psqlq -At -F ' ' -c "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1), coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_ms)::numeric, 1)::text, '?') FROM bench.timing WHERE key = '$k'")
    log "$(printf '%-13s %10s ms wall %10s ms CPU (medians of %s)' "$k" ${ms% *} ${ms#* } "$RUNS")"
  done
}

log "correctness: every classification and both rollups must agree"
CHECK=$(psqlq -At -F ' ' -c "
  SELECT count(*) FILTER (WHERE neongraph.deadline_status(d, done, DATE '$AS_OF') IS DISTINCT FROM status),
         count(*) FILTER (WHERE bench.status_plpgsql(due, is_recurring, done, DATE '$AS_OF', 7) IS DISTINCT FROM status),
         count(*) FILTER (WHERE ($CASE_EXPR) IS DISTINCT FROM status)
    FROM t")
read -r BAD_C BAD_PL BAD_CASE <<<"$CHECK"
ROLLUP_SERIAL=$(psqlq -At -c "${Q[rollup]}")
ROLLUP_PAR=$(PGOPTIONS="$PAR_OPTS" psqlq -At -c "${Q[rollup]}")
FILTER_ROW=$(psqlq -At -F , -c "SELECT $FILTERS FROM t")
ROLLUP_COUNTS=$(psqlq -At -F , -c "SELECT $RCOLS FROM (${Q[rollup]}) s(r)")
GROUPED_SAME=$(PGOPTIONS="$PAR_OPTS" psqlq -At -c "
  SELECT count(*) = 0 FROM (
    SELECT province, $RCOLS FROM (${Q[rollup_g]}) s(province, r)
    EXCEPT SELECT province, $FILTERS FROM t GROUP BY 1) x" || echo error)
AGREE=yes
[ "$BAD_C" = 0 ] && [ "$BAD_PL" = 0 ] && [ "$BAD_CASE" = 0 ] || AGREE=no
[ "$ROLLUP_SERIAL" = "$ROLLUP_PAR" ] && [ "$FILTER_ROW" = "$ROLLUP_COUNTS" ] || AGREE=no
log "rows where status differs from the stored one: deadline_status $BAD_C, PL/pgSQL $BAD_PL, CASE $BAD_CASE"
log "rollup serial = parallel: $([ "$ROLLUP_SERIAL" = "$ROLLUP_PAR" ] && echo yes || echo NO); counts = FILTER counts: $([ "$FILTER_ROW" = "$ROLLUP_COUNTS" ] && echo yes || echo NO)"
log "rollup: $ROLLUP_SERIAL"

# ------------------------------------------------------------------ timings
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
log "timing: status (serial; the parallel one for information)"
measure_group scan_t limit status_c plpgsql sql_case status_c_par
log "timing: parsing (serial)"
measure_group scan_texts scan_iso parse_vi parse_date parse_isodl
log "timing: rollups (serial, and parallel with max_parallel_workers_per_gather = 2)"
measure_group rollup filter rollup_g filter_g rollup_par filter_par rollup_g_par filter_g_par
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)

PLANS=$OUT/plans.txt
: > "$PLANS"
for k in rollup rollup_g status_c; do
  printf '%s\n' "SELECT * FROM bench.plan(:'q');" | PGOPTIONS="$PAR_OPTS" psqlq -At -v q="${Q[$k]}" > "$OUT/plan_$k.txt"
  { echo "== $k, max_parallel_workers_per_gather = 2 (executed through PL/pgSQL EXECUTE, as timed)"
    cat "$OUT/plan_$k.txt"; echo; } >> "$PLANS"
done
PARTIAL=no
if grep -q 'Partial Aggregate' "$OUT/plan_rollup.txt" &&
   grep -qE 'Partial (Hash|Group)?Aggregate' "$OUT/plan_rollup_g.txt"; then
  PARTIAL=yes
fi
WORKERS=$(grep -m1 -o 'Workers Launched: [0-9]*' "$OUT/plan_rollup.txt" | grep -o '[0-9]*$' || echo 0)

# ------------------------------------------------------------------ report
PGVER=$(psqlq -At -c 'SHOW server_version')
CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
NPROC=$(nproc)
WHEN=$(date -u '+%Y-%m-%d %H:%M UTC')
REV=$(git -C "$NG_ROOT" describe --always --dirty 2>/dev/null || echo unknown)
if [ "$N" = 5000000 ]; then CMD="make bench"; else CMD="NG_BENCH_ROWS=$N make bench"; fi
[ "$RUNS" = 5 ] || CMD="NG_BENCH_RUNS=$RUNS $CMD"

TABLE=$(psqlq -At -v partial="$PARTIAL" -v agree="$AGREE" <<'SQL'
WITH med AS (
  SELECT key, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_ms) AS cpu
    FROM bench.timing GROUP BY key
), cmp(ord, label, key, base, op, target, target_text) AS (VALUES
  (1,  '`deadline_status(d, done, as_of)` GROUP BY',       'status_c',    'limit',      'le', 1.3,       '≤ 1.30× the limit'),
  (2,  '`deadline_status` vs the rule in PL/pgSQL',         'status_c',    'plpgsql',    'le', 1.0 / 3,   '≥ 3× faster'),
  (3,  '`deadline_status` vs the rule as SQL `CASE`',       'status_c',    'sql_case',   'lt', 1.0,       'faster'),
  (4,  'parse Vietnamese text `x::neongraph.deadline`',     'parse_vi',    'parse_date', 'le', 1.0,       '≤ 1.00× `::date`'),
  (5,  'parse ISO deadline text `x::neongraph.deadline`',   'parse_isodl', 'parse_date', NULL, NULL,      ''),
  (6,  '`status_rollup(status)`',                           'rollup',      'filter',     'le', 1.0,       '≤ 1.00× FILTER'),
  (7,  '`status_rollup(status)` GROUP BY province (34)',    'rollup_g',    'filter_g',   'le', 1.0,       '≤ 1.00× FILTER'),
  (8,  '`status_rollup`, parallel (2 workers)',             'rollup_par',  'filter_par', 'le', 1.0,       '≤ 1.00× FILTER'),
  (9,  '`status_rollup` GROUP BY province, parallel',       'rollup_g_par','filter_g_par','le', 1.0,      '≤ 1.00× FILTER'),
  (10, '`status_rollup` parallel vs serial',                'rollup_par',  'rollup',     'lt', 1.0,       'parallelises'),
  (11, '`status_rollup` GROUP BY, parallel vs serial',      'rollup_g_par','rollup_g',   'lt', 1.0,       'parallelises'),
  (12, '`deadline_status` GROUP BY, parallel vs serial',    'status_c_par','status_c',   NULL, NULL,      '')
), names(key, name) AS (VALUES
  ('limit', 'stored status GROUP BY (the limit)'), ('plpgsql', 'PL/pgSQL rule'),
  ('sql_case', 'SQL CASE on due date'), ('parse_date', '`x::date`, ISO dates'),
  ('filter', '8× `count(*) FILTER`'), ('filter_g', '8× FILTER, GROUP BY'),
  ('filter_par', '8× FILTER, parallel'), ('filter_g_par', '8× FILTER GROUP BY, parallel'),
  ('rollup', 'serial'), ('rollup_g', 'serial'), ('status_c', 'serial')
)
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s | %s |',
         c.label, to_char(a.ms, 'FM999990.0'),
         coalesce(n.name, c.base), to_char(b.ms, 'FM999990.0'),
         to_char(a.ms / b.ms, 'FM990.000') || '×'
           || CASE WHEN a.ms < b.ms THEN ' (' || to_char(b.ms / a.ms, 'FM990.00') || '× faster)' ELSE '' END,
         c.target_text,
         CASE WHEN c.op IS NULL THEN ''
              WHEN c.ord IN (10, 11) AND :'partial' <> 'yes' THEN 'NO (no Partial Aggregate)'
              WHEN c.op = 'le' AND a.ms / b.ms <= c.target THEN 'yes'
              WHEN c.op = 'lt' AND a.ms / b.ms < c.target THEN 'yes'
              ELSE 'NO' END,
         CASE WHEN c.key LIKE '%\_par' OR a.cpu IS NULL OR coalesce(b.cpu, 0) = 0 THEN 'n/a'
              ELSE to_char(a.cpu / b.cpu, 'FM990.000') || '×' END,
         CASE WHEN c.op IS NULL OR c.key LIKE '%\_par' OR a.cpu IS NULL OR coalesce(b.cpu, 0) = 0 THEN ''
              WHEN c.op = 'le' AND a.cpu / b.cpu <= c.target THEN 'yes'
              WHEN c.op = 'lt' AND a.cpu / b.cpu < c.target THEN 'yes'
              ELSE 'NO' END)
  FROM cmp c JOIN med a ON a.key = c.key JOIN med b ON b.key = c.base
  LEFT JOIN names n ON n.key = c.base
 ORDER BY c.ord;
SQL
)

INFO=$(psqlq -At <<'SQL'
SELECT format('| %s | %s | %s | %s | %s | %s |', key, to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 'FM999990.0'),
              to_char(min(ms), 'FM999990.0'), to_char(max(ms), 'FM999990.0'),
              to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu_ms), 'FM999990.0'),
              to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_ms), 'FM999990.0'))
  FROM bench.timing GROUP BY key ORDER BY min(seq);
SQL
)

MISSED=$(printf '%s\n' "$TABLE" | awk -F'|' '$8 ~ /NO/ { n++ } END { print n + 0 }')
MISSED_CPU=$(printf '%s\n' "$TABLE" | awk -F'|' '$10 ~ /NO/ { n++ } END { print n + 0 }')
REPORT=$(cat <<EOF
### Benchmark (\`$CMD\`)

N = $NT tasks ($SIZE), $NTXT deadline texts; PostgreSQL $PGVER; nproc = $NPROC${CPU:+ ($CPU)}; $WHEN; source $REV.
Median of $RUNS server-side runs after a warm-up, all in one run, the queries compared
with each other run in turn (interleaved); load average (1/5/15 min) before / after timing: $LOAD0 / $LOAD1 (on $NPROC cores); serial plans
(\`max_parallel_workers_per_gather = 0\`) except where marked parallel; \`jit = off\`,
\`shared_buffers = $SB\`, data prewarmed; as_of = $AS_OF.

| query | median ms | baseline | baseline ms | ratio | target | met | CPU-time ratio | met (CPU) |
|---|---:|---|---:|---|---|---|---:|---|
$TABLE

Checks: deadline_status, the PL/pgSQL rule and the SQL CASE agree with the stored status on every row: $( [ "$BAD_C$BAD_PL$BAD_CASE" = 000 ] && echo yes || echo "NO ($BAD_C / $BAD_PL / $BAD_CASE rows differ)" );
status_rollup = the FILTER counts, serial = parallel: $( [ "$ROLLUP_SERIAL" = "$ROLLUP_PAR" ] && [ "$FILTER_ROW" = "$ROLLUP_COUNTS" ] && echo yes || echo NO );
per province, rollup = FILTER (parallel): $( [ "$GROUPED_SAME" = t ] && echo yes || echo "NO ($GROUPED_SAME)" );
parallel plan has Partial Aggregate: $PARTIAL (workers launched: $WORKERS).
Targets missed: $MISSED on wall-clock time, $MISSED_CPU on CPU time. "met" judges the ratio of median wall-clock times;
"CPU-time ratio" is the ratio of the median time the backend spent on a CPU
(/proc/self/schedstat), which other load on the machine inflates far less (serial
queries only: a parallel query's workers are not counted).
EOF
)

{
  echo "$REPORT"
  echo
  echo "<details><summary>every timing (ms): key, wall-clock median, min, max; median CPU time and wait for a CPU of the backend</summary>"
  echo
  echo "| key | median | min | max | CPU | waiting |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "$INFO"
  echo
  echo "Queries:"
  echo
  for k in scan_t limit status_c plpgsql sql_case scan_texts scan_iso parse_vi parse_date parse_isodl rollup filter rollup_g filter_g; do
    printf -- '- `%s`: `%s`\n' "$k" "$(printf '%s' "${Q[$k]}" | tr -s ' \n' ' ')"
  done
  echo
  echo "Parallel plans (bench.plan):"
  echo
  echo '```'
  cat "$PLANS"
  echo '```'
  echo "</details>"
} > "$OUT/results.md"

echo
echo "== parallel plan of status_rollup (max_parallel_workers_per_gather = 2)"
cat "$OUT/plan_rollup.txt"
echo "$REPORT"
echo
log "written to $OUT/results.md (with every timing and the plans)"
