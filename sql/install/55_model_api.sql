-- The tracking model's rules (triggers), the history, agency lookup and the
-- write API that other systems and agencies call.
--
-- SQLSTATEs raised here:
--   23514 check_violation          a rule of the model is broken (progress
--                                  0..100, completion needs evidence and a
--                                  date not after today, cancellation and
--                                  blocking need a reason, the assigned
--                                  deadline never changes; link cycles are
--                                  refused with 23514 by 73_cascade.sql)
--   22023 invalid_parameter_value  a bad argument to a function
--   22004 null_value_not_allowed   a required argument is NULL
--   P0002 no_data_found            no such task or assignment
--   42704 undefined_object         no agency with that code, name or alias
--   P0003 too_many_rows            a name matches several agencies
--   55000 object_not_in_prerequisite_state  the assignment is not in a state
--                                  that allows the call (cancelled, completed)
--   42501 insufficient_privilege   history rows cannot be changed

-- The agency hierarchy and collectives ------------------------------------

CREATE VIEW neongraph.agency_tree AS
WITH RECURSIVE t(ancestor_code, agency_code, depth, path) AS (
  SELECT a.code, a.code, 0, ARRAY[a.code]
    FROM neongraph.agency a
   WHERE a.kind OPERATOR(pg_catalog.<>) 'collective'
  UNION ALL
  SELECT t.ancestor_code, c.code, t.depth + 1, t.path OPERATOR(pg_catalog.||) c.code
    FROM t JOIN neongraph.agency c ON c.parent_code OPERATOR(pg_catalog.=) t.agency_code
   WHERE c.kind OPERATOR(pg_catalog.<>) 'collective'
     AND NOT c.code OPERATOR(pg_catalog.=) ANY (t.path)
)
SELECT ancestor_code, agency_code, depth FROM t;
COMMENT ON VIEW neongraph.agency_tree IS
  'Closure of the agency hierarchy: every (ancestor, descendant) pair, each agency being its own ancestor at depth 0; collectives are left out';
COMMENT ON COLUMN neongraph.agency_tree.ancestor_code IS 'The ancestor (or the agency itself)';
COMMENT ON COLUMN neongraph.agency_tree.agency_code IS 'An agency under it (or itself)';
COMMENT ON COLUMN neongraph.agency_tree.depth IS 'Levels between them (0 for the agency itself)';

CREATE FUNCTION neongraph.agency_members(code pg_catalog.text)
  RETURNS SETOF pg_catalog.text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH RECURSIVE c(code, path) AS (
    SELECT a.code, ARRAY[a.code] FROM neongraph.agency a
     WHERE a.code OPERATOR(pg_catalog.=) $1 AND a.kind OPERATOR(pg_catalog.=) 'collective'
    UNION ALL
    SELECT m.code, c.path OPERATOR(pg_catalog.||) m.code
      FROM c
      JOIN neongraph.agency x ON x.code OPERATOR(pg_catalog.=) c.code
      JOIN neongraph.agency m
        ON (m.kind OPERATOR(pg_catalog.=) x.member_kind
            AND (x.member_parent_code IS NULL OR m.parent_code OPERATOR(pg_catalog.=) x.member_parent_code))
        OR m.code OPERATOR(pg_catalog.=) ANY (x.members)
     WHERE x.kind OPERATOR(pg_catalog.=) 'collective'
       AND NOT m.code OPERATOR(pg_catalog.=) ANY (c.path)
  )
  SELECT DISTINCT c.code FROM c JOIN neongraph.agency a ON a.code OPERATOR(pg_catalog.=) c.code
   WHERE a.kind OPERATOR(pg_catalog.<>) 'collective'
   ORDER BY 1
$$;
COMMENT ON FUNCTION neongraph.agency_members(pg_catalog.text) IS
  'The agencies a collective stands for: every agency of its member_kind (under its member_parent_code when set), plus its explicit members, collectives among them expanded in turn; empty for an ordinary agency';

CREATE FUNCTION neongraph.nearest_agencies(name pg_catalog.text, n pg_catalog.int4 DEFAULT 3)
  RETURNS pg_catalog.text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH q AS (SELECT neongraph.trigrams($1) AS t)
  SELECT coalesce(pg_catalog.string_agg(pg_catalog.format('%s (%s)', s.name, s.code), ', ' ORDER BY s.sim DESC, s.code), 'none')
    FROM (SELECT a.code, a.name,
                 (SELECT max(neongraph.trigram_overlap(q.t, neongraph.trigrams(k))) FROM pg_catalog.unnest(a.name_keys) k) AS sim
            FROM neongraph.agency a, q
           ORDER BY 3 DESC NULLS LAST, a.code
           LIMIT $2) s
   WHERE s.sim > 0
$$;
COMMENT ON FUNCTION neongraph.nearest_agencies(pg_catalog.text, pg_catalog.int4) IS
  'The n known agencies whose name or alias is nearest to name (trigram similarity), as "Name (CODE), ..." for error hints and import reasons';

CREATE FUNCTION neongraph.find_agencies(name pg_catalog.text)
  RETURNS SETOF pg_catalog.text
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT a.code FROM neongraph.agency a WHERE a.code OPERATOR(pg_catalog.=) pg_catalog.btrim($1)
  UNION
  SELECT a.code FROM neongraph.agency a
   WHERE NOT EXISTS (SELECT FROM neongraph.agency b WHERE b.code OPERATOR(pg_catalog.=) pg_catalog.btrim($1))
     AND a.name_keys OPERATOR(pg_catalog.@>) ARRAY[neongraph.name_key($1)]
  ORDER BY 1
$$;
COMMENT ON FUNCTION neongraph.find_agencies(pg_catalog.text) IS
  'Codes of the agencies a code, name or alias denotes: the agency with that exact code, else every agency whose name or alias has the same key (neongraph.name_key: case, spacing, Unicode form and tone placement ignored)';

CREATE FUNCTION neongraph.agency_code(agency pg_catalog.text)
  RETURNS pg_catalog.text
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  found text[];
BEGIN
  IF agency IS NULL OR btrim(agency) = '' THEN
    RAISE EXCEPTION USING ERRCODE = '22004',
      MESSAGE = 'agency must be given',
      DETAIL = 'The agency argument is NULL or blank.',
      HINT = 'Pass an agency code (e.g. BCA) or its name or alias (e.g. Bộ Công an).';
  END IF;
  SELECT array_agg(c) INTO found FROM neongraph.find_agencies(agency) c;
  IF found IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '42704',
      MESSAGE = format('unknown agency: "%s"', agency),
      DETAIL = 'No agency has this code, name or alias.',
      HINT = format('Nearest known names: %s.', neongraph.nearest_agencies(agency));
  END IF;
  IF cardinality(found) > 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'P0003',
      MESSAGE = format('ambiguous agency: "%s"', agency),
      DETAIL = format('It names %s agencies: %s.', cardinality(found), array_to_string(found, ', ')),
      HINT = 'Pass the agency code instead.';
  END IF;
  RETURN found[1];
END
$$;
COMMENT ON FUNCTION neongraph.agency_code(pg_catalog.text) IS
  'The code of the one agency a code, name or alias denotes; raises 42704 with the nearest names when none does, P0003 when several do';

-- Triggers -----------------------------------------------------------------

CREATE FUNCTION neongraph.task_before_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  IF NEW.deadline IS NOT NULL AND NEW.deadline_text IS NULL THEN
    NEW.deadline_text := NEW.deadline::text;
  END IF;
  IF NEW.assigned_deadline IS NOT NULL AND NEW.assigned_deadline_text IS NULL THEN
    NEW.assigned_deadline_text := NEW.assigned_deadline::text;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.assigned_deadline IS NOT NULL
       AND NEW.assigned_deadline::text IS DISTINCT FROM OLD.assigned_deadline::text THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('the assigned deadline of task %s cannot change: %s', OLD.task_id, OLD.assigned_deadline),
        DETAIL = format('An attempt was made to set it to %s.', coalesce(NEW.assigned_deadline::text, 'NULL')),
        HINT = 'Change the current deadline (neongraph.restate_deadline); the assigned one (hạn được giao) is kept for judging the task.';
    END IF;
    IF NEW.deadline::text IS DISTINCT FROM OLD.deadline::text THEN
      IF NEW.assigned_deadline IS NULL AND OLD.deadline IS NOT NULL THEN
        NEW.assigned_deadline := OLD.deadline;
        NEW.assigned_deadline_text := OLD.deadline_text;
      END IF;
      IF NEW.deadline_text IS NOT DISTINCT FROM OLD.deadline_text THEN
        NEW.deadline_text := NEW.deadline::text;
      END IF;
    END IF;
    -- a real change moves updated_at; compared as rows, without building
    -- two jsonb documents on every write
    NEW.updated_at := OLD.updated_at;
    IF NEW IS DISTINCT FROM OLD THEN
      NEW.updated_at := clock_timestamp();
    END IF;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION neongraph.task_before_trg() IS
  'Trigger on neongraph.task: when the deadline changes, the first one is kept as the assigned deadline; the assigned deadline never changes once set; keeps the texts and updated_at';

CREATE TRIGGER task_before BEFORE INSERT OR UPDATE ON neongraph.task
  FOR EACH ROW EXECUTE FUNCTION neongraph.task_before_trg();

CREATE FUNCTION neongraph.assignment_before_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  who text := format('task %s, agency %s', NEW.task_id, NEW.agency_code);
BEGIN
  IF NEW.progress IS NULL OR NEW.progress < 0 OR NEW.progress > 100 THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('progress out of range: %s', coalesce(NEW.progress::text, 'NULL')),
      DETAIL = format('Progress of %s is a percentage.', who),
      HINT = 'Give a whole number from 0 to 100.';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.completed_on IS NOT NULL AND NEW.completed_on IS NULL THEN
    NEW.verified := false;          -- reopened: the verification no longer holds
  END IF;
  IF NEW.completed_on IS NOT NULL THEN
    IF (TG_OP = 'INSERT' OR NEW.completed_on IS DISTINCT FROM OLD.completed_on)
       AND NEW.completed_on > neongraph.today() THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('completion date is in the future: %s', NEW.completed_on),
        DETAIL = format('Today in Vietnam is %s; %s cannot be completed later than today.', neongraph.today(), who),
        HINT = 'Record a completion on or after the day it happened.';
    END IF;
    IF NEW.evidence IS NULL OR btrim(NEW.evidence) = '' THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('completion without evidence: %s', who),
        DETAIL = 'A completed assignment must state its evidence (minh chứng).',
        HINT = 'Give the document number, link or figures that show the output, e.g. neongraph.complete_assignment(task_id, agency, completed_on, evidence).';
    END IF;
    IF NEW.cancelled THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('a completed assignment cannot be cancelled: %s', who),
        DETAIL = format('It was completed on %s.', NEW.completed_on),
        HINT = 'Reopen it first (neongraph.reopen_assignment) if the completion was wrong.';
    END IF;
    NEW.progress := 100;
  END IF;
  IF NEW.cancelled THEN
    IF NEW.cancel_reason IS NULL OR btrim(NEW.cancel_reason) = '' THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('cancellation without a reason: %s', who),
        DETAIL = 'A cancelled assignment (dừng thực hiện) must say why.',
        HINT = 'Use neongraph.cancel_assignment(task_id, agency, reason).';
    END IF;
    NEW.cancelled_on := coalesce(NEW.cancelled_on, neongraph.today());
  ELSE
    NEW.cancelled_on := NULL;
    NEW.cancel_reason := NULL;
  END IF;
  IF NEW.blocked THEN
    IF NEW.blocked_reason IS NULL OR btrim(NEW.blocked_reason) = '' THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('blocked without a reason: %s', who),
        DETAIL = 'A blocked assignment (vướng mắc vượt thẩm quyền) must say what blocks it.',
        HINT = 'Use neongraph.mark_blocked(task_id, agency, reason).';
    END IF;
    NEW.blocked_since := coalesce(NEW.blocked_since, neongraph.today());
  ELSE
    NEW.blocked_since := NULL;
    NEW.blocked_reason := NULL;
  END IF;
  IF NEW.verified THEN
    IF NEW.completed_on IS NULL THEN
      RAISE EXCEPTION USING ERRCODE = '23514',
        MESSAGE = format('an open assignment cannot be verified: %s', who),
        DETAIL = 'Verification (kiểm chứng) checks a completion; this assignment is not completed.',
        HINT = 'Complete it first (neongraph.complete_assignment).';
    END IF;
    NEW.verified_on := coalesce(NEW.verified_on, neongraph.today());
    NEW.verified_by := coalesce(NEW.verified_by, session_user::text);
  ELSIF TG_OP = 'INSERT' OR OLD.verified THEN
    NEW.verified_on := NULL;
    NEW.verified_by := NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- a real change moves updated_at; compared as rows, without building
    -- two jsonb documents on every write
    NEW.updated_at := OLD.updated_at;
    IF NEW IS DISTINCT FROM OLD THEN
      NEW.updated_at := clock_timestamp();
    END IF;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION neongraph.assignment_before_trg() IS
  'Trigger on neongraph.assignment holding its rules: progress 0..100; a completion needs evidence and a date not after today (and sets progress 100); cancellation and blocking need a reason; only a completed assignment can be verified; reopening clears the verification';

CREATE TRIGGER assignment_before BEFORE INSERT OR UPDATE ON neongraph.assignment
  FOR EACH ROW EXECUTE FUNCTION neongraph.assignment_before_trg();

-- Cycles among task links are refused by the cascade's trigger
-- task_link_no_cycle (73_cascade.sql, in C).

CREATE FUNCTION neongraph.progress_report_after_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  UPDATE neongraph.assignment a
     SET progress = CASE WHEN a.completed_on IS NULL THEN NEW.progress ELSE a.progress END,
         last_report_at = greatest(a.last_report_at, NEW.reported_at)
   WHERE a.assignment_id = NEW.assignment_id;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION neongraph.progress_report_after_trg() IS
  'Trigger on neongraph.progress_report: a report sets its assignment''s progress (unless completed) and last_report_at';

CREATE TRIGGER progress_report_after AFTER INSERT ON neongraph.progress_report
  FOR EACH ROW EXECUTE FUNCTION neongraph.progress_report_after_trg();

CREATE FUNCTION neongraph.progress_report_before_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
BEGIN
  SELECT * INTO a FROM neongraph.assignment WHERE assignment_id = NEW.assignment_id;
  IF FOUND AND (a.task_id <> NEW.task_id OR a.agency_code <> NEW.agency_code) THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('report does not match its assignment %s', NEW.assignment_id),
      DETAIL = format('Assignment %s is task %s, agency %s; the report says task %s, agency %s.',
                      a.assignment_id, a.task_id, a.agency_code, NEW.task_id, NEW.agency_code),
      HINT = 'File reports with neongraph.report_progress(task_id, agency, progress, report).';
  END IF;
  IF NEW.progress IS NULL OR NEW.progress < 0 OR NEW.progress > 100 THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('progress out of range: %s', coalesce(NEW.progress::text, 'NULL')),
      DETAIL = 'Progress is a percentage.',
      HINT = 'Give a whole number from 0 to 100.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION neongraph.progress_report_before_trg() IS
  'Trigger on neongraph.progress_report: the report''s task and agency match its assignment; progress 0..100';

CREATE TRIGGER progress_report_before BEFORE INSERT OR UPDATE ON neongraph.progress_report
  FOR EACH ROW EXECUTE FUNCTION neongraph.progress_report_before_trg();

-- History ------------------------------------------------------------------

CREATE FUNCTION neongraph.history_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  o jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
  r jsonb := coalesce(n, o);
BEGIN
  IF TG_OP = 'UPDATE' AND (o - 'updated_at') = (n - 'updated_at') THEN
    RETURN NULL;                    -- nothing changed
  END IF;
  INSERT INTO neongraph.history (table_name, operation, task_id, agency_code, old_row, new_row, reason)
  VALUES (TG_TABLE_NAME, TG_OP,
          coalesce(r ->> 'task_id', r ->> 'from_task')::bigint,
          coalesce(r ->> 'agency_code', r ->> 'owner_code'),
          o, n,
          nullif(current_setting('neongraph_api.change_reason', true), ''));
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION neongraph.history_trg() IS
  'Trigger writing every change of the row it is on to neongraph.history: who (session_user, current_user), when (clock_timestamp()), old and new rows as jsonb, and the reason given to the write API';

CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.task
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.task_agency
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.assignment
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.task_link
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.directive
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.directive_link
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.kpi
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();
CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON neongraph.kpi_value
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_trg();

CREATE FUNCTION neongraph.history_append_only_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  RAISE EXCEPTION USING ERRCODE = '42501',
    MESSAGE = format('neongraph.history is append-only: %s refused', TG_OP),
    DETAIL = 'The history of changes is kept whole; rows are only ever added.',
    HINT = 'Read it, or filter it in a view; to correct data, change the task and the correction is recorded too.';
END
$$;
COMMENT ON FUNCTION neongraph.history_append_only_trg() IS
  'Trigger refusing UPDATE, DELETE and TRUNCATE on neongraph.history';

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON neongraph.history
  FOR EACH ROW EXECUTE FUNCTION neongraph.history_append_only_trg();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON neongraph.history
  FOR EACH STATEMENT EXECUTE FUNCTION neongraph.history_append_only_trg();

-- Write API ------------------------------------------------------------------

CREATE FUNCTION neongraph.lock_assignment(task_id pg_catalog.int8, agency pg_catalog.text)
  RETURNS neongraph.assignment
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  code text;
  a neongraph.assignment;
  leads text;
BEGIN
  IF task_id IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22004',
      MESSAGE = 'task_id must be given',
      DETAIL = 'The task_id argument is NULL.',
      HINT = 'Find the task in neongraph.task_state.';
  END IF;
  PERFORM FROM neongraph.task t WHERE t.task_id = lock_assignment.task_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'P0002',
      MESSAGE = format('task %s does not exist', task_id),
      DETAIL = 'No row of neongraph.task has this task_id.',
      HINT = 'Find the task in neongraph.task_state.';
  END IF;
  code := neongraph.agency_code(agency);
  SELECT * INTO a FROM neongraph.assignment s
   WHERE s.task_id = lock_assignment.task_id AND s.agency_code = code
   FOR UPDATE;
  IF NOT FOUND THEN
    SELECT string_agg(s.agency_code, ', ' ORDER BY s.agency_code) INTO leads
      FROM neongraph.assignment s WHERE s.task_id = lock_assignment.task_id;
    RAISE EXCEPTION USING ERRCODE = 'P0002',
      MESSAGE = format('agency %s has no assignment on task %s', code, task_id),
      DETAIL = format('The lead agencies of task %s are: %s.', task_id, coalesce(leads, 'none')),
      HINT = 'Only a lead agency (cơ quan chủ trì) reports on, completes or is judged on a task; cooperating agencies report through it.';
  END IF;
  RETURN a;
END
$$;
COMMENT ON FUNCTION neongraph.lock_assignment(pg_catalog.int8, pg_catalog.text) IS
  'The assignment of a task to a lead agency (code, name or alias), locked FOR UPDATE so that no concurrent update is lost; raises P0002 when there is none';

CREATE FUNCTION neongraph.set_change_reason(reason pg_catalog.text)
  RETURNS void
  LANGUAGE sql
  SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.set_config('neongraph_api.change_reason', coalesce($1, ''), true); $$;
COMMENT ON FUNCTION neongraph.set_change_reason(pg_catalog.text) IS
  'Sets the reason recorded in neongraph.history for the changes that follow in this transaction (empty or NULL: none)';

CREATE FUNCTION neongraph.report_fields()
  RETURNS pg_catalog.text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$ SELECT ARRAY['task', 'results', 'outputs', 'evidence', 'shortcomings', 'causes',
                   'recommendations', 'focal_point', 'milestone', 'adjustment']::pg_catalog.text[] $$;
COMMENT ON FUNCTION neongraph.report_fields() IS
  'The ten fields of a report (Điều 3.3 of 67-QĐ/TGV), in order: task (nhiệm vụ được giao), results (kết quả đạt được), outputs (sản phẩm đầu ra), evidence (số liệu, bằng chứng kiểm chứng), shortcomings (tồn tại, hạn chế), causes (nguyên nhân), recommendations (kiến nghị xử lý), focal_point (đầu mối chịu trách nhiệm), milestone (mốc thời gian hoàn thành), adjustment (đề xuất điều chỉnh)';

CREATE FUNCTION neongraph.report_progress(task_id pg_catalog.int8, agency pg_catalog.text,
                                          progress pg_catalog.int4,
                                          report pg_catalog.jsonb DEFAULT '{}')
  RETURNS pg_catalog.int8
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
  bad text;
  rid bigint;
  r jsonb := coalesce(report, '{}');
BEGIN
  IF jsonb_typeof(r) <> 'object' THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('report must be a JSON object: %s', left(r::text, 80)),
      DETAIL = format('Got a JSON %s.', jsonb_typeof(r)),
      HINT = format('Give an object with any of the keys %s.', array_to_string(neongraph.report_fields(), ', '));
  END IF;
  SELECT string_agg(k, ', ' ORDER BY k) INTO bad
    FROM jsonb_object_keys(r) k WHERE NOT k = ANY (neongraph.report_fields());
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('unknown report field: %s', bad),
      DETAIL = 'A report states the ten fields of Điều 3.3 of 67-QĐ/TGV and nothing else.',
      HINT = format('Use the keys %s.', array_to_string(neongraph.report_fields(), ', '));
  END IF;
  SELECT string_agg(k, ', ' ORDER BY k) INTO bad
    FROM jsonb_each(r) e(k, v) WHERE jsonb_typeof(v) IN ('object', 'array');
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('report field is not text: %s', bad),
      DETAIL = 'Each field of a report is a string (or a number).',
      HINT = 'Join several items into one string, one per line.';
  END IF;
  IF progress IS NULL OR progress < 0 OR progress > 100 THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('progress out of range: %s', coalesce(progress::text, 'NULL')),
      DETAIL = 'Progress is a percentage.',
      HINT = 'Give a whole number from 0 to 100.';
  END IF;
  a := neongraph.lock_assignment(task_id, agency);
  IF a.cancelled THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is cancelled', a.task_id, a.agency_code),
      DETAIL = format('It was cancelled on %s: %s', a.cancelled_on, a.cancel_reason),
      HINT = 'Reopen it first (neongraph.reopen_assignment) if the work resumes.';
  END IF;
  IF a.completed_on IS NOT NULL AND progress < 100 THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is completed; progress %s%% is refused', a.task_id, a.agency_code, progress),
      DETAIL = format('It was completed on %s.', a.completed_on),
      HINT = 'Reopen it first (neongraph.reopen_assignment) if the completion was premature.';
  END IF;
  INSERT INTO neongraph.progress_report
         (assignment_id, task_id, agency_code, progress, task, results, outputs, evidence,
          shortcomings, causes, recommendations, focal_point, milestone, adjustment)
  VALUES (a.assignment_id, a.task_id, a.agency_code, progress, r ->> 'task', r ->> 'results',
          r ->> 'outputs', r ->> 'evidence', r ->> 'shortcomings', r ->> 'causes',
          r ->> 'recommendations', r ->> 'focal_point', r ->> 'milestone', r ->> 'adjustment')
  RETURNING report_id INTO rid;
  RETURN rid;
END
$$;
COMMENT ON FUNCTION neongraph.report_progress(pg_catalog.int8, pg_catalog.text, pg_catalog.int4, pg_catalog.jsonb) IS
  'An agency (code, name or alias) reports progress (0..100) on its assignment of a task, with the ten fields of Điều 3.3 in report (keys: see neongraph.report_fields()); files a progress_report, sets the assignment''s progress; returns the report_id';

CREATE FUNCTION neongraph.complete_assignment(task_id pg_catalog.int8, agency pg_catalog.text,
                                              completed_on pg_catalog.date, evidence pg_catalog.text)
  RETURNS neongraph.task_status
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
  d neongraph.deadline;
BEGIN
  IF completed_on IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22004',
      MESSAGE = 'completed_on must be given',
      DETAIL = 'The completion date is NULL.',
      HINT = 'Pass the day the work was completed, e.g. neongraph.today().';
  END IF;
  a := neongraph.lock_assignment(task_id, agency);
  IF a.cancelled THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is cancelled', a.task_id, a.agency_code),
      DETAIL = format('It was cancelled on %s: %s', a.cancelled_on, a.cancel_reason),
      HINT = 'Reopen it first (neongraph.reopen_assignment).';
  END IF;
  IF a.completed_on IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is already completed', a.task_id, a.agency_code),
      DETAIL = format('It was completed on %s with evidence: %s', a.completed_on, a.evidence),
      HINT = 'Reopen it first (neongraph.reopen_assignment) to record another completion.';
  END IF;
  UPDATE neongraph.assignment s
     SET completed_on = complete_assignment.completed_on,
         evidence = complete_assignment.evidence,
         progress = 100
   WHERE s.assignment_id = a.assignment_id;
  SELECT coalesce(t.assigned_deadline, t.deadline) INTO d
    FROM neongraph.task t WHERE t.task_id = a.task_id;
  RETURN neongraph.deadline_status(d, completed_on, completed_on);
END
$$;
COMMENT ON FUNCTION neongraph.complete_assignment(pg_catalog.int8, pg_catalog.text, pg_catalog.date, pg_catalog.text) IS
  'Records that an agency completed its assignment of a task on completed_on (not after today) with evidence (required); returns done_on_time or done_late, judged against the assigned deadline';

CREATE FUNCTION neongraph.verify_assignment(task_id pg_catalog.int8, agency pg_catalog.text,
                                            note pg_catalog.text DEFAULT NULL,
                                            confirmed pg_catalog.bool DEFAULT true)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
BEGIN
  a := neongraph.lock_assignment(task_id, agency);
  IF a.completed_on IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is not completed', a.task_id, a.agency_code),
      DETAIL = 'Verification (kiểm chứng) checks a completion and its evidence.',
      HINT = 'Complete it first (neongraph.complete_assignment).';
  END IF;
  PERFORM neongraph.set_change_reason(note);
  UPDATE neongraph.assignment s
     SET verified = coalesce(confirmed, true),
         verified_on = NULL, verified_by = NULL,
         verification_note = note
   WHERE s.assignment_id = a.assignment_id;
  PERFORM neongraph.set_change_reason(NULL);
END
$$;
COMMENT ON FUNCTION neongraph.verify_assignment(pg_catalog.int8, pg_catalog.text, pg_catalog.text, pg_catalog.bool) IS
  'The coordinating group verifies (đối soát, kiểm chứng) a completed assignment against real data (confirmed true, the default) or records that the evidence did not hold (confirmed false), with a note';

CREATE FUNCTION neongraph.cancel_assignment(task_id pg_catalog.int8, agency pg_catalog.text,
                                            reason pg_catalog.text,
                                            cancelled_on pg_catalog.date DEFAULT NULL)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
BEGIN
  a := neongraph.lock_assignment(task_id, agency);
  IF a.cancelled THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is already cancelled', a.task_id, a.agency_code),
      DETAIL = format('It was cancelled on %s: %s', a.cancelled_on, a.cancel_reason),
      HINT = 'Nothing to do.';
  END IF;
  IF cancelled_on > neongraph.today() THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('cancellation date is in the future: %s', cancelled_on),
      DETAIL = format('Today in Vietnam is %s.', neongraph.today()),
      HINT = 'Cancel on the day the decision is taken.';
  END IF;
  PERFORM neongraph.set_change_reason(reason);
  UPDATE neongraph.assignment s
     SET cancelled = true, cancel_reason = reason,
         cancelled_on = coalesce(cancel_assignment.cancelled_on, neongraph.today())
   WHERE s.assignment_id = a.assignment_id;
  PERFORM neongraph.set_change_reason(NULL);
END
$$;
COMMENT ON FUNCTION neongraph.cancel_assignment(pg_catalog.int8, pg_catalog.text, pg_catalog.text, pg_catalog.date) IS
  'Cancels (dừng thực hiện) an agency''s assignment of a task, with a reason (required) and the date (default today); its status becomes cancelled';

CREATE FUNCTION neongraph.cancel_task(task_id pg_catalog.int8, reason pg_catalog.text,
                                      cancelled_on pg_catalog.date DEFAULT NULL)
  RETURNS pg_catalog.int4
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a record;
  n int := 0;
BEGIN
  PERFORM FROM neongraph.task t WHERE t.task_id = cancel_task.task_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'P0002',
      MESSAGE = format('task %s does not exist', coalesce(task_id::text, 'NULL')),
      DETAIL = 'No row of neongraph.task has this task_id.',
      HINT = 'Find the task in neongraph.task_state.';
  END IF;
  IF reason IS NULL OR btrim(reason) = '' THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('cancellation without a reason: task %s', task_id),
      DETAIL = 'A cancelled task (dừng thực hiện) must say why.',
      HINT = 'Give the decision or the reason that stops the task.';
  END IF;
  FOR a IN SELECT s.agency_code FROM neongraph.assignment s
            WHERE s.task_id = cancel_task.task_id AND NOT s.cancelled AND s.completed_on IS NULL
            ORDER BY s.agency_code
  LOOP
    PERFORM neongraph.cancel_assignment(task_id, a.agency_code, reason, cancelled_on);
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
COMMENT ON FUNCTION neongraph.cancel_task(pg_catalog.int8, pg_catalog.text, pg_catalog.date) IS
  'Cancels every open assignment of a task (completed ones stay completed), with a reason; returns how many were cancelled';

CREATE FUNCTION neongraph.mark_blocked(task_id pg_catalog.int8, agency pg_catalog.text,
                                       reason pg_catalog.text, since pg_catalog.date DEFAULT NULL)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
BEGIN
  a := neongraph.lock_assignment(task_id, agency);
  IF a.cancelled OR a.completed_on IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is not open', a.task_id, a.agency_code),
      DETAIL = CASE WHEN a.cancelled THEN format('It was cancelled on %s.', a.cancelled_on)
                    ELSE format('It was completed on %s.', a.completed_on) END,
      HINT = 'Only open work can be blocked.';
  END IF;
  PERFORM neongraph.set_change_reason(reason);
  UPDATE neongraph.assignment s
     SET blocked = true, blocked_reason = reason, blocked_since = coalesce(since, neongraph.today())
   WHERE s.assignment_id = a.assignment_id;
  PERFORM neongraph.set_change_reason(NULL);
END
$$;
COMMENT ON FUNCTION neongraph.mark_blocked(pg_catalog.int8, pg_catalog.text, pg_catalog.text, pg_catalog.date) IS
  'Marks an open assignment blocked beyond the agency''s authority (vướng mắc vượt thẩm quyền), escalating it, with the reason (required) and since when (default today)';

CREATE FUNCTION neongraph.mark_unblocked(task_id pg_catalog.int8, agency pg_catalog.text,
                                         note pg_catalog.text DEFAULT NULL)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
BEGIN
  a := neongraph.lock_assignment(task_id, agency);
  IF NOT a.blocked THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is not blocked', a.task_id, a.agency_code),
      DETAIL = 'There is nothing to unblock.',
      HINT = 'See neongraph.assignment_state for blocked assignments.';
  END IF;
  PERFORM neongraph.set_change_reason(note);
  UPDATE neongraph.assignment s SET blocked = false WHERE s.assignment_id = a.assignment_id;
  PERFORM neongraph.set_change_reason(NULL);
END
$$;
COMMENT ON FUNCTION neongraph.mark_unblocked(pg_catalog.int8, pg_catalog.text, pg_catalog.text) IS
  'Clears the blocked flag of an assignment once the obstacle is removed, with an optional note kept in the history';

CREATE FUNCTION neongraph.reopen_assignment(task_id pg_catalog.int8, agency pg_catalog.text,
                                            reason pg_catalog.text)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  a neongraph.assignment;
BEGIN
  IF reason IS NULL OR btrim(reason) = '' THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = 'reopening needs a reason',
      DETAIL = 'The reason argument is NULL or blank.',
      HINT = 'Say why the completion or cancellation no longer holds; it is kept in neongraph.history.';
  END IF;
  a := neongraph.lock_assignment(task_id, agency);
  IF NOT a.cancelled AND a.completed_on IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '55000',
      MESSAGE = format('assignment of task %s to %s is already open', a.task_id, a.agency_code),
      DETAIL = 'It is neither completed nor cancelled.',
      HINT = 'Nothing to reopen.';
  END IF;
  PERFORM neongraph.set_change_reason(reason);
  UPDATE neongraph.assignment s
     SET completed_on = NULL, verified = false, cancelled = false,
         progress = CASE WHEN s.completed_on IS NOT NULL THEN 99 ELSE s.progress END
   WHERE s.assignment_id = a.assignment_id;
  PERFORM neongraph.set_change_reason(NULL);
END
$$;
COMMENT ON FUNCTION neongraph.reopen_assignment(pg_catalog.int8, pg_catalog.text, pg_catalog.text) IS
  'Reopens a completed or cancelled assignment, with a reason (required, kept in the history); a reopened completion drops its verification and stands at 99%';

CREATE FUNCTION neongraph.restate_deadline(task_id pg_catalog.int8, deadline pg_catalog.text,
                                           reason pg_catalog.text)
  RETURNS neongraph.deadline
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  t neongraph.task;
  ref date;
  d neongraph.deadline;
BEGIN
  IF reason IS NULL OR btrim(reason) = '' THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = 're-stating a deadline needs a reason',
      DETAIL = 'The reason argument is NULL or blank.',
      HINT = 'Give the decision that moved the deadline; it is kept in neongraph.history.';
  END IF;
  IF deadline IS NULL OR btrim(deadline) = '' THEN
    RAISE EXCEPTION USING ERRCODE = '22004',
      MESSAGE = 'the new deadline must be given',
      DETAIL = 'The deadline argument is NULL or blank.',
      HINT = 'Write it as the documents do, e.g. Trước 15/11/2025 or quý IV/2025.';
  END IF;
  SELECT * INTO t FROM neongraph.task s WHERE s.task_id = restate_deadline.task_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'P0002',
      MESSAGE = format('task %s does not exist', coalesce(task_id::text, 'NULL')),
      DETAIL = 'No row of neongraph.task has this task_id.',
      HINT = 'Find the task in neongraph.task_state.';
  END IF;
  SELECT issued_on INTO ref FROM neongraph.directive WHERE directive_id = t.directive_id;
  d := neongraph.parse_deadline(deadline, coalesce(ref, neongraph.today()));
  PERFORM neongraph.set_change_reason(reason);
  UPDATE neongraph.task s SET deadline = d, deadline_text = btrim(restate_deadline.deadline)
   WHERE s.task_id = t.task_id;
  PERFORM neongraph.set_change_reason(NULL);
  RETURN d;
END
$$;
COMMENT ON FUNCTION neongraph.restate_deadline(pg_catalog.int8, pg_catalog.text, pg_catalog.text) IS
  'Re-states a task''s deadline (text in any form the deadline type reads; forms without a year resolve against the directive''s date), with a reason; the first deadline stays as the assigned one (hạn được giao) and the task is still judged against it; returns the new deadline';

CREATE FUNCTION neongraph.link_tasks(from_task pg_catalog.int8, to_task pg_catalog.int8,
                                     kind pg_catalog.text DEFAULT 'derives',
                                     note pg_catalog.text DEFAULT NULL)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  missing bigint;
BEGIN
  IF kind IS NULL OR kind NOT IN ('derives', 'depends') THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('invalid link kind: %s', coalesce(quote_literal(kind), 'NULL')),
      DETAIL = 'A task derives from a higher-level task or depends on another task.',
      HINT = 'Use ''derives'' or ''depends''.';
  END IF;
  SELECT x INTO missing FROM unnest(ARRAY[from_task, to_task]) x
   WHERE x IS NULL OR NOT EXISTS (SELECT FROM neongraph.task t WHERE t.task_id = x) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'P0002',
      MESSAGE = format('task %s does not exist', coalesce(missing::text, 'NULL')),
      DETAIL = 'Both ends of a link must be tasks.',
      HINT = 'Find the tasks in neongraph.task_state.';
  END IF;
  IF from_task = to_task THEN
    RAISE EXCEPTION USING ERRCODE = '23514',
      MESSAGE = format('a task cannot be linked to itself: task %s', from_task),
      DETAIL = format('A %s link needs two different tasks.', kind),
      HINT = 'Link the task to the higher-level task it derives from or to the task it depends on.';
  END IF;
  INSERT INTO neongraph.task_link (from_task, to_task, kind, note)
  VALUES (from_task, to_task, kind, note)
  ON CONFLICT ON CONSTRAINT task_link_pkey DO UPDATE SET note = coalesce(EXCLUDED.note, task_link.note);
END
$$;
COMMENT ON FUNCTION neongraph.link_tasks(pg_catalog.int8, pg_catalog.int8, pg_catalog.text, pg_catalog.text) IS
  'Links from_task to to_task: ''derives'' (from_task implements the higher-level to_task) or ''depends'' (from_task needs to_task done); cycles are refused';

CREATE FUNCTION neongraph.record_kpi_value(kpi pg_catalog.text, measured_on pg_catalog.date,
                                           value pg_catalog.numeric, evidence pg_catalog.text DEFAULT NULL)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  k bigint;
BEGIN
  SELECT x.kpi_id INTO k FROM neongraph.kpi x WHERE x.code = record_kpi_value.kpi;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'P0002',
      MESSAGE = format('unknown KPI: "%s"', kpi),
      DETAIL = 'No row of neongraph.kpi has this code.',
      HINT = 'See neongraph.kpi_state for the KPIs.';
  END IF;
  IF measured_on IS NULL OR value IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = '22004',
      MESSAGE = 'a KPI value needs its date and value',
      DETAIL = format('measured_on is %s, value is %s.', coalesce(measured_on::text, 'NULL'), coalesce(value::text, 'NULL')),
      HINT = 'Pass both.';
  END IF;
  IF measured_on > neongraph.today() THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('KPI value date is in the future: %s', measured_on),
      DETAIL = format('Today in Vietnam is %s.', neongraph.today()),
      HINT = 'Report values that have been measured.';
  END IF;
  INSERT INTO neongraph.kpi_value (kpi_id, measured_on, value, evidence)
  VALUES (k, measured_on, value, evidence)
  ON CONFLICT (kpi_id, measured_on) DO UPDATE
     SET value = EXCLUDED.value, evidence = EXCLUDED.evidence,
         reported_at = EXCLUDED.reported_at, reported_by = EXCLUDED.reported_by;
END
$$;
COMMENT ON FUNCTION neongraph.record_kpi_value(pg_catalog.text, pg_catalog.date, pg_catalog.numeric, pg_catalog.text) IS
  'Records (or corrects) the value of a KPI (by code) measured on a date, with evidence; the history keeps the previous value';
