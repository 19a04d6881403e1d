-- neongraph.docref: Vietnamese document numbers (số hiệu văn bản)
SET client_min_messages = notice;
-- the operators live in schema neongraph, as analysts' search_path has it
SET search_path = public, neongraph;

-- every form in the seeds, and the usual ways of writing them
SELECT x AS input, x::neongraph.docref AS docref,
       neongraph.docref_number(x::neongraph.docref) AS number,
       neongraph.docref_kind(x::neongraph.docref) AS kind,
       neongraph.docref_issuer(x::neongraph.docref) AS issuer,
       neongraph.docref_year(x::neongraph.docref) AS year
FROM unnest(ARRAY[
  '44-TB/TGV', 'Số 44-TB/TGV', '45-TB/TGV', '46-TB/TGV', '46-TB/TG', '35-TB/TGV',
  'Số 67-QĐ/TGV', '62-QĐ/TGV', '17-QC/TGV', '61-CTr/TGV', 'số 01-KH/BCĐ',
  'Số 01 -KH/BCĐ', '07-TB/CQTTBCĐ', '07-TB/CQTTCĐ', '57-NQ/TW', '229-QĐ/TW',
  '230-QĐ/TW', '259-QĐ/TW', '02-KH/BCĐTW', '02 KH/BCĐTW', '02/KH-BCĐTW',
  '01-KH/BCĐTW', '06-TB/BCĐTW', '03-QĐ/BCĐTW', '05-QĐ/BCĐTW', '01-QC/BCĐTW',
  '02-QC/BCĐTW', '03-QC/BCĐTW', '193/2025/NQ-QH15', '180/2025/NĐ-CP',
  '118/2025/NĐ-CP', '04/2025/NQ-CP', '71/NQ-CP', '8434/VPCP-KSTT',
  '11725/BTC-QLĐT', '515/KH-BCA-BNNMT', '23/CT-TTg', '24/CT-TTg',
  '55-CV/BTGDVĐU', '308-CV/BTGDVTU', '1270/BC-TCTTTg', 'Số: 12/CT-TTg',
  'Quyết định số 1131/QĐ-TTg', 'Số 123/QĐ-UBND', '05/2025/TT-BKHCN',
  'số 36-KL/TW', 'Thông báo kết luận số 07-TB/CQTTBCĐ',
  'Quy chế làm việc số 01-QC/BCĐTW', 'Nghị quyết 57-NQ/TW', 'No. 59/2020/QH14',
  '08-QĐi/TW', 'Kế hoạch số 02 KH/BCĐTW.'
]) AS x;

-- spellings that normalise to the same value
SELECT x, x::neongraph.docref = '44-TB/TGV'::neongraph.docref AS same
FROM unnest(ARRAY[
  'Số 44-TB/TGV', 'số 44-TB/TGV', 'Số: 44-TB/TGV', 'số:44-TB/TGV', 'No. 44-TB/TGV',
  '  44 - TB / TGV ', '44 TB/TGV', '44–TB/TGV', '44—TB/TGV', '44-tb/tgv',
  E'44\u00a0-\u00a0TB/TGV', 'Thông báo số 44-TB/TGV', 'THÔNG BÁO SỐ 44-TB/TGV',
  '44-TB/TGV.', '44-TB∕TGV', '45-TB/TGV', '044-TB/TGV', '44/TB-TGV'
]) AS x;
SELECT 'số 02-kh/bcđtw'::neongraph.docref = '02 KH/BCĐTW' AS lower_đ,
       normalize('Số 02-KH/BCĐTW', NFD)::neongraph.docref = '02-KH/BCĐTW' AS nfd_input,
       normalize('Quyết định số 1/QĐ-TƯ', NFD)::neongraph.docref AS nfd_composed,
       E'1/QO\u0302\u0323-X'::neongraph.docref = E'1/QO\u0323\u0302-X' AS marks_any_order,
       E'1/qo\u0323\u0302-x'::neongraph.docref AS composed,
       '1270/BC-TCTTTG'::neongraph.docref = '1270/BC-TCTTTg' AS ttg_case,
       '12/ct-ttg'::neongraph.docref::text AS display;

-- accessors on every style
SELECT d, neongraph.docref_number(d), neongraph.docref_kind(d),
       neongraph.docref_issuer(d), neongraph.docref_year(d)
FROM (VALUES ('44-TB/TGV'::neongraph.docref), ('193/2025/NQ-QH15'),
             ('8434/VPCP-KSTT'), ('59/2020/QH14'), ('01-KH/BCĐ'),
             ('515/KH-BCA-BNNMT'), ('12/CT-TTg')) v(d);

-- ordering: issuer, kind (none first), year (none first), number numerically
SELECT d FROM (VALUES ('100-TB/TGV'::neongraph.docref), ('9-TB/TGV'), ('44-TB/TGV'),
  ('09-TB/TGV'), ('67-QĐ/TGV'), ('57-NQ/TW'), ('02-KH/BCĐTW'), ('8434/VPCP-KSTT'),
  ('193/2025/NQ-QH15'), ('12/2024/NQ-QH15'), ('12/NQ-QH15'), ('59/2020/QH14'),
  ('180/2025/NĐ-CP'), ('71/NQ-CP'), ('12/CT-TTg'), ('1131/QĐ-TTg')) v(d)
ORDER BY d;
SELECT '9-TB/TGV'::neongraph.docref < '10-TB/TGV' AS lt,
       '9-TB/TGV'::neongraph.docref <= '09-TB/TGV' AS le,
       '09-TB/TGV'::neongraph.docref <> '9-TB/TGV' AS ne,
       '44-TB/TGV'::neongraph.docref > '44-KH/TGV' AS gt,
       '44-TB/TGV'::neongraph.docref >= 'số 44-TB/TGV' AS ge,
       neongraph.docref_cmp('44-TB/TGV', '9-TB/TGV') AS cmp;

-- casts, try_docref and running text
SELECT 'Số 44-TB/TGV'::pg_catalog.text::neongraph.docref::pg_catalog.text AS via_text,
       neongraph.try_docref('số 44-TB/TGV') AS ok,
       neongraph.try_docref('ngày 20/9/2025') IS NULL AS bad_is_null,
       neongraph.try_docref('') IS NULL AS empty_is_null;
SELECT * FROM neongraph.extract_docrefs(
  'Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024; Kế hoạch số 02 KH/BCĐTW và '
  'Thông báo số 44-TB/TGV (ngày 20/9/2025); Công văn số 8434/VPCP-KSTT. '
  'Số 01 -KH/BCĐ; Nghị định 180/2025/NĐ-CP; 11 CSDL; 31/12/2025; 2026 - 2030.');
SELECT count(*) FROM neongraph.extract_docrefs('Không có số hiệu nào 12/2025, 3 Nhà');

-- a table: unique index, index scan, hash join, merge join
CREATE TABLE docref_t (id serial PRIMARY KEY, d neongraph.docref UNIQUE);
INSERT INTO docref_t (d)
  SELECT (i || '-TB/TGV') FROM generate_series(1, 2000) i
  UNION ALL SELECT (i || '/2025/NĐ-CP') FROM generate_series(1, 2000) i;
INSERT INTO docref_t (d) VALUES ('Số 44-TB/TGV');   -- duplicate spelling
CREATE INDEX docref_t_hash ON docref_t USING hash (d);
ANALYZE docref_t;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM docref_t WHERE d = 'số 44-TB/TGV';
SELECT id FROM docref_t WHERE d = 'số 44-TB/TGV';
SET enable_indexscan = off;
SET enable_bitmapscan = on;
EXPLAIN (COSTS OFF) SELECT count(*) FROM docref_t WHERE d = 'số 44-TB/TGV';
RESET enable_indexscan;
EXPLAIN (COSTS OFF) SELECT count(*) FROM docref_t
  WHERE d >= '10-TB/TGV' AND d < '20-TB/TGV';
SELECT count(*) FROM docref_t WHERE d >= '10-TB/TGV' AND d < '20-TB/TGV';
RESET enable_seqscan;
SET enable_mergejoin = off;
SET enable_nestloop = off;
CREATE TABLE docref_notes (note text);
INSERT INTO docref_notes VALUES ('số 44-TB/TGV'), ('Số 180/2025/NĐ-CP'), ('9999-TB/TGV');
EXPLAIN (COSTS OFF) SELECT count(*) FROM docref_t t JOIN docref_notes n
  ON t.d = n.note::neongraph.docref;
SELECT t.d FROM docref_t t JOIN docref_notes n ON t.d = n.note::neongraph.docref ORDER BY t.d;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM docref_t t JOIN docref_notes n
  ON t.d = n.note::neongraph.docref;
SELECT t.d FROM docref_t t JOIN docref_notes n ON t.d = n.note::neongraph.docref ORDER BY t.d;
RESET enable_hashjoin;
RESET enable_nestloop;
-- hash and btree agree with equality
SELECT count(DISTINCT neongraph.docref_hash(d)) = count(*) AS hashes_differ,
       bool_and(neongraph.docref_hash(d) = neongraph.docref_hash(d::text::neongraph.docref)) AS hash_stable,
       bool_and(neongraph.docref_hash_extended(d, 0) = neongraph.docref_hash_extended(d::text::neongraph.docref, 0)) AS hash_ext_stable
FROM docref_t;
SELECT neongraph.docref_hash('44-TB/TGV') = neongraph.docref_hash('Số 44 TB/tgv') AS same_hash;

-- binary COPY round trip through a server-side file
COPY (SELECT id, d FROM docref_t) TO '/tmp/neongraph_docref_regress.bin' WITH (FORMAT binary);
CREATE TABLE docref_t2 (id int, d neongraph.docref);
COPY docref_t2 FROM '/tmp/neongraph_docref_regress.bin' WITH (FORMAT binary);
SELECT count(*) AS rows, bool_and(t.d = t2.d AND t.d::text = t2.d::text) AS equal
FROM docref_t t JOIN docref_t2 t2 USING (id);
SELECT neongraph.docref_send('1270/BC-TCTTTg') AS send_bytes;

-- every error: SQLSTATE, message, detail and hint
CREATE FUNCTION docref_err(x text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hnt text;
BEGIN
  PERFORM x::neongraph.docref;
  RAISE NOTICE 'accepted: %', x;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                          det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
  RAISE NOTICE '% | % | %', st, left(msg, 90), left(det, 200);
  IF hnt IS DISTINCT FROM 'Write a document number as 44-TB/TGV or 02 KH/BCĐTW (Party style), 12/CT-TTg or 193/2025/NQ-QH15 (State style), or 8434/VPCP-KSTT (an official letter without a kind), optionally after "Số", "số:", "No." or a kind name such as "Quyết định số".' THEN
    RAISE NOTICE 'unexpected hint: %', hnt;
  END IF;
END $$;
SELECT docref_err(x) FROM unnest(ARRAY[
  '', '   ', 'Số', 'Số:', repeat('1', 1100), 'Căn cứ 44-TB/TGV', 'TB/TGV',
  '44-TB', '44-TB/TGV ngày 20/9/2025', '44//TGV', '44-TB/TGV/X', '1/2/3/4',
  '9/2025', '31/12/2025', '193/25/NQ-QH15', '193/3025/NQ-QH15', '193/20x5/NQ-QH15',
  '123/QĐ', '44-TB/', '44-TB/1TGV', '44-TB/TGV-', '44-TB-X/TGV', '44-/TGV', '44a/TGV',
  '1234567890/QĐ-TTg', '44-TB/T€GV', E'44-TB/TGV\u0301', E'44-TB/TGV\t\u0007',
  '1/X-' || repeat('ABCDEFGHIJ', 3), '1/' || repeat('ABCDEFGHIJ-', 20) || 'X',
  '44-TB/TGV 😀'
]) AS x;
-- the same through the cast from text and in a COPY
SELECT 'xyz'::pg_catalog.text::neongraph.docref;
SELECT neongraph.try_docref(x) IS NULL AS all_null
FROM unnest(ARRAY['', '9/2025', repeat('1', 1100), '44-TB/T€GV']) x;

-- every object is documented
SELECT p.proname FROM pg_proc p
WHERE p.pronamespace = 'neongraph'::regnamespace AND p.proname LIKE '%docref%'
  AND obj_description(p.oid, 'pg_proc') IS NULL;
SELECT o.oprname FROM pg_operator o
WHERE o.oprleft = 'neongraph.docref'::regtype AND obj_description(o.oid, 'pg_operator') IS NULL;
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel FROM pg_proc p
WHERE p.pronamespace = 'neongraph'::regnamespace AND p.proname LIKE '%docref%'
  AND (p.provolatile <> 'i' OR NOT p.proisstrict OR p.proparallel <> 's');

DROP TABLE docref_t, docref_t2, docref_notes;
DROP FUNCTION docref_err(text);
