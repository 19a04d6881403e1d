-- Trust: roles, the login -> agency mapping, row-level security, the guard
-- on protected assignment fields, and the tamper-evident history chain.
--
-- Roles (cluster-wide group roles, NOLOGIN; created here when missing and
-- never dropped by DROP EXTENSION, since other databases may use them):
--   neongraph_coordinator  the coordinating group (Nhóm 5): reads everything,
--                          writes everything through the API (imports,
--                          re-stated deadlines, verification, cancellation)
--   neongraph_analyst      reads everything, writes nothing
--   neongraph_agency       an agency: reads the tasks where its agency (or
--                          an agency under it) is lead or cooperating, and
--                          reports on its own agency's assignments only
--   neongraph_public       the public disclosure views (75_public.sql) only
-- A login is an agency's when it is mapped in neongraph.agency_login
-- (neongraph.register_agency_login grants it neongraph_agency).
--
-- Decisions
-- * Reads: a login mapped to agency A sees the tasks led or co-operated by A
--   or by any agency under A (a province login sees its departments' and
--   communes' tasks), and every row about those tasks (their agencies,
--   assignments, links, reports, KPIs, history).  Writes: only A's own
--   assignments and A's own KPIs, never those of agencies under it.
-- * Writes go through the write API, which runs as the caller: privileges
--   and policies decide what it may touch.  Only two functions cross those
--   lines, all SECURITY DEFINER with search_path pinned to pg_catalog,
--   pg_temp and their own checks: the history triggers (so that no role
--   needs INSERT on neongraph.history), neongraph.register_agency_login and
--   neongraph.verify_history (which must read the whole chain; it returns
--   ids and hashes only).
--   Policies read the mapping through SECURITY DEFINER helpers that answer
--   only for the session user or roles it is a member of.
-- * An agency may not verify, un-verify (except by reopening its own
--   completion), cancel or un-cancel, nor touch deadlines, links, task rows
--   or history: column privileges and neongraph.assignment_guard_trg refuse
--   it with SQLSTATE 42501, whatever path the change takes.
-- * Every view but the public ones runs with the caller's rights
--   (security_invoker), so views cannot be used to read around the
--   policies; the public views stay owner views that show only public facts.
-- * History: every row carries prev_hash (the row_hash of the row before it)
--   and row_hash = sha256 of a canonical text of the row and prev_hash.
--   Appends are serialized by a row lock on neongraph.history_head, taken
--   FOR UPDATE (like an advisory transaction lock, held to commit, but also
--   raising 40001 under REPEATABLE READ when another append committed after
--   the snapshot, so the chain never forks); history_id is drawn after the
--   lock, so the chain runs in history_id order.  neongraph.verify_history()
--   walks it and returns the first broken link.
--
-- SQLSTATEs raised here:
--   42501 insufficient_privilege   a protected field changed by a role that
--                                  may not change it; a forged history row
--   42704 undefined_object         register_agency_login: no such role
--   22023 invalid_parameter_value  register_agency_login: a superuser or
--                                  staff role cannot be an agency login

-- Roles ----------------------------------------------------------------------

DO $$
DECLARE
  r pg_catalog.text;
BEGIN
  FOREACH r IN ARRAY ARRAY['neongraph_coordinator', 'neongraph_analyst',
                           'neongraph_agency', 'neongraph_public'] LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) r) THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$$;

-- The login -> agency mapping ---------------------------------------------

CREATE TABLE neongraph.agency_login (
  login       pg_catalog.name NOT NULL PRIMARY KEY,
  agency_code pg_catalog.text NOT NULL REFERENCES neongraph.agency (code) ON UPDATE CASCADE,
  created_at  pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  created_by  pg_catalog.text NOT NULL DEFAULT SESSION_USER
);
CREATE INDEX agency_login_agency_idx ON neongraph.agency_login (agency_code);
COMMENT ON TABLE neongraph.agency_login IS
  'Which agency each database login acts for (one agency per login); register with neongraph.register_agency_login';
COMMENT ON COLUMN neongraph.agency_login.login IS 'Database role name of the login';
COMMENT ON COLUMN neongraph.agency_login.agency_code IS 'The agency it acts for';
COMMENT ON COLUMN neongraph.agency_login.created_at IS 'When the mapping was made';
COMMENT ON COLUMN neongraph.agency_login.created_by IS 'Who made it (session_user)';
SELECT pg_catalog.pg_extension_config_dump('neongraph.agency_login', '');

CREATE FUNCTION neongraph.register_agency_login(login pg_catalog.name, agency pg_catalog.text)
  RETURNS pg_catalog.text
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  acode text;
  r pg_roles;
BEGIN
  IF NOT (pg_has_role(session_user, 'neongraph_coordinator', 'USAGE')
          OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = 'permission denied to register an agency login',
      DETAIL = format('Role %s is neither a superuser nor a member of neongraph_coordinator.', session_user),
      HINT = 'Ask the coordinating group to register the login.';
  END IF;
  SELECT * INTO r FROM pg_roles WHERE rolname = register_agency_login.login;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = '42704',
      MESSAGE = format('role "%s" does not exist', register_agency_login.login),
      DETAIL = 'An agency login is an existing database role.',
      HINT = 'CREATE ROLE ... LOGIN first.';
  END IF;
  IF r.rolsuper OR pg_has_role(r.rolname, 'neongraph_coordinator', 'USAGE')
     OR pg_has_role(r.rolname, 'neongraph_analyst', 'USAGE') THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('role "%s" cannot be an agency login', r.rolname),
      DETAIL = 'It is a superuser or a member of neongraph_coordinator or neongraph_analyst, which read every agency''s tasks.',
      HINT = 'Use a role of its own for the agency.';
  END IF;
  acode := neongraph.agency_code(agency);
  IF (SELECT a.kind FROM neongraph.agency a WHERE a.code = acode) = 'collective' THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('agency %s is a collective', acode),
      DETAIL = 'A collective name stands for several agencies; a login acts for one.',
      HINT = format('Register a login for each of: %s.',
                    (SELECT string_agg(m, ', ') FROM neongraph.agency_members(acode) m));
  END IF;
  INSERT INTO neongraph.agency_login AS l (login, agency_code) VALUES (register_agency_login.login, acode)
  ON CONFLICT ON CONSTRAINT agency_login_pkey DO UPDATE
     SET agency_code = EXCLUDED.agency_code, created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by;
  EXECUTE format('GRANT neongraph_agency TO %I', register_agency_login.login);
  RETURN acode;
END
$$;
REVOKE ALL ON FUNCTION neongraph.register_agency_login(pg_catalog.name, pg_catalog.text) FROM PUBLIC;
COMMENT ON FUNCTION neongraph.register_agency_login(pg_catalog.name, pg_catalog.text) IS
  'Maps an existing login role to the agency (code, name or alias) it acts for and grants it neongraph_agency; re-registering moves it. SECURITY DEFINER; for superusers and neongraph_coordinator only. Returns the agency code';

-- Helpers the policies use (SECURITY DEFINER: they read the mapping and the
-- task agencies without the caller's policies, and answer only for the
-- session user or a role it may SET ROLE to).

CREATE FUNCTION neongraph.login_agency(login pg_catalog.name)
  RETURNS pg_catalog.text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (SELECT l.agency_code FROM neongraph.agency_login l
           WHERE l.login OPERATOR(pg_catalog.=) $1
             AND ($1 OPERATOR(pg_catalog.=) SESSION_USER OR pg_catalog.pg_has_role(SESSION_USER, $1, 'MEMBER')));
END
$$;
COMMENT ON FUNCTION neongraph.login_agency(pg_catalog.name) IS
  'The agency a login acts for (neongraph.agency_login); NULL when it has none, or when asked about a role the session user is not a member of';

CREATE FUNCTION neongraph.login_agencies(login pg_catalog.name)
  RETURNS SETOF pg_catalog.text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  WITH RECURSIVE t(code, depth) AS (
    SELECT l.agency_code, 0 FROM neongraph.agency_login l
     WHERE l.login OPERATOR(pg_catalog.=) $1
       AND ($1 OPERATOR(pg_catalog.=) SESSION_USER OR pg_catalog.pg_has_role(SESSION_USER, $1, 'MEMBER'))
    UNION
    SELECT c.code, t.depth OPERATOR(pg_catalog.+) 1
      FROM t JOIN neongraph.agency c ON c.parent_code OPERATOR(pg_catalog.=) t.code
     WHERE c.kind OPERATOR(pg_catalog.<>) 'collective' AND t.depth OPERATOR(pg_catalog.<) 10)
  SELECT DISTINCT t.code FROM t;
END
$$;
COMMENT ON FUNCTION neongraph.login_agencies(pg_catalog.name) IS
  'The agencies whose tasks a login may read: its own agency and every agency under it';

CREATE FUNCTION neongraph.login_tasks(login pg_catalog.name)
  RETURNS SETOF pg_catalog.int8
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  WITH mine AS MATERIALIZED (SELECT neongraph.login_agencies($1) AS code),
  named AS (                          -- agencies and the collectives that include them
    SELECT mine.code FROM mine
    UNION
    SELECT c.code FROM neongraph.agency c
     WHERE c.kind OPERATOR(pg_catalog.=) 'collective'
       AND EXISTS (SELECT FROM mine JOIN neongraph.agency m ON m.code OPERATOR(pg_catalog.=) mine.code
                    WHERE (m.kind OPERATOR(pg_catalog.=) c.member_kind
                           AND (c.member_parent_code IS NULL OR m.parent_code OPERATOR(pg_catalog.=) c.member_parent_code))
                       OR m.code OPERATOR(pg_catalog.=) ANY (c.members)))
  SELECT s.task_id FROM neongraph.assignment s JOIN mine ON s.agency_code OPERATOR(pg_catalog.=) mine.code
  UNION
  SELECT x.task_id FROM neongraph.task_agency x JOIN named ON x.agency_code OPERATOR(pg_catalog.=) named.code;
END
$$;
COMMENT ON FUNCTION neongraph.login_tasks(pg_catalog.name) IS
  'The tasks a login may read: those where its agency, an agency under it, or a collective including one of them is lead or cooperating agency';

CREATE FUNCTION neongraph.is_staff()
  RETURNS pg_catalog.bool
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce((SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles r
                    WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER), false)
      OR pg_catalog.pg_has_role(CURRENT_USER, 'neongraph_coordinator', 'USAGE')
$$;
COMMENT ON FUNCTION neongraph.is_staff() IS
  'True when the current user may change protected fields: a superuser (or the extension''s owner running a SECURITY DEFINER function), a role that bypasses row security, or a member of neongraph_coordinator';

-- Guard on the fields only the coordinating group changes ------------------

CREATE FUNCTION neongraph.assignment_guard_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  what text;
BEGIN
  IF neongraph.is_staff() THEN
    RETURN NEW;
  END IF;
  what := CASE
    WHEN NEW.verified AND NOT OLD.verified THEN 'verify it'
    WHEN OLD.verified AND NOT NEW.verified AND OLD.completed_on IS NOT DISTINCT FROM NEW.completed_on
      THEN 'withdraw its verification'
    WHEN NEW.verification_note IS DISTINCT FROM OLD.verification_note THEN 'change its verification note'
    WHEN NEW.cancelled AND NOT OLD.cancelled THEN 'cancel it'
    WHEN OLD.cancelled AND NOT NEW.cancelled THEN 'reopen a cancellation'
    WHEN NEW.task_id IS DISTINCT FROM OLD.task_id OR NEW.agency_code IS DISTINCT FROM OLD.agency_code
         OR NEW.via_agency IS DISTINCT FROM OLD.via_agency THEN 'move it to another task or agency'
  END;
  IF what IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = format('permission denied to %s: assignment of task %s to %s', what, OLD.task_id, OLD.agency_code),
      DETAIL = format('Role %s is not a member of neongraph_coordinator; verification and cancellation belong to the coordinating group.', current_user),
      HINT = 'Report progress, completion or a blocking issue; the coordinating group verifies and cancels.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION neongraph.assignment_guard_trg() IS
  'Trigger on neongraph.assignment refusing (42501) to anyone but superusers and neongraph_coordinator members: verifying or un-verifying (except by reopening a completion), changing the verification note, cancelling or un-cancelling, moving the assignment';

CREATE TRIGGER assignment_guard BEFORE UPDATE ON neongraph.assignment
  FOR EACH ROW EXECUTE FUNCTION neongraph.assignment_guard_trg();

-- Tamper-evident history ----------------------------------------------------

ALTER TABLE neongraph.history
  ADD COLUMN prev_hash pg_catalog.bytea NULL,
  ADD COLUMN row_hash  pg_catalog.bytea NULL;
COMMENT ON COLUMN neongraph.history.prev_hash IS 'row_hash of the row before it in history_id order (NULL for the first row): the link of the chain';
COMMENT ON COLUMN neongraph.history.row_hash IS 'sha256 of neongraph.history_canonical(row, prev_hash); neongraph.verify_history() recomputes it';

CREATE TABLE neongraph.history_head (
  singleton pg_catalog.bool NOT NULL DEFAULT true PRIMARY KEY CHECK (singleton),
  last_id   pg_catalog.int8 NULL,
  last_hash pg_catalog.bytea NULL
);
INSERT INTO neongraph.history_head DEFAULT VALUES;
COMMENT ON TABLE neongraph.history_head IS
  'The end of the history chain (one row): locked FOR UPDATE by every append, so appends are serialized; a truncated tail shows as a head beyond the last row. Not dumped: after a restore the next append re-reads the end from neongraph.history';
COMMENT ON COLUMN neongraph.history_head.singleton IS 'Always true: the table has one row';
COMMENT ON COLUMN neongraph.history_head.last_id IS 'history_id of the last row appended';
COMMENT ON COLUMN neongraph.history_head.last_hash IS 'Its row_hash';

CREATE FUNCTION neongraph.history_canonical(h neongraph.history, prev pg_catalog.bytea)
  RETURNS pg_catalog.text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_catalog.jsonb_build_array(
           'neongraph.history/1',
           pg_catalog.encode($2, 'hex'),
           ($1).history_id,
           EXTRACT(EPOCH FROM ($1).changed_at)::pg_catalog.text,
           ($1).changed_by, ($1).changed_as, ($1).table_name, ($1).operation,
           ($1).task_id, ($1).agency_code, ($1).old_row, ($1).new_row,
           ($1).reason, ($1).xact_id)::pg_catalog.text
$$;
COMMENT ON FUNCTION neongraph.history_canonical(neongraph.history, pg_catalog.bytea) IS
  'The canonical text a history row is hashed over: a JSON array of a version tag, the previous hash (hex), and every column but the hashes (the time as Unix epoch, so that neither TimeZone nor DateStyle changes it)';

CREATE FUNCTION neongraph.history_hash(h neongraph.history, prev pg_catalog.bytea)
  RETURNS pg_catalog.bytea
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_catalog.sha256(pg_catalog.convert_to(neongraph.history_canonical($1, $2), 'UTF8'))
$$;
COMMENT ON FUNCTION neongraph.history_hash(neongraph.history, pg_catalog.bytea) IS
  'sha256 of the canonical text of a history row chained to prev';

CREATE FUNCTION neongraph.history_chain_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  head neongraph.history_head;
  last_id bigint;
  last_hash bytea;
BEGIN
  IF NEW.row_hash IS NOT NULL OR NEW.prev_hash IS NOT NULL THEN
    -- rows that come with their hashes: a restore (pg_restore, COPY) by a superuser
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = '42501',
      MESSAGE = 'permission denied to write the hashes of neongraph.history',
      DETAIL = 'The chain hashes are computed when a row is appended.',
      HINT = 'Leave prev_hash and row_hash out.';
  END IF;
  IF current_setting('application_name') = 'pg_restore'
     AND (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
    -- pg_restore loading the dumped tables fires the history triggers; the
    -- dump brings the history itself, so these echoes are dropped
    RETURN NULL;
  END IF;
  SELECT * INTO head FROM neongraph.history_head WHERE singleton FOR UPDATE;
  SELECT h.history_id, h.row_hash INTO last_id, last_hash
    FROM neongraph.history h ORDER BY h.history_id DESC LIMIT 1;
  IF head.last_id IS NOT NULL AND (last_id IS NULL OR head.last_id > last_id) THEN
    last_id := head.last_id;          -- the tail was cut: keep chaining to the head
    last_hash := head.last_hash;
  END IF;
  NEW.history_id := nextval(pg_get_serial_sequence('neongraph.history', 'history_id'));
  IF NEW.history_id <= last_id THEN   -- sequence behind the rows (restored without it)
    PERFORM setval(pg_get_serial_sequence('neongraph.history', 'history_id'), last_id + 1);
    NEW.history_id := last_id + 1;
  END IF;
  NEW.changed_by := session_user;
  NEW.changed_as := CASE WHEN current_setting('role') = 'none' THEN session_user::text
                         ELSE current_setting('role') END;
  NEW.prev_hash := last_hash;
  NEW.row_hash := neongraph.history_hash(NEW, last_hash);
  UPDATE neongraph.history_head SET last_id = NEW.history_id, last_hash = NEW.row_hash WHERE singleton;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION neongraph.history_chain_trg() FROM PUBLIC;
COMMENT ON FUNCTION neongraph.history_chain_trg() IS
  'BEFORE INSERT trigger on neongraph.history: locks the chain head, draws history_id, records who (session_user, and the role set with SET ROLE) and chains the row: prev_hash = the last row''s row_hash, row_hash = neongraph.history_hash(row, prev_hash). Rows that bring their hashes are accepted from superusers only (restores); rows the history triggers write while pg_restore (application_name) loads the tables are dropped, since the dump brings the history itself';

CREATE TRIGGER history_chain BEFORE INSERT ON neongraph.history
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_chain_trg();

-- The history trigger writes rows no caller may write itself.
ALTER FUNCTION neongraph.history_trg() SECURITY DEFINER;

-- chain the rows already there (none on a fresh install; upgrades)
DO $$
DECLARE
  h neongraph.history;
  prev bytea;
  last bigint;
BEGIN
  ALTER TABLE neongraph.history DISABLE TRIGGER append_only;
  FOR h IN SELECT * FROM neongraph.history ORDER BY history_id LOOP
    UPDATE neongraph.history SET prev_hash = prev, row_hash = neongraph.history_hash(h, prev)
     WHERE history_id = h.history_id RETURNING row_hash INTO prev;
    last := h.history_id;
  END LOOP;
  ALTER TABLE neongraph.history ENABLE TRIGGER append_only;
  UPDATE neongraph.history_head SET last_id = last, last_hash = prev;
END
$$;

CREATE FUNCTION neongraph.verify_history()
  RETURNS TABLE (history_id pg_catalog.int8, problem pg_catalog.text,
                 expected pg_catalog.text, found pg_catalog.text)
  LANGUAGE plpgsql STABLE
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  h record;
  prev bytea := NULL;
  first boolean := true;
  want bytea;
  head neongraph.history_head;
  last bigint;
BEGIN
  FOR h IN SELECT x AS r, x.history_id AS id, x.prev_hash AS ph, x.row_hash AS rh
             FROM neongraph.history x ORDER BY x.history_id LOOP
    IF NOT first AND h.ph IS DISTINCT FROM prev THEN
      RETURN QUERY SELECT h.id, 'prev_hash does not match the row before (a row was removed or inserted)'::text,
                          encode(prev, 'hex'), encode(h.ph, 'hex');
      RETURN;
    END IF;
    want := neongraph.history_hash(h.r, h.ph);
    IF h.rh IS DISTINCT FROM want THEN
      RETURN QUERY SELECT h.id, 'row_hash does not match the row (the row was changed)'::text,
                          encode(want, 'hex'), encode(h.rh, 'hex');
      RETURN;
    END IF;
    first := false;
    prev := h.rh;
    last := h.id;
  END LOOP;
  SELECT * INTO head FROM neongraph.history_head WHERE singleton;
  IF head.last_id IS NOT NULL AND head.last_id > coalesce(last, 0) THEN
    RETURN QUERY SELECT head.last_id, 'the chain head is beyond the last row (rows were removed from the end)'::text,
                        encode(head.last_hash, 'hex'), encode(prev, 'hex');
  END IF;
END
$$;
REVOKE ALL ON FUNCTION neongraph.verify_history() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION neongraph.verify_history()
  TO neongraph_coordinator, neongraph_analyst, neongraph_agency;
COMMENT ON FUNCTION neongraph.verify_history() IS
  'SECURITY DEFINER, so that every staff and agency role checks the whole chain (it returns ids and hashes, no content). Walks the history chain in history_id order and returns its first broken link — the row id, what is wrong, the expected and the found hash (hex) — or no row when the chain is whole: each row''s prev_hash must be the row_hash of the row before, and its row_hash the sha256 of its canonical text; a chain head beyond the last row means rows were cut from the end';

-- Row-level security ----------------------------------------------------------
-- Superusers (the extension's owner) bypass it; staff roles see every row;
-- an agency sees the rows of its tasks and changes only its own.

DO $$
DECLARE
  n text;
BEGIN
  FOREACH n IN ARRAY ARRAY['task', 'task_agency', 'assignment', 'task_link', 'progress_report',
                           'kpi', 'kpi_value', 'history', 'task_import', 'agency_login'] LOOP
    EXECUTE pg_catalog.format('ALTER TABLE neongraph.%I ENABLE ROW LEVEL SECURITY', n);
    EXECUTE pg_catalog.format('CREATE POLICY staff_read ON neongraph.%I FOR SELECT TO neongraph_coordinator, neongraph_analyst USING (true)', n);
    IF n OPERATOR(pg_catalog.<>) 'history' THEN
      EXECUTE pg_catalog.format('CREATE POLICY coordinator_write ON neongraph.%I FOR ALL TO neongraph_coordinator USING (true) WITH CHECK (true)', n);
    END IF;
  END LOOP;
END
$$;

-- Privileges -------------------------------------------------------------------

GRANT USAGE ON SCHEMA neongraph TO neongraph_coordinator, neongraph_analyst,
  neongraph_agency, neongraph_public;

DO $$
DECLARE
  t regclass;
  n text;
  -- tables an agency reads in full (reference data, no agency's work)
  reference text[] := ARRAY['agency', 'working_group', 'working_group_member', 'directive',
                            'directive_link', 'setting', 'holiday', 'ranking_weight',
                            'ranking_snapshot'];
  -- tables an agency reads through its policies
  agency_read text[] := ARRAY['task', 'task_agency', 'assignment', 'task_link', 'progress_report',
                              'kpi', 'kpi_value', 'history', 'agency_login'];
BEGIN
  FOR t, n IN
    SELECT c.oid::regclass, c.relname FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::regclass
       AND d.objid OPERATOR(pg_catalog.=) c.oid AND d.deptype OPERATOR(pg_catalog.=) 'e'
      JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid AND e.extname OPERATOR(pg_catalog.=) 'neongraph'
     WHERE c.relkind IN ('r', 'p', 'v', 'm')
     ORDER BY c.relname
  LOOP
    EXECUTE pg_catalog.format('REVOKE ALL ON %s FROM PUBLIC', t);
    EXECUTE pg_catalog.format('GRANT SELECT ON %s TO neongraph_coordinator, neongraph_analyst', t);
    IF n OPERATOR(pg_catalog.<>) ALL (ARRAY['history', 'history_head', 'agency_login'])
       AND (SELECT relkind FROM pg_catalog.pg_class WHERE oid OPERATOR(pg_catalog.=) t) IN ('r', 'p') THEN
      EXECUTE pg_catalog.format('GRANT INSERT, UPDATE, DELETE ON %s TO neongraph_coordinator', t);
    END IF;
    IF n OPERATOR(pg_catalog.=) ANY (reference OPERATOR(pg_catalog.||) agency_read) THEN
      EXECUTE pg_catalog.format('GRANT SELECT ON %s TO neongraph_agency', t);
    END IF;
    -- views: the public ones to the public role; the others to agencies,
    -- running with the caller's rights when they read a table with row
    -- security themselves (those that call functions do so anyway)
    IF (SELECT relkind FROM pg_catalog.pg_class WHERE oid OPERATOR(pg_catalog.=) t) OPERATOR(pg_catalog.=) 'v' THEN
      IF n LIKE 'public\_%' THEN
        EXECUTE pg_catalog.format('GRANT SELECT ON %s TO neongraph_public', t);
      ELSE
        IF EXISTS (SELECT FROM pg_catalog.pg_rewrite w
                     JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::regclass
                      AND d.objid OPERATOR(pg_catalog.=) w.oid
                      AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::regclass
                     JOIN pg_catalog.pg_class r ON r.oid OPERATOR(pg_catalog.=) d.refobjid AND r.relrowsecurity
                    WHERE w.ev_class OPERATOR(pg_catalog.=) t) THEN
          EXECUTE pg_catalog.format('ALTER VIEW %s SET (security_invoker = true)', t);
        END IF;
        EXECUTE pg_catalog.format('GRANT SELECT ON %s TO neongraph_agency', t);
      END IF;
    END IF;
  END LOOP;
END
$$;

-- what an agency writes (rows limited by the policies below)
GRANT INSERT ON neongraph.progress_report TO neongraph_agency;
GRANT UPDATE (progress, completed_on, evidence, last_report_at, blocked, blocked_reason,
              blocked_since, verified, cancelled)
  ON neongraph.assignment TO neongraph_agency;
GRANT INSERT, UPDATE (value, evidence, reported_at, reported_by)
  ON neongraph.kpi_value TO neongraph_agency;

CREATE POLICY agency_read ON neongraph.task FOR SELECT TO neongraph_agency
  USING (task_id IN (SELECT neongraph.login_tasks(CURRENT_USER)));
CREATE POLICY agency_read ON neongraph.task_agency FOR SELECT TO neongraph_agency
  USING (task_id IN (SELECT neongraph.login_tasks(CURRENT_USER)));
CREATE POLICY agency_read ON neongraph.task_link FOR SELECT TO neongraph_agency
  USING (from_task IN (SELECT neongraph.login_tasks(CURRENT_USER))
         OR to_task IN (SELECT neongraph.login_tasks(CURRENT_USER)));
CREATE POLICY agency_read ON neongraph.assignment FOR SELECT TO neongraph_agency
  USING (task_id IN (SELECT neongraph.login_tasks(CURRENT_USER)));
-- USING lets a visible row be locked and tried; WITH CHECK refuses (42501)
-- any row but the agency's own
CREATE POLICY agency_update ON neongraph.assignment FOR UPDATE TO neongraph_agency
  USING (task_id IN (SELECT neongraph.login_tasks(CURRENT_USER)))
  WITH CHECK (agency_code OPERATOR(pg_catalog.=) neongraph.login_agency(CURRENT_USER));
CREATE POLICY agency_read ON neongraph.progress_report FOR SELECT TO neongraph_agency
  USING (task_id IN (SELECT neongraph.login_tasks(CURRENT_USER)));
CREATE POLICY agency_insert ON neongraph.progress_report FOR INSERT TO neongraph_agency
  WITH CHECK (agency_code OPERATOR(pg_catalog.=) neongraph.login_agency(CURRENT_USER));
CREATE POLICY agency_read ON neongraph.kpi FOR SELECT TO neongraph_agency
  USING (owner_code IN (SELECT neongraph.login_agencies(CURRENT_USER))
         OR task_id IN (SELECT neongraph.login_tasks(CURRENT_USER)));
CREATE POLICY agency_read ON neongraph.kpi_value FOR SELECT TO neongraph_agency
  USING (kpi_id IN (SELECT k.kpi_id FROM neongraph.kpi k));
CREATE POLICY agency_insert ON neongraph.kpi_value FOR INSERT TO neongraph_agency
  WITH CHECK (kpi_id IN (SELECT k.kpi_id FROM neongraph.kpi k
                          WHERE k.owner_code OPERATOR(pg_catalog.=) neongraph.login_agency(CURRENT_USER)));
CREATE POLICY agency_update ON neongraph.kpi_value FOR UPDATE TO neongraph_agency
  USING (kpi_id IN (SELECT k.kpi_id FROM neongraph.kpi k))
  WITH CHECK (kpi_id IN (SELECT k.kpi_id FROM neongraph.kpi k
                          WHERE k.owner_code OPERATOR(pg_catalog.=) neongraph.login_agency(CURRENT_USER)));
CREATE POLICY agency_read ON neongraph.history FOR SELECT TO neongraph_agency
  USING (task_id IN (SELECT neongraph.login_tasks(CURRENT_USER))
         OR agency_code IN (SELECT neongraph.login_agencies(CURRENT_USER)));
CREATE POLICY agency_read ON neongraph.agency_login FOR SELECT TO neongraph_agency
  USING (login OPERATOR(pg_catalog.=) CURRENT_USER);

-- SECURITY DEFINER functions are for the roles that need them only
REVOKE ALL ON FUNCTION neongraph.login_agency(pg_catalog.name) FROM PUBLIC;
REVOKE ALL ON FUNCTION neongraph.login_agencies(pg_catalog.name) FROM PUBLIC;
REVOKE ALL ON FUNCTION neongraph.login_tasks(pg_catalog.name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION neongraph.login_agency(pg_catalog.name),
                          neongraph.login_agencies(pg_catalog.name),
                          neongraph.login_tasks(pg_catalog.name)
  TO neongraph_coordinator, neongraph_analyst, neongraph_agency;
GRANT EXECUTE ON FUNCTION neongraph.register_agency_login(pg_catalog.name, pg_catalog.text)
  TO neongraph_coordinator;
REVOKE ALL ON FUNCTION neongraph.history_trg() FROM PUBLIC;
