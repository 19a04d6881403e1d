-- test/sharding/shard.sql — run on each shard server (psql variables:
--   provinces  the province codes this shard holds, as a text[] literal '{HN,HP,...}'
--   shard      the shard's number, 1 or 2
--   sleep      seconds the parallelism probe sleeps)
-- The extension is installed on every node: the coordinator ships
-- neongraph.status_rollup(neongraph.deadline_status(...)) in the remote SQL, so
-- the shard must have the same functions, operators, types and aggregate.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS neongraph;

-- The shard's part of the assignment facts: one table per province (the
-- coordinator's foreign partition for a province names that table), kept
-- under a partitioned parent so that the shard can also be queried as a whole.
-- The columns are those of the coordinator's public.assignment_fact
-- (coordinator.sql says what each holds).
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
  progress          int NOT NULL DEFAULT 0,
  PRIMARY KEY (province, assignment_id)
) PARTITION BY LIST (province);

SELECT format('CREATE TABLE public.%I PARTITION OF public.assignment_fact FOR VALUES IN (%L)',
              'assignment_fact_' || lower(p), p)
  FROM unnest(:'provinces'::text[]) AS p
\gexec
CREATE INDEX ON public.assignment_fact (agency_code);

-- The parallelism probe: reading it takes :sleep seconds on this shard.
CREATE VIEW public.slow_probe AS
  SELECT :shard::int AS shard, inet_server_port() AS port FROM pg_sleep(:sleep);
