-- test/sharding/load.sql — deterministic national load (psql variable n: rows),
-- generated on the coordinator, inserted through the partitioned table (rows
-- are routed to their province's shard) and into the single-server copy.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

-- a deterministic pseudo-random number >= 0 for row i and stream k
CREATE FUNCTION pg_temp.h(i bigint, k int) RETURNS bigint
  LANGUAGE sql IMMUTABLE AS $$ SELECT hashint8extended(i, k) & 9223372036854775807 $$;

CREATE TEMP TABLE gen AS
WITH cat AS (
  SELECT (SELECT array_agg(code ORDER BY agency_id) FROM neongraph.agency WHERE kind = 'province') AS prov,
         (SELECT array_agg(code ORDER BY agency_id) FROM neongraph.agency
           WHERE kind IN ('ministry', 'state_central')) AS central
), g AS (
  SELECT i,
         pg_temp.h(i, 1) % 100 AS r_prov,
         DATE '2024-07-01' + (pg_temp.h(i, 6) % 820)::int AS b,      -- 2024-07-01 .. 2026-09-28
         pg_temp.h(i, 5) % 100 AS r_form
    FROM generate_series(1, :n) AS i
), p AS (
  SELECT g.*,
         CASE WHEN r_prov < 6 THEN 'TW'                               -- central bodies: local partition
              WHEN r_prov < 12 THEN cat.prov[1]                       -- the two largest cities weigh more
              WHEN r_prov < 18 THEN cat.prov[5]
              ELSE cat.prov[1 + (pg_temp.h(i, 2) % 34)::int] END AS province,
         cat.central
    FROM g, cat
), a AS (
  SELECT p.*,
         CASE WHEN province = 'TW' THEN central[1 + (pg_temp.h(i, 3) % cardinality(central))::int]
              WHEN pg_temp.h(i, 3) % 100 < 5 THEN province                      -- the province itself
              WHEN pg_temp.h(i, 3) % 100 < 25                                    -- its departments
                THEN province || '.S' || lpad((pg_temp.h(i, 4) % 18)::text, 2, '0')
              ELSE province || '.X' || lpad((pg_temp.h(i, 4) % 97)::text, 3, '0') -- ~3,300 communes
         END AS agency_code,
         -- deadlines as directives write them, weighted like the seeds
         CASE WHEN r_form < 28 THEN to_char(b, 'DD/MM/YYYY')
              WHEN r_form < 40 THEN 'trước ngày ' || to_char(b, 'FMDD/FMMM/YYYY')
              WHEN r_form < 54 THEN 'Hoàn thành trong tháng ' || to_char(b, 'FMMM/YYYY')
              WHEN r_form < 64 THEN 'Quý ' || (ARRAY['I','II','III','IV'])[extract(quarter FROM b)::int]
                                    || '/' || extract(year FROM b)
              WHEN r_form < 67 THEN CASE WHEN extract(month FROM b) <= 6 THEN '6 tháng đầu năm ' ELSE '6 tháng cuối năm ' END
                                    || extract(year FROM b)
              WHEN r_form < 72 THEN 'Năm ' || extract(year FROM b)
              WHEN r_form < 75 THEN 'từ ngày ' || to_char(b - 40, 'FMDD/FMMM/YYYY') || ' đến ngày ' || to_char(b, 'FMDD/FMMM/YYYY')
              WHEN r_form < 76 THEN 'giai đoạn 2026 - 2030'
              WHEN r_form < 80 THEN 'phấn đấu đến ngày ' || to_char(b, 'FMDD/FMMM/YYYY')
              WHEN r_form < 87 THEN 'Nhiệm vụ thường xuyên'
              WHEN r_form < 89 THEN 'hằng quý'
              WHEN r_form < 90 THEN 'hằng tháng'
              ELSE NULL END AS deadline_text,                        -- 10 %: no deadline
         -- 12 % re-stated: the deadline first assigned was earlier
         CASE WHEN pg_temp.h(i, 7) % 100 < 12 AND r_form < 40
              THEN to_char(b - 20 - (pg_temp.h(i, 7) % 60)::int, 'DD/MM/YYYY') END AS assigned_text,
         -- half completed, around the due date, some after the as-of date
         CASE WHEN pg_temp.h(i, 8) % 100 < 50
              THEN least(b + ((pg_temp.h(i, 9) % 120)::int - 75), DATE '2025-12-15') END AS completed_on,
         CASE WHEN pg_temp.h(i, 10) % 100 < 3
              THEN DATE '2025-03-01' + (pg_temp.h(i, 10) % 300)::int END AS cancelled_on
    FROM p
)
SELECT province, agency_code, 100000000 + i AS assignment_id, 100000000 + (i - 1) / 4 AS task_id,
       (ARRAY['44-TB/TGV', '67-QĐ/TGV', '01-KH/BCĐ', '193/2025/NQ-QH15'])[1 + (i % 4)::int] AS directive,
       deadline_text, neongraph.try_deadline(deadline_text) AS deadline,
       assigned_text, neongraph.try_deadline(assigned_text) AS assigned_deadline,
       completed_on, cancelled_on,
       CASE WHEN completed_on IS NOT NULL THEN 100 ELSE (pg_temp.h(i, 11) % 100)::int END AS progress
  FROM a;

-- every written deadline must parse
SELECT count(*) AS refused_deadlines
  FROM gen WHERE (deadline_text IS NOT NULL AND deadline IS NULL)
              OR (assigned_text IS NOT NULL AND assigned_deadline IS NULL) \gset
\echo 'deadline forms the parser refused: ' :refused_deadlines

-- the sharded table: rows go through tuple routing to their foreign partition
INSERT INTO public.assignment_fact
  (province, agency_code, assignment_id, task_id, directive, deadline, assigned_deadline,
   completed_on, cancelled_on, progress)
SELECT province, agency_code, assignment_id, task_id, directive, deadline, assigned_deadline,
       completed_on, cancelled_on, progress
  FROM gen ORDER BY province, assignment_id;

-- the single-server copy
INSERT INTO public.assignment_fact_single
SELECT province, agency_code, assignment_id, task_id, directive, deadline, assigned_deadline,
       completed_on, cancelled_on, progress
  FROM gen;
ANALYZE public.assignment_fact_single;
ANALYZE public.assignment_fact_tw;
