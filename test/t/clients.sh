#!/usr/bin/env bash
# Real clients: the BI views and the functions read and called through the
# drivers BI tools and other systems use, from Debian's packages:
#   - Python with psycopg2 (python3-psycopg2): test/clients/psycopg2_client.py
#   - Java with PgJDBC (libpostgresql-jdbc-java, compiled with the JDK's javac):
#     test/clients/JdbcClient.java
# Both connect over TCP to 127.0.0.1:$PGPORT, to a database of their own with
# the demo loaded (or a few rows made through the SQL API without it). They
# check that every view has plain column types and each value arrives as its
# driver's type for that column, that neongraph's own types read as their text,
# that parameters and jsonb work, and that errors carry SQLSTATE, detail, hint.
#
# Run by test/run.sh against its cluster (PGHOST, PGPORT exported), or by hand:
#   NG_TMP=/tmp/clu bash test/t/clients.sh   (a cluster started by ng_start_cluster)
# NG_CLIENTS_NO_DEMO=1 skips the demo and uses the few seeded rows.
# Needs: python3-psycopg2 libpostgresql-jdbc-java default-jdk-headless (test/prereqs.sh);
# installs them itself only when it runs as root and they are missing.
set -uo pipefail
. "$(dirname "$0")/../lib.sh"

if [ -z "${PGPORT:-}" ] && [ -n "${NG_TMP:-}" ] && [ -f "$NG_TMP/data/postmaster.pid" ]; then
  export PGHOST=$NG_TMP PGPORT=$(sed -n 4p "$NG_TMP/data/postmaster.pid") PGUSER=postgres
fi
[ -n "${PGPORT:-}" ] || { echo "clients: no cluster (set PGHOST/PGPORT or NG_TMP)"; exit 1; }
export PGUSER=${PGUSER:-postgres}
start=$SECONDS

# ---- the drivers --------------------------------------------------------------
JAR=/usr/share/java/postgresql.jar
find_python() {
  local p
  for p in /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
    [ -n "$p" ] && [ -x "$p" ] && "$p" -c 'import psycopg2' 2>/dev/null && { echo "$p"; return 0; }
  done
  return 1
}
PY=$(find_python)
if [ -z "$PY" ] || [ ! -f "$JAR" ] || ! command -v javac >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "clients: installing python3-psycopg2 libpostgresql-jdbc-java default-jdk-headless"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq --no-install-recommends python3 python3-psycopg2 libpostgresql-jdbc-java default-jdk-headless \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 python3-psycopg2 libpostgresql-jdbc-java default-jdk-headless; }
    } >/dev/null 2>&1
    PY=$(find_python)
  fi
fi
[ -n "$PY" ] || { echo "clients: python3-psycopg2 missing (see test/prereqs.sh)"; exit 1; }
[ -f "$JAR" ] || { echo "clients: $JAR missing: install libpostgresql-jdbc-java"; exit 1; }
command -v javac >/dev/null || { echo "clients: javac missing: install default-jdk-headless"; exit 1; }

# ---- a database of our own ----------------------------------------------------
DB=ng_clients_$$
WORK=$(mktemp -d /tmp/ng-clients.XXXXXX)
cleanup() {
  "$PGBIN/dropdb" --if-exists --force "$DB" >/dev/null 2>&1 || "$PGBIN/dropdb" --if-exists "$DB" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# compile while the database is made
( javac -encoding UTF-8 -nowarn -d "$WORK" -cp "$JAR" "$NG_ROOT/test/clients/JdbcClient.java" > "$WORK/javac.log" 2>&1; echo $? > "$WORK/javac.rc" ) &
javac_pid=$!

"$PGBIN/createdb" -E UTF8 -T template0 "$DB" || { echo "clients: createdb failed"; exit 1; }
"$PGBIN/psql" -XqAt -v ON_ERROR_STOP=1 -d "$DB" -c 'CREATE EXTENSION neongraph' >/dev/null \
  || { echo "clients: CREATE EXTENSION neongraph failed"; exit 1; }

data=""
if [ -z "${NG_CLIENTS_NO_DEMO:-}" ] && [ -f "$NG_ROOT/test/demo/load.sql" ] &&
   "$PGBIN/psql" -Xq -v ON_ERROR_STOP=1 -v demo_dir="$NG_ROOT/test/demo" -d "$DB" \
     -f "$NG_ROOT/test/demo/load.sql" > "$WORK/demo.log" 2>&1; then
  data="demo"
else
  if [ -f "$WORK/demo.log" ]; then
    echo "clients: the demo did not load, seeding a few rows instead:"; tail -5 "$WORK/demo.log"
  fi
  # a clean database again: the demo runs in one transaction, but be sure
  "$PGBIN/dropdb" --force "$DB" >/dev/null 2>&1
  "$PGBIN/createdb" -E UTF8 -T template0 "$DB" || exit 1
  "$PGBIN/psql" -XqAt -v ON_ERROR_STOP=1 -d "$DB" > "$WORK/seed.log" 2>&1 <<'EOF' || { echo "clients: seeding failed"; cat "$WORK/seed.log"; exit 1; }
CREATE EXTENSION neongraph;
SELECT neongraph.upsert_directive('44-TB/TGV', 'TB', 'Tổ Giúp việc', '2025-09-12', NULL, 'Thông báo kết luận');
INSERT INTO neongraph.task_import (directive, item_no, content, lead, cooperating, deadline, note) VALUES
  ('44-TB/TGV', '1', 'Ban hành Chiến lược dữ liệu', 'Bộ Công an', 'Bộ Tư pháp', 'Hoàn thành trong tháng 9/2025', NULL),
  ('44-TB/TGV', '2', 'Kết nối cơ sở dữ liệu hộ tịch', 'Bộ Tư pháp', NULL, 'Trước 15/11/2025', 'Hạn được giao: 30/9/2025'),
  ('44-TB/TGV', '3', 'Báo cáo định kỳ', 'Bộ Y tế', NULL, 'Thường xuyên', NULL),
  ('44-TB/TGV', '4', 'Hướng dẫn số hóa văn bằng', 'Bộ Giáo dục và Đào tạo', NULL, 'quý IV/2025', NULL),
  ('44-TB/TGV', '5', 'Rà soát thủ tục hành chính', 'Văn phòng Chính phủ', NULL, NULL, NULL);
SELECT count(*) FROM neongraph.apply_import();
SELECT neongraph.complete_assignment(t.task_id, 'BTP', '2025-10-30', 'Nền tảng hộ tịch điện tử vận hành')
  FROM neongraph.task t WHERE t.item_no = '2';
SELECT neongraph.report_progress(t.task_id, 'BCA', 50, '{"results": "Dự thảo xong"}')
  FROM neongraph.task t WHERE t.item_no = '1';
EOF
  data="seed"
fi
echo "clients: database $DB ($data), $(( SECONDS - start ))s"

# ---- the clients, side by side -----------------------------------------------
timeout 300 "$PY" "$NG_ROOT/test/clients/psycopg2_client.py" "$DB" "$PGPORT" 127.0.0.1 > "$WORK/python.log" 2>&1 &
py_pid=$!
wait "$javac_pid"
java_rc=1
if [ "$(cat "$WORK/javac.rc" 2>/dev/null)" = 0 ]; then
  timeout 300 java -Dfile.encoding=UTF-8 -cp "$JAR:$WORK" JdbcClient "$DB" "$PGPORT" 127.0.0.1 > "$WORK/java.log" 2>&1
  java_rc=$?
else
  { echo "clients: javac failed:"; cat "$WORK/javac.log"; } > "$WORK/java.log"
fi
wait "$py_pid"
py_rc=$?
cat "$WORK/python.log" "$WORK/java.log"
py_summary=$(grep -E '^python: [0-9]+ checks' "$WORK/python.log" | tail -1)
java_summary=$(grep -E '^java: [0-9]+ checks' "$WORK/java.log" | tail -1)
fail=0
[ $py_rc -eq 0 ] && [ -n "$py_summary" ] || fail=1
[ $java_rc -eq 0 ] && [ -n "$java_summary" ] || fail=1

# "python: 23 checks, 0 failed" -> counts
n_of()   { sed -nE 's/^[a-z]+: ([0-9]+) checks, ([0-9]+) failed$/\1/p' <<<"$1"; }
bad_of() { sed -nE 's/^[a-z]+: ([0-9]+) checks, ([0-9]+) failed$/\2/p' <<<"$1"; }
pyn=$(n_of "$py_summary"); pyf=$(bad_of "$py_summary")
jn=$(n_of "$java_summary"); jf=$(bad_of "$java_summary")
[ -n "$pyn" ] || { pyn="?"; pyf=1; }
[ -n "$jn" ] || { jn="?"; jf=1; }
total_failed=$(( pyf + jf ))
[ $fail -ne 0 ] && [ $total_failed -eq 0 ] && total_failed=1
echo "clients: python $pyn checks, java $jn checks, $total_failed failed ($(( SECONDS - start ))s)"
[ $total_failed -eq 0 ]
