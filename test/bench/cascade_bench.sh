#!/usr/bin/env bash
# test/bench/cascade_bench.sh — the cascade graph against recursive CTEs
# (issue 4, item 5).
#
# Starts a throwaway cluster (test/lib.sh), loads about a million task links
# (test/bench/cascade_bench.sql: NG_BENCH_TREES national trees of 1 central
# task -> 34 provinces -> 100 communes each, plus NG_BENCH_DEPS random
# depends links kept acyclic; bulk-loaded with triggers off), then, in the
# same run, takes the median of NG_BENCH_RUNS (default 5) interleaved,
# server-side timings of:
#   cascade     neongraph.cascade(root) vs a recursive CTE giving the same
#               rows (each task once, smallest depth, a shortest path);
#   holdup      neongraph.hold_up_counts(late tasks) vs a recursive CTE
#               counting, for each late task, the distinct tasks it holds up;
#   bottlenecks neongraph.bottlenecks(as_of, 20) (status + graph + labels);
# checks that each pair gives the same answer, and times NG_BENCH_INSERTS
# single-row link inserts into the big graph with the cycle trigger
# task_link_no_cycle, with no cycle trigger, and with the model's PL/pgSQL
# check when it is installed.
#
#   bash test/bench/cascade_bench.sh                      # ~1,000,000 links
#   NG_BENCH_TREES=20 bash test/bench/cascade_bench.sh    # a quick smoke run
#   NG_BENCH_NO_BUILD=1 PG_CONFIG=... bash ...            # use an installed build
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
cd "$NG_ROOT"

BENCH=$NG_ROOT/test/bench
TREES=${NG_BENCH_TREES:-280}
DEPS=${NG_BENCH_DEPS:-40000}
RUNS=${NG_BENCH_RUNS:-5}
INSERTS=${NG_BENCH_INSERTS:-2000}
AS_OF=2025-12-31

log() { printf '[cascade-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for v in TREES DEPS RUNS INSERTS; do
  [[ ${!v} =~ ^[0-9]+$ ]] && [ "${!v}" -ge 1 ] || die "NG_BENCH_$v must be a positive integer"
done

if [ -z "${NG_BENCH_NO_BUILD:-}" ]; then
  log "building and installing the extension"
  ng_build_install || die "build or install failed"
fi

TMP=$(mktemp -d /tmp/neongraph-cascade-bench.XXXXXX)
chmod 755 "$TMP"
cleanup() { ng_stop_cluster "$TMP"; [ "${NG_KEEP:-}" ] && log "kept $TMP" || rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ng_start_cluster "$TMP" "shared_buffers=512MB" "work_mem=64MB" "maintenance_work_mem=512MB" \
  "max_wal_size=4GB" "autovacuum=off" "jit=off" "max_parallel_workers_per_gather=0" \
  || die "the cluster did not start"
psqlq() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

psqlq -c 'CREATE EXTENSION neongraph' || die "CREATE EXTENSION failed"
log "loading $TREES trees (+ $DEPS depends links)"
t0=$SECONDS
psqlq -P pager=off -v trees="$TREES" -v deps="$DEPS" -v newlinks="$INSERTS" -v as_of="$AS_OF" \
  -f "$BENCH/cascade_bench.sql" >&2
log "data ready in $((SECONDS - t0)) s"

ROOT=$(( (TREES / 2 + 1) * 4000 ))
CASCADE_C="SELECT * FROM neongraph.cascade($ROOT)"
CASCADE_CTE="WITH RECURSIVE c(task_id, depth, path) AS (
    SELECT l.from_task, 1, ARRAY[l.to_task, l.from_task] FROM neongraph.task_link l
     WHERE l.to_task = $ROOT AND l.kind = 'derives'
    UNION ALL
    SELECT l.from_task, c.depth + 1, c.path || l.from_task
      FROM c JOIN neongraph.task_link l ON l.to_task = c.task_id AND l.kind = 'derives')
  SELECT DISTINCT ON (task_id) task_id, depth, path FROM c ORDER BY task_id, depth, path"
HOLD_C="SELECT * FROM neongraph.hold_up_counts((SELECT array_agg(task_id) FROM cbench.late))"
HOLD_CTE="WITH RECURSIVE r(cand, node) AS (
    SELECT task_id, task_id FROM cbench.late
    UNION
    SELECT r.cand, h.dst FROM r JOIN (
        SELECT from_task AS src, to_task AS dst FROM neongraph.task_link WHERE kind = 'derives'
        UNION ALL
        SELECT to_task, from_task FROM neongraph.task_link WHERE kind = 'depends') h
      ON h.src = r.node)
  SELECT cand AS task_id, count(*) - 1 AS held_up FROM r GROUP BY cand"
BOTTLENECKS="SELECT * FROM neongraph.bottlenecks(DATE '$AS_OF', 20)"
LATE_STATUS="SELECT * FROM neongraph.assignment_state(DATE '$AS_OF') WHERE status = 'overdue'"

log "correctness"
SAME_CASCADE=$(psqlq -At -c "SELECT count(*) FROM (($CASCADE_C) EXCEPT ($CASCADE_CTE)) a" )
SAME_CASCADE2=$(psqlq -At -c "SELECT count(*) FROM (($CASCADE_CTE) EXCEPT ($CASCADE_C)) a" )
NCASCADE=$(psqlq -At -c "SELECT count(*) FROM neongraph.cascade($ROOT)")
SAME_HOLD=$(psqlq -At -c "SELECT count(*) FROM ((SELECT task_id, held_up FROM ($HOLD_C) x) EXCEPT ($HOLD_CTE)) a")
NLATE=$(psqlq -At -c "SELECT count(*) FROM cbench.late")
MAXHELD=$(psqlq -At -c "SELECT max(held_up) || ' max, ' || round(avg(held_up), 2) || ' mean' FROM ($HOLD_C) x")
log "cascade($ROOT): $NCASCADE rows; rows differing from the CTE: $SAME_CASCADE + $SAME_CASCADE2"
log "hold_up_counts over $NLATE late tasks ($MAXHELD held up); rows differing from the CTE: $SAME_HOLD"
[ "$SAME_CASCADE" = 0 ] && [ "$SAME_CASCADE2" = 0 ] && [ "$SAME_HOLD" = 0 ] || die "C and CTE disagree"

log "timing: median of $RUNS interleaved runs"
psqlq -v k="cascade_c,cascade_cte,holdup_c,holdup_cte,bottlenecks,late_status" \
  -v q1="$CASCADE_C" -v q2="$CASCADE_CTE" -v q3="$HOLD_C" -v q4="$HOLD_CTE" -v q5="$BOTTLENECKS" \
  -v q6="$LATE_STATUS" -v runs="$RUNS" <<'SQL'
SELECT cbench.measure(string_to_array(:'k', ','), ARRAY[:'q1', :'q2', :'q3', :'q4', :'q5', :'q6'], :runs);
SQL
med() { psqlq -At -c "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) FROM cbench.timing WHERE key = '$1'"; }
C1=$(med cascade_c); C2=$(med cascade_cte); H1=$(med holdup_c); H2=$(med holdup_cte)
B1=$(med bottlenecks); S1=$(med late_status)

log "timing: $INSERTS single-row link inserts into the big graph, three rounds"
# ins SETUP: in one session, a warm-up round then a timed round of $INSERTS
# inserts, each in its own rolled-back transaction after SETUP (ALTER TABLE
# ... DISABLE TRIGGER, rolled back too); prints the timed round's ms
ins() {
  psqlq -At -c "BEGIN" -c "${1:-SELECT 1}" -c "SELECT cbench.insert_links($INSERTS)" -c "ROLLBACK" \
            -c "BEGIN" -c "${1:-SELECT 1}" -c "SELECT round(cbench.insert_links($INSERTS)::numeric, 1)" \
            -c "ROLLBACK" | tail -1
}
HAS_OLD=$(psqlq -At -c "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'neongraph.task_link'::regclass AND tgname = 'task_link_before'")
OLD_OFF=""
[ "$HAS_OLD" = 1 ] && OLD_OFF="ALTER TABLE neongraph.task_link DISABLE TRIGGER task_link_before;"
NEW_OFF="ALTER TABLE neongraph.task_link DISABLE TRIGGER task_link_no_cycle;"
declare -a T_NONE=() T_C=() T_OLD=()
for r in 1 2 3; do      # interleaved rounds; the median of three is reported
  T_NONE+=("$(ins "$OLD_OFF $NEW_OFF")")
  T_C+=("$(ins "$OLD_OFF")")
  [ "$HAS_OLD" = 1 ] && T_OLD+=("$(ins "$NEW_OFF")")
done
med3() { [ $# -eq 3 ] && printf '%s\n' "$@" | sort -n | sed -n 2p || echo -; }
I_NONE=$(med3 "${T_NONE[@]}"); I_C=$(med3 "${T_C[@]}"); I_OLD=$(med3 "${T_OLD[@]}")

NLINKS=$(psqlq -At -c "SELECT count(*) FROM neongraph.task_link")
NTASKS=$(psqlq -At -c "SELECT count(*) FROM neongraph.task")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "-" }'; }
per() { awk -v ms="$1" -v n="$INSERTS" 'BEGIN { if (ms == "-") print "-"; else printf "%.0f", ms * 1000 / n }'; }
CMD="bash test/bench/cascade_bench.sh"
[ "$TREES" = 280 ] || CMD="NG_BENCH_TREES=$TREES $CMD"

cat <<EOF

## Cascade graph benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), PostgreSQL $(psqlq -At -c 'SHOW server_version'), $(nproc) CPUs)

\`$CMD\` — $NTASKS tasks, $NLINKS links ($DEPS random depends), $NLATE late tasks as of $AS_OF;
median of $RUNS interleaved runs, server-side, same cluster, same run.

| what | neongraph (C) | recursive CTE | CTE / C |
|---|---:|---:|---:|
| cascade of one central task ($NCASCADE tasks) | $C1 ms | $C2 ms | $(ratio "$C1" "$C2")× |
| held-up counts of the $NLATE late tasks | $H1 ms | $H2 ms | $(ratio "$H1" "$H2")× |
| bottlenecks(as_of, 20), all of it | $B1 ms | | |
| of which: the late assignments (assignment_state) | $S1 ms | | |

| single-row link insert into the big graph (median of 3 rounds of $INSERTS) | µs per insert |
|---|---:|
| no cycle check (the FK checks and the history trigger only) | $(per "$I_NONE") |
| task_link_no_cycle (C) | $(per "$I_C") |
| the model's PL/pgSQL check (task_link_before) | $(per "$I_OLD") |
EOF
