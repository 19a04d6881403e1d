-- Roles, row-level security, the guard on protected fields, search_path
-- hijack and the tamper-evident history (80_security.sql).
-- Every forbidden path is tried and shows its SQLSTATE (VERBOSITY sqlstate).
-- Roles are cluster-wide: this test creates ng_sec_* roles and drops them.

\set VERBOSITY sqlstate
SET client_min_messages = warning;

-- the four group roles exist and cannot log in
SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'neongraph\_%' ORDER BY 1;

-- fixtures (as superuser) ---------------------------------------------------
DROP ROLE IF EXISTS ng_sec_skhcn, ng_sec_hcm, ng_sec_bca, ng_sec_nomap, ng_sec_coord,
                    ng_sec_analyst, ng_sec_public;
CREATE ROLE ng_sec_skhcn LOGIN;    -- Sở KH&CN TP.HCM (a department under HCM)
CREATE ROLE ng_sec_hcm LOGIN;      -- TP.HCM (the province)
CREATE ROLE ng_sec_bca LOGIN;      -- Bộ Công an
CREATE ROLE ng_sec_nomap LOGIN IN ROLE neongraph_agency;   -- agency role, no mapping
CREATE ROLE ng_sec_coord LOGIN IN ROLE neongraph_coordinator;
CREATE ROLE ng_sec_analyst LOGIN IN ROLE neongraph_analyst;
CREATE ROLE ng_sec_public LOGIN IN ROLE neongraph_public;

SELECT neongraph.register_agency_login('ng_sec_skhcn', 'HCM_SKHCN');
SELECT neongraph.register_agency_login('ng_sec_hcm', 'Thành phố Hồ Chí Minh');
SELECT neongraph.register_agency_login('ng_sec_bca', 'BCA');
SELECT pg_has_role('ng_sec_bca', 'neongraph_agency', 'USAGE') AS bca_is_agency;
-- refused: unknown role, superuser, a collective
SELECT neongraph.register_agency_login('ng_sec_nobody', 'BCA');
SELECT neongraph.register_agency_login('postgres', 'BCA');
SELECT neongraph.register_agency_login('ng_sec_bca', 'BO_NGANH');

INSERT INTO neongraph.directive (docref, kind, issuer, issued_on, title)
VALUES ('901-TB/SECTEST', 'TB', 'test', '2025-01-01', 'security test');
SELECT directive_id AS dir FROM neongraph.directive WHERE docref::text = '901-TB/SECTEST' \gset
INSERT INTO neongraph.task (directive_id, item_no, content, deadline)
VALUES (:dir, 'S1', 'department task', 'năm 2030'),
       (:dir, 'S2', 'ministry task', 'năm 2030'),
       (:dir, 'S3', 'city and ministry task', 'năm 2030');
SELECT task_id AS t1 FROM neongraph.task WHERE directive_id = :dir AND item_no = 'S1' \gset
SELECT task_id AS t2 FROM neongraph.task WHERE directive_id = :dir AND item_no = 'S2' \gset
SELECT task_id AS t3 FROM neongraph.task WHERE directive_id = :dir AND item_no = 'S3' \gset
INSERT INTO neongraph.task_agency (task_id, agency_code, role) VALUES
  (:t1, 'HCM_SKHCN', 'lead'), (:t1, 'BCA', 'cooperating'),
  (:t2, 'BCA', 'lead'),
  (:t3, 'HCM', 'lead'), (:t3, 'BCA', 'lead');
INSERT INTO neongraph.assignment (task_id, agency_code) VALUES
  (:t1, 'HCM_SKHCN'), (:t2, 'BCA'), (:t3, 'HCM'), (:t3, 'BCA');
INSERT INTO neongraph.kpi (code, name, task_id, owner_code, unit, target)
VALUES ('SEC_KPI_BCA', 'test KPI', :t2, 'BCA', '%', 100);

-- what each agency login sees: own agency + agencies under it, lead or cooperating
CREATE FUNCTION pg_temp.seen() RETURNS text LANGUAGE sql AS $$
  SELECT coalesce(string_agg(item_no, ',' ORDER BY item_no), '-')
    FROM neongraph.task t JOIN neongraph.directive d USING (directive_id)
   WHERE d.docref::text = '901-TB/SECTEST' $$;
SET SESSION AUTHORIZATION ng_sec_skhcn;
SELECT pg_temp.seen() AS skhcn_sees,
       (SELECT count(*) FROM neongraph.assignment WHERE task_id IN (:t1, :t2, :t3)) AS assignments,
       (SELECT count(*) FROM neongraph.task_agency WHERE task_id IN (:t1, :t2, :t3)) AS task_agencies,
       (SELECT count(*) FROM neongraph.kpi WHERE code = 'SEC_KPI_BCA') AS kpis,
       (SELECT count(*) FROM neongraph.agency_login) AS logins_seen;
SET SESSION AUTHORIZATION ng_sec_hcm;
SELECT pg_temp.seen() AS hcm_sees,
       (SELECT count(*) FROM neongraph.assignment WHERE task_id IN (:t1, :t2, :t3)) AS assignments;
SET SESSION AUTHORIZATION ng_sec_bca;
SELECT pg_temp.seen() AS bca_sees,
       (SELECT count(*) FROM neongraph.kpi WHERE code = 'SEC_KPI_BCA') AS kpis;
SET SESSION AUTHORIZATION ng_sec_nomap;
SELECT pg_temp.seen() AS unmapped_sees,
       (SELECT count(*) FROM neongraph.assignment) AS assignments,
       (SELECT count(*) FROM neongraph.history) AS history;
-- the helpers answer only for oneself
SELECT count(*) AS bca_tasks_asked_by_other FROM neongraph.login_tasks('ng_sec_bca');
SELECT neongraph.login_agency('ng_sec_bca') AS bca_agency_asked_by_other;
RESET SESSION AUTHORIZATION;

-- agency: the allowed writes -------------------------------------------------
SET SESSION AUTHORIZATION ng_sec_skhcn;
SELECT neongraph.report_progress(:t1, 'HCM_SKHCN', 40, '{"results": "ok"}') > 0 AS reported;
SELECT neongraph.mark_blocked(:t1, 'HCM_SKHCN', 'waiting for the ministry');
SELECT neongraph.mark_unblocked(:t1, 'HCM_SKHCN');
SELECT neongraph.complete_assignment(:t1, 'HCM_SKHCN', neongraph.today(), 'QĐ 1/SKHCN');
SELECT neongraph.reopen_assignment(:t1, 'HCM_SKHCN', 'completed too early');
SELECT progress, completed_on IS NULL AS open FROM neongraph.assignment WHERE task_id = :t1;
SELECT count(*) AS own_history_rows, bool_and(changed_by = 'ng_sec_skhcn') AS by_me
  FROM neongraph.history WHERE task_id = :t1 AND operation = 'UPDATE';

-- agency: forbidden, by every path -------------------------------------------
-- another agency's task, invisible: not found
SELECT neongraph.report_progress(:t2, 'BCA', 10);
UPDATE neongraph.assignment SET progress = 99 WHERE task_id = :t2 RETURNING 1;
DELETE FROM neongraph.progress_report WHERE task_id = :t2;
-- tables it may not write at all
UPDATE neongraph.task SET deadline = 'năm 2031' WHERE task_id = :t1;
UPDATE neongraph.task SET content = 'x' WHERE task_id = :t1;
INSERT INTO neongraph.task (directive_id, item_no, content) VALUES (:dir, 'S9', 'forged');
DELETE FROM neongraph.assignment WHERE task_id = :t1;
UPDATE neongraph.assignment SET task_id = :t2 WHERE task_id = :t1;
UPDATE neongraph.assignment SET verification_note = 'self' WHERE task_id = :t1;
INSERT INTO neongraph.task_link (from_task, to_task, kind) VALUES (:t1, :t3, 'depends');
INSERT INTO neongraph.agency_login VALUES ('ng_sec_skhcn', 'BCA');
UPDATE neongraph.agency_login SET agency_code = 'BCA';
INSERT INTO neongraph.task_import (directive, item_no, content) VALUES ('x', 'y', 'z');
SELECT count(*) FROM neongraph.task_import;
-- the API paths that change deadlines, verification, cancellation, links
SELECT neongraph.restate_deadline(:t1, 'năm 2031', 'self-extension');
-- (completing is allowed; verifying the completion is not)
SELECT neongraph.complete_assignment(:t1, 'HCM_SKHCN', neongraph.today(), 'QĐ 2/SKHCN');
SELECT neongraph.verify_assignment(:t1, 'HCM_SKHCN', 'self-verified');
UPDATE neongraph.assignment SET verified = true WHERE task_id = :t1;
SELECT neongraph.cancel_assignment(:t1, 'HCM_SKHCN', 'self-cancelled');
SELECT neongraph.link_tasks(:t1, :t3, 'depends');
SELECT neongraph.register_agency_login('ng_sec_skhcn', 'BCA');
SELECT * FROM neongraph.apply_import();
-- history: append-only, and no role writes it directly
INSERT INTO neongraph.history (table_name, operation) VALUES ('task', 'INSERT');
UPDATE neongraph.history SET reason = 'forged' WHERE task_id = :t1;
DELETE FROM neongraph.history WHERE task_id = :t1;
TRUNCATE neongraph.history;
ALTER TABLE neongraph.history DISABLE TRIGGER append_only;
-- COPY: reads only what SELECT shows; writes refused
COPY neongraph.task_import TO STDOUT;
COPY neongraph.history FROM STDIN;
COPY neongraph.progress_report (assignment_id, task_id, agency_code, progress) FROM STDIN;
1	1	BCA	5
\.
COPY (SELECT item_no FROM neongraph.task WHERE directive_id = :dir ORDER BY 1) TO STDOUT;
RESET SESSION AUTHORIZATION;

-- a province login sees its department's task and the co-led task, but
-- writes only its own assignment: another lead's row is refused (42501)
SET SESSION AUTHORIZATION ng_sec_hcm;
SELECT neongraph.report_progress(:t3, 'HCM', 20) > 0 AS own_reported;
SELECT neongraph.report_progress(:t3, 'BCA', 20);
UPDATE neongraph.assignment SET progress = 5 WHERE task_id = :t3 AND agency_code = 'BCA';
-- nor its department's, though it sees it
SELECT neongraph.reopen_assignment(:t1, 'HCM_SKHCN', 'province reopens');
UPDATE neongraph.assignment SET progress = 5 WHERE task_id = :t1;
-- views read with the caller's rights: only its rows
SELECT string_agg(item_no || ':' || agency_code, ',' ORDER BY item_no, agency_code) AS state_rows
  FROM neongraph.assignment_state WHERE directive = '901-TB/SECTEST';
RESET SESSION AUTHORIZATION;

-- KPI values: own KPI only
SET SESSION AUTHORIZATION ng_sec_bca;
SELECT neongraph.record_kpi_value('SEC_KPI_BCA', neongraph.today(), 50, 'report 1');
SET SESSION AUTHORIZATION ng_sec_skhcn;
SELECT neongraph.record_kpi_value('SEC_KPI_BCA', neongraph.today(), 90, 'forged');
INSERT INTO neongraph.kpi_value (kpi_id, measured_on, value)
  SELECT kpi_id, '2025-01-02', 1 FROM neongraph.kpi WHERE code = 'SEC_KPI_BCA';
RESET SESSION AUTHORIZATION;
SELECT value, evidence FROM neongraph.kpi_value JOIN neongraph.kpi USING (kpi_id) WHERE code = 'SEC_KPI_BCA';

-- search_path hijack during a function call -----------------------------------
-- the attacker owns a schema, puts look-alike functions and operators in it,
-- ahead of pg_catalog on its search_path; the extension's functions pin
-- search_path = pg_catalog, pg_temp and never call them
CREATE SCHEMA ng_sec_evil AUTHORIZATION ng_sec_skhcn;
SET SESSION AUTHORIZATION ng_sec_skhcn;
CREATE FUNCTION ng_sec_evil.btrim(text) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'hijacked btrim'; END $$;
CREATE FUNCTION ng_sec_evil.jsonb_typeof(jsonb) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'hijacked jsonb_typeof'; END $$;
CREATE FUNCTION ng_sec_evil.evil_eq(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'hijacked ='; END $$;
CREATE OPERATOR ng_sec_evil.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = ng_sec_evil.evil_eq);
CREATE FUNCTION ng_sec_evil.today() RETURNS date LANGUAGE sql AS $$ SELECT '1999-01-01'::date $$;
SET search_path = ng_sec_evil, pg_catalog, neongraph;
\set VERBOSITY terse
SELECT btrim(' x ');           -- control: the trap fires for an unqualified call
SELECT 1::bigint = 1::bigint;  -- control: the operator trap fires too
\set VERBOSITY sqlstate
SELECT neongraph.reopen_assignment(:t1, 'HCM_SKHCN', 'again');
SELECT neongraph.report_progress(:t1, 'HCM_SKHCN', 60, '{"results": "hijack attempt"}') > 0 AS reported_safely;
SELECT neongraph.complete_assignment(:t1, 'HCM_SKHCN', neongraph.today(), 'QĐ 3/SKHCN');
SELECT count(*) AS tasks_seen FROM neongraph.task_state WHERE directive = '901-TB/SECTEST';
SELECT count(*) AS broken_links FROM neongraph.verify_history();
RESET search_path;
RESET SESSION AUTHORIZATION;
DROP SCHEMA ng_sec_evil CASCADE;

-- analyst: reads everything, writes nothing ------------------------------------
SET SESSION AUTHORIZATION ng_sec_analyst;
SELECT pg_temp.seen() AS analyst_sees,
       (SELECT count(*) FROM neongraph.agency_login WHERE login::text LIKE 'ng\_sec\_%') AS logins;
SELECT neongraph.report_progress(:t2, 'BCA', 10);
UPDATE neongraph.task SET content = 'x' WHERE task_id = :t2;
DELETE FROM neongraph.kpi_value;
INSERT INTO neongraph.progress_report (assignment_id, task_id, agency_code, progress)
  SELECT assignment_id, task_id, agency_code, 1 FROM neongraph.assignment WHERE task_id = :t2;
SELECT neongraph.register_agency_login('ng_sec_analyst', 'BCA');
SELECT count(*) AS broken_links FROM neongraph.verify_history();
RESET SESSION AUTHORIZATION;

-- coordinator: verifies, re-states, cancels; still cannot touch history -------
SET SESSION AUTHORIZATION ng_sec_coord;
SELECT neongraph.complete_assignment(:t2, 'BCA', neongraph.today(), 'CV 9/BCA') IS NOT NULL AS completed;
SELECT neongraph.verify_assignment(:t2, 'BCA', 'checked against the data');
SELECT neongraph.restate_deadline(:t3, 'năm 2031', 'decision 5');
SELECT neongraph.cancel_assignment(:t3, 'HCM', 'merged into S1');
SELECT neongraph.register_agency_login('ng_sec_nomap', 'BKHCN');
SELECT verified, verified_by FROM neongraph.assignment WHERE task_id = :t2;
UPDATE neongraph.history SET reason = 'forged' WHERE task_id = :t2;
DELETE FROM neongraph.history WHERE task_id = :t2;
INSERT INTO neongraph.history (table_name, operation) VALUES ('task', 'INSERT');
TRUNCATE neongraph.history;
RESET SESSION AUTHORIZATION;
-- the agency may reopen its completion (the verification goes with it),
-- but not a cancellation
SET SESSION AUTHORIZATION ng_sec_bca;
SELECT neongraph.reopen_assignment(:t2, 'BCA', 'evidence withdrawn');
SELECT verified FROM neongraph.assignment WHERE task_id = :t2;
SET SESSION AUTHORIZATION ng_sec_hcm;
SELECT neongraph.reopen_assignment(:t3, 'HCM', 'we want it back');
RESET SESSION AUTHORIZATION;

-- public: the public views only; no evidence, notes or reports ----------------
SET SESSION AUTHORIZATION ng_sec_public;
SELECT count(*) AS public_rows FROM neongraph.public_responsibility WHERE directive = '901-TB/SECTEST';
SELECT count(*) >= 0 AS progress_readable FROM neongraph.public_progress;
SELECT count(*) >= 0 AS results_readable FROM neongraph.public_results;
SELECT count(*) >= 0 AS kpi_readable FROM neongraph.public_kpi;
SELECT evidence FROM neongraph.public_results;
SELECT note FROM neongraph.public_responsibility;
SELECT count(*) FROM neongraph.task;
SELECT count(*) FROM neongraph.assignment;
SELECT evidence FROM neongraph.progress_report;
SELECT count(*) FROM neongraph.history;
SELECT count(*) FROM neongraph.agency;
SELECT count(*) FROM neongraph.assignment_state;
SELECT count(*) FROM neongraph.assignment_state(neongraph.today());
SELECT neongraph.report_progress(:t1, 'HCM_SKHCN', 1);
COPY neongraph.assignment TO STDOUT;
SELECT count(*) FROM neongraph.verify_history();
RESET SESSION AUTHORIZATION;

-- the columns of the public views hold nothing private
SELECT c.table_name, count(*) FILTER (WHERE c.column_name ~ '(evidence|note|reason|reported_by|verified_by|results)') AS private_columns
  FROM information_schema.columns c
 WHERE c.table_schema = 'neongraph' AND c.table_name LIKE 'public\_%'
 GROUP BY 1 ORDER BY 1;

-- every SECURITY DEFINER function pins its search_path; so does every
-- function of the extension written in SQL or PL/pgSQL
SELECT count(*) AS definer_without_pinned_path
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'neongraph'
 WHERE p.prosecdef AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false);
SELECT p.oid::regprocedure AS unpinned
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'neongraph'
  JOIN pg_language l ON l.oid = p.prolang
 WHERE l.lanname IN ('sql', 'plpgsql')
   AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')
 ORDER BY 1::text;
-- no SECURITY DEFINER function is executable by PUBLIC
SELECT p.oid::regprocedure AS definer_open_to_public
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'neongraph'
 WHERE p.prosecdef AND has_function_privilege('public', p.oid, 'EXECUTE')
 ORDER BY 1::text;
-- every table holding agency data has row security
SELECT c.relname, c.relrowsecurity
  FROM pg_class c WHERE c.relnamespace = 'neongraph'::regnamespace
   AND c.relname IN ('task', 'task_agency', 'assignment', 'task_link', 'progress_report',
                     'kpi', 'kpi_value', 'history', 'task_import', 'agency_login')
 ORDER BY 1;

-- tamper-evident history ---------------------------------------------------------
SELECT count(*) AS broken_links FROM neongraph.verify_history();
SELECT count(*) FILTER (WHERE row_hash IS NULL) AS unhashed,
       count(*) FILTER (WHERE prev_hash IS NULL) AS chain_starts
  FROM neongraph.history;
SELECT max(history_id) AS last_id FROM neongraph.history \gset
SELECT history_id AS mid FROM neongraph.history WHERE task_id = :t1 ORDER BY history_id LIMIT 1 \gset
-- who did it is recorded from the session, even through SET ROLE
SET ROLE ng_sec_coord;
SELECT neongraph.mark_blocked(:t2, 'BCA', 'via set role');
RESET ROLE;
SELECT changed_by, changed_as FROM neongraph.history ORDER BY history_id DESC LIMIT 1;
-- a changed row (the superuser disables the append-only trigger)
BEGIN;
ALTER TABLE neongraph.history DISABLE TRIGGER append_only;
UPDATE neongraph.history SET reason = 'rewritten' WHERE history_id = :mid;
SELECT history_id = :mid AS at_changed_row, problem, length(expected) = 64 AS sha256 FROM neongraph.verify_history();
ROLLBACK;
-- a changed row whose hash is recomputed: the next link breaks
BEGIN;
ALTER TABLE neongraph.history DISABLE TRIGGER append_only;
UPDATE neongraph.history SET new_row = '{}' WHERE history_id = :mid;
UPDATE neongraph.history h SET row_hash = neongraph.history_hash(h, h.prev_hash) WHERE history_id = :mid;
SELECT history_id > :mid AS after_changed_row, problem FROM neongraph.verify_history();
ROLLBACK;
-- a removed row
BEGIN;
ALTER TABLE neongraph.history DISABLE TRIGGER append_only;
DELETE FROM neongraph.history WHERE history_id = :mid;
SELECT history_id > :mid AS after_removed_row, problem FROM neongraph.verify_history();
ROLLBACK;
-- rows cut from the end
BEGIN;
ALTER TABLE neongraph.history DISABLE TRIGGER append_only;
DELETE FROM neongraph.history WHERE history_id >= :mid;
SELECT problem FROM neongraph.verify_history();
ROLLBACK;
-- forged hashes are refused even to the owner's direct insert through a non-superuser
SET SESSION AUTHORIZATION ng_sec_coord;
INSERT INTO neongraph.history (table_name, operation, row_hash) VALUES ('task', 'INSERT', '\x00');
RESET SESSION AUTHORIZATION;
SELECT count(*) AS broken_links FROM neongraph.verify_history();

-- clean up -------------------------------------------------------------------------
DELETE FROM neongraph.agency_login WHERE login::text LIKE 'ng\_sec\_%';
DROP ROLE ng_sec_skhcn, ng_sec_hcm, ng_sec_bca, ng_sec_nomap, ng_sec_coord,
          ng_sec_analyst, ng_sec_public;
