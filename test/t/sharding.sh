#!/usr/bin/env bash
# Scale-out through PostgreSQL's own sharding (issue 6, item 4).
#
# Starts its own three clusters on 127.0.0.1 — a coordinator and two shards —
# (never the shared test cluster), installs neongraph on each and
# postgres_fdw on the coordinator, and builds the layout of the README
# ("Several servers with postgres_fdw"): public.assignment_fact
# LIST-partitioned by province on the coordinator, one postgres_fdw foreign
# partition per province (17 provinces per shard), a local partition for the
# central bodies ('TW'); the foreign servers list neongraph in their
# "extensions" option and are async_capable.
# The data is the national load of the C generator (test/bench/gen.c,
# compiled here as test/t/generator.sh does): NG_SHARD_SCALE assignments
# (default 40000) in the coordinator's tracking model (neongraph.directive,
# task, assignment, ...), which is the single server.  feed.sql distributes
# them into the facts (the province of an assignment is that of its agency in
# neongraph.agency's hierarchy), and the test asserts:
#  (a) every scorecard computed from the sharded facts — per province, per
#      agency along the hierarchy, per working group, national totals and
#      rates — equals the single server's answer, neongraph.agency_scorecard,
#      working_group_scorecard and assignment_state on the model, row for
#      row, as of three dates;
#  (b) with enable_partitionwise_aggregate the per-province aggregation runs
#      on the shards: Remote SQL with neongraph.status_rollup(
#      neongraph.deadline_status( ... GROUP BY;
#  (c) the shards work in parallel: Async Foreign Scan in the plans, and a
#      probe that sleeps 1 s on each shard takes ~1 s, not 2 s.
# Files: test/sharding/*.sql.  Runs standalone after `make install`.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
SQLDIR="$NG_ROOT/test/sharding"
N=${NG_SHARD_SCALE:-40000}
SEED=${NG_SHARD_SEED:-1}
REF=2026-11-01                           # the generator's reference day
DATES=(2025-08-01 2026-03-31 "$REF")     # (a): directives still being issued, mid-way, the reference day
SLEEP=1
AS_OF_DAY=2026-03-31                     # (b) and (c)
AS_OF="DATE '$AS_OF_DAY'"

[ -f "$("$PG_CONFIG" --sharedir)/extension/neongraph.control" ] \
  || { echo "neongraph is not installed: run make install first" >&2; exit 1; }

# our own clusters only: forget the shared cluster's connection settings
unset PGHOST PGPORT PGDATABASE PGUSER PGSERVICE || true

base=$(mktemp -d "${NG_TMP:-/tmp}/sharding.XXXXXX")
chmod 755 "$base"
cleanup() {
  local rc=$?
  for c in coord shard1 shard2; do ng_stop_cluster "$base/$c"; done
  if [ $rc -ne 0 ]; then
    for c in coord shard1 shard2; do
      [ -f "$base/$c/server.log" ] && { echo "---- $c server.log (tail)"; tail -n 15 "$base/$c/server.log"; }
    done
  fi
  [ "${NG_KEEP:-}" ] || rm -rf "$base"
  return $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
gcc -O2 -Wall -Wextra -Werror -I"$("$PG_CONFIG" --includedir)" "$NG_ROOT/test/bench/gen.c" \
  -L"$("$PG_CONFIG" --libdir)" -lpq -o "$base/gen"

fails=0
ok()  { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }
t0=$(date +%s.%N)
lap() { printf '[%5.1fs] %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$*"; }

# the three clusters start side by side (initdb dominates the start-up time)
declare -A HOST PORT
for c in shard1 shard2 coord; do
  ( ng_start_cluster "$base/$c" "max_connections=40" "shared_buffers=64MB" \
      && echo "$PGHOST $PGPORT" > "$base/$c.addr" ) &
done
wait
for c in shard1 shard2 coord; do
  [ -s "$base/$c.addr" ] || { echo "cluster $c did not start"; exit 1; }
  read -r HOST[$c] PORT[$c] < "$base/$c.addr"
done
lap "clusters: coordinator 127.0.0.1:${PORT[coord]}, shard1 127.0.0.1:${PORT[shard1]}, shard2 127.0.0.1:${PORT[shard2]}"

# psql against one of our clusters: on coord|shard1|shard2 [psql args...]
on() { local c=$1; shift; "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "${HOST[$c]}" -p "${PORT[$c]}" -U postgres -d postgres "$@"; }

# the 34 provinces from the extension's catalog, alternately to each shard
on coord -c "CREATE EXTENSION neongraph"
mapfile -t provinces < <(on coord -At -c "SELECT code FROM neongraph.agency WHERE kind = 'province' ORDER BY agency_id")
[ ${#provinces[@]} -eq 34 ] || { echo "expected 34 provinces in neongraph.agency, got ${#provinces[@]}"; exit 1; }
p1=(); p2=()
for i in "${!provinces[@]}"; do
  if [ $((i % 2)) -eq 0 ]; then p1+=("${provinces[$i]}"); else p2+=("${provinces[$i]}"); fi
done
arr() { local IFS=,; echo "{$*}"; }
P1=$(arr "${p1[@]}"); P2=$(arr "${p2[@]}")
echo "shard1 holds ${#p1[@]} provinces: $P1"
echo "shard2 holds ${#p2[@]} provinces: $P2"

# the single server: the generator's national load in the coordinator's tracking model
PGHOST=${HOST[coord]} PGPORT=${PORT[coord]} PGUSER=postgres PGDATABASE=postgres \
  "$base/gen" --scale "$N" --seed "$SEED" --today "$REF" --no-triggers --jobs 2 --quiet > "$base/gen.out" \
  || { echo "the generator failed"; exit 1; }
echo "generator: $(cat "$base/gen.out")"
model=$(on coord -At -F ' ' -c "SELECT (SELECT count(*) FROM neongraph.assignment), (SELECT count(*) FROM neongraph.task),
  (SELECT count(*) FROM neongraph.directive), (SELECT count(*) FROM neongraph.agency WHERE kind = 'commune'),
  (SELECT count(DISTINCT coalesce(neongraph.deadline_kind(deadline), 'none')) FROM neongraph.task)")
read -r m_assign m_task m_dir m_communes m_kinds <<<"$model"
lap "generator: $m_assign assignments, $m_task tasks, $m_dir directives, $m_communes communes, $m_kinds deadline kinds (with undated) in the coordinator's model"
[ "$m_assign" -eq "$N" ] && ok "the generator loaded $N assignments into neongraph.assignment" || bad "neongraph.assignment holds $m_assign rows, not $N"

on shard1 -v provinces="$P1" -v shard=1 -v sleep=$SLEEP -f "$SQLDIR/shard.sql"
on shard2 -v provinces="$P2" -v shard=2 -v sleep=$SLEEP -f "$SQLDIR/shard.sql"
on coord -v shard1_port="${PORT[shard1]}" -v shard2_port="${PORT[shard2]}" \
         -v shard1_provinces="$P1" -v shard2_provinces="$P2" -f "$SQLDIR/coordinator.sql"
lap "schema: neongraph on 3 nodes, 34 foreign partitions + 1 local"
[ "$(on coord -At -c 'SHOW enable_partitionwise_aggregate')" = on ] \
  && ok "enable_partitionwise_aggregate is on for the coordinator's database" || bad "enable_partitionwise_aggregate not set"
for c in shard1 shard2; do
  [ "$(on $c -At -c "SELECT extversion FROM pg_extension WHERE extname = 'neongraph'")" = \
    "$(on coord -At -c "SELECT extversion FROM pg_extension WHERE extname = 'neongraph'")" ] \
    && ok "$c runs the coordinator's neongraph version" || bad "$c: neongraph version differs"
done

out=$(on coord -f "$SQLDIR/feed.sql")
echo "$out"
fed=$(sed -n 's/^assignments fed from the model: *//p' <<<"$out")
[ "${fed:-0}" -eq "$m_assign" ] && ok "every assignment of the model fed into the facts ($fed)" || bad "fed ${fed:-0} of $m_assign assignments"
on shard1 -c "ANALYZE public.assignment_fact"
on shard2 -c "ANALYZE public.assignment_fact"
on coord -c "ANALYZE public.assignment_fact"
n1=$(on shard1 -At -c "SELECT count(*) FROM public.assignment_fact")
n2=$(on shard2 -At -c "SELECT count(*) FROM public.assignment_fact")
np1=$(on shard1 -At -c "SELECT count(DISTINCT province) FROM public.assignment_fact")
np2=$(on shard2 -At -c "SELECT count(DISTINCT province) FROM public.assignment_fact")
nl=$(on coord -At -c "SELECT count(*) FROM ONLY public.assignment_fact_tw")
total=$(on coord -At -c "SELECT count(*) FROM public.assignment_fact")
lap "fed: $total rows: shard1 $n1 ($np1 provinces), shard2 $n2 ($np2 provinces), coordinator's central partition $nl"
[ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] && [ "$nl" -gt 0 ] && [ $((n1 + n2 + nl)) -eq "$total" ] \
  && ok "rows routed to both shards and the local partition" || bad "row routing"
out=$(on coord -f "$SQLDIR/rows.sql")
echo "$out"
fails=$((fails + $(grep -c '^FAIL' <<<"$out" || true)))
[ "$(grep -c '^ok' <<<"$out" || true)" -eq 2 ] || bad "rows: expected 2 checks to pass"

# ---- (a) scorecards equal to the single server's, as of several dates
a_ok=0; a_fail=0
for d in "${DATES[@]}"; do
  out=$(on coord -v as_of="$d" -v show=$([ "$d" = "$AS_OF_DAY" ] && echo 1 || echo 0) -f "$SQLDIR/scorecards.sql")
  echo "$out"
  a_fail=$((a_fail + $(grep -c '^FAIL' <<<"$out" || true)))
  n=$(grep -c '^ok' <<<"$out" || true)
  a_ok=$((a_ok + n))
  [ "$n" -eq 7 ] || bad "(a) as of $d: expected 7 scorecard checks to pass, $n did"
done
fails=$((fails + a_fail))
lap "(a) scorecards as of ${DATES[*]}: $a_ok checks ok, $a_fail failed"

# ---- (b) the per-province aggregation pushed to the shards
STATUS_CASE="CASE WHEN cancelled_on <= $AS_OF THEN 'cancelled'::neongraph.task_status
                  ELSE neongraph.deadline_status(CASE WHEN assigned_deadline IS NULL THEN deadline ELSE assigned_deadline END,
                                                 completed_on, $AS_OF) END"
STATUS_COALESCE="CASE WHEN cancelled_on <= $AS_OF THEN 'cancelled'::neongraph.task_status
                  ELSE neongraph.deadline_status(coalesce(assigned_deadline, deadline), completed_on, $AS_OF) END"
explain() { on coord -At -c "SET enable_partitionwise_aggregate = ${2:-on}" -c "EXPLAIN (VERBOSE, COSTS OFF) $1"; }
pushed_re='Remote SQL: SELECT .*neongraph\.status_rollup\(.*neongraph\.deadline_status\(.* GROUP BY'

plan=$(explain "SELECT province, (neongraph.status_rollup($STATUS_CASE)).* FROM public.assignment_fact GROUP BY province")
echo "$plan" > "$base/plan_province.txt"
n_pushed=$(grep -cE "$pushed_re" <<<"$plan" || true)
n_async=$(grep -c 'Async Foreign Scan' <<<"$plan" || true)
echo "-- EXPLAIN (VERBOSE) per-province scorecard, the relevant lines (first shard partition, the local one):"
grep -m1 -E 'Async Foreign Scan' <<<"$plan" | sed 's/^/   /'
grep -m1 -E 'Relations: Aggregate on' <<<"$plan" | sed 's/^/   /'
grep -m1 -E "$pushed_re" <<<"$plan" | sed 's/^/   /'
grep -A3 -m1 -E 'Aggregate$' <<<"$plan" | grep -E 'Aggregate|Group Key|Scan on' | sed 's/^/   /' || true
[ "$n_pushed" -eq 34 ] && ok "(b) per-province scorecard: aggregation pushed to the shards in all 34 foreign partitions" \
  || bad "(b) per-province scorecard: $n_pushed of 34 foreign partitions ship status_rollup (plan: $base/plan_province.txt)"
grep -q 'Seq Scan on public.assignment_fact_tw' <<<"$plan" \
  && ok "(b) the central bodies' partition is aggregated locally" || bad "(b) local partition not in the plan"

plan=$(explain "SELECT province, agency_code, (neongraph.status_rollup($STATUS_CASE)).* FROM public.assignment_fact GROUP BY province, agency_code")
n=$(grep -cE "${pushed_re} 1, 2" <<<"$plan" || true)
[ "$n" -eq 34 ] && ok "(b) per-agency scorecard (GROUP BY province, agency_code) pushed to the shards" \
  || bad "(b) per-agency scorecard: $n of 34 pushed"

plan=$(explain "WITH p AS (SELECT province, neongraph.status_rollup($STATUS_CASE) AS r FROM public.assignment_fact GROUP BY province)
  SELECT (neongraph.make_rollup(sum((r).done_on_time)::int8, sum((r).done_late)::int8, sum((r).overdue)::int8,
          sum((r).due_soon)::int8, sum((r).on_track)::int8, sum((r).recurring)::int8,
          sum((r).no_deadline)::int8, sum((r).cancelled)::int8)).* FROM p")
n=$(grep -cE "$pushed_re" <<<"$plan" || true)
[ "$n" -eq 34 ] && ok "(b) national total: per-province composites computed on the shards, summed by make_rollup" \
  || bad "(b) national total via make_rollup: $n of 34 pushed"

plan=$(explain "SELECT * FROM public.assignment_fact WHERE deadline OPERATOR(neongraph.<) 'Quý IV/2025'::neongraph.deadline
                AND neongraph.due_date(deadline) >= $AS_OF - 365
                AND neongraph.deadline_status(deadline, completed_on, $AS_OF) = 'overdue'")
n=$(grep -E 'Remote SQL:' <<<"$plan" | grep -F 'OPERATOR(neongraph.<)' | grep -F 'neongraph.due_date(' \
      | grep -cF "neongraph.deadline_status(deadline, completed_on, '$AS_OF_DAY'::date, 7) = 'overdue'::neongraph.task_status" || true)
[ "$n" -eq 34 ] && ok "(b) filters with the deadline operator, due_date and deadline_status are shipped" \
  || bad "(b) filters shipped in $n of 34 partitions"

# what is NOT shipped, and why (informational; the README lists these rules)
plan=$(explain "SELECT province, (neongraph.status_rollup($STATUS_COALESCE)).* FROM public.assignment_fact GROUP BY province")
echo "info coalesce(assigned_deadline, deadline) in the aggregate: pushed in $(grep -cE "$pushed_re" <<<"$plan" || true) of 34 partitions (PostgreSQL 15 postgres_fdw does not deparse COALESCE; the CASE form is shipped)"
plan=$(explain "SELECT province, (neongraph.status_rollup($STATUS_CASE)).* FROM public.assignment_fact GROUP BY province" off)
echo "info enable_partitionwise_aggregate = off: pushed in $(grep -cE "$pushed_re" <<<"$plan" || true) of 34 partitions (rows are pulled and aggregated on the coordinator)"
plan=$(explain "SELECT count(*) FROM public.assignment_fact WHERE neongraph.deadline_status(deadline, completed_on) = 'overdue'")
echo "info deadline_status(d, completed_on) (STABLE: as of today) in WHERE: shipped in $(grep -E 'Remote SQL:' <<<"$plan" | grep -c 'deadline_status' || true) of 34 (postgres_fdw ships IMMUTABLE functions only; pass as_of)"
plan=$(explain "SELECT count(*) FROM public.assignment_fact WHERE neongraph.deadline_kind(deadline) = 'month'")
echo "info deadline_kind(d) = 'month' in WHERE: shipped in $(grep -E 'Remote SQL:' <<<"$plan" | grep -c 'deadline_kind' || true) of 34 (a text result of non-text inputs has no collation postgres_fdw can vouch for)"

# ---- (c) the shards in parallel
[ "$n_async" -eq 34 ] && ok "(c) per-province scorecard runs as Async Foreign Scan on all 34 foreign partitions" \
  || bad "(c) Async Foreign Scan: $n_async of 34"
plan=$(explain "SELECT * FROM public.slow_probe")
[ "$(grep -c 'Async Foreign Scan' <<<"$plan" || true)" -eq 2 ] && ok "(c) probe plan: two Async Foreign Scans" || bad "(c) probe plan not async"
times=$(on coord -At <<SQL
CREATE FUNCTION pg_temp.elapsed(q text) RETURNS numeric LANGUAGE plpgsql AS
\$\$ DECLARE t0 timestamptz := clock_timestamp();
  BEGIN EXECUTE q; RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric, 3); END \$\$;
SET enable_async_append = on;
SELECT pg_temp.elapsed(\$q\$SELECT province, (neongraph.status_rollup($STATUS_CASE)).* FROM public.assignment_fact GROUP BY province\$q\$) \\g /dev/null
SELECT 'probe_async ' || pg_temp.elapsed('SELECT * FROM public.slow_probe');
SELECT 'scorecard_async ' || pg_temp.elapsed(\$q\$SELECT province, (neongraph.status_rollup($STATUS_CASE)).* FROM public.assignment_fact GROUP BY province\$q\$);
SET enable_async_append = off;
SELECT 'probe_sync ' || pg_temp.elapsed('SELECT * FROM public.slow_probe');
SELECT 'scorecard_sync ' || pg_temp.elapsed(\$q\$SELECT province, (neongraph.status_rollup($STATUS_CASE)).* FROM public.assignment_fact GROUP BY province\$q\$);
SET enable_async_append = on;
SET enable_partitionwise_aggregate = off;
SELECT 'scorecard_pulled ' || pg_temp.elapsed(\$q\$SELECT province, (neongraph.status_rollup($STATUS_CASE)).* FROM public.assignment_fact GROUP BY province\$q\$);
SELECT 'single_server ' || pg_temp.elapsed(\$q\$SELECT * FROM neongraph.agency_scorecard($AS_OF) WHERE kind = 'province'\$q\$);
SQL
)
declare -A T
while read -r k v; do T[$k]=$v; done <<<"$times"
echo "timing: probe sleeping ${SLEEP}s on each shard: async ${T[probe_async]}s, one after the other ${T[probe_sync]}s"
echo "timing: per-province scorecard, $total rows: pushed+async ${T[scorecard_async]}s, pushed+sequential ${T[scorecard_sync]}s, rows pulled to the coordinator ${T[scorecard_pulled]}s, single server (agency_scorecard on the model) ${T[single_server]}s"
parallel=no
if (( $(echo "${T[probe_sync]} >= 1.9 * $SLEEP && ${T[probe_async]} < 1.6 * $SLEEP" | bc) )); then
  parallel=yes; ok "(c) the two shards sleep at the same time: ${T[probe_async]}s async vs ${T[probe_sync]}s sequential"
else
  bad "(c) no overlap: ${T[probe_async]}s async vs ${T[probe_sync]}s sequential"
fi

lap "done"
status=$([ "$fails" -eq 0 ] && echo "scorecards equal, aggregation pushed down" || echo "$fails check(s) FAILED")
echo "sharding: 2 shards, $total generated assignments, ${#provinces[@]} provinces (+ central partition), $status as of ${#DATES[@]} dates, async foreign scans: $([ "$n_async" -eq 34 ] && echo yes || echo no), shards in parallel: $parallel"
[ "$fails" -eq 0 ]
