-- test/bench/cascade_bench.sql — data and helpers for test/bench/cascade_bench.sh
-- (loaded into its throwaway cluster; never part of the extension).
--
-- A national tree repeated :trees times: 1 central task -> 34 province tasks
-- -> 100 commune tasks each (3,434 derives links per tree), plus :deps
-- random depends links kept acyclic, and one lead assignment per task; about
-- 5% of the communes' and 10% of the provinces' assignments are open past a
-- 30/9/2025 deadline (late as of :as_of), the rest done on time.
-- Task ids: tree t's central task is t*4000, its province p t*4000+p, the
-- commune k of province p t*4000+34+(p-1)*100+k.
\set ON_ERROR_STOP 1
SELECT setseed(0.57);

CREATE SCHEMA cbench;

-- bulk load without triggers (the data is consistent by construction)
SET session_replication_role = replica;

INSERT INTO neongraph.agency (code, name, kind, parent_code)
SELECT 'B.C', 'Ban Chỉ đạo (bench)', 'state_central', NULL
UNION ALL
SELECT format('B.P%s', p), format('Tỉnh %s (bench)', p), 'province', NULL FROM generate_series(1, 34) p
UNION ALL
SELECT format('B.P%s.X%s', p, k), format('Xã %s-%s (bench)', p, k), 'commune', format('B.P%s', p)
  FROM generate_series(1, 34) p, generate_series(1, 100) k;

INSERT INTO neongraph.directive (directive_id, docref, kind, issued_on) OVERRIDING SYSTEM VALUE VALUES
  (1, '1-TB/BENCH', 'TB', '2025-06-01'),
  (2, '2-KH/BENCH', 'KH', '2025-06-15'),
  (3, '3-KH/BENCH', 'KH', '2025-06-20');

CREATE TABLE cbench.node AS
SELECT t * 4000 AS task_id, 2 AS level, NULL::bigint AS parent, 'B.C' AS agency
  FROM generate_series(1, :trees) t
UNION ALL
SELECT t * 4000 + p, 1, t * 4000, format('B.P%s', p)
  FROM generate_series(1, :trees) t, generate_series(1, 34) p
UNION ALL
SELECT t * 4000 + 34 + (p - 1) * 100 + k, 0, t * 4000 + p, format('B.P%s.X%s', p, k)
  FROM generate_series(1, :trees) t, generate_series(1, 34) p, generate_series(1, 100) k;
ALTER TABLE cbench.node ADD PRIMARY KEY (task_id);
-- late: about 5% of communes, 10% of provinces, 2% of central tasks
ALTER TABLE cbench.node ADD COLUMN late boolean;
UPDATE cbench.node SET late = random() < CASE level WHEN 0 THEN 0.05 WHEN 1 THEN 0.10 ELSE 0.02 END;

INSERT INTO neongraph.task (task_id, directive_id, item_no, content, deadline, assigned_deadline)
  OVERRIDING SYSTEM VALUE
SELECT task_id, 3 - level, task_id::text, 'Nhiệm vụ ' || task_id,
       'ngày 30/9/2025', 'ngày 30/9/2025'
  FROM cbench.node;

INSERT INTO neongraph.assignment (task_id, agency_code, progress, completed_on, evidence)
SELECT task_id, agency,
       CASE WHEN late THEN 50 ELSE 100 END,
       CASE WHEN late THEN NULL ELSE DATE '2025-09-15' END,
       CASE WHEN late THEN NULL ELSE 'Báo cáo ' || task_id END
  FROM cbench.node;

INSERT INTO neongraph.task_link (from_task, to_task, kind)
SELECT task_id, parent, 'derives' FROM cbench.node WHERE parent IS NOT NULL;

-- depends links: "a depends on b" makes b hold up a; ordering tasks by
-- (level, id) and always letting the later one depend on the earlier keeps
-- the held-up graph acyclic (derives links go up a level).
INSERT INTO neongraph.task_link (from_task, to_task, kind)
SELECT DISTINCT greatest(k1, k2) % 100000000, least(k1, k2) % 100000000, 'depends'
  FROM (SELECT (SELECT level::bigint * 100000000 + task_id FROM cbench.node WHERE task_id = a) AS k1,
               (SELECT level::bigint * 100000000 + task_id FROM cbench.node WHERE task_id = b) AS k2
          FROM (SELECT n1.task_id AS a, n2.task_id AS b
                  FROM (SELECT task_id, row_number() OVER (ORDER BY random()) AS r
                          FROM cbench.node) n1
                  JOIN (SELECT task_id, row_number() OVER (ORDER BY random()) AS r
                          FROM cbench.node) n2 USING (r)
                 WHERE n1.task_id <> n2.task_id
                 LIMIT :deps) x) y;

-- links to add one by one, timing the cycle check: new depends links in the
-- same acyclic order, not yet present
CREATE TABLE cbench.newlink AS
SELECT DISTINCT ON (f, t) f, t
  FROM (SELECT greatest(k1, k2) % 100000000 AS f, least(k1, k2) % 100000000 AS t
          FROM (SELECT (SELECT level::bigint * 100000000 + task_id FROM cbench.node WHERE task_id = a) AS k1,
                       (SELECT level::bigint * 100000000 + task_id FROM cbench.node WHERE task_id = b) AS k2
                  FROM (SELECT n1.task_id AS a, n2.task_id AS b
                          FROM (SELECT task_id, row_number() OVER (ORDER BY random()) AS r FROM cbench.node) n1
                          JOIN (SELECT task_id, row_number() OVER (ORDER BY random()) AS r FROM cbench.node) n2 USING (r)
                         WHERE n1.task_id <> n2.task_id
                         LIMIT :newlinks * 2) x) y) z
 WHERE NOT EXISTS (SELECT FROM neongraph.task_link l
                    WHERE l.from_task = z.f AND l.to_task = z.t AND l.kind = 'depends')
 LIMIT :newlinks;

RESET session_replication_role;
VACUUM ANALYZE neongraph.task, neongraph.assignment, neongraph.task_link, neongraph.directive,
               neongraph.agency, cbench.node, cbench.newlink;

-- the late tasks as of :as_of, by the model's rule, for both sides
CREATE TABLE cbench.late AS
SELECT DISTINCT task_id FROM neongraph.assignment_state(:'as_of') WHERE status = 'overdue';

-- time a query: run it, return milliseconds
CREATE FUNCTION cbench.ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; n bigint;
BEGIN
  t0 := clock_timestamp();
  EXECUTE 'SELECT count(*) FROM (' || q || ') s' INTO n;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

CREATE TABLE cbench.timing (key text, run int, ms float8);

-- run each query of a group once per round, rounds times, interleaved
CREATE FUNCTION cbench.measure(keys text[], qs text[], rounds int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1 .. array_length(keys, 1) LOOP       -- warm-up
    PERFORM cbench.ms(qs[i]);
  END LOOP;
  FOR r IN 1 .. rounds LOOP
    FOR i IN 1 .. array_length(keys, 1) LOOP
      INSERT INTO cbench.timing VALUES (keys[i], r, cbench.ms(qs[i]));
    END LOOP;
  END LOOP;
END $$;

-- insert n links one statement at a time; milliseconds in all
CREATE FUNCTION cbench.insert_links(n int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp(); l record;
BEGIN
  FOR l IN SELECT f, t FROM cbench.newlink ORDER BY f, t LIMIT n LOOP
    INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (l.f, l.t, 'depends');
  END LOOP;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

SELECT (SELECT count(*) FROM neongraph.task) AS tasks,
       (SELECT count(*) FROM neongraph.task_link) AS links,
       (SELECT count(*) FROM neongraph.task_link WHERE kind = 'depends') AS depends_links,
       (SELECT count(*) FROM cbench.late) AS late_tasks,
       (SELECT count(*) FROM cbench.newlink) AS links_to_insert;
