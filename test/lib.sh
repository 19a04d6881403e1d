# test/lib.sh — shared by test/run.sh, test/demo.sh and the tests under test/t:
# build and install the extension, start and stop a private cluster.
# PostgreSQL refuses to run as root, so the cluster runs as user postgres.

NG_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
[ -x "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config)
PGBIN=$("$PG_CONFIG" --bindir)
export PG_CONFIG PGBIN NG_ROOT

ng_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# run a command as the cluster's owner
ng_as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else sudo -u postgres -- "$@"; fi
}

ng_build_install() {
  make -C "$NG_ROOT" -s PG_CONFIG="$PG_CONFIG" >/dev/null
  ng_sudo make -C "$NG_ROOT" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# a TCP port on 127.0.0.1 that nothing listens on
ng_free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + (RANDOM % 20000) ))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

# ng_start_cluster DIR [extra postgres -c options...]: initdb + start; sets PGHOST PGPORT PGUSER
ng_start_cluster() {
  local dir=$1; shift
  mkdir -p "$dir"
  ng_sudo chown postgres "$dir"
  chmod 755 "$dir"
  ng_as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  local port; port=$(ng_free_port)
  local opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off"
  for o in "$@"; do opts="$opts -c $o"; done
  ng_as_pg "$PGBIN/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  export PGHOST=$dir PGPORT=$port PGUSER=postgres
}

ng_stop_cluster() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] && ng_as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  return 0
}

# ng_bench_tmp NAME: the benchmarks' throwaway directory, /tmp/neongraph-NAME.XXXXXX,
# in $TMP; on exit its cluster is stopped (server log tail shown on failure, via the
# caller's log function) and the directory removed unless NG_KEEP is set.
ng_bench_tmp() {
  TMP=$(mktemp -d "/tmp/neongraph-$1.XXXXXX")
  chmod 755 "$TMP"
  trap ng_bench_cleanup EXIT
  trap 'exit 130' INT TERM
}
ng_bench_cleanup() {
  local rc=$?
  if [ $rc -ne 0 ] && [ -f "$TMP/server.log" ]; then
    log "failed (exit $rc); last lines of the server log:"
    tail -n 15 "$TMP/server.log" >&2 || true
  fi
  ng_stop_cluster "$TMP"
  if [ "${NG_KEEP:-}" ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
