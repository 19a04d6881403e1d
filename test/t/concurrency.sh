#!/usr/bin/env bash
# Concurrency: NG_LOAD_CLIENTS (8) pgbench clients, as an agency login under
# row-level security, report progress on, complete and reopen
# NG_LOAD_ASSIGNMENTS (10) assignments at random (so the same assignment is
# hit by several clients at once) for NG_LOAD_SECONDS (20). Each successful
# write is logged by the client in the same transaction. Afterwards: history
# rows = successful writes (per assignment and in all), progress reports =
# report writes, the writes to one assignment were serialized (their
# sequence numbers run 1..n), the row is what the last write left (no lost
# update), derived fields and rollups equal a recount, the history chain
# verifies, and no client saw an error (pgbench: 0 failed, no aborted client,
# no deadlock). Uses a database of its own in the shared cluster.
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/load_common.bash"
SECS=${NG_LOAD_SECONDS:-20}
DB=ng_concurrency
OUT=$(mktemp /tmp/ngconc.XXXXXX)
trap 'rm -f "$OUT"; "$PGBIN/dropdb" --if-exists "$DB" >/dev/null 2>&1' EXIT

"$PGBIN/dropdb" --if-exists "$DB" >/dev/null 2>&1
"$PGBIN/createdb" "$DB" || exit 1
"$PGBIN/psql" -XqAt -d "$DB" -c 'CREATE EXTENSION neongraph' || exit 1
load_setup "$DB" || { echo "setup failed"; exit 1; }

load_run "$DB" "$SECS" "$OUT"; rc=$?
cat "$OUT" | grep -vE '^(pgbench \(|transaction type|scaling factor|query mode|number of threads|maximum number of tries|duration|initial connection time)'
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT"); failed=${failed:-0}
aborted=$(grep -c 'aborted' "$OUT")
deadlocks=$(grep -ci 'deadlock' "$OUT")
[ $rc -eq 0 ] || echo "pgbench exited $rc"

res=$(load_check "$DB") || { echo "$res"; echo "check failed to run"; exit 1; }
echo "$res" | sed 's/^/  /'
writes=$(echo "$res" | awk '$1=="writes"{print $2}')
anom=$(echo "$res" | awk '$1=="anomalies"{print $2}')
client_errors=$(( failed + aborted + deadlocks + (rc != 0) ))
echo "concurrency: $NG_LOAD_CLIENTS clients, ${SECS}s, $NG_LOAD_ASSIGNMENTS assignments, $writes writes, client errors $client_errors, anomalies $anom"
[ "$anom" = 0 ] && [ "$client_errors" -eq 0 ] && [ "${writes:-0}" -gt 0 ]
