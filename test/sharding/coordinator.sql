-- test/sharding/coordinator.sql — the coordinator's schema (psql variables:
--   shard1_port, shard2_port             the shards' ports on 127.0.0.1
--   shard1_provinces, shard2_provinces   text[] literals of the province codes each holds)
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS neongraph;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;

-- One foreign server per shard.
--   extensions 'neongraph'  its functions, operators, types and aggregates may be
--                           sent in remote SQL (postgres_fdw otherwise ships only
--                           built-in objects; a function must also be IMMUTABLE)
--   async_capable 'true'    the shards' scans run concurrently under an Append
--   fetch_size / batch_size rows per round trip when reading and inserting
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port :'shard1_port', dbname 'postgres',
           extensions 'neongraph', async_capable 'true',
           fetch_size '50000', batch_size '1000');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port :'shard2_port', dbname 'postgres',
           extensions 'neongraph', async_capable 'true',
           fetch_size '50000', batch_size '1000');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');

-- The assignment facts, LIST-partitioned by province: one foreign partition
-- per province (moving a province to another shard is one partition swap),
-- and one local partition 'TW' for the central bodies' assignments.
-- (No primary key here: a unique index cannot span foreign partitions; each
-- shard enforces (province, assignment_id) on its own tables.)
-- One row per assignment of the tracking model (feed.sql), with what the
-- scorecards read as of any date:
--   province       the nearest ancestor of kind 'province' of the agency, 'TW' if none
--   issued_on      the directive's date: its tasks do not exist before it
--   working_group  the task's own working group (NULL: the groups of the agency)
--   cancelled_on, blocked_since, verified_on
--                  set only while cancelled, blocked, verified
CREATE TABLE public.assignment_fact (
  province          text NOT NULL,
  agency_code       text NOT NULL,
  assignment_id     bigint NOT NULL,
  task_id           bigint NOT NULL,
  directive         text,
  issued_on         date,
  working_group     text,
  deadline          neongraph.deadline,
  assigned_deadline neongraph.deadline,
  completed_on      date,
  cancelled_on      date,
  blocked_since     date,
  verified_on       date,
  progress          int NOT NULL DEFAULT 0
) PARTITION BY LIST (province);

CREATE TABLE public.assignment_fact_tw PARTITION OF public.assignment_fact
  (PRIMARY KEY (province, assignment_id)) FOR VALUES IN ('TW');

SELECT format('CREATE FOREIGN TABLE public.%I PARTITION OF public.assignment_fact FOR VALUES IN (%L) '
              'SERVER %I OPTIONS (schema_name %L, table_name %L)',
              'assignment_fact_' || lower(p), p, s, 'public', 'assignment_fact_' || lower(p))
  FROM (SELECT 'shard1' AS s, unnest(:'shard1_provinces'::text[]) AS p
        UNION ALL
        SELECT 'shard2', unnest(:'shard2_provinces'::text[])) x
 ORDER BY s, p
\gexec

-- Per-province aggregation goes to the shards only with partitionwise
-- aggregation (off by default): set it for every session of this database.
ALTER DATABASE postgres SET enable_partitionwise_aggregate = on;
ALTER DATABASE postgres SET enable_partitionwise_join = on;

-- The parallelism probe: one foreign partition per shard, each a view that
-- sleeps on its shard.
CREATE TABLE public.slow_probe (shard int NOT NULL, port int) PARTITION BY LIST (shard);
CREATE FOREIGN TABLE public.slow_probe_1 PARTITION OF public.slow_probe FOR VALUES IN (1)
  SERVER shard1 OPTIONS (schema_name 'public', table_name 'slow_probe');
CREATE FOREIGN TABLE public.slow_probe_2 PARTITION OF public.slow_probe FOR VALUES IN (2)
  SERVER shard2 OPTIONS (schema_name 'public', table_name 'slow_probe');
