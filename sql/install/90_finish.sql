-- Runs last: every agency present now came with the extension (the catalog,
-- 60_catalog.sql).  Marking them is_shipped keeps them out of pg_dump (they
-- are recreated by CREATE EXTENSION); the rows users add stay false and are
-- dumped (pg_extension_config_dump 'WHERE NOT is_shipped', 50_model.sql).
UPDATE neongraph.agency SET is_shipped = true WHERE NOT is_shipped;
