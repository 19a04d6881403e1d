#!/usr/bin/env bash
# Upgrade path: install every released version, fill it with data, run
# ALTER EXTENSION neongraph UPDATE, and check that
#  - every stored value (deadline, docref, task_status) and index survives,
#  - the updated extension has exactly the objects, comments and function
#    definitions of a fresh install of the newest version,
#  - behaviour after the update equals behaviour of the fresh install;
#  - from a version with the tracking model (1.1): directives, tasks and
#    assignments loaded before the update (completions, cancellations,
#    blocks, directives issued ahead or without a date) have summaries after
#    it that give the recomputed scorecards on many dates and equal a
#    rebuild, and keep doing so through writes made after the update.
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
UNION ALL
-- indexes, constraints and triggers are not members: compared by definition
SELECT 'index ' || pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'neongraph'::regnamespace
UNION ALL
SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE c.relnamespace = 'neongraph'::regnamespace
UNION ALL
SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' | ' || coalesce(obj_description(t.oid, 'pg_trigger'), '')
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = 'neongraph'::regnamespace AND NOT t.tgisinternal
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
  # the tracking model's data, where the version has the model: plain
  # INSERTs through its tables (and its triggers), dates around today
  model=$("${PSQL[@]}" -d "$db" -c "SELECT to_regclass('neongraph.assignment') IS NOT NULL")
  if [ "$model" = t ]; then
    "${PSQL[@]}" -d "$db" <<'SQL'
INSERT INTO neongraph.working_group (code, name, leader) VALUES ('UPG_G1', 'Nhóm thử nâng cấp', 'A');
INSERT INTO neongraph.working_group_member (group_code, agency_code)
SELECT 'UPG_G1', code FROM neongraph.agency WHERE kind = 'province' ORDER BY code LIMIT 5;
-- issued without a date, 180, 120 and 60 days ago, today, in 60 days
INSERT INTO neongraph.directive (docref, kind, issued_on)
SELECT (800 + k) || '-KH/UPG', 'KH', CASE WHEN k > 0 THEN neongraph.today() + (k - 4) * 60 END
  FROM generate_series(0, 5) k;
-- dated (around today), before-forms, months, recurring and undated
-- deadlines; a working group of their own for some
INSERT INTO neongraph.task (directive_id, item_no, content, deadline, working_group)
SELECT d.directive_id, 'U' || i, 'upgrade task ' || i,
       (CASE i % 6 WHEN 0 THEN to_char(neongraph.today() + i % 97 - 48, 'YYYY-MM-DD')
                   WHEN 1 THEN 'trước ngày ' || to_char(neongraph.today() + i % 29 - 9, 'DD/MM/YYYY')
                   WHEN 2 THEN to_char(neongraph.today() - i % 150, 'YYYY-MM')
                   WHEN 3 THEN 'Thường xuyên'
                   WHEN 4 THEN NULL
                   ELSE to_char(neongraph.today() + i % 41, 'YYYY-MM-DD') END)::neongraph.deadline,
       CASE WHEN i % 5 = 0 THEN 'UPG_G1' END
  FROM generate_series(1, 300) i
  JOIN neongraph.directive d ON d.docref::text = (800 + i % 6) || '-KH/UPG';
-- one or two lead agencies; completed, cancelled or blocked for some
INSERT INTO neongraph.assignment (task_id, agency_code, completed_on, evidence, cancelled, cancel_reason,
                                  cancelled_on, blocked, blocked_reason, blocked_since)
SELECT t.task_id, a.code,
       CASE WHEN x.done THEN neongraph.today() - ((t.task_id * 7 + a.n) % 200)::int END,
       CASE WHEN x.done THEN 'CV ' || t.task_id END,
       x.canc, CASE WHEN x.canc THEN 'dừng' END,
       CASE WHEN x.canc THEN neongraph.today() - (t.task_id % 100)::int END,
       x.blk, CASE WHEN x.blk THEN 'vướng' END,
       CASE WHEN x.blk THEN neongraph.today() - (t.task_id % 50)::int END
  FROM neongraph.task t
  JOIN (SELECT code, (row_number() OVER (ORDER BY code))::int AS n
          FROM neongraph.agency WHERE kind IN ('province', 'ministry') ORDER BY code LIMIT 12) a
    ON a.n = 1 + t.task_id % 12 OR (t.task_id % 4 = 0 AND a.n = 1 + (t.task_id + 5) % 12)
 CROSS JOIN LATERAL (SELECT (t.task_id + a.n) % 3 = 0 AS done,
                            (t.task_id + a.n) % 3 <> 0 AND (t.task_id + a.n) % 10 = 1 AS canc,
                            (t.task_id + a.n) % 20 = 2 AS blk) x
 WHERE t.content LIKE 'upgrade task %';
SQL
  fi
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
  if [ "$model" = t ]; then
    # the summaries after the update: the recomputed scorecards on dates
    # around every issue date, and the rows of a rebuild; again after writes
    # made through the updated triggers
    summaries_check() {
      "${PSQL[@]}" -d "$db" <<'SQL'
SELECT (SELECT count(*) FROM unnest(ARRAY[-400, -181, -180, -179, -121, -120, -61, -60, -31, -8, -1, 0, 1, 7, 30, 59, 60, 61, 400]) k,
                             neongraph.summary_check(neongraph.today() + k))
       || ' ' ||
       (SELECT count(*) FROM neongraph.assignment_summary) || ' ' ||
       (SELECT count(*) FROM neongraph.agency_scorecard_fast(neongraph.today()) WHERE total > 0);
BEGIN;
CREATE TEMP TABLE s1 AS SELECT * FROM neongraph.assignment_summary;
CREATE TEMP TABLE s2 AS SELECT * FROM neongraph.assignment_summary_soon;
SELECT neongraph.rebuild_summaries() >= 0;
SELECT (SELECT count(*) FROM (TABLE s1 EXCEPT ALL TABLE neongraph.assignment_summary) x)
     + (SELECT count(*) FROM (TABLE neongraph.assignment_summary EXCEPT ALL TABLE s1) x)
     + (SELECT count(*) FROM (TABLE s2 EXCEPT ALL TABLE neongraph.assignment_summary_soon) x)
     + (SELECT count(*) FROM (TABLE neongraph.assignment_summary_soon EXCEPT ALL TABLE s2) x);
ROLLBACK;
SQL
    }
    out=$(summaries_check)
    read -r diffs rows agencies <<< "$(echo "$out" | head -1)"
    rebuilt=$(echo "$out" | tail -1)
    echo "from $v: summaries after the update: $diffs scorecard rows differ on 19 dates, $rows summary rows, $agencies agencies counted, $rebuilt rows differ from a rebuild"
    [ "$diffs" = 0 ] && [ "$rebuilt" = 0 ] && [ "$rows" -gt 0 ] && [ "$agencies" -gt 0 ] \
      || { echo "from $v: the summaries are wrong after the update"; fail=1; }
    "${PSQL[@]}" -d "$db" > /dev/null <<'SQL'
SELECT count(neongraph.complete_assignment(s.task_id, s.agency_code, neongraph.today() - (s.task_id % 30)::int, 'QĐ ' || s.task_id))
  FROM neongraph.assignment s WHERE s.completed_on IS NULL AND NOT s.cancelled AND s.task_id % 7 = 0;
SELECT count(neongraph.cancel_assignment(s.task_id, s.agency_code, 'dừng', neongraph.today() - (s.task_id % 20)::int))
  FROM neongraph.assignment s WHERE s.completed_on IS NULL AND NOT s.cancelled AND s.task_id % 7 = 1;
UPDATE neongraph.directive SET issued_on = neongraph.today() - 20 WHERE docref::text = '805-KH/UPG';
UPDATE neongraph.task SET working_group = 'UPG_G1' WHERE content LIKE 'upgrade task %' AND task_id % 9 = 0;
DELETE FROM neongraph.task WHERE content LIKE 'upgrade task %' AND task_id % 11 = 0;
SQL
    out=$(summaries_check)
    read -r diffs rows agencies <<< "$(echo "$out" | head -1)"
    rebuilt=$(echo "$out" | tail -1)
    echo "from $v: summaries after writes: $diffs scorecard rows differ, $rebuilt rows differ from a rebuild"
    [ "$diffs" = 0 ] && [ "$rebuilt" = 0 ] || { echo "from $v: the summaries are wrong after writes"; fail=1; }
  fi
  echo "from $v to $newest: $(wc -l < "$NG_TMP/upgrade_fresh.txt") objects compared, 5000 rows kept"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE $db"
done
"${PSQL[@]}" -d postgres -c "DROP DATABASE ng_upgrade_fresh"
[ "$(echo "$versions" | wc -w)" -ge 2 ] || { echo "only one version available: nothing to upgrade from"; fail=1; }
exit $fail
