#!/usr/bin/env bash
# Crash safety: in a cluster of its own, the concurrency load (load_common.bash)
# runs for NG_CRASH_SECONDS (10) and, half way, the postmaster and every
# server process of that cluster get SIGKILL. The server restarts (crash
# recovery from the WAL) and the same invariants must hold on what was
# committed: history rows = logged writes, no lost update, derived fields =
# recount, history chain whole (verify_history), and amcheck's
# bt_index_check passes on every index of neongraph and of the load's log.
# (The cluster runs with fsync=off, which a process kill does not defeat:
# the WAL written before the kill is in the OS cache.)
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/load_common.bash"
SECS=${NG_CRASH_SECONDS:-10}
DIR=$(mktemp -d /tmp/neongraph-crash.XXXXXX)
OUT="$DIR/pgbench.out"
trap 'ng_stop_cluster "$DIR"; rm -rf "$DIR"' EXIT
ng_start_cluster "$DIR" || exit 1
DB=ng_crash
"$PGBIN/createdb" "$DB" && "$PGBIN/psql" -XqAt -d "$DB" -c 'CREATE EXTENSION neongraph; CREATE EXTENSION amcheck' || exit 1
load_setup "$DB" || { echo "setup failed"; exit 1; }

load_run "$DB" "$SECS" "$OUT" &
bench=$!
sleep $(( SECS / 2 ))
before=$("$PGBIN/psql" -XAtq -d "$DB" -c 'SELECT count(*) FROM ngload.writes')
pm=$(head -1 "$DIR/data/postmaster.pid")
kids=$(ps -o pid= --ppid "$pm" | tr -d ' ')
kill -KILL "$pm" $kids 2>/dev/null
echo "killed postmaster $pm and $(echo $kids | wc -w) server processes with SIGKILL after ${before} writes"
wait $bench 2>/dev/null
grep -cE 'server closed|terminat|connection' "$OUT" >/dev/null && echo "pgbench clients lost their connections, as expected"
sleep 1
# the killed postmaster may linger as a zombie (no init to reap it in a container): drop its lock files
rm -f "$DIR/data/postmaster.pid" "$DIR/.s.PGSQL.$PGPORT.lock"
ng_as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -o "-p $PGPORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" \
  -l "$DIR/server.log" -w -t 120 start >/dev/null || { tail -30 "$DIR/server.log"; echo "restart failed"; exit 1; }
grep -q 'database system was interrupted\|redo starts\|redo done\|automatic recovery' "$DIR/server.log" \
  && echo "crash recovery: $(grep -oE 'redo done at [0-9A-F/]+' "$DIR/server.log" | tail -1)"

# a write after the restart still chains on
"$PGBIN/psql" -XAtq -U "$LOAD_ROLE" -d "$DB" -c 'SELECT ngload.op(1, 99)' >/dev/null || { echo "write after restart failed"; exit 1; }

res=$(load_check "$DB") || { echo "$res"; exit 1; }
echo "$res" | sed 's/^/  /'
amc=$("$PGBIN/psql" -XAtq -d "$DB" <<'SQL'
SELECT count(*) FROM (
  SELECT bt_index_check(c.oid, true)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
   WHERE am.amname = 'btree' AND c.relnamespace IN ('neongraph'::regnamespace, 'ngload'::regnamespace)) x;
SQL
) || { echo "amcheck failed: $amc"; exit 1; }
writes=$(echo "$res" | awk '$1=="writes"{print $2}')
anom=$(echo "$res" | awk '$1=="anomalies"{print $2}')
echo "crash: $NG_LOAD_CLIENTS clients, SIGKILL at ${before} writes, $writes writes after recovery, $amc btree indexes checked (amcheck), anomalies $anom"
[ "$anom" = 0 ] && [ "${writes:-0}" -ge "${before:-0}" ]
