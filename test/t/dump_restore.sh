#!/usr/bin/env bash
# Dump and restore: a database with the extension, the demo (test/demo/load.sql:
# directives, tasks through the import, progress, completions, verification)
# and a row in every other table that can hold users' data (a user-added
# agency, working group member, task link, KPI and value, agency login,
# ranking weight/snapshot and settings where those pieces exist), is dumped
# with pg_dump -Fc and restored with pg_restore into a new database under an
# empty search_path. Every table of the extension must come back with the
# same rows (md5 of its rows as text, in order), every deadline and docref
# value equal (compared as the types and as text), the shipped catalog not
# duplicated, and the history chain verifying in the restored copy. Also:
# CREATE EXTENSION under a hostile search_path (look-alike operators and
# functions that raise) does not call them.
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
SRC=ng_dump_src; DST=ng_dump_dst; HIJ=ng_hijack
TMPD=$(mktemp -d /tmp/ngdump.XXXXXX); chmod 755 "$TMPD"
cleanup() { for d in $SRC $DST $HIJ; do "$PGBIN/dropdb" --if-exists "$d" >/dev/null 2>&1; done; rm -rf "$TMPD"; }
trap cleanup EXIT
cleanup; mkdir -p "$TMPD"; chmod 755 "$TMPD"
P() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

"$PGBIN/createdb" $SRC && P -d $SRC -c 'CREATE EXTENSION neongraph' || exit 1
if [ -f "$NG_ROOT/test/demo/load.sql" ]; then
  P -d $SRC -v demo_dir="$NG_ROOT/test/demo" -f "$NG_ROOT/test/demo/load.sql" >"$TMPD/demo.log" 2>&1 \
    || { tail -20 "$TMPD/demo.log"; echo "demo load failed"; exit 1; }
fi
P -d $SRC <<'SQL' >/dev/null || exit 1
SET client_min_messages = warning;
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases)
VALUES ('HCM_TEST_DUMP', 'Sở Thử nghiệm Thành phố Hồ Chí Minh', 'department', 'HCM', '{"Sở TN"}');
INSERT INTO neongraph.directive (docref, kind, issuer, issued_on, title)
VALUES ('903-KH/DUMPTEST', 'KH', 'dump test', '2025-03-01', 'dump');
INSERT INTO neongraph.directive_link VALUES ('903-KH/DUMPTEST', '44-TB/TGV');
INSERT INTO neongraph.task (directive_id, item_no, content, deadline, deadline_text)
SELECT directive_id, 'D' || i, 'dump task ' || i, d::neongraph.deadline, d
  FROM neongraph.directive, unnest(ARRAY['31/12/2025', 'Trước 15/11/2025', 'tháng 9/2025', 'Quý IV/2025',
       '6 tháng đầu năm 2026', 'năm 2025', 'từ ngày 11/4/2025 đến ngày 20/4/2025', 'Thường xuyên',
       'hằng quý', 'phấn đấu đến ngày 25/11/2025']) WITH ORDINALITY AS x(d, i)
 WHERE docref::text = '903-KH/DUMPTEST';
INSERT INTO neongraph.task_agency (task_id, agency_code, role)
SELECT task_id, 'HCM_TEST_DUMP', 'lead' FROM neongraph.task WHERE item_no LIKE 'D%' AND content LIKE 'dump task%';
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT task_id, 'HCM_TEST_DUMP' FROM neongraph.task WHERE item_no LIKE 'D%' AND content LIKE 'dump task%';
SELECT neongraph.report_progress(task_id, 'HCM_TEST_DUMP', 30, '{"results": "một phần", "evidence": "CV 1"}')
  FROM neongraph.task WHERE content LIKE 'dump task%';
SELECT neongraph.restate_deadline(task_id, 'quý I/2026', 'gia hạn') FROM neongraph.task WHERE content = 'dump task 1';
SELECT neongraph.link_tasks(a.task_id, b.task_id, 'depends')
  FROM neongraph.task a, neongraph.task b WHERE a.content = 'dump task 2' AND b.content = 'dump task 3';
INSERT INTO neongraph.kpi (code, name, owner_code, unit, target, deadline)
VALUES ('DUMP_KPI', 'Tỷ lệ hồ sơ số hóa', 'HCM_TEST_DUMP', '%', 90, 'Quý IV/2025');
SELECT neongraph.record_kpi_value('DUMP_KPI', '2025-06-30', 42.5, 'báo cáo quý II');
INSERT INTO neongraph.task_import (directive, item_no, content, lead, deadline) VALUES ('903-KH/DUMPTEST', 'X', 'staged', 'Sở TN', 'quý 4/2025');
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ng_dump_login') THEN CREATE ROLE ng_dump_login; END IF;
END $$;
SELECT neongraph.register_agency_login('ng_dump_login', 'HCM_TEST_DUMP');
INSERT INTO neongraph.working_group (code, name) VALUES ('NTEST', 'Nhóm thử');
INSERT INTO neongraph.working_group_member VALUES ('NTEST', 'HCM_TEST_DUMP', 'member');
SQL
# optional pieces (issue 4): a row in their tables when they exist
P -d $SRC <<'SQL' >/dev/null 2>&1
DO $$ BEGIN
  IF to_regproc('neongraph.take_ranking_snapshot') IS NOT NULL THEN
    PERFORM neongraph.take_ranking_snapshot('month');
  END IF;
END $$;
SQL

# every table of the extension, and a fingerprint of each
cat >"$TMPD/fp.sql" <<'SQL'
SELECT c.relname, count_rows, md5
  FROM pg_class c
  JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'neongraph'
  CROSS JOIN LATERAL (SELECT (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %s', c.oid::regclass), false, true, '')))[1]::text AS count_rows,
                             (xpath('/row/m/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) AS m FROM %s t', c.oid::regclass), false, true, '')))[1]::text AS md5) x
 WHERE c.relkind = 'r' AND c.relname <> 'history_head'
 ORDER BY 1;
SQL
P -At -d $SRC -f "$TMPD/fp.sql" >"$TMPD/src.fp" || exit 1
# custom-type values, compared by value and by text in both styles
cat >"$TMPD/types.sql" <<'SQL'
SET neongraph.deadline_style = 'vi';
SELECT 'deadlines', count(*), md5(string_agg(task_id || ':' || coalesce(deadline::text, '-') || ':' || coalesce(assigned_deadline::text, '-'), ',' ORDER BY task_id)) FROM neongraph.task;
SET neongraph.deadline_style = 'iso';
SELECT 'deadlines_iso', count(*), md5(string_agg(task_id || ':' || coalesce(deadline::text, '-'), ',' ORDER BY task_id)) FROM neongraph.task;
SELECT 'docrefs', count(*), md5(string_agg(docref::text, ',' ORDER BY docref)) FROM neongraph.directive;
SELECT 'shipped_agencies', count(*) FILTER (WHERE is_shipped), count(*) FROM neongraph.agency;
SQL
P -At -d $SRC -f "$TMPD/types.sql" >"$TMPD/src.types" || exit 1

"$PGBIN/pg_dump" -Fc -f "$TMPD/src.dump" $SRC || { echo "pg_dump failed"; exit 1; }
"$PGBIN/createdb" $DST || exit 1
PGOPTIONS='-c search_path=' "$PGBIN/pg_restore" -d $DST --exit-on-error "$TMPD/src.dump" >"$TMPD/restore.log" 2>&1 \
  || { cat "$TMPD/restore.log"; echo "pg_restore failed"; exit 1; }
P -At -d $DST -f "$TMPD/fp.sql" >"$TMPD/dst.fp" || exit 1
P -At -d $DST -f "$TMPD/types.sql" >"$TMPD/dst.types" || exit 1

fail=0
if ! diff "$TMPD/src.fp" "$TMPD/dst.fp" >"$TMPD/fp.diff"; then
  echo "tables differ after restore (relname|rows|md5):"; cat "$TMPD/fp.diff"; fail=1
fi
if ! diff "$TMPD/src.types" "$TMPD/dst.types"; then echo "custom-type values differ"; fail=1; fi
broken=$(P -At -d $DST -c 'SELECT count(*) FROM neongraph.verify_history()')
[ "$broken" = 0 ] || { echo "history chain broken after restore: $broken"; P -d $DST -c 'SELECT * FROM neongraph.verify_history()'; fail=1; }
# a write in the restored copy chains on from the restored history
P -At -d $DST -c "SELECT neongraph.report_progress(task_id, 'HCM_TEST_DUMP', 50) FROM neongraph.task WHERE content = 'dump task 4'" >/dev/null \
  || { echo "write after restore failed"; fail=1; }
broken2=$(P -At -d $DST -c 'SELECT count(*) FROM neongraph.verify_history()')
[ "$broken2" = 0 ] || { echo "history chain broken after a write in the restored copy"; fail=1; }

# CREATE EXTENSION under a hostile search_path
"$PGBIN/createdb" $HIJ || exit 1
P -d $HIJ <<'SQL' || exit 1
CREATE SCHEMA evil;
CREATE FUNCTION evil.trap() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'hijacked'; END $$;
CREATE FUNCTION evil.eq_text(text, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'hijacked = on text'; END $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.eq_text);
CREATE FUNCTION evil.eq_int(int, int) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'hijacked = on int'; END $$;
CREATE OPERATOR evil.= (LEFTARG = int, RIGHTARG = int, FUNCTION = evil.eq_int);
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'hijacked btrim'; END $$;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'hijacked lower'; END $$;
CREATE FUNCTION evil.format(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'hijacked format'; END $$;
SQL
hij=ok
PGOPTIONS='-c search_path=evil,pg_catalog,public' P -d $HIJ -c 'SELECT 1 WHERE 1 = 1' >/dev/null 2>&1 && { echo "control: the trap did not fire"; fail=1; }
PGOPTIONS='-c search_path=evil,pg_catalog,public' P -d $HIJ -c 'CREATE EXTENSION neongraph' >"$TMPD/hij.log" 2>&1 \
  || { hij=failed; cat "$TMPD/hij.log" | head; echo "CREATE EXTENSION under a hostile search_path failed"; fail=1; }

tables=$(wc -l <"$TMPD/src.fp"); rows=$(awk -F'|' '{s+=$2} END {print s}' "$TMPD/src.fp")
echo "dump/restore: $tables tables, $rows rows, $(grep -c . "$TMPD/fp.diff") differing lines; custom types $(diff -q "$TMPD/src.types" "$TMPD/dst.types" >/dev/null && echo equal || echo DIFFER); history chain after restore: $broken broken; CREATE EXTENSION under hostile search_path: $hij"
exit $fail
