-- model_schema: the tracking model's objects — every table, view, column
-- and function documented (COMMENT ON), every table of users' data and its
-- identity sequence registered for pg_dump, every function with a pinned
-- search_path, and the triggers that hold the rules.
CREATE TEMP TABLE my_rel (name text);
INSERT INTO my_rel VALUES ('agency'), ('working_group'), ('working_group_member'), ('directive'), ('directive_link'),
  ('task'), ('task_agency'), ('assignment'), ('task_link'), ('progress_report'), ('kpi'), ('kpi_value'),
  ('history'), ('task_import'), ('agency_tree'), ('assignment_group'), ('directive_cascade'),
  ('assignment_state'), ('task_state'), ('agency_scorecard'), ('working_group_scorecard'),
  ('directive_scorecard'), ('directive_cascade_scorecard'), ('kpi_state');
CREATE TEMP TABLE my_fn (name text);
INSERT INTO my_fn SELECT unnest(string_to_array(
  'agency_code agency_members agency_scorecard apply_import assignment_before_trg assignment_state cancel_assignment '
  'cancel_task complete_assignment directive_scorecard find_agencies history_append_only_trg history_trg import_row '
  'trigram_overlap is_unspecified_agency kpi_state link_tasks local_time lock_assignment mark_blocked mark_unblocked match_agencies '
  'name_key name_keys nearest_agencies period_report period_report_rows progress_report_after_trg '
  'progress_report_before_trg record_kpi_value reopen_assignment report_fields report_period report_progress '
  'report_scope report_timeliness report_week_of restate_deadline scope_assignments set_change_reason similarity '
  'split_agency_cell task_before_trg task_state trigrams upsert_directive verify_assignment '
  'weekly_report weekly_report_rows working_group_scorecard', ' '));

-- tables and views, each documented, every column too
SELECT r.name, c.relkind, obj_description(c.oid, 'pg_class') IS NOT NULL AS documented,
       count(a.attnum) FILTER (WHERE col_description(c.oid, a.attnum) IS NULL) AS undocumented_columns
  FROM my_rel r
  JOIN pg_class c ON c.relname = r.name AND c.relnamespace = 'neongraph'::regnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 GROUP BY r.name, c.relkind, c.oid ORDER BY c.relkind, r.name;
-- all of them belong to the extension
SELECT count(*) AS not_members FROM my_rel r JOIN pg_class c ON c.relname = r.name AND c.relnamespace = 'neongraph'::regnamespace
 WHERE NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e');

-- pg_dump keeps users' rows: the tables and identity sequences registered, with their filters
SELECT c.relname, c.relkind, coalesce(e.cond, '') AS condition
  FROM pg_extension x, unnest(x.extconfig, x.extcondition) AS e(oid, cond)
  JOIN pg_class c ON c.oid = e.oid
 WHERE x.extname = 'neongraph'
   AND (c.relname IN (SELECT name FROM my_rel)
        OR c.oid IN (SELECT pg_get_serial_sequence(t.oid::regclass::text, a.attname)::regclass
                       FROM my_rel r JOIN pg_class t ON t.relname = r.name AND t.relnamespace = 'neongraph'::regnamespace
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attidentity <> ''))
 ORDER BY c.relkind DESC, c.relname;
-- every table of the model is registered
SELECT r.name AS unregistered FROM my_rel r JOIN pg_class c ON c.relname = r.name AND c.relnamespace = 'neongraph'::regnamespace
 WHERE c.relkind = 'r' AND c.oid NOT IN (SELECT unnest(extconfig) FROM pg_extension WHERE extname = 'neongraph');

-- functions: documented, search_path pinned, volatility as they truly are
SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args, p.provolatile AS vol, p.proparallel AS par,
       l.lanname AS lang, obj_description(p.oid, 'pg_proc') IS NOT NULL AS documented,
       p.proconfig = '{"search_path=pg_catalog, pg_temp"}' AS pinned
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
 WHERE p.pronamespace = 'neongraph'::regnamespace AND p.proname IN (SELECT name FROM my_fn)
 ORDER BY p.proname, args;
SELECT f.name AS missing_function FROM my_fn f
 WHERE NOT EXISTS (SELECT FROM pg_proc p WHERE p.proname = f.name AND p.pronamespace = 'neongraph'::regnamespace);

-- the triggers that hold the rules
SELECT c.relname, t.tgname, p.proname, pg_get_triggerdef(t.oid) ~ 'BEFORE' AS before, t.tgtype & 1 = 1 AS per_row
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
 WHERE c.relnamespace = 'neongraph'::regnamespace AND NOT t.tgisinternal AND p.proname IN (SELECT name FROM my_fn)
 ORDER BY c.relname, t.tgname;

-- the staging table's first seven columns, in the order \copy uses
SELECT attnum, attname, format_type(atttypid, atttypmod) FROM pg_attribute
 WHERE attrelid = 'neongraph.task_import'::regclass AND attnum BETWEEN 1 AND 7 ORDER BY attnum;
-- the catalog's rows are marked shipped, so pg_dump leaves them to CREATE EXTENSION
SELECT count(*) > 0 AS has_catalog, bool_and(is_shipped) AS all_shipped FROM neongraph.agency;
