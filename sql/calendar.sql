-- Working days: the holiday calendar, is_working_day, working_days_between,
-- add_working_days, working_due_date, days_late_working; settings and the
-- shipped-row rules that keep pg_dump right.
\set ON_ERROR_ROLLBACK on
SET DateStyle = ISO;
BEGIN;

-- the shipped calendar: 2025 and 2026
SELECT pg_catalog.date_part('year', day) AS year, kind, count(*)
  FROM neongraph.holiday GROUP BY 1, 2 ORDER BY 1, 2;
SELECT day, to_char(day, 'Dy') AS dow, kind, name FROM neongraph.holiday
 WHERE kind <> 'holiday' OR day IN ('2025-01-25', '2025-02-02', '2026-02-14', '2026-02-22', '2026-09-01')
 ORDER BY day;

-- weekends off unless làm bù; holidays and swapped days off
SELECT d, to_char(d, 'Dy') AS dow, neongraph.is_working_day(d) AS working
  FROM unnest('{2025-04-25,2025-04-26,2025-04-27,2025-04-30,2025-05-02,2025-04-07,2025-09-01,2025-09-03,
                2026-02-13,2026-02-17,2026-02-23,2026-04-26,2026-04-27,2026-12-31,2027-01-01}'::date[]) AS d;
SELECT neongraph.is_working_day(NULL) AS null_day, neongraph.is_working_day('infinity') AS infinite;

-- a year of working days: 261 weekdays - 12 weekday holidays + 1 làm bù (2025); 261 - 11 (2026)
SELECT neongraph.working_days_between('2025-01-01', '2025-12-31') AS y2025,
       neongraph.working_days_between('2026-01-01', '2026-12-31') AS y2026,
       neongraph.working_days_between('2024-12-31', '2025-12-31') AS y2025_from_eve;

-- (from, to]: from excluded, to included; negative backwards
SELECT neongraph.working_days_between('2025-04-25', '2025-04-28') AS fri_to_mon_over_lam_bu,
       neongraph.working_days_between('2025-04-28', '2025-04-25') AS backwards,
       neongraph.working_days_between('2025-04-28', '2025-04-28') AS same_day,
       neongraph.working_days_between('2025-01-24', '2025-02-03') AS over_tet,
       neongraph.working_days_between('2025-04-29', '2025-05-05') AS over_30_4,
       neongraph.working_days_between('2025-10-03', '2025-10-04') AS fri_to_sat,
       neongraph.working_days_between('2025-10-04', '2025-10-05') AS sat_to_sun;

-- add_working_days: the n-th working day after (before) the day, the day itself not counted
SELECT neongraph.add_working_days('2025-04-24', 3) AS thu_plus_3_works_saturday,
       neongraph.add_working_days('2025-04-29', 1) AS over_the_long_break,
       neongraph.add_working_days('2025-01-24', 1) AS after_tet,
       neongraph.add_working_days('2025-02-03', -1) AS before_tet,
       neongraph.add_working_days('2025-05-02', 0) AS zero_keeps_the_day,
       neongraph.add_working_days('2025-01-01', 250) AS last_working_day_2025,
       neongraph.add_working_days('2025-12-31', -250) AS back_into_2024,
       neongraph.add_working_days('2026-02-10', 10) AS ten_days_over_tet_binh_ngo;
-- "trong vòng 10 ngày làm việc" from a letter of Friday 10/10/2025
SELECT neongraph.add_working_days('2025-10-10', 10) AS within_10_working_days;

-- the two functions agree, for every start day of the two years and many n
SELECT count(*) AS checked,
       bool_and(neongraph.working_days_between(d::date, neongraph.add_working_days(d::date, n)) = n) AS forward_ok,
       bool_and(NOT neongraph.is_working_day(d::date)
                OR neongraph.working_days_between(d::date, neongraph.add_working_days(d::date, -n)) = -n) AS backward_ok
  FROM generate_series('2025-01-01'::timestamp, '2026-12-31', '3 days') AS d,
       unnest('{1,2,5,7,11,30,120}'::int[]) AS n;
-- and working_days_between agrees with counting day by day
SELECT count(*) AS days, bool_and(neongraph.working_days_between('2024-12-20', e) = running) AS counts_ok
  FROM (SELECT e::date AS e, count(*) FILTER (WHERE neongraph.is_working_day(e::date)) OVER (ORDER BY e) AS running
          FROM generate_series('2024-12-21'::timestamp, '2027-01-10', '1 day') AS e) s;

-- working due date: a due date on a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148)
SELECT d, neongraph.due_date(d::neongraph.deadline) AS due, neongraph.working_due_date(d::neongraph.deadline) AS working_due
  FROM unnest('{2/9/2025,31/8/2025,trước ngày 27/4/2026,tháng 1/2025,tháng 10/2025,Thường xuyên}'::text[]) AS d;

-- days late in working days
SELECT d, completed_on, as_of,
       neongraph.days_late(d::neongraph.deadline, completed_on, as_of) AS calendar,
       neongraph.days_late_working(d::neongraph.deadline, completed_on, as_of) AS working
  FROM (VALUES ('2/9/2025', DATE '2025-09-03', DATE '2025-10-01'),   -- due on a holiday, done the next working day
               ('2/9/2025', DATE '2025-09-05', DATE '2025-10-01'),
               ('2/9/2025', NULL, DATE '2025-09-08'),                 -- overdue
               ('25/4/2025', DATE '2025-04-28', DATE '2025-10-01'),  -- the làm bù Saturday counts
               ('24/1/2025', DATE '2025-02-03', DATE '2025-10-01'),  -- Tết does not
               ('30/9/2025', DATE '2025-09-30', DATE '2025-10-01'),  -- on time
               ('30/9/2025', NULL, DATE '2025-09-20'),                -- not yet due
               ('30/9/2025', DATE '2025-10-02', DATE '2025-10-01'),  -- completion not yet known: overdue by 1
               ('Thường xuyên', NULL, DATE '2025-10-01'),
               (NULL, NULL, DATE '2025-10-01')) AS v(d, completed_on, as_of);

-- errors
SELECT neongraph.add_working_days('infinity', 1);
SELECT neongraph.working_days_between('-infinity', '2025-01-01');
SELECT neongraph.add_working_days(NULL, 1) AS strict_null, neongraph.working_days_between('2025-01-01', NULL) AS strict_null2;
INSERT INTO neongraph.holiday (day, name, kind) VALUES ('2027-01-01', 'Tết Dương lịch', 'vacation');
INSERT INTO neongraph.holiday (day, name) VALUES ('2027-01-01', '  ');

-- users add later years
INSERT INTO neongraph.holiday (day, name, source) VALUES ('2027-01-01', 'Tết Dương lịch', 'Bộ luật Lao động 2019');
SELECT neongraph.is_working_day('2027-01-01') AS new_year_2027_working,
       neongraph.working_days_between('2026-12-31', '2027-01-04') AS over_new_year_2027;

-- shipped rows: pg_dump keeps only rows where is_shipped is false; changing a
-- shipped row makes it the user's, and inserting a user row with a shipped
-- key (what a restore does) replaces the shipped one
SELECT c.relname, e.extcondition[array_position(e.extconfig, c.oid)] AS dump_filter
  FROM pg_extension e, pg_class c
 WHERE e.extname = 'neongraph' AND c.oid = ANY (e.extconfig)
   AND c.relname IN ('holiday', 'setting', 'ranking_weight', 'ranking_snapshot')
 ORDER BY 1;
SELECT count(*) FILTER (WHERE is_shipped) AS shipped, count(*) FILTER (WHERE NOT is_shipped) AS users
  FROM neongraph.holiday;
UPDATE neongraph.holiday SET kind = 'holiday', name = 'Quốc khánh (ngày liền kề, 3/9 theo thông báo)' WHERE day = '2026-09-01';
UPDATE neongraph.holiday SET source = source WHERE day = '2026-09-02';   -- no change: stays shipped
SELECT day, name, is_shipped FROM neongraph.holiday WHERE day IN ('2026-09-01', '2026-09-02') ORDER BY day;
INSERT INTO neongraph.holiday (day, name, kind, source) VALUES ('2026-04-27', 'Nghỉ bù (restored)', 'compensatory_dayoff', 'dump');
SELECT day, name, is_shipped FROM neongraph.holiday WHERE day = '2026-04-27';
INSERT INTO neongraph.holiday (day, name) VALUES ('2027-01-01', 'twice');   -- a user row is not replaced

-- settings
SELECT name, value, value_type FROM neongraph.setting ORDER BY name;
SELECT neongraph.get_setting('warning.report_gap_days') AS gap;
SELECT neongraph.get_setting('warning.nothing');
UPDATE neongraph.setting SET value = 'two weeks' WHERE name = 'warning.report_gap_days';
UPDATE neongraph.setting SET value = '-1' WHERE name = 'warning.report_gap_days';
INSERT INTO neongraph.setting (name, value, description) VALUES ('Bad Name', '1', 'x');
UPDATE neongraph.setting SET value = '21' WHERE name = 'warning.report_gap_days';
SELECT name, value, is_shipped FROM neongraph.setting WHERE name = 'warning.report_gap_days';

-- every object of this piece is documented and pins its search_path
SELECT p.proname FROM pg_proc p
 WHERE p.pronamespace = 'neongraph'::regnamespace
   AND p.proname IN ('is_working_day', 'working_days_between', 'add_working_days', 'working_due_date',
                     'days_late_working', 'get_setting', 'setting_check', 'shipped_row_replace')
   AND (obj_description(p.oid, 'pg_proc') IS NULL
        OR NOT coalesce(p.proconfig, '{}') @> '{"search_path=pg_catalog, pg_temp"}');
SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'neongraph'::regnamespace AND c.relname IN ('holiday', 'setting')
   AND (obj_description(c.oid, 'pg_class') IS NULL OR col_description(c.oid, a.attnum) IS NULL);
SELECT p.proname, p.provolatile FROM pg_proc p
 WHERE p.pronamespace = 'neongraph'::regnamespace
   AND p.proname IN ('is_working_day', 'working_days_between', 'add_working_days', 'working_due_date', 'days_late_working')
 ORDER BY 1, 2;

ROLLBACK;
