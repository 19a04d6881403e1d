-- Task status: deadline_status, days_late, status_label, today()
\pset null '∅'

-- the enum, in SPEC's order
SELECT e.enumsortorder, e.enumlabel, neongraph.status_label(e.enumlabel::neongraph.task_status) AS vi,
       neongraph.status_label(e.enumlabel::neongraph.task_status, 'en') AS en
FROM pg_catalog.pg_enum e WHERE e.enumtypid = 'neongraph.task_status'::regtype ORDER BY 1;

-- every branch of the rule, as of 2025-11-20 (due_soon window 7 days)
SELECT d, completed_on, neongraph.deadline_status(d::neongraph.deadline, completed_on, '2025-11-20') AS status,
       neongraph.days_late(d::neongraph.deadline, completed_on, '2025-11-20') AS days_late
FROM (VALUES
  ('trước ngày 20/9/2025', '2025-09-19'::date),  -- done on the last on-time day
  ('trước ngày 20/9/2025', '2025-09-20'),        -- "before" is exclusive: one day late
  ('tháng 9/2025',         '2025-09-30'),
  ('tháng 9/2025',         '2025-10-03'),
  ('tháng 9/2025',         NULL),                 -- overdue 51 days
  ('tháng 9/2025',         '2025-12-01'),         -- completion after as_of: still open, overdue
  ('25/11/2025',           NULL),                 -- 5 days left: due soon
  ('27/11/2025',           NULL),                 -- exactly 7 days left: due soon
  ('28/11/2025',           NULL),                 -- 8 days left: on track
  ('20/11/2025',           NULL),                 -- due today: due soon, not overdue
  ('19/11/2025',           NULL),                 -- due yesterday: overdue
  ('Quý IV/2025',          NULL),
  ('Năm 2025',             NULL),
  ('Thường xuyên',         NULL),
  ('Thường xuyên',         '2025-10-01'),         -- completed recurring: on time
  (NULL,                   NULL),                 -- undated
  (NULL,                   '2025-10-01')          -- completed undated: on time
) AS t(d, completed_on);

-- due_soon_days is a parameter; NULL as_of or window gives NULL
SELECT neongraph.deadline_status('30/11/2025', NULL, '2025-11-20', 10) AS ten_days,
       neongraph.deadline_status('30/11/2025', NULL, '2025-11-20', 9)  AS nine_days,
       neongraph.deadline_status('30/11/2025', NULL, '2025-11-20', 0)  AS zero_days,
       neongraph.deadline_status('30/11/2025', NULL, NULL)             AS no_as_of,
       neongraph.deadline_status('30/11/2025', NULL, '2025-11-20', NULL) AS no_window;

-- infinite dates behave as the comparisons say
SELECT neongraph.deadline_status('30/11/2025', 'infinity', '2025-12-05') AS never_completed,
       neongraph.deadline_status('30/11/2025', '-infinity', '2025-12-05') AS done_before_time,
       neongraph.deadline_status('30/11/2025', NULL, 'infinity') AS as_of_infinity,
       neongraph.deadline_status('30/11/2025', NULL, '-infinity') AS as_of_minus_infinity;
SELECT neongraph.days_late('30/11/2025', NULL, 'infinity');

-- days_late: recurring and undated are NULL, on-time 0
SELECT neongraph.days_late('hằng quý', NULL, '2030-01-01') AS recurring,
       neongraph.days_late(NULL, NULL, '2030-01-01') AS undated,
       neongraph.days_late('31/12/2025', '2025-12-31', '2030-01-01') AS on_time,
       neongraph.days_late('31/12/2025', '2026-01-10', '2030-01-01') AS ten_late,
       neongraph.days_late('31/12/2025', NULL, '2026-01-02') AS open_two_late,
       neongraph.days_late('31/12/2025', '2026-01-10', '2026-01-02') AS completion_unknown_yet;

-- the convenience forms use today() and are STABLE; the as_of forms IMMUTABLE
SELECT p.oid::regprocedure, p.provolatile, p.proparallel
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'neongraph'::regnamespace
  AND p.proname IN ('deadline_status', 'days_late', 'status_label', 'today')
ORDER BY 1::text;
SELECT neongraph.deadline_status('Thường xuyên', NULL) AS today_form,
       neongraph.deadline_status('01/01/2000', NULL) AS long_ago,
       neongraph.days_late('01/01/2000', NULL) > 9000 AS many_days_late;

-- today() is the calendar day in neongraph.timezone, whatever TimeZone says
SET TimeZone = 'America/Los_Angeles';
SELECT neongraph.today() = (pg_catalog.now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS hcm_day;
SET neongraph.timezone = 'Pacific/Kiritimati';
SELECT neongraph.today() = (pg_catalog.now() AT TIME ZONE 'Pacific/Kiritimati')::date AS kiritimati_day;
SET neongraph.timezone = 'Etc/GMT+12';
SELECT neongraph.today() = (pg_catalog.now() AT TIME ZONE 'Etc/GMT+12')::date AS gmt_minus_12_day;
SET neongraph.timezone = 'Mars/Olympus_Mons';
SET neongraph.timezone = '';
RESET neongraph.timezone;
SHOW neongraph.timezone;
RESET TimeZone;

-- labels: errors name the bad value
SELECT neongraph.status_label('overdue', 'fr');
SELECT neongraph.status_label('overdue', NULL) IS NULL AS strict;

-- the status of a whole table, with a typed column
CREATE TEMP TABLE st(id int, d neongraph.deadline, done date);
INSERT INTO st VALUES (1, 'Quý IV/2025', NULL), (2, 'tháng 9/2025', '2025-09-15'),
  (3, 'tháng 9/2025', '2025-10-15'), (4, NULL, NULL), (5, 'hằng tháng', NULL);
SELECT id, neongraph.deadline_status(d, done, '2025-12-29') AS s,
       neongraph.status_label(neongraph.deadline_status(d, done, '2025-12-29')) AS label
FROM st ORDER BY id;
