#!/usr/bin/env bash
# test/t/fuzz_inputs.sh — random-mutation fuzz of the input functions of
# neongraph.docref and neongraph.deadline (run by test/run.sh; exit 0 = pass).
#
# A seed corpus of real forms (and their NFD spellings) is mutated in SQL with
# a fixed seed (setseed): characters inserted, deleted or replaced from a pool
# (digits, '/', '-', '.', Vietnamese letters, combining marks, NBSP, emoji,
# random code points), truncation, long repetitions, case changes and
# splices of two corpus entries.  Asserted, for every input:
#   * bulk (NG_FUZZ_BULK per type, set-based through try_docref/try_deadline):
#     try_* never raises; every non-NULL value round-trips (out -> in gives an
#     equal value, and the same text again) — for deadline in both output
#     styles (neongraph.deadline_style = iso and vi);
#   * sample (NG_FUZZ_SAMPLE per type, PL/pgSQL loop over the real cast
#     text::type): the cast either succeeds or raises SQLSTATE 22P02, never
#     another SQLSTATE, and it agrees with try_* (NULL exactly when it raised);
#   * the server survives: the session is never lost, the postmaster pid and
#     the checkpointer's start time (which changes on a crash restart) are
#     unchanged, and the server log (when NG_TMP/server.log exists) has no
#     "terminated by signal".
# Env: PGHOST PGPORT PGUSER (as test/run.sh sets them); NG_FUZZ_BULK (300000),
# NG_FUZZ_SAMPLE (20000), NG_FUZZ_SEED (0.4242).
set -uo pipefail

BULK=${NG_FUZZ_BULK:-300000}
SAMPLE=${NG_FUZZ_SAMPLE:-20000}
SEED=${NG_FUZZ_SEED:-0.4242}
PSQL=${PGBIN:+$PGBIN/}psql
DB=ng_fuzz_$$
export PGUSER=${PGUSER:-postgres}

t0=$(date +%s)
"$PSQL" -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DB" || exit 1
cleanup() { "$PSQL" -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; }
trap cleanup EXIT

server_state() {
  "$PSQL" -X -Atq -d postgres -c "SELECT split_part(pg_read_file('postmaster.pid'), E'\n', 1) || ' ' ||
    (SELECT backend_start FROM pg_stat_activity WHERE backend_type = 'checkpointer')"
}
before=$(server_state) || { echo "cannot read server state"; exit 1; }
log_lines_before=0
LOG=${NG_TMP:+$NG_TMP/server.log}
[ -n "$LOG" ] && [ -f "$LOG" ] && log_lines_before=$(wc -l < "$LOG")

out=$("$PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$DB" -v bulk="$BULK" -v sample="$SAMPLE" \
        -v seed="$SEED" 2>&1 <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION neongraph;
DO $$ BEGIN
  IF to_regtype('neongraph.deadline') IS NULL OR to_regproc('neongraph.try_deadline') IS NULL THEN
    RAISE EXCEPTION 'neongraph.deadline / neongraph.try_deadline are missing';
  END IF;
END $$;

CREATE TEMP TABLE corpus (typ text, s text);
INSERT INTO corpus (typ, s) SELECT 'docref', x FROM unnest(ARRAY[
  '44-TB/TGV', 'Số 67-QĐ/TGV', 'số 01-KH/BCĐ', '07-TB/CQTTBCĐ', '57-NQ/TW',
  '02-KH/BCĐTW', '02 KH/BCĐTW', '02/KH-BCĐTW', '193/2025/NQ-QH15', '180/2025/NĐ-CP',
  '118/2025/NĐ-CP', '8434/VPCP-KSTT', '55-CV/BTGDVĐU', '1270/BC-TCTTTg',
  'Số: 12/CT-TTg', 'Quyết định số 1131/QĐ-TTg', 'Số 123/QĐ-UBND',
  '05/2025/TT-BKHCN', 'số 36-KL/TW', 'Số 01 -KH/BCĐ', '515/KH-BCA-BNNMT',
  '11725/BTC-QLĐT', '61-CTr/TGV', 'Thông báo kết luận số 07-TB/CQTTBCĐ',
  'No. 59/2020/QH14', '08-QĐi/TW', '1/TƯ-X']) x;
INSERT INTO corpus (typ, s) SELECT 'deadline', x FROM unnest(ARRAY[
  'Hoàn thành trong tháng 9/2025', 'trước ngày 20/9/2025', 'Trước 15/11/2025',
  'Quý IV/2025', '6 tháng đầu năm 2026', 'giai đoạn 2026 - 2030',
  'Nhiệm vụ thường xuyên', 'phấn đấu đến ngày 25/11/2025',
  'ngày 15 tháng 12 năm 2025', '2025-04-11/2025-04-20', 'hằng quý',
  '31/12/2025', 'trong năm 2025', 'Hoàn thành trước ngày 01/10/2025',
  'từ ngày 11/4/2025 đến ngày 20/4/2025', 'chậm nhất ngày 30/6/2026',
  'đến hết tháng 12/2025', '2025-Q4', '2026-H1', '20.7.2020', '30-6-2025',
  'định kỳ hằng tháng', 'tháng 9 năm 2025', 'trong quý II/2025']) x;
INSERT INTO corpus (typ, s) SELECT typ, normalize(s, NFD) FROM corpus WHERE normalize(s, NFD) <> s;

-- one random character: from the pool, or a random code point
CREATE FUNCTION pg_temp.rchar() RETURNS text LANGUAGE sql VOLATILE AS $f$
  SELECT CASE floor(random() * 3)::int
    WHEN 0 THEN (ARRAY['0','1','2','9','/','-','.',':',' ','Đ','đ','ư','Ư','ơ','â','ă','ê',
                       'ô','ộ','ệ','Số','số','TB','QĐ','tháng','quý','năm','ngày','trước',
                       E'\u0300',E'\u0301',E'\u0303',E'\u0309',E'\u0323',E'\u0302',E'\u031b',
                       E'\u00a0',E'\u2013',E'\u2014',E'\u200b','😀','🇻🇳','€','ß',E'\t',E'\u0007'])
                [1 + floor(random() * 46)::int]
    WHEN 1 THEN chr(32 + floor(random() * 95)::int)
    ELSE chr((ARRAY[160, 768, 7680, 8192, 128512, 1, 880, 19968])[1 + floor(random() * 8)::int]
             + floor(random() * 112)::int)
  END
$f$;

-- one mutation of s; other is a second corpus entry for splices
CREATE FUNCTION pg_temp.mut(s text, other text) RETURNS text LANGUAGE sql VOLATILE AS $f$
  SELECT CASE op
    WHEN 0 THEN left(s, p) || pg_temp.rchar() || substr(s, p + 1)
    WHEN 1 THEN left(s, p) || pg_temp.rchar() || substr(s, p + 1)
    WHEN 2 THEN left(s, p) || substr(s, p + 2)
    WHEN 3 THEN left(s, p) || pg_temp.rchar() || substr(s, p + 2)
    WHEN 4 THEN left(s, p)
    WHEN 5 THEN left(s, p) || substr(other, 1 + floor(random() * (length(other) + 1))::int)
    WHEN 6 THEN left(s, p) || repeat(substr(s, p + 1, 1 + floor(random() * 4)::int),
                                     1 + floor(random() * 400)::int) || substr(s, p + 1)
    WHEN 7 THEN CASE WHEN random() < 0.5 THEN upper(s) ELSE lower(s) END
    WHEN 8 THEN s || CASE WHEN random() < 0.5 THEN ' ' ELSE '' END || other
    ELSE left(s, p) || substr(s, p + 1 + floor(random() * 3)::int, 2) || substr(s, p + 1)
  END
  FROM (SELECT floor(random() * 10)::int AS op,
               floor(random() * (length(s) + 1))::int AS p) r
$f$;

SELECT setseed(:seed);
CREATE TEMP TABLE inputs AS
  WITH c AS (SELECT typ, array_agg(s ORDER BY s) AS a FROM corpus GROUP BY typ),
  base AS (
    SELECT c.typ, i, c.a[1 + floor(random() * cardinality(c.a))::int] AS s,
           c.a[1 + floor(random() * cardinality(c.a))::int] AS o,
           floor(random() * 4)::int AS rounds
    FROM c, generate_series(1, :bulk) i)
  SELECT typ, i,
         CASE rounds
           WHEN 0 THEN pg_temp.mut(s, o)
           WHEN 1 THEN pg_temp.mut(pg_temp.mut(s, o), o)
           WHEN 2 THEN pg_temp.mut(pg_temp.mut(pg_temp.mut(s, o), o), s)
           ELSE pg_temp.mut(pg_temp.mut(pg_temp.mut(pg_temp.mut(s, o), o), s), o)
         END AS s
  FROM base;
-- the unmutated corpus is part of the input
INSERT INTO inputs SELECT typ, -row_number() OVER (), s FROM corpus;
ANALYZE inputs;

CREATE TEMP TABLE violations (typ text, what text, s text);

-- bulk: try_* on everything, then round trips of the valid values
CREATE FUNCTION pg_temp.bulk(t text, style text) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE r record; v text;
BEGIN
  IF style IS NOT NULL THEN PERFORM set_config('neongraph.deadline_style', style, true); END IF;
  BEGIN
    EXECUTE format($q$
      CREATE TEMP TABLE IF NOT EXISTS res_%1$s AS
        SELECT i, s, neongraph.try_%1$s(s) AS v FROM inputs WHERE typ = %1$L$q$, t);
    EXECUTE format($q$
      INSERT INTO violations
      SELECT %1$L, 'round trip (style ' || coalesce(%2$L, 'n/a') || '): ' || v::text ||
             ' -> ' || coalesce(neongraph.try_%1$s(v::text)::text, 'NULL'), s
      FROM res_%1$s
      WHERE v IS NOT NULL
        AND (neongraph.try_%1$s(v::text) IS NULL
             OR NOT (neongraph.try_%1$s(v::text) OPERATOR(neongraph.=) v)
             OR neongraph.try_%1$s(v::text)::text <> v::text)$q$, t, style);
  EXCEPTION WHEN others THEN
    -- find the inputs that make try_* or the output raise
    FOR r IN SELECT s FROM inputs WHERE typ = t LOOP
      BEGIN
        EXECUTE format('SELECT neongraph.try_%s($1)::text', t) INTO v USING r.s;
        IF v IS NOT NULL THEN
          EXECUTE format('SELECT neongraph.try_%s($1)::text', t) INTO v USING v;
        END IF;
      EXCEPTION WHEN others THEN
        INSERT INTO violations VALUES (t, 'try_' || t || ' raised ' || SQLSTATE || ': ' || SQLERRM, r.s);
      END;
    END LOOP;
  END;
END $f$;

-- sample: the real input function through the cast, SQLSTATE must be 22P02
CREATE FUNCTION pg_temp.sample(t text, n int) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE r record; v text; tv text; st text; msg text;
BEGIN
  FOR r IN SELECT s FROM inputs WHERE typ = t ORDER BY i LIMIT n LOOP
    BEGIN
      EXECUTE format('SELECT ($1::neongraph.%s)::text', t) INTO v USING r.s;
      EXECUTE format('SELECT neongraph.try_%s($1)::text', t) INTO tv USING r.s;
      IF tv IS DISTINCT FROM v THEN
        INSERT INTO violations VALUES (t, 'cast gives ' || v || ' but try_ gives ' || coalesce(tv, 'NULL'), r.s);
      END IF;
    EXCEPTION WHEN others THEN
      GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
      IF st <> '22P02' THEN
        INSERT INTO violations VALUES (t, 'SQLSTATE ' || st || ': ' || msg, r.s);
      ELSE
        EXECUTE format('SELECT neongraph.try_%s($1)::text', t) INTO tv USING r.s;
        IF tv IS NOT NULL THEN
          INSERT INTO violations VALUES (t, 'cast raised 22P02 but try_ gives ' || tv, r.s);
        END IF;
      END IF;
    END;
  END LOOP;
END $f$;

SELECT pg_temp.bulk('docref', NULL);
SELECT pg_temp.sample('docref', :sample);
SELECT pg_temp.bulk('deadline', 'iso');
SELECT pg_temp.bulk('deadline', 'vi');
SELECT pg_temp.sample('deadline', :sample);

SELECT 'violation [' || typ || '] ' || what || ' | input: ' || quote_literal(left(s, 300))
FROM violations ORDER BY typ, what LIMIT 50;
SELECT 'summary ' || string_agg(typ || ': ' || n || ' inputs, ' || ok || ' valid, ' ||
                              (n - ok) || ' rejected', '; ' ORDER BY typ)
FROM (SELECT 'docref' AS typ, count(*) AS n, count(v) AS ok FROM res_docref
      UNION ALL SELECT 'deadline', count(*), count(v) FROM res_deadline) x;
SELECT 'violations ' || count(*) FROM violations;
SQL
)
rc=$?
echo "$out" | grep -v '^$' | tail -n 60
after=$(server_state)
t1=$(date +%s)

fail=0
[ $rc -eq 0 ] || { echo "psql failed (exit $rc): the session was lost or SQL failed"; fail=1; }
[ "$before" = "$after" ] || { echo "server restarted: before '$before', after '$after'"; fail=1; }
if [ -n "$LOG" ] && [ -f "$LOG" ] &&
   tail -n +"$((log_lines_before + 1))" "$LOG" | grep -q 'terminated by signal'; then
  echo "a backend was terminated by a signal:"; tail -n +"$((log_lines_before + 1))" "$LOG" | grep 'terminated by signal' | head
  fail=1
fi
nviol=$(echo "$out" | sed -n 's/^violations \([0-9]*\)$/\1/p')
[ "$nviol" = 0 ] || { echo "violations: ${nviol:-unknown}"; fail=1; }
echo "fuzz_inputs: $BULK mutated inputs per type (bulk), $SAMPLE per type through the cast, $((t1 - t0)) s"
exit $fail
