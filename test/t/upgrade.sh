#!/usr/bin/env bash
# Upgrade path: install every released version, fill it with data, run
# ALTER EXTENSION neongraph UPDATE, and check that
#  - every stored value (deadline, docref, task_status) and index survives,
#  - the updated extension has exactly the objects, comments and function
#    definitions of a fresh install of the newest version,
#  - behaviour after the update equals behaviour of the fresh install.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -At)
newest=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$NG_ROOT/neongraph.control")
versions=$("${PSQL[@]}" -d postgres -c "SELECT version FROM pg_available_extension_versions WHERE name = 'neongraph' ORDER BY string_to_array(version, '.')::int[]")
echo "available versions: $(echo $versions | tr '\n' ' '); newest $newest"

# what an installed extension consists of: members with their comments and,
# for functions, their full definitions
describe() {
  "${PSQL[@]}" -d "$1" <<'SQL'
SELECT pg_describe_object(d.classid, d.objid, 0) || ' | ' ||
       coalesce(obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)), '') || ' | ' ||
       CASE WHEN d.classid = 'pg_proc'::regclass AND (SELECT prokind FROM pg_proc WHERE oid = d.objid) <> 'a'
            THEN md5(pg_get_functiondef(d.objid)) ELSE '' END
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'neongraph')
UNION ALL
SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' | ' ||
       coalesce(col_description(c.oid, a.attnum), '')
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'neongraph'::regnamespace
UNION ALL
SELECT 'config ' || unnest(extconfig)::regclass::text FROM pg_extension WHERE extname = 'neongraph'
ORDER BY 1;
SQL
}

fail=0
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS ng_upgrade_fresh" -c "CREATE DATABASE ng_upgrade_fresh"
"${PSQL[@]}" -d ng_upgrade_fresh -c "CREATE EXTENSION neongraph"
describe ng_upgrade_fresh > "$NG_TMP/upgrade_fresh.txt"

for v in $versions; do
  [ "$v" = "$newest" ] && continue
  db=ng_upgrade_from_${v//./_}
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  "${PSQL[@]}" -d "$db" -c "CREATE EXTENSION neongraph VERSION '$v'"
  # data in the old version's types, with indexes on them
  "${PSQL[@]}" -d "$db" <<'SQL'
CREATE TABLE public.keep (id int PRIMARY KEY, d neongraph.deadline, r neongraph.docref,
                          s neongraph.task_status, done date);
INSERT INTO public.keep
SELECT i,
       (ARRAY['Hoàn thành trong tháng 9/2025', 'trước ngày 20/9/2025', 'Quý IV/2025', 'Năm 2025',
              'Nhiệm vụ thường xuyên', 'phấn đấu đến ngày 25/11/2025', '6 tháng đầu năm 2026',
              'giai đoạn 2026 - 2030', '31/12/2025', 'hằng quý'])[1 + i % 10]::neongraph.deadline,
       (ARRAY['44-TB/TGV', 'Số 67-QĐ/TGV', '193/2025/NQ-QH15', '8434/VPCP-KSTT', '07-TB/CQTTBCĐ'])[1 + i % 5]::neongraph.docref,
       (ARRAY['done_on_time', 'overdue', 'recurring'])[1 + i % 3]::neongraph.task_status,
       CASE WHEN i % 4 = 0 THEN DATE '2025-09-15' + i % 90 END
FROM generate_series(1, 5000) i;
CREATE INDEX keep_d ON public.keep (d);
CREATE INDEX keep_r ON public.keep (r);
CREATE INDEX keep_r_hash ON public.keep USING hash (r);
CREATE TABLE public.keep_before AS
SELECT id, d::text AS d, r::text AS r, s::text AS s,
       neongraph.deadline_status(d, done, DATE '2025-11-20')::text AS st FROM public.keep;
SQL
  "${PSQL[@]}" -d "$db" -c "ALTER EXTENSION neongraph UPDATE"
  got=$("${PSQL[@]}" -d "$db" -c "SELECT extversion FROM pg_extension WHERE extname = 'neongraph'")
  [ "$got" = "$newest" ] || { echo "update from $v ended at $got, not $newest"; fail=1; }
  # every value reads back the same and classifies the same
  diffs=$("${PSQL[@]}" -d "$db" -c "
    SELECT count(*) FROM public.keep k JOIN public.keep_before b USING (id)
    WHERE k.d::text IS DISTINCT FROM b.d OR k.r::text IS DISTINCT FROM b.r OR k.s::text IS DISTINCT FROM b.s
       OR neongraph.deadline_status(k.d, k.done, DATE '2025-11-20')::text IS DISTINCT FROM b.st")
  [ "$diffs" = 0 ] || { echo "from $v: $diffs values changed across the update"; fail=1; }
  # indexes still find every row
  idx=$("${PSQL[@]}" -d "$db" -c "
    SET enable_seqscan = off;
    SELECT (SELECT count(*) FROM public.keep WHERE d OPERATOR(neongraph.>=) '2025-01-01'::neongraph.deadline) =
           (SELECT count(*) FROM public.keep_before WHERE d::neongraph.deadline OPERATOR(neongraph.>=) '2025-01-01'::neongraph.deadline)
       AND (SELECT count(*) FROM public.keep WHERE r OPERATOR(neongraph.=) '44-TB/TGV'::neongraph.docref) = 1000")
  [ "$idx" = t ] || { echo "from $v: indexes disagree after the update"; fail=1; }
  # the updated extension is the fresh one, object for object
  describe "$db" > "$NG_TMP/upgrade_from_$v.txt"
  if ! diff -u "$NG_TMP/upgrade_fresh.txt" "$NG_TMP/upgrade_from_$v.txt" > "$NG_TMP/upgrade_$v.diff"; then
    echo "from $v: the updated extension differs from a fresh $newest install:"; head -40 "$NG_TMP/upgrade_$v.diff"; fail=1
  fi
  echo "from $v to $newest: $(wc -l < "$NG_TMP/upgrade_fresh.txt") objects compared, 5000 rows kept"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE $db"
done
"${PSQL[@]}" -d postgres -c "DROP DATABASE ng_upgrade_fresh"
[ "$(echo "$versions" | wc -w)" -ge 2 ] || { echo "only one version available: nothing to upgrade from"; fail=1; }
exit $fail
