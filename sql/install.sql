-- install: CREATE EXTENSION under a hostile search_path; every object documented;
-- every SQL-language function pins its search_path.

DROP EXTENSION neongraph;
CREATE SCHEMA evil;
CREATE ROLE neongraph_test_evil;
-- look-alikes of functions and operators an install script might call unqualified
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil.lower called'; END$$;
CREATE FUNCTION evil.upper(text) RETURNS text LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil.upper called'; END$$;
CREATE FUNCTION evil.replace(text, text, text) RETURNS text LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil.replace called'; END$$;
CREATE FUNCTION evil.trunc(numeric, int) RETURNS numeric LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil.trunc called'; END$$;
CREATE FUNCTION evil.round(numeric, int) RETURNS numeric LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil.round called'; END$$;
CREATE FUNCTION evil.format(text, VARIADIC text[]) RETURNS text LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil.format called'; END$$;
CREATE FUNCTION evil.normalize(text, text) RETURNS text LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil.normalize called'; END$$;
CREATE FUNCTION evil.texteq(text, text) RETURNS boolean LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil = called'; END$$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq);
CREATE FUNCTION evil.numeq(numeric, numeric) RETURNS boolean LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'evil numeric = called'; END$$;
CREATE OPERATOR evil.= (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = evil.numeq);
SET search_path = evil, pg_catalog, public;
CREATE EXTENSION neongraph;
-- and the functions work with that search_path still in force
SELECT neongraph.format_rate(0.986297) AS published,
       neongraph.deadline_status('trước ngày 20/9/2025', NULL, '2025-09-25') AS status;
RESET search_path;
DROP SCHEMA evil CASCADE;
DROP ROLE neongraph_test_evil;

-- the extension lives in its own schema, and is not relocatable
SELECT e.extname, n.nspname, e.extrelocatable, e.extversion
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'neongraph';

-- every member object has a COMMENT (the documentation \df+ and BI tools show)
SELECT pg_catalog.pg_describe_object(d.classid, d.objid, 0) AS undocumented
FROM pg_catalog.pg_depend d
WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'neongraph')
  AND d.deptype = 'e'
  AND d.classid IN ('pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_type'::regclass,
                    'pg_catalog.pg_class'::regclass, 'pg_catalog.pg_operator'::regclass,
                    'pg_catalog.pg_opclass'::regclass)
  AND pg_catalog.obj_description(d.objid, (SELECT relname FROM pg_catalog.pg_class WHERE oid = d.classid)) IS NULL
  -- array types and table row types are documented through their base object
  AND NOT (d.classid = 'pg_catalog.pg_type'::regclass AND EXISTS (
        SELECT 1 FROM pg_catalog.pg_type t WHERE t.oid = d.objid AND (t.typelem <> 0 AND t.typlen = -1 OR t.typrelid <> 0 AND
          (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) <> 'c')))
  -- sequences behind identity and serial columns are documented through the column
  AND NOT (d.classid = 'pg_catalog.pg_class'::regclass AND EXISTS (
        SELECT 1 FROM pg_catalog.pg_depend o WHERE o.classid = 'pg_catalog.pg_class'::regclass
          AND o.objid = d.objid AND o.refobjsubid > 0 AND o.deptype IN ('a', 'i')))
ORDER BY 1;

-- every column of every table, view and composite type has a COMMENT
SELECT c.relname || '.' || a.attname AS undocumented_column
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'neongraph'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'c', 'p', 'f')
  AND pg_catalog.col_description(c.oid, a.attnum) IS NULL
ORDER BY 1;

-- every SQL or PL/pgSQL function pins search_path (none trusts the caller's)
SELECT p.oid::regprocedure AS unpinned
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'neongraph'::regnamespace
  AND p.prolang IN (SELECT oid FROM pg_catalog.pg_language WHERE lanname IN ('sql', 'plpgsql'))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proconfig) c WHERE c LIKE 'search_path=%')
ORDER BY 1::text;

-- every immutable function is parallel safe
SELECT p.oid::regprocedure AS immutable_not_parallel_safe
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'neongraph'::regnamespace AND p.provolatile = 'i' AND p.proparallel <> 's'
ORDER BY 1::text;
