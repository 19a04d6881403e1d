-- neongraph.deadline: every kind in both styles, accessors, Unicode forms,
-- errors, year-less forms, operators, indexes, binary I/O.
SET neongraph.deadline_style = iso;
SET DateStyle = ISO;
-- the operators live in schema neongraph
SET search_path = public, neongraph;

-- every kind, read and written in both styles, with its accessors
SELECT s AS input, d AS iso, neongraph.to_text(d, 'vi') AS vi,
       neongraph.deadline_kind(d) AS kind, neongraph.due_date(d) AS due,
       neongraph.start_date(d) AS start, neongraph.recurrence(d) AS rec,
       neongraph.is_soft(d) AS soft
FROM (VALUES ('31/12/2025'), ('ngày 15/12/2025'), ('ngày 15 tháng 12 năm 2025'),
             ('đến ngày 25/11/2025'), ('chậm nhất ngày 30/6/2026'), ('2025-12-31'),
             ('20.7.2020'), ('30-6-2025'), ('29/2/2024'),
             ('trước ngày 20/9/2025'), ('Trước 15/11/2025'), ('Hoàn thành trước 01/11/2025'),
             ('hoàn thành trước ngày 01/10/2025'), ('chậm nhất trước ngày 31/3/2026'),
             ('trước tháng 10/2025'), ('trước quý IV/2025'), ('trước năm 2026'),
             ('trước 17h00 ngày 20/10/2025'),
             ('tháng 9/2025'), ('trong tháng 09/2025'), ('đến hết tháng 12/2025'),
             ('tháng 9 năm 2025'), ('2025-09'), ('cuối tháng 10/2025'), ('tháng 2/2024'),
             ('Quý IV/2025'), ('quý 4/2025'), ('trong quý II/2025'), ('quý II năm 2026'), ('2025-Q4'),
             ('6 tháng đầu năm 2026'), ('6 tháng cuối năm 2025'), ('2026-H1'), ('nửa cuối năm 2025'),
             ('Năm 2025'), ('trong năm 2025'), ('đến năm 2030'), ('cuối năm 2025'), ('2025'),
             ('từ ngày 11/4/2025 đến ngày 20/4/2025'), ('11/4/2025 - 20/4/2025'),
             ('giai đoạn 2026 - 2030'), ('2025-04-11/2025-04-20'), ('tháng 9-10/2025'),
             ('từ tháng 9/2025 đến tháng 10/2025'), ('2025-2026'), ('năm 2025 - 2026'),
             ('giai đoạn 2021-2025'), ('quý III-IV/2025'), ('từ 15/12 đến 15/1/2026'),
             ('Thường xuyên'), ('Nhiệm vụ thường xuyên'), ('nhiệm vụ trọng tâm, thường xuyên'),
             ('(nhiệm vụ thường xuyên)'), ('Thường xuyên (nhiệm vụ thường xuyên)'),
             ('hằng quý'), ('hàng quý'), ('định kỳ hằng tháng'), ('hằng tuần'), ('hằng năm'),
             ('hàng năm'), ('định kỳ 6 tháng'), ('6 tháng một lần'), ('hằng ngày'),
             ('trước 18 giờ 00 thứ Sáu hằng tuần'), ('trước 18h00 ngày Thứ Sáu'),
             ('phấn đấu đến ngày 25/11/2025'), ('Phấn đấu hoàn thành trong quý I/2026'),
             ('**Hoàn thành trong tháng 9/2025.**'), ('Hoàn thành chậm nhất trong tháng 12/2025'),
             ('Hạn được giao: 30/9/2025'), ('Đề xuất thời gian hoàn thành: quý IV/2025'),
             ('Từ nay đến 31/12/2025'), ('thời hạn: 15/12/2025'), ('Thực hiện ngay trong năm 2025'),
             ('before 2025-09-20'), ('~2025-11-25'), ('recurring half-yearly'), ('recurring')
     ) v(s), LATERAL (SELECT s::neongraph.deadline AS d) x;

-- forms from other documents: bullets and enumerators, task words before
-- a cue, trailing remarks, day specs of recurrences, joined periods, open
-- ends, abbreviated months, weeks of a month, labels, orientations
SELECT s AS input, d AS iso, neongraph.to_text(d, 'vi') AS vi,
       neongraph.deadline_kind(d) AS kind, neongraph.due_date(d) AS due,
       neongraph.start_date(d) AS start, neongraph.recurrence(d) AS rec,
       d::text::neongraph.deadline = d AND neongraph.to_text(d, 'vi')::neongraph.deadline = d AS reads_back
FROM (VALUES ('- Tháng 10/2025'), ('+ Quý IV/2025'), ('• Trước 15/11/2025'), ('a) Tháng 10/2025'),
             ('1. Tháng 10/2025'), ('(2) Quý IV/2025'), ('IV. Năm 2026'), ('– Hoàn thành trong năm 2025'),
             ('Trước 20/10/2025 (báo cáo kết quả)'), ('Tháng 12/2025 (trình Chính phủ)'),
             ('Trước 30/9/2025 (theo Nghị quyết số 01/2025/NQ-CP).'),
             ('Trước ngày 10 hằng tháng'), ('Ngày 25 hàng tháng'), ('Trước ngày 20/12 hằng năm'),
             ('Hằng tuần (trước 16h thứ Năm)'), ('Định kỳ hằng quý (trước ngày 15 của tháng cuối quý)'),
             ('Báo cáo định kỳ 6 tháng, hằng năm'), ('Hằng tháng, trước ngày 25'), ('hằng tháng vào ngày 25'),
             ('Hằng năm (trước ngày 15/12)'), ('Quý I hằng năm'), ('Hằng tuần, tháng, quý, năm'),
             ('Trình trong tháng 12/2025'), ('Báo cáo trước ngày 15/12/2025'), ('Ban hành trong quý IV/2025'),
             ('Tổ chức thực hiện trong năm 2026'), ('Xây dựng xong trước 30/6/2026'),
             ('Hoàn thành xây dựng lộ trình trong tháng 11/2025'),
             ('Thời điểm hoàn thành: Quý II/2026'), ('Tiến độ: năm 2026'), ('Hạn chót: 30/6/2026'),
             ('Tháng 10 và tháng 11/2025'), ('tháng 10, 11/2025'), ('Tháng 11, 12/2025'),
             ('tháng 10, 11 năm 2025'), ('tháng 10, 11 và 12/2025'), ('tháng 12 và tháng 1/2026'),
             ('Năm 2025, 2026'), ('năm 2025 và năm 2026'), ('Trong năm 2025 và 2026'),
             ('Quý III và quý IV/2025'), ('Quý III, IV/2025'), ('Quý IV/2025 và năm 2026'),
             ('Phấn đấu hoàn thành trong tháng 10 và tháng 11/2025'),
             ('Năm 2025 và các năm tiếp theo'), ('Từ năm 2025 và những năm tiếp theo'),
             ('2025 và các năm tiếp theo'), ('Từ năm 2026 trở đi'), ('Tháng 10/2025 và các tháng tiếp theo'),
             ('T10/2025'), ('Th10/2025'), ('Tuần đầu tháng 10/2025'), ('tuần cuối tháng 10/2025'),
             ('tuần cuối tháng 2/2024'), ('10 ngày đầu tháng 10/2025'), ('trước tuần cuối tháng 2/2026'),
             ('Thời hạn hoàn thành: Quý II/2026'), ('Trong Quý I năm 2026'), ('Quý 1/2026'),
             ('Trong 6 tháng đầu năm 2026'), ('Cuối tháng 12/2025'), ('trước ngày 31 tháng 12 năm 2025'),
             ('đến hết ngày 31/12/2025'), ('ngày 31.12.2025'), ('31-12-2025'), ('Năm 2026-2027'),
             ('2026 - 2030'), ('năm 2025 - 2026'), ('Thường xuyên, liên tục'), ('Quý IV/2025 - Quý I/2026'),
             ('giai đoạn 2021 - 2025, định hướng đến năm 2030'), ('đến năm 2030, tầm nhìn đến năm 2045'),
             ('Mỗi tháng một lần'), ('Trước 16h00 thứ Năm hằng tuần')
     ) v(s), LATERAL (SELECT s::neongraph.deadline AS d) x;

-- the same values in the vi style, and back
SET neongraph.deadline_style = vi;
SELECT d AS vi, d::text::neongraph.deadline = d AS reads_back
FROM (VALUES ('2025-12-31'), ('before 2025-09-20'), ('2025-09'), ('2025-Q4'), ('2026-H1'),
             ('2025-H2'), ('2025'), ('2025-04-11/2025-04-20'), ('recurring'),
             ('recurring weekly'), ('recurring monthly'), ('recurring quarterly'),
             ('recurring half-yearly'), ('recurring yearly'), ('~2025-11-25'),
             ('~before 2025-10-01'), ('~recurring'), ('~2025-Q1')) v(s),
     LATERAL (SELECT s::neongraph.deadline AS d) x;
RESET neongraph.deadline_style;

-- NFC and NFD, upper, lower and mixed case, non-breaking and repeated spaces
SELECT s AS input, normalize(s, NFD)::neongraph.deadline AS nfd,
       pg_catalog.upper(s)::neongraph.deadline AS upper, pg_catalog.lower(s)::neongraph.deadline AS lower,
       pg_catalog.replace(s, ' ', chr(160) || chr(160) || ' ')::neongraph.deadline AS nbsp,
       normalize(s, NFD) <> s AS nfd_differs
FROM (VALUES ('Hoàn thành trước ngày 20/9/2025'), ('ĐẾN HẾT QUÝ II/2026'), ('Thường Xuyên'),
             ('6 tháng đầu năm 2026'), ('Định kỳ hằng tháng'), ('tRƯỚC 15/11/2025'),
             ('phấn đấu đến ngày 25/11/2025'), ('giai đoạn 2026 - 2030')) v(s);
SELECT E'\thoàn thành\n trong  tháng 9/2025 ;'::neongraph.deadline AS tabs_newlines,
       ('Hoàn thành trước 01/11/2025' || chr(8239))::neongraph.deadline AS narrow_nbsp;

-- every error: SQLSTATE, message, detail
CREATE FUNCTION pg_temp.err(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; m text; dt text; h text;
BEGIN
  PERFORM t::neongraph.deadline;
  RETURN 'accepted';
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT, dt = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
  RETURN st || ' | ' || dt || ' | ' || CASE WHEN h LIKE 'Write the year%' THEN 'hint: year' WHEN h LIKE 'Write a date%' THEN 'hint: forms' ELSE coalesce(h, 'no hint') END;
END $$;
SELECT left(s, 50) AS input, pg_temp.err(s) AS error
FROM (VALUES (''), ('   '), ('abc'), ('tháng 13/2025'), ('30/2/2026'), ('29/2/2025'), ('31/4/2025'),
             ('32/1/2025'), ('0/1/2025'), ('quý 5/2025'), ('quý V/2025'), ('2025-Q5'), ('2025-H3'),
             ('2025-13'), ('2025-02-30'), ('từ ngày 20/4/2025 đến ngày 11/4/2025'),
             ('quý IV-II/2025'), ('2030-2025'), ('11/4/2025 - 31/4/2025'), ('30/6/25'),
             ('năm 0999'), ('năm 20255'), ('tháng 9/999'), ('đầu tháng 10/2025'),
             ('từ ngày 01/10/2025'), ('định kỳ'), ('định kỳ 5 tháng'), ('9 tháng đầu năm 2025'),
             ('trước giai đoạn 2025-2030'), ('193/2025/NQ-QH15'), ('Trước 30/6'),
             ('đến hết quý II'), ('6 tháng cuối năm'), ('tháng 9'), ('trong năm'),
             ('hoàn thành trong tháng 9/2025 để thực hiện từ ngày 01/10/2025'),
             ('31/12/2025 31/12/2025'), (repeat('hoàn thành ', 40) || '31/12/2025')) v(s);
-- forms from other documents that stay errors: relative deadlines, an open
-- start, words without a cue, a remark with another date, a year in the day
-- spec of a recurrence, periods out of order
SELECT s AS input, pg_temp.err(s) AS error
FROM (VALUES ('Sau khi Nghị định được ban hành'), ('Theo tiến độ dự án'), ('Ngay sau khi có hướng dẫn'),
             ('Trước Tết Nguyên đán 2026'), ('Trong vòng 30 ngày kể từ ngày ký'), ('Triển khai từ năm 2026'),
             ('Trình tháng 12/2025'), ('Trước 20/10/2025 (hạn cũ: 15/10/2025)'),
             ('Tháng 12/2025 (báo cáo trước 15/12)'), ('Hằng năm, trước ngày 15/12/2025'),
             ('Quý IV/2025 và quý I/2025'), ('tháng 10 và tháng 13/2025'), ('Tháng 10 và 11'),
             ('30 ngày đầu tháng 2/2025'), ('Tháng 12/2025, trình Chính phủ'), ('- '), ('a)'),
             ('Năm 2025 và các nhiệm vụ')) v(s);
-- the whole report for a bad form and for a missing year
\set VERBOSITY verbose
SELECT 'quý 5/2025'::neongraph.deadline;
SELECT 'Trước 30/6'::neongraph.deadline;
\set VERBOSITY default
-- long input is read, not cut: spaces do not count, words do
SELECT (repeat(' ', 5000) || 'Trước 15/11/2025' || repeat(chr(160), 3000))::neongraph.deadline AS long_spaces;

-- try_deadline: NULL instead of an error
SELECT s, neongraph.try_deadline(s)
FROM (VALUES ('quý IV/2025'), ('tháng 13/2025'), ('Trước 30/6'), (''), ('thường xuyên')) v(s);

-- parse_deadline: forms without a year resolve against the reference date
SELECT s, r AS reference, neongraph.parse_deadline(s, r) AS resolved,
       neongraph.due_date(neongraph.parse_deadline(s, r)) AS due
FROM (VALUES ('Trước 30/6', date '2025-07-10'), ('Trước 30/6', date '2025-06-01'),
             ('Trước 30/6', date '2025-06-29'), ('Trước 30/6', date '2025-06-30'),
             ('đến hết quý II', date '2025-07-10'), ('quý II', date '2025-04-01'),
             ('6 tháng cuối năm', date '2025-09-12'), ('6 tháng đầu năm', date '2025-09-12'),
             ('tháng 9', date '2025-09-12'), ('trong tháng 9', date '2025-10-01'),
             ('29/2', date '2025-03-01'), ('từ 15/12 đến 15/1', date '2025-07-10'),
             ('trong năm', date '2025-12-31'), ('Trước 30/6/2024', date '2025-07-10'),
             ('Thường xuyên', date '2025-07-10')) v(s, r);
DO $$ BEGIN PERFORM neongraph.parse_deadline('tháng 13', date '2025-01-01');
EXCEPTION WHEN others THEN RAISE NOTICE '% %', SQLSTATE, SQLERRM; END $$;

-- constructor and casts
SELECT neongraph.deadline_of(date '2025-12-31') AS of_date, date '2025-12-31'::neongraph.deadline AS cast_date,
       'quý IV/2025'::varchar::neongraph.deadline AS from_varchar, ('tháng 9/2025'::neongraph.deadline)::text AS to_text,
       neongraph.to_text('quý IV/2025', 'VI') AS to_vi;
SELECT neongraph.deadline_of(date '0999-12-31');
SELECT neongraph.to_text('2025', 'en');

-- text and varchar are cast by a C function (no copy to a cstring), as
-- assignment casts; deadline -> text stays a WITH INOUT assignment cast
SELECT c.castsource::regtype AS source, c.casttarget::regtype AS target,
       c.castcontext AS context, c.castmethod AS method, c.castfunc::regprocedure AS func
FROM pg_catalog.pg_cast c
WHERE 'neongraph.deadline'::regtype IN (c.castsource, c.casttarget)
ORDER BY 1::text, 2::text;
CREATE TEMP TABLE cast_src (t text, v varchar(60));
INSERT INTO cast_src VALUES ('quý IV/2025', 'quý IV/2025'), ('Trước 15/11/2025', 'Trước 15/11/2025'),
  (E'\thoàn thành\n trong  tháng 9/2025 ;', E'\thoàn thành\n trong  tháng 9/2025 ;'),
  ('2025-04-11/2025-04-20', '2025-04-11/2025-04-20'), ('Thường xuyên', 'Thường xuyên'),
  ('phấn đấu đến ngày 25/11/2025', 'phấn đấu đến ngày 25/11/2025'), (NULL, NULL),
  (repeat(' ', 3000) || '6 tháng đầu năm 2026', '6 tháng đầu năm 2026');
SELECT left(ltrim(t), 30) AS input, t::neongraph.deadline AS from_text, v::neongraph.deadline AS from_varchar,
       t::neongraph.deadline IS NOT DISTINCT FROM v::neongraph.deadline AS same,
       t::neongraph.deadline IS NOT DISTINCT FROM neongraph.try_deadline(t) AS same_as_try,
       CAST(t AS neongraph.deadline) IS NOT DISTINCT FROM neongraph.deadline_in(t::cstring) AS same_as_input
FROM cast_src;
-- a value stored compressed is read like any other
CREATE TEMP TABLE cast_long (t text);
ALTER TABLE cast_long ALTER COLUMN t SET STORAGE main;
INSERT INTO cast_long VALUES (repeat(' ', 100000) || 'quý IV/2025' || repeat(' ', 100000));
SELECT pg_column_compression(t) IS NOT NULL AS compressed, t::neongraph.deadline AS d FROM cast_long;
-- errors through the cast are those of the input function
SELECT v AS input, pg_temp.err(v) AS error
FROM (VALUES ('quý 5/2025'::varchar), ('Trước 30/6'), (''), ('tháng 13/2025')) x(v);
\set VERBOSITY verbose
SELECT t::neongraph.deadline FROM (VALUES ('quý 5/2025'::text)) x(t);
SELECT v::neongraph.deadline FROM (VALUES ('Trước 30/6'::varchar)) x(v);
\set VERBOSITY default
-- the assignment casts: text and varchar values and parameters (PgJDBC's
-- setString sends varchar) into a deadline column
CREATE TEMP TABLE cast_dst (id serial, d neongraph.deadline);
INSERT INTO cast_dst (d) SELECT t FROM cast_src WHERE t IS NOT NULL AND t NOT LIKE ' %';
INSERT INTO cast_dst (d) SELECT v FROM cast_src WHERE v IS NOT NULL AND v NOT LIKE 'phấn%';
PREPARE ins_varchar(varchar) AS INSERT INTO cast_dst (d) VALUES ($1);
PREPARE ins_text(text) AS INSERT INTO cast_dst (d) VALUES ($1);
EXECUTE ins_varchar('tháng 9/2025');
EXECUTE ins_varchar(NULL);
EXECUTE ins_text('hằng quý');
EXECUTE ins_varchar('quý 5/2025');
UPDATE cast_dst SET d = 'Trước 30/6/2026'::varchar WHERE id = 1;
SELECT id, d FROM cast_dst ORDER BY id;
DEALLOCATE ins_varchar;
DEALLOCATE ins_text;
-- only assignment: no implicit cast in expressions
SELECT 'quý IV/2025'::text = 'quý IV/2025'::neongraph.deadline;

-- order: by due date, then start, then kind; recurring last
CREATE TEMP TABLE dl (id serial, d neongraph.deadline);
INSERT INTO dl (d) SELECT s::neongraph.deadline FROM (VALUES
  ('hằng tuần'), ('thường xuyên'), ('31/12/2025'), ('năm 2025'), ('quý IV/2025'),
  ('tháng 12/2025'), ('6 tháng cuối năm 2025'), ('trước ngày 1/1/2026'), ('giai đoạn 2021-2025'),
  ('trước ngày 20/9/2025'), ('19/9/2025'), ('tháng 9/2025'), ('~31/12/2025'), ('hằng năm'),
  ('2020')) v(s);
SELECT d, neongraph.deadline_kind(d) FROM dl ORDER BY d, id;
SELECT a.d AS a, b.d AS b, a.d < b.d AS lt, a.d <= b.d AS le, a.d = b.d AS eq, a.d <> b.d AS ne,
       a.d >= b.d AS ge, a.d > b.d AS gt, neongraph.deadline_cmp(a.d, b.d) AS cmp
FROM (VALUES ('31/12/2025', 'năm 2025'), ('năm 2025', 'năm 2025'), ('thường xuyên', '31/12/9999'),
             ('trước ngày 1/1/2026', '31/12/2025'), ('2025-12-31', '31/12/2025'),
             ('1/1/1000', '31/12/2025')) v(x, y),
     LATERAL (SELECT x::neongraph.deadline AS d) a, LATERAL (SELECT y::neongraph.deadline AS d) b;
SELECT neongraph.min(d) AS min, neongraph.max(d) AS max, count(DISTINCT d) AS distinct_values FROM dl;

-- btree and hash indexes, merge and hash joins
INSERT INTO dl (d) SELECT neongraph.deadline_of(date '2024-01-01' + i) FROM generate_series(0, 2000) i;
CREATE INDEX dl_btree ON dl (d);
CREATE INDEX dl_hash ON dl USING hash (d);
ANALYZE dl;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM dl WHERE d < '1/3/2024';
SELECT count(*) FROM dl WHERE d < '1/3/2024';
EXPLAIN (COSTS OFF) SELECT * FROM dl ORDER BY d LIMIT 3;
DROP INDEX dl_btree;
EXPLAIN (COSTS OFF) SELECT * FROM dl WHERE d = 'quý IV/2025';
SELECT d FROM dl WHERE d = 'quý IV/2025';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dl a JOIN dl b ON a.d = b.d;
SELECT count(*) FROM dl a JOIN dl b ON a.d = b.d;
SET enable_hashjoin = off;
SET enable_mergejoin = on;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dl a JOIN dl b ON a.d = b.d;
SELECT count(*) FROM dl a JOIN dl b ON a.d = b.d;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_hashjoin;
SELECT neongraph.deadline_hash('quý IV/2025') = neongraph.deadline_hash('Quý 4/2025') AS hash_eq,
       neongraph.deadline_hash_extended('quý IV/2025', 0) = neongraph.deadline_hash_extended('2025-Q4', 0) AS hashx_eq,
       neongraph.deadline_hash_extended('quý IV/2025', 1) <> neongraph.deadline_hash_extended('2025-Q4', 0) AS seed_matters;

-- every output reads back equal, in both styles, over generated values:
-- every day of 1999..2031 and the edges, as date and before; every month,
-- quarter, half and year of 1000, 1999..2031, 9999; ranges; recurrences;
-- each also soft
CREATE TEMP TABLE gen AS
WITH days AS (
  SELECT d::date AS day FROM generate_series(date '1999-01-01', date '2031-12-31', '1 day') d
  UNION ALL VALUES (date '1000-01-01'), (date '1000-01-02'), (date '9999-12-31')),
years AS (SELECT y FROM generate_series(1999, 2031) y UNION ALL VALUES (1000), (9999))
SELECT pg_catalog.to_char(day, 'YYYY-MM-DD') AS s FROM days
UNION ALL SELECT 'before ' || pg_catalog.to_char(day, 'YYYY-MM-DD') FROM days
UNION ALL SELECT format('%s-%s', y, lpad(m::text, 2, '0')) FROM years, generate_series(1, 12) m
UNION ALL SELECT format('%s-Q%s', y, q) FROM years, generate_series(1, 4) q
UNION ALL SELECT format('%s-H%s', y, h) FROM years, generate_series(1, 2) h
UNION ALL SELECT y::text FROM years
UNION ALL SELECT format('%s/%s', pg_catalog.to_char(a, 'YYYY-MM-DD'), pg_catalog.to_char(a + k, 'YYYY-MM-DD'))
  FROM generate_series(date '2024-01-01', date '2026-12-31', '7 day') g(a0), LATERAL (SELECT a0::date AS a) a1, (VALUES (0), (1), (30), (400)) k(k)
UNION ALL SELECT format('%s-%s', y, y + k) FROM generate_series(2000, 2030) y, (VALUES (0), (1), (5)) k(k)
UNION ALL VALUES ('recurring'), ('recurring weekly'), ('recurring monthly'), ('recurring quarterly'),
  ('recurring half-yearly'), ('recurring yearly');
INSERT INTO gen SELECT '~' || s FROM gen;
SELECT count(*) AS values,
       count(*) FILTER (WHERE neongraph.to_text(d, 'iso')::neongraph.deadline <> d) AS iso_mismatches,
       count(*) FILTER (WHERE neongraph.to_text(d, 'vi')::neongraph.deadline <> d) AS vi_mismatches,
       count(*) FILTER (WHERE neongraph.to_text(d, 'iso') <> s AND s NOT LIKE '%-%-%/%' AND s !~ '^~?\d{4}-\d{4}$') AS iso_spelled_differently,
       count(DISTINCT d) AS distinct_values
FROM gen, LATERAL (SELECT s::neongraph.deadline AS d) x;

-- binary COPY round trip, and receive refusing bad values
CREATE TEMP TABLE bin_in AS SELECT s::neongraph.deadline AS d FROM gen;
CREATE TEMP TABLE bin_out (d neongraph.deadline);
CREATE TEMP TABLE bad_in (d neongraph.deadline);
DO $$
DECLARE f text := '/tmp/neongraph_deadline_' || pg_backend_pid() || '.bin';
BEGIN
  EXECUTE format('COPY bin_in TO %L WITH (FORMAT binary)', f);
  EXECUTE format('COPY bin_out FROM %L WITH (FORMAT binary)', f);
END $$;
SELECT (SELECT count(*) FROM bin_in) AS sent, (SELECT count(*) FROM bin_out) AS received,
       (SELECT count(*) FROM (SELECT d FROM bin_in EXCEPT ALL SELECT d FROM bin_out) x) AS lost;
CREATE FUNCTION pg_temp.packed(d neongraph.deadline) RETURNS int8 LANGUAGE sql IMMUTABLE
  AS $$ SELECT ('x' || encode(neongraph.deadline_send(d), 'hex'))::bit(64)::int8 $$;
CREATE FUNCTION pg_temp.recv(v int8) RETURNS text LANGUAGE plpgsql AS $$
DECLARE f text := '/tmp/neongraph_deadline_' || pg_backend_pid() || '_bad.bin'; st text; m text; dt text;
BEGIN
  EXECUTE format('COPY (SELECT %s::int8) TO %L WITH (FORMAT binary)', v, f);
  EXECUTE format('COPY bad_in FROM %L WITH (FORMAT binary)', f);
  RETURN 'accepted: ' || (SELECT d::text FROM bad_in LIMIT 1);
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, m = MESSAGE_TEXT, dt = PG_EXCEPTION_DETAIL;
  RETURN st || ' | ' || dt;
END $$;
SELECT what, pg_temp.recv(v) AS receive
FROM (VALUES
  ('a valid month', pg_temp.packed('tháng 9/2025')),
  ('reserved bits', pg_temp.packed('tháng 9/2025') | 1),
  ('kind 0', pg_temp.packed('tháng 9/2025') & ~(15::int8 << 12)),
  ('kind 9', (pg_temp.packed('tháng 9/2025') & ~(15::int8 << 12)) | (9::int8 << 12)),
  ('month without start', (pg_temp.packed('31/12/2025') & ~(15::int8 << 12)) | (3::int8 << 12)),
  ('date with a start', (pg_temp.packed('tháng 12/2025') & ~(15::int8 << 12)) | (1::int8 << 12)),
  ('recurrence on a date', pg_temp.packed('31/12/2025') | (2::int8 << 8)),
  ('recurring, no recurrence', pg_temp.packed('hằng tuần') & ~(7::int8 << 8)),
  ('recurring, recurrence 7', pg_temp.packed('hằng tuần') | (7::int8 << 8)),
  ('recurring with a due day', (pg_temp.packed('31/12/2025') & ~(15::int8 << 12)) | (8::int8 << 12) | (1::int8 << 8)),
  ('start after due', (pg_temp.packed('2025-04-11/2025-04-20') & ~(16777215::int8 << 16)) | ((pg_temp.packed('2025-04-21') >> 40 & 16777215) << 16)),
  ('month, wrong bounds', (pg_temp.packed('2025-04-11/2025-04-20') & ~(15::int8 << 12)) | (3::int8 << 12)),
  ('quarter not on quarter', (pg_temp.packed('2025-02-01/2025-04-30') & ~(15::int8 << 12)) | (4::int8 << 12)),
  ('due out of range', pg_temp.packed('31/12/9999') + (1::int8 << 40)),
  ('all ones', -1::int8)) v(what, v);
