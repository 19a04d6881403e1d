#!/usr/bin/env bash
# test/bench/scale.sh — `make bench-scale`: the scale benchmark of issue 6, item 3.
#
# Builds and installs the extension, compiles the generator (test/bench/gen.c,
# libpq), starts a throwaway cluster tuned for bulk work (as postgres, on a free
# port, under /tmp; stopped and removed on exit, also on failure), and for each
# scale of NG_SCALE_LIST (assignments; default "1000000 10000000") loads a fresh
# database with the generator (COPY, --no-triggers, then
# neongraph.rebuild_summaries()) and measures, in the same run:
#   * scorecards of all agencies / all working groups as of today and 30 days
#     ago: neongraph.agency_scorecard_fast vs neongraph.agency_scorecard
#     (recomputed from the assignments), timed server-side, interleaved, median
#     of NG_RUNS (default 5) for the fast ones and NG_SLOW_RUNS for the
#     recomputed ones (default 5 up to 1M assignments, NG_SLOW_RUNS_BIG = 1
#     above: one recomputation takes ~35-60 s at 10M), with an
#     order-independent digest of every timed result (fast = recomputed?);
#   * the cost of the triggers: pgbench -c 2 -j 2 -T NG_PGBENCH_SECONDS (30)
#     single-assignment progress reports (neongraph.report_progress) with every
#     trigger, with the summary triggers disabled, and with no trigger at all
#     (session_replication_role = replica, the trigger's UPDATE done by the
#     script); and complete + reopen with and without the summary triggers;
#     median TPS of NG_PGBENCH_ROUNDS (3) interleaved rounds (above 1M:
#     NG_PGBENCH_ROUNDS_BIG, default 1); then rebuild_summaries() and
#     neongraph.summary_check(today): the summaries still equal the recomputation;
#   * the core functions on the national load, each against its baseline in
#     the same run: serial plans, the compared queries interleaved, median of
#     NG_CORE_RUNS (default 3) runs after a warm-up run that also checks the
#     results (count and digest of every row); above 1M assignments
#     NG_CORE_RUNS_BIG (default 1) runs, and the ranking is not warmed up (its
#     checked run is the timed one). Side tables are built once, untimed
#     (sbench.make_core_tables in scale.sql): the judged deadline stored as a
#     due date and a recurring flag (sbench.task_due, what the baselines
#     read), the deadline texts, the statuses as of today, the late tasks.
#       - deadline_status over every assignment (judged deadline
#         coalesce(assigned_deadline, deadline), completion, today) vs the
#         bare scan of the same join; on assignment JOIN sbench.task_due, vs
#         the same rule in PL/pgSQL (bench.status_plpgsql, functions.sql) and
#         as an SQL CASE (make bench's);
#       - parsing: every task's deadline_text ::neongraph.deadline vs ::date
#         over as many ISO date texts (make bench's baseline), and the parse
#         checked against the stored deadline;
#       - rollup: neongraph.status_rollup per agency vs 8 count(*) FILTER,
#         over the stored statuses;
#       - ranking: neongraph.rankings(ministry, province, today) vs the same
#         ranking in plain SQL (test/bench/ranking_baseline.sql);
#       - cascade: neongraph.cascade(root) of the largest central task, and
#         neongraph.hold_up_counts of the late tasks (at most NG_LATE_MAX,
#         default 100,000, every k-th by id above that), vs the recursive CTEs
#         of test/bench/cascade_bench.sh;
#     their plans go to test/bench/out/scale-plans.txt;
#   * memory: peak private memory (RssAnon, sampled every 50 ms from /proc) and
#     VmHWM of a fresh backend running each large query (serial plan), the
#     core functions' included.
# Prints a markdown table and writes it to test/bench/out/scale.md.
#
#   bash test/bench/scale.sh                                   # 1M then 10M (~55 min on 2 cores)
#   NG_SCALE_LIST="100000" NG_PGBENCH_SECONDS=5 bash test/bench/scale.sh   # smoke (~4 min)
#   NG_KEEP=1 ...                                              # keep the cluster directory
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
cd "$NG_ROOT"

BENCH=$NG_ROOT/test/bench
OUT=$BENCH/out
SCALES=${NG_SCALE_LIST:-1000000 10000000}
RUNS=${NG_RUNS:-5}
PGB_T=${NG_PGBENCH_SECONDS:-30}
PGB_ROUNDS=${NG_PGBENCH_ROUNDS:-3}
JOBS=${NG_GEN_JOBS:-2}
SEED=${NG_SEED:-1}
REF=${NG_GEN_TODAY:-2026-11-01}
CORE_RUNS=${NG_CORE_RUNS:-3}
CORE_RUNS_BIG=${NG_CORE_RUNS_BIG:-1}
LATE_MAX=${NG_LATE_MAX:-100000}
CMD="bash test/bench/scale.sh (NG_SCALE_LIST=\"$SCALES\" NG_RUNS=$RUNS NG_SLOW_RUNS_BIG=${NG_SLOW_RUNS_BIG:-1} NG_PGBENCH_SECONDS=$PGB_T NG_PGBENCH_ROUNDS=$PGB_ROUNDS NG_PGBENCH_ROUNDS_BIG=${NG_PGBENCH_ROUNDS_BIG:-1} NG_CORE_RUNS=$CORE_RUNS NG_CORE_RUNS_BIG=$CORE_RUNS_BIG NG_LATE_MAX=$LATE_MAX)"

log() { printf '[scale %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for s in $SCALES; do [[ $s =~ ^[0-9]+$ ]] && [ "$s" -ge 1000 ] || die "NG_SCALE_LIST: '$s' is not an integer >= 1000"; done
for v in CORE_RUNS CORE_RUNS_BIG LATE_MAX; do
  [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -ge 1 ] || die "NG_$v must be a positive integer (got '${!v}')"
done
mkdir -p "$OUT"
log "disk: $(df -h /tmp | awk 'NR == 2 {print $4 " free on " $6}')"
max_scale=0; for s in $SCALES; do [ "$s" -gt "$max_scale" ] && max_scale=$s; done
need_gb=$(( max_scale / 1000000 * 2 + 4 ))          # ~1.5 GB per million assignments, all tables and indexes
free_gb=$(df -BG --output=avail /tmp | tail -1 | tr -dc 0-9)
[ "$free_gb" -ge "$need_gb" ] || die "need ~${need_gb} GB free under /tmp for $max_scale assignments, have ${free_gb} GB"

log "building and installing the extension"
ng_build_install || die "build or install failed (make -C $NG_ROOT)"

ng_bench_tmp scale

log "compiling the generator"
gcc -O2 -Wall -Wextra -Werror -I"$("$PG_CONFIG" --includedir)" "$BENCH/gen.c" \
  -L"$("$PG_CONFIG" --libdir)" -lpq -o "$TMP/gen" || die "gen.c does not compile"

SB=${NG_SHARED_BUFFERS:-4GB}
log "starting a throwaway cluster under $TMP (shared_buffers=$SB)"
ng_start_cluster "$TMP" "shared_buffers=$SB" "max_wal_size=8GB" "checkpoint_timeout=30min" \
  "synchronous_commit=off" "maintenance_work_mem=1GB" "jit=off" "work_mem=64MB" \
  "max_worker_processes=8" "max_parallel_workers=4" "max_connections=50" \
  "autovacuum=off" || die "the cluster did not start"

PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1)
PGBENCH=$PGBIN/pgbench
[ -x "$PGBENCH" ] || PGBENCH=$(command -v pgbench) || die "pgbench not found"
SERVER_VERSION=$("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')
NPROC=$(nproc)
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')

# results: one "key|value" line per figure, per scale
RES=$TMP/results.txt; : > "$RES"
put() { printf '%s|%s|%s\n' "$1" "$2" "$3" >> "$RES"; }     # scale key value

# mem_peak DB KEY SQL: a fresh backend runs SQL (serial plan); peak RssAnon and
# VmHWM of that backend sampled from /proc every 50 ms; wall seconds
mem_peak() {
  local db=$1 key=$2 sql=$3 app="ngmem_$2_$$" pid="" bpid="" peak=0 hwm=0 shm=0 line t0 t1
  t0=$(date +%s.%N)
  PGAPPNAME=$app "${PSQL[@]}" -At -d "$db" \
    -c "SET max_parallel_workers_per_gather = 0" -c "SELECT pg_sleep(0.3)" \
    -c "SELECT count(*) FROM ($sql) q" -c "SELECT pg_sleep(0.3)" > "$TMP/mem_$key.out" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    bpid=$("${PSQL[@]}" -At -d postgres -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$app'" 2>/dev/null || true)
    [ -n "$bpid" ] && break
    sleep 0.05
  done
  while kill -0 "$pid" 2>/dev/null; do
    if [ -n "$bpid" ] && [ -r "/proc/$bpid/status" ]; then
      while read -r f v _; do
        case $f in
          RssAnon:) [ "$v" -gt "$peak" ] && peak=$v ;;
          VmHWM:) [ "$v" -gt "$hwm" ] && hwm=$v ;;
          RssShmem:) [ "$v" -gt "$shm" ] && shm=$v ;;
        esac
      done < "/proc/$bpid/status" 2>/dev/null || true
    fi
    sleep 0.05
  done
  wait "$pid" || { cat "$TMP/mem_$key.out" >&2; die "memory query $key failed"; }
  t1=$(date +%s.%N)
  echo "$((peak / 1024)) $((hwm / 1024)) $((shm / 1024)) $(printf '%.2f' "$(echo "$t1 - $t0 - 0.6" | bc)")"
}

# pgbench_tps DB SCRIPT [PGOPTIONS]: median-able single figure
pgbench_tps() {
  local db=$1 script=$2 opts=${3:-} n=$4
  PGOPTIONS="$opts" "$PGBENCH" -n -c 2 -j 2 -T "$PGB_T" -D n="$n" -f "$script" "$db" > "$TMP/pgbench.out" 2>&1 \
    || { tail -20 "$TMP/pgbench.out" >&2; die "pgbench $script failed"; }
  local fails; fails=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$TMP/pgbench.out")
  [ -z "$fails" ] || [ "$fails" -eq 0 ] || log "pgbench $script: $fails failed transactions"
  sed -n 's/^tps = \([0-9]*\.[0-9]\).* (without initial connection time)/\1/p' "$TMP/pgbench.out"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

summary_triggers() {   # "table trigger" pairs of the summary-maintaining triggers
  "${PSQL[@]}" -At -F ' ' -d "$1" -c "SELECT t.tgrelid::regclass, quote_ident(t.tgname) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
     WHERE NOT t.tgisinternal AND p.proname ~ 'summar' AND t.tgtype & 1 = 1 ORDER BY 1, 2"
}
set_summary_triggers() {   # DB ENABLE|DISABLE
  local tbl trg
  while read -r tbl trg; do
    [ -n "$tbl" ] && "${PSQL[@]}" -d "$1" -c "ALTER TABLE $tbl $2 TRIGGER $trg"
  done < <(summary_triggers "$1")
}

for S in $SCALES; do
  DB=ng_$S
  log "=== scale $S assignments: database $DB"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  "${PSQL[@]}" -d "$DB" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION neongraph' -f "$BENCH/scale.sql" -f "$BENCH/functions.sql" \
    -f "$BENCH/ranking_baseline.sql" >/dev/null
  HAS_FAST=$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM pg_proc WHERE proname = 'agency_scorecard_fast' AND pronamespace = 'neongraph'::regnamespace")

  log "loading with the generator (--scale $S --no-triggers --jobs $JOBS)"
  t0=$(date +%s.%N)
  PGDATABASE=$DB "$TMP/gen" --scale "$S" --seed "$SEED" --today "$REF" --no-triggers --jobs "$JOBS" \
    > "$TMP/gen_$S.out" 2> >(sed -u "s/^/    /" >&2) \
    || die "the generator failed"
  t1=$(date +%s.%N)
  GEN=$(cat "$TMP/gen_$S.out"); log "generator: $GEN"
  put "$S" load_total_s "$(printf '%.0f' "$(echo "$t1 - $t0" | bc)")"
  for kv in $GEN; do put "$S" "gen_${kv%%=*}" "${kv#*=}"; done
  t0=$(date +%s.%N)
  "${PSQL[@]}" -d "$DB" -c 'VACUUM (ANALYZE) neongraph.task, neongraph.assignment, neongraph.assignment_summary, neongraph.agency' 2>/dev/null \
    || "${PSQL[@]}" -d "$DB" -c 'VACUUM (ANALYZE) neongraph.task, neongraph.assignment, neongraph.agency'
  put "$S" vacuum_s "$(printf '%.0f' "$(echo "$(date +%s.%N) - $t0" | bc)")"
  put "$S" db_size "$("${PSQL[@]}" -At -d "$DB" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
  put "$S" summary_rows "$("${PSQL[@]}" -At -d "$DB" -c "SELECT CASE WHEN to_regclass('neongraph.assignment_summary') IS NULL THEN 'n/a' ELSE (SELECT count(*)::text FROM neongraph.assignment_summary) END")"

  TODAY=$("${PSQL[@]}" -At -d "$DB" -c 'SELECT neongraph.today()')
  AGO=$("${PSQL[@]}" -At -d "$DB" -c 'SELECT neongraph.today() - 30')
  put "$S" today "$TODAY"
  SLOW_RUNS=${NG_SLOW_RUNS:-$([ "$S" -le 1000000 ] && echo 5 || echo "${NG_SLOW_RUNS_BIG:-1}")}
  ROUNDS=$([ "$S" -le 1000000 ] && echo "$PGB_ROUNDS" || echo "${NG_PGBENCH_ROUNDS_BIG:-1}")
  put "$S" pgbench_rounds "$ROUNDS"

  # ---------------------------------------------------------------- scorecards
  if [ "$HAS_FAST" -gt 0 ]; then
    declare -A Q=(
      [ag_fast_today]="SELECT * FROM neongraph.agency_scorecard_fast('$TODAY')"
      [ag_slow_today]="SELECT * FROM neongraph.agency_scorecard('$TODAY')"
      [ag_fast_ago]="SELECT * FROM neongraph.agency_scorecard_fast('$AGO')"
      [ag_slow_ago]="SELECT * FROM neongraph.agency_scorecard('$AGO')"
      [wg_fast_today]="SELECT * FROM neongraph.working_group_scorecard_fast('$TODAY')"
      [wg_slow_today]="SELECT * FROM neongraph.working_group_scorecard('$TODAY')"
      [wg_fast_ago]="SELECT * FROM neongraph.working_group_scorecard_fast('$AGO')"
      [wg_slow_ago]="SELECT * FROM neongraph.working_group_scorecard('$AGO')"
    )
    ORDER="ag_fast_today ag_slow_today wg_fast_today wg_slow_today ag_fast_ago ag_slow_ago wg_fast_ago wg_slow_ago"
    for r in $(seq 1 "$RUNS"); do
      keys=(); args=(); i=0; sql="SELECT sbench.measure_round(ARRAY["
      for k in $ORDER; do
        [[ $k == *_slow_* ]] && [ "$r" -gt "$SLOW_RUNS" ] && continue
        i=$((i + 1)); keys+=("$k"); args+=(-v "q$i=${Q[$k]}")
        [ $i -gt 1 ] && sql+=","
        sql+="'$k'"
      done
      sql+="]::text[], ARRAY["
      for j in $(seq 1 $i); do [ "$j" -gt 1 ] && sql+=","; sql+=":'q$j'"; done
      sql+="]::text[], $r);"
      printf '%s\n' "$sql" | "${PSQL[@]}" -At -d "$DB" "${args[@]}" >/dev/null
      log "scorecards round $r/$RUNS: $("${PSQL[@]}" -At -d "$DB" -c "SELECT string_agg(key || ' ' || round(ms::numeric, 1) || ' ms', ', ' ORDER BY key) FROM sbench.timing WHERE round = $r")"
    done
    for k in $ORDER; do
      put "$S" "ms_$k" "$("${PSQL[@]}" -At -d "$DB" -c "SELECT round(sbench.median('$k')::numeric, 1)")"
      put "$S" "runs_$k" "$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM sbench.timing WHERE key = '$k'")"
      put "$S" "rows_$k" "$("${PSQL[@]}" -At -d "$DB" -c "SELECT max(n) FROM sbench.timing WHERE key = '$k'")"
    done
    for p in ag_today ag_ago wg_today wg_ago; do
      a=${p%_*}; d=${p#*_}
      put "$S" "same_$p" "$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.same('${a}_fast_$d', '${a}_slow_$d')")"
    done
  else
    log "neongraph.agency_scorecard_fast does not exist: scorecards of the summaries not measured"
  fi

  # ---------------------------------------------------------------- core functions
  # deadline_status, parsing, rollup, ranking and cascade against their
  # baselines, on this load; serial plans, medians of CRUNS interleaved runs
  # after a warm-up that also checks the results (sbench.measure_group)
  CRUNS=$([ "$S" -le 1000000 ] && echo "$CORE_RUNS" || echo "$CORE_RUNS_BIG")
  put "$S" core_runs "$CRUNS"
  tc0=$(date +%s.%N)
  log "core functions: side tables (stored due dates, deadline texts, statuses as of $TODAY, late tasks)"
  CT=$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.make_core_tables('$TODAY', '$REF', $LATE_MAX)")
  "${PSQL[@]}" -d "$DB" -c 'VACUUM (FREEZE, ANALYZE) sbench.task_due, sbench.texts, sbench.isotexts, sbench.st, sbench.late'
  for kv in $CT; do put "$S" "core_${kv%%=*}" "${kv#*=}"; done
  read -r CROOT CTASKS < <("${PSQL[@]}" -At -F ' ' -d "$DB" -c "SELECT root, tasks FROM sbench.largest_cascade()")
  put "$S" core_root "$CROOT"; put "$S" core_root_tasks "$CTASKS"
  log "core functions: $CT; largest cascade: task $CROOT ($CTASKS tasks)"
  put "$S" core_setup_s "$(printf '%.0f' "$(echo "$(date +%s.%N) - $tc0" | bc)")"

  D="DATE '$TODAY'"
  JOIN_T="neongraph.assignment a JOIN neongraph.task t ON t.task_id = a.task_id"
  JOIN_U="neongraph.assignment a JOIN sbench.task_due u ON u.task_id = a.task_id"
  CASE_U="CASE
      WHEN a.completed_on IS NOT NULL AND a.completed_on <= $D THEN
        CASE WHEN u.is_recurring OR u.due IS NULL OR a.completed_on <= u.due
             THEN 'done_on_time'::neongraph.task_status
             ELSE 'done_late'::neongraph.task_status END
      WHEN u.is_recurring THEN 'recurring'::neongraph.task_status
      WHEN u.due IS NULL THEN 'no_deadline'::neongraph.task_status
      WHEN $D > u.due THEN 'overdue'::neongraph.task_status
      WHEN u.due - $D <= 7 THEN 'due_soon'::neongraph.task_status
      ELSE 'on_track'::neongraph.task_status
    END"
  FILTERS=""; RCOLS=""
  for st in done_on_time done_late overdue due_soon on_track recurring no_deadline cancelled; do
    FILTERS+="${FILTERS:+, }count(*) FILTER (WHERE status = '$st') AS $st"
    RCOLS+="${RCOLS:+, }(r).$st"
  done
  RCOLUMNS="peer_level, peer_group, rank, peers, code, name, score, on_time_rate, completion_rate, overdue_share,
    kpi_attainment, reporting_timeliness, verified_share, due, live, completed, kpis, report_weeks, components"
  declare -A CQ=(
    [status]="SELECT neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline), a.completed_on, $D), count(*) FROM $JOIN_T GROUP BY 1"
    [bare]="SELECT coalesce(t.assigned_deadline, t.deadline) IS NULL, a.completed_on <= $D, count(*) FROM $JOIN_T GROUP BY 1, 2"
    [status_u]="SELECT neongraph.deadline_status(u.d, a.completed_on, $D), count(*) FROM $JOIN_U GROUP BY 1"
    [bare_u]="SELECT u.due IS NULL, a.completed_on <= $D, count(*) FROM $JOIN_U GROUP BY 1, 2"
    [plpgsql]="SELECT bench.status_plpgsql(u.due, u.is_recurring, a.completed_on, $D, 7), count(*) FROM $JOIN_U GROUP BY 1"
    [sql_case]="SELECT $CASE_U, count(*) FROM $JOIN_U GROUP BY 1"
    [parse]="SELECT count(x::neongraph.deadline) FROM sbench.texts"
    [parse_date]="SELECT count(x::date) FROM sbench.isotexts"
    [rollup]="SELECT agency_code, neongraph.status_rollup(status) FROM sbench.st GROUP BY 1"
    [filter]="SELECT agency_code, $FILTERS FROM sbench.st GROUP BY 1"
    [ranking]="SELECT $RCOLUMNS FROM neongraph.rankings(ARRAY['ministry', 'province'], $D)"
    [ranking_sql]="SELECT $RCOLUMNS FROM sbench.ranking_plain(ARRAY['ministry', 'province'], $D)"
    [cascade]="SELECT task_id, depth, path FROM neongraph.cascade($CROOT)"
    [cascade_cte]="WITH RECURSIVE c(task_id, depth, path) AS (
        SELECT l.from_task, 1, ARRAY[l.to_task, l.from_task] FROM neongraph.task_link l
         WHERE l.to_task = $CROOT AND l.kind = 'derives'
        UNION ALL
        SELECT l.from_task, c.depth + 1, c.path || l.from_task
          FROM c JOIN neongraph.task_link l ON l.to_task = c.task_id AND l.kind = 'derives')
      SELECT DISTINCT ON (task_id) task_id, depth, path FROM c ORDER BY task_id, depth, path"
    [holdup]="SELECT task_id, held_up FROM neongraph.hold_up_counts((SELECT array_agg(task_id) FROM sbench.late))"
    [holdup_cte]="WITH RECURSIVE r(cand, node) AS (
        SELECT task_id, task_id FROM sbench.late
        UNION
        SELECT r.cand, h.dst FROM r JOIN (
            SELECT from_task AS src, to_task AS dst FROM neongraph.task_link WHERE kind = 'derives'
            UNION ALL
            SELECT to_task, from_task FROM neongraph.task_link WHERE kind = 'depends') h
          ON h.src = r.node)
      SELECT cand AS task_id, count(*) - 1 AS held_up FROM r GROUP BY cand"
  )
  # checked instead of the timed query (the same work, the result shaped like the baseline's)
  declare -A CK=(
    [rollup]="SELECT agency_code, $RCOLS FROM (${CQ[rollup]}) s(agency_code, r)"
  )
  # core_group WARMUP KEY...: time CQ[KEY]... with sbench.measure_group, serial plans
  core_group() {
    local warm=$1 i=0 k ms cpu n runs sql keys="" qs="" cs=""
    local -a args=()
    shift
    for k in "$@"; do
      i=$((i + 1)); args+=(-v "q$i=${CQ[$k]}" -v "c$i=${CK[$k]:-}")
      keys+="${keys:+,}'$k'"; qs+="${qs:+,}:'q$i'"; cs+="${cs:+,}nullif(:'c$i', '')"
    done
    sql="SELECT sbench.measure_group(ARRAY[$keys]::text[], ARRAY[$qs]::text[], ARRAY[$cs]::text[], $CRUNS, $warm);"
    printf '%s\n' "$sql" | PGOPTIONS="-c max_parallel_workers_per_gather=0" "${PSQL[@]}" -At -d "$DB" "${args[@]}" >/dev/null
    for k in "$@"; do
      read -r ms cpu n runs < <("${PSQL[@]}" -At -F ' ' -d "$DB" -c "SELECT round(sbench.median('$k')::numeric, 1),
          coalesce(round(sbench.median_cpu('$k')::numeric, 1)::text, 'n/a'),
          (SELECT n FROM sbench.result WHERE key = '$k'), (SELECT count(*) FROM sbench.timing WHERE key = '$k')")
      put "$S" "core_ms_$k" "$ms"; put "$S" "core_cpu_$k" "$cpu"; put "$S" "core_rows_$k" "$n"; put "$S" "core_runs_$k" "$runs"
      log "$(printf 'core %-12s %10s ms wall %10s ms CPU (median of %s; %s result rows)' "$k" "$ms" "$cpu" "$runs" "$n")"
    done
  }
  # above 1M the ranking's timed run is its checked run: no warm-up (it
  # reads the whole load each time, so a warm-up would change nothing)
  RWARM=$([ "$S" -le 1000000 ] && echo true || echo false)
  put "$S" core_ranking_warmup "$RWARM"
  tc1=$(date +%s.%N)
  log "core functions: deadline_status (serial, $CRUNS runs after a warm-up)"
  core_group true status bare status_u bare_u plpgsql sql_case
  log "core functions: parsing"
  core_group true parse parse_date
  log "core functions: rollup per agency"
  core_group true rollup filter
  log "core functions: ranking of ministries and provinces (warm-up: $RWARM)"
  core_group "$RWARM" ranking ranking_sql
  log "core functions: cascade and hold-up counts"
  core_group true cascade cascade_cte holdup holdup_cte
  put "$S" core_timing_s "$(printf '%.0f' "$(echo "$(date +%s.%N) - $tc1" | bc)")"
  {
    echo "== $S assignments: plans of the core functions' queries (serial; EXPLAIN, not executed)"
    for k in status bare status_u bare_u plpgsql sql_case parse parse_date rollup filter ranking ranking_sql cascade cascade_cte holdup holdup_cte; do
      echo "-- $k"
      printf '%s\n' "EXPLAIN (COSTS OFF) ${CQ[$k]};" \
        | PGOPTIONS="-c max_parallel_workers_per_gather=0" "${PSQL[@]}" -At -d "$DB"
    done
    echo
  } >> "$TMP/plans.txt"
  put "$S" same_core_status "$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.same_result('status', 'status_u', 'plpgsql', 'sql_case')")"
  put "$S" same_core_rollup "$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.same_result('rollup', 'filter')")"
  put "$S" same_core_ranking "$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.same_result('ranking', 'ranking_sql')")"
  put "$S" same_core_cascade "$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.same_result('cascade', 'cascade_cte')")"
  put "$S" same_core_holdup "$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.same_result('holdup', 'holdup_cte')")"
  put "$S" core_parse_differ "$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM neongraph.task t
      WHERE t.deadline_text IS NOT NULL AND t.deadline_text::neongraph.deadline::text IS DISTINCT FROM t.deadline::text")"
  put "$S" core_held_up "$("${PSQL[@]}" -At -d "$DB" -c "SELECT max(held_up) || ' max, ' || round(avg(held_up), 2) || ' mean'
      FROM neongraph.hold_up_counts((SELECT array_agg(task_id) FROM sbench.late))")"
  put "$S" core_s "$(printf '%.0f' "$(echo "$(date +%s.%N) - $tc0" | bc)")"

  # ---------------------------------------------------------------- memory
  ROOT=$("${PSQL[@]}" -At -d "$DB" -c "SELECT min(t.task_id) FROM neongraph.task t WHERE NOT EXISTS (SELECT FROM neongraph.task_link l WHERE l.from_task = t.task_id)")
  declare -A MQ=(
    [rollup_by_agency]="SELECT agency_code, neongraph.status_rollup(status) FROM neongraph.assignment_state('$TODAY') GROUP BY 1"
    [agency_scorecard]="SELECT * FROM neongraph.agency_scorecard('$TODAY')"
    [cascade_status]="SELECT * FROM neongraph.cascade_status($ROOT, '$TODAY')"
    [bottlenecks]="SELECT * FROM neongraph.bottlenecks('$TODAY')"
  )
  MORDER="rollup_by_agency agency_scorecard cascade_status bottlenecks"
  if [ "$HAS_FAST" -gt 0 ]; then
    MQ[agency_scorecard_fast]="SELECT * FROM neongraph.agency_scorecard_fast('$TODAY')"
    MORDER="rollup_by_agency agency_scorecard agency_scorecard_fast cascade_status bottlenecks"
  fi
  # the core functions' large queries (above)
  for k in status parse rollup ranking cascade holdup; do MQ[core_$k]=${CQ[$k]}; done
  MORDER+=" core_status core_parse core_rollup core_ranking core_cascade core_holdup"
  tm0=$(date +%s.%N)
  for k in $MORDER; do
    read -r anon hwm shm secs < <(mem_peak "$DB" "$k" "${MQ[$k]}")
    put "$S" "mem_anon_$k" "$anon"; put "$S" "mem_hwm_$k" "$hwm"; put "$S" "mem_shm_$k" "$shm"; put "$S" "mem_s_$k" "$secs"
    log "memory $k: peak RssAnon $anon MB, VmHWM $hwm MB (shared $shm MB), $secs s"
  done
  put "$S" mem_section_s "$(printf '%.0f' "$(echo "$(date +%s.%N) - $tm0" | bc)")"

  # ---------------------------------------------------------------- trigger cost
  NOPEN=$("${PSQL[@]}" -At -d "$DB" -c "SELECT sbench.make_open_sample(100000)")
  put "$S" pgbench_sample "$NOPEN"
  all=(); nosum=(); none=(); call=(); cnosum=()
  for r in $(seq 1 "$ROUNDS"); do
    all+=("$(pgbench_tps "$DB" "$BENCH/pgbench_report.sql" "" "$NOPEN")")
    set_summary_triggers "$DB" DISABLE
    nosum+=("$(pgbench_tps "$DB" "$BENCH/pgbench_report.sql" "" "$NOPEN")")
    cnosum+=("$(pgbench_tps "$DB" "$BENCH/pgbench_complete.sql" "" "$NOPEN")")
    set_summary_triggers "$DB" ENABLE
    call+=("$(pgbench_tps "$DB" "$BENCH/pgbench_complete.sql" "" "$NOPEN")")
    none+=("$(pgbench_tps "$DB" "$BENCH/pgbench_report_notrig.sql" "-c session_replication_role=replica" "$NOPEN")")
    log "pgbench round $r/$ROUNDS (TPS): report all=${all[-1]} no-summary=${nosum[-1]} no-trigger=${none[-1]}; complete+reopen all=${call[-1]} no-summary=${cnosum[-1]}"
  done
  put "$S" tps_report_all "$(echo "${all[*]}" | median)"
  put "$S" tps_report_nosummary "$(echo "${nosum[*]}" | median)"
  put "$S" tps_report_notrigger "$(echo "${none[*]}" | median)"
  put "$S" tps_complete_all "$(echo "${call[*]}" | median)"
  put "$S" tps_complete_nosummary "$(echo "${cnosum[*]}" | median)"
  put "$S" summary_triggers "$(summary_triggers "$DB" | tr '\n' ' ' | sed 's/ $//')"
  if [ "$HAS_FAST" -gt 0 ]; then
    # the writes above went through the triggers (or were replayed by rebuild): still equal?
    "${PSQL[@]}" -d "$DB" -c 'SELECT neongraph.rebuild_summaries()' >/dev/null   # the no-summary rounds skipped them
    put "$S" check_after_writes "$("${PSQL[@]}" -At -d "$DB" -c "SELECT CASE WHEN count(*) = 0 THEN 'equal' ELSE count(*) || ' rows differ' END FROM neongraph.summary_check('$TODAY')")"
  fi

  if [ -z "${NG_KEEP_DBS:-}" ]; then "${PSQL[@]}" -d postgres -c "DROP DATABASE $DB"; fi
done

# -------------------------------------------------------------------- report
get() { awk -F'|' -v s="$1" -v k="$2" '$1 == s && $2 == k {print $3}' "$RES"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.1f", a / b }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.0f%%", 100 * a / b }'; }
gen3() { echo "$(get "$1" gen_tasks) / $(get "$1" gen_assignments) / $(get "$1" gen_progress_reports)"; }
loadf() { echo "$(get "$1" gen_load_s) / $(get "$1" load_total_s)"; }
gencpu() { echo "$(get "$1" gen_gen_cpu_s) / $(awk -v x="$(get "$1" gen_gen_cpu_share)" 'BEGIN {printf "%.1f%%", 100 * x}')"; }
slowf() { echo "$(get "$1" "ms_$2_slow_$3") ($(get "$1" "runs_$2_slow_$3"))"; }
ratf() { echo "**$(ratio "$(get "$1" "ms_$2_slow_$3")" "$(get "$1" "ms_$2_fast_$3")")×**"; }
pctf() { echo "**$(pct "$(get "$1" "$2")" "$(get "$1" "$3")")**"; }
memf() { echo "$(get "$1" "mem_anon_$2") / $(get "$1" "mem_hwm_$2") / $(get "$1" "mem_s_$2")"; }
ratio2() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
# S KEY BASE: "a / b (ratio a/b; ratio of the backend's CPU time, when both
# are long enough for /proc/self/schedstat, which is updated at ticks)"
cmpf() {
  local a b ca cb cr; a=$(get "$1" "core_ms_$2"); b=$(get "$1" "core_ms_$3")
  ca=$(get "$1" "core_cpu_$2"); cb=$(get "$1" "core_cpu_$3")
  if [ -z "$a" ]; then echo "n/a"; return; fi
  cr=$(awk -v a="$ca" -v b="$cb" 'BEGIN { if (a + 0 >= 20 && b + 0 >= 20) printf "%.2f×", a / b; else print "n/a" }')
  echo "$a / $b (**$(ratio2 "$a" "$b")×**; CPU $cr)"
}
corerunsf() {
  if [ "$(get "$1" core_ranking_warmup)" = false ]; then
    echo "$(get "$1" core_runs) (ranking: no warm-up, its first run is the checked one)"
  else
    get "$1" core_runs
  fi
}
coretab() { echo "$(get "$1" core_task_due) / $(get "$1" core_texts) / $(get "$1" core_st)"; }
parsef() { echo "$(get "$1" core_texts); $(get "$1" core_parse_differ)"; }
rankf() { echo "$(get "$1" core_rows_ranking); $(get "$1" same_core_ranking)"; }
cascf() { echo "$(get "$1" core_root_tasks); $(get "$1" same_core_cascade)"; }
holdf() { echo "$(get "$1" core_late) of $(get "$1" core_late_all) ($(get "$1" core_held_up)); $(get "$1" same_core_holdup)"; }
coretime() { echo "$(get "$1" core_setup_s) / $(get "$1" core_timing_s) / $(get "$1" core_s) / $(awk -v s="$1" -F'|' '$1 == s && $2 ~ /^mem_s_core_/ {t += $3} END {printf "%.0f", t}' "$RES")"; }
MEMKEYS="rollup_by_agency agency_scorecard agency_scorecard_fast cascade_status bottlenecks core_status core_parse core_rollup core_ranking core_cascade core_holdup"
memlabel() {
  case $1 in
    core_status) echo "deadline_status over every assignment ⋈ task" ;;
    core_parse) echo "every deadline_text ::neongraph.deadline" ;;
    core_rollup) echo "status_rollup per agency (stored statuses)" ;;
    core_ranking) echo "rankings of ministries and provinces" ;;
    core_cascade) echo "cascade(root) of the largest central task" ;;
    core_holdup) echo "hold_up_counts of the late tasks" ;;
    *) echo "$1" ;;
  esac
}
cols=""; sep=""; for S in $SCALES; do cols+=" $S |"; sep+="---:|"; done
first=${SCALES%% *}; last=${SCALES##* }
{
  echo "## Scale benchmark ($STARTED, PostgreSQL $SERVER_VERSION, $NPROC CPUs, $(free -g | awk '/^Mem/ {print $2}') GB RAM)"
  echo
  echo "Command: \`$CMD\`; generator seed $SEED, reference day $REF, --jobs $JOBS; cluster: shared_buffers=$SB, max_wal_size=8GB,"
  echo "checkpoint_timeout=30min, fsync=off, synchronous_commit=off, maintenance_work_mem=1GB, jit=off, autovacuum=off."
  echo "Load: test/bench/gen.c through COPY with session_replication_role = replica, then neongraph.rebuild_summaries() and ANALYZE."
  echo "Times are server-side medians of interleaved runs (fast: $RUNS runs; recomputed: runs as shown). Memory: a fresh backend, serial plan."
  echo "Core functions: serial plans, the compared queries interleaved, medians of NG_CORE_RUNS = $CORE_RUNS runs up to 1M assignments and"
  echo "NG_CORE_RUNS_BIG = $CORE_RUNS_BIG above, after a warm-up run whose results are compared (digest of every row); \"CPU\" is the"
  echo "ratio of the backend's CPU time (/proc/self/schedstat), steadier than wall time on a shared machine. Ratios are"
  echo "function / baseline: below 1 the function is faster. The baselines read sbench.task_due, the judged deadline stored as a"
  echo "due date and a recurring flag (what a schema without the deadline type keeps), built once from neongraph.task."
  echo
  echo "| figure (assignments →) |$cols"
  echo "|---|$sep"
  row() { local label=$1 f=$2; shift 2; local line="| $label |"; for S in $SCALES; do line+=" $($f "$S" "$@") |"; done; echo "$line"; }
  g() { get "$1" "$2"; }
  row "tasks / assignments / progress reports" gen3
  row "load: generator wall (s) / total incl. rebuild_summaries, ANALYZE (s)" loadf
  row "generator CPU (s) / share of its wall time" gencpu
  row "VACUUM ANALYZE after the load (s)" g vacuum_s
  row "database size" g db_size
  row "assignment_summary rows" g summary_rows
  for p in ag:agency wg:working_group; do
    a=${p%%:*}; nm=${p#*:}
    for d in today ago; do
      dl=$([ $d = today ] && echo "today" || echo "today − 30 days")
      row "${nm}_scorecard_fast, as of $dl (ms)" g "ms_${a}_fast_$d"
      row "${nm}_scorecard recomputed, as of $dl (ms; runs)" slowf "$a" "$d"
      row "**ratio recomputed / fast** ($dl; goal ≥ 100× at 10M)" ratf "$a" "$d"
      row "fast = recomputed on every timed run ($dl)" g "same_${a}_$d"
    done
  done
  row "**core functions on the national load**: runs (serial plans; medians after a warm-up that checks the results)" corerunsf
  row "side tables built once, untimed (rows): stored due dates / deadline texts / statuses as of today" coretab
  row "\`deadline_status\` over every assignment ⋈ task / bare scan of the join (ms; **ratio**; make bench's goal ≤ 1.30×)" cmpf status bare
  row "\`deadline_status\` / the rule in PL/pgSQL, assignment ⋈ stored due dates (ms; goal ≤ 0.33×, i.e. 3× faster)" cmpf status_u plpgsql
  row "\`deadline_status\` / the rule as SQL \`CASE\`, assignment ⋈ stored due dates (ms; goal < 1×)" cmpf status_u sql_case
  row "\`deadline_status\` / bare scan, assignment ⋈ stored due dates (ms)" cmpf status_u bare_u
  row "the four classifications give the same counts" g same_core_status
  row "parse every \`deadline_text\` \`::neongraph.deadline\` / as many ISO texts \`::date\` (ms; goal ≤ 1×)" cmpf parse parse_date
  row "texts parsed; rows whose parse differs from the stored deadline" parsef
  row "\`status_rollup(status)\` per agency / 8 × \`count(*) FILTER\`, stored statuses (ms; goal ≤ 1×)" cmpf rollup filter
  row "rollup = FILTER counts" g same_core_rollup
  row "\`rankings('{ministry,province}', today)\` / plain SQL (test/bench/ranking_baseline.sql) (ms)" cmpf ranking ranking_sql
  row "ranking rows; same rows" rankf
  row "\`cascade(root)\` of the largest central task / recursive CTE (ms)" cmpf cascade cascade_cte
  row "its cascade (tasks); same rows" cascf
  row "\`hold_up_counts\` of the late tasks / recursive CTE (ms)" cmpf holdup holdup_cte
  row "late tasks passed (of all late; held up); same rows" holdf
  row "core section wall time (s): side tables / timed runs / all / its memory probes" coretime
  row "pgbench rounds (median of)" g pgbench_rounds
  row "report_progress TPS, all triggers (pgbench -c 2 -j 2 -T $PGB_T)" g tps_report_all
  row "report_progress TPS, summary triggers disabled" g tps_report_nosummary
  row "report_progress + its UPDATE, no trigger (session_replication_role = replica)" g tps_report_notrigger
  row "**all triggers / no trigger** (goal ≥ 75%)" pctf tps_report_all tps_report_notrigger
  row "**all triggers / summary triggers disabled**" pctf tps_report_all tps_report_nosummary
  row "complete + reopen TPS, all triggers" g tps_complete_all
  row "complete + reopen TPS, summary triggers disabled" g tps_complete_nosummary
  row "**complete + reopen: with / without summary triggers**" pctf tps_complete_all tps_complete_nosummary
  row "summaries equal to recomputation after the pgbench writes" g check_after_writes
  for k in $MEMKEYS; do
    [ -n "$(get "$first" "mem_anon_$k")" ] || continue
    row "peak private memory (RssAnon MB) / VmHWM MB / s: $(memlabel "$k")" memf "$k"
  done
  echo
  if [ "$first" != "$last" ]; then
    echo "Growth from $first to $last assignments ($(ratio "$last" "$first")× the rows):"
    for k in ag_fast_today ag_fast_ago wg_fast_today wg_fast_ago; do
      [ -n "$(get "$first" "ms_$k")" ] && echo "- $k: $(ratio "$(get "$last" "ms_$k")" "$(get "$first" "ms_$k")")× the time"
    done
    for k in status plpgsql sql_case parse parse_date rollup filter ranking ranking_sql cascade cascade_cte holdup holdup_cte; do
      if [ -n "$(get "$first" "core_ms_$k")" ]; then
        echo "- core $k: $(ratio "$(get "$last" "core_ms_$k")" "$(get "$first" "core_ms_$k")")× the time"
      fi
    done
    for k in $MEMKEYS; do
      if [ -n "$(get "$first" "mem_anon_$k")" ]; then
        echo "- peak private memory of $(memlabel "$k"): $(get "$first" "mem_anon_$k") MB → $(get "$last" "mem_anon_$k") MB"
      fi
    done
  fi
} > "$TMP/scale.md"
cp "$TMP/scale.md" "$OUT/scale.md"
cp "$RES" "$OUT/scale-raw.txt"
if [ -f "$TMP/plans.txt" ]; then cp "$TMP/plans.txt" "$OUT/scale-plans.txt"; fi
echo
cat "$OUT/scale.md"
log "written to $OUT/scale.md (raw figures: $OUT/scale-raw.txt; plans of the core queries: $OUT/scale-plans.txt)"
