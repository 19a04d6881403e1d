#!/usr/bin/env bash
# make demo / make demo-stop: a private cluster under $NG_DEMO_DIR
# (default /var/tmp/neongraph-demo) with the seeds' directives loaded.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DIR=${NG_DEMO_DIR:-/var/tmp/neongraph-demo}
DB=neongraph_demo

case "${1:-start}" in
stop)
  if [ -f "$DIR/data/postmaster.pid" ]; then
    ng_as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    echo "demo cluster stopped (data kept in $DIR; make demo starts afresh)"
  else
    echo "no demo cluster running in $DIR"
  fi
  exit 0 ;;
start) ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

ng_build_install
# a fresh demo each time
[ -f "$DIR/data/postmaster.pid" ] && ng_as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
ng_sudo rm -rf "$DIR"
ng_start_cluster "$DIR"
"$PGBIN/createdb" "$DB"
PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$DB")
"${PSQL[@]}" -c 'CREATE EXTENSION neongraph'
if [ -f "$NG_ROOT/test/demo/load.sql" ]; then
  "${PSQL[@]}" -v demo_dir="$NG_ROOT/test/demo" -f "$NG_ROOT/test/demo/load.sql" >/dev/null
fi
"${PSQL[@]}" -P pager=off -v demo_dir="$NG_ROOT/test/demo" -f "$NG_ROOT/test/demo/show.sql"

cat <<TXT

The demo cluster is running (as user postgres, data in $DIR).
Connect:  psql -h $DIR -p $PGPORT -U postgres $DB
     or:  psql "host=127.0.0.1 port=$PGPORT user=postgres dbname=$DB"
Stop it:  make demo-stop
TXT
