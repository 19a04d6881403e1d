-- The schema is created by CREATE EXTENSION (neongraph.control names it).
COMMENT ON SCHEMA neongraph IS
  'neongraph: directive tracking — Vietnamese deadlines, task status, KPI rollups, ranking and the task cascade';

CREATE FUNCTION neongraph.today() RETURNS pg_catalog.date
  AS 'MODULE_PATHNAME', 'ng_today_fn'
  LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.today() IS
  'The current date in the zone named by GUC neongraph.timezone (default Asia/Ho_Chi_Minh), at the start of the transaction: deadlines are Vietnamese calendar days whatever the server''s TimeZone';
