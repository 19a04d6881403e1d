-- Dashboard summaries: counts kept by triggers so that the per-agency and
-- per-group scorecards as of any date read the summaries, not every task.
--
-- Design.  Each assignment contributes a few counts to
-- neongraph.assignment_summary, keyed by its agency, its task's working group
-- and a day, so that the status as of any date A can be derived exactly
-- (statuses change with time passing, without any write).  For an assignment
-- that is not cancelled, with D the due date of coalesce(assigned_deadline,
-- deadline) and C its completion date:
--   due           at D         every dated assignment
--   done_on_time  at C         dated, completed with C <= D
--   lead (k)      at D         the same, k = least(D - C, 31)
--   done_late     at C         dated, completed with C > D
--   undated, recurring         total only (no day)
--   undated_done, recurring_done at C
-- and for every assignment: cancelled at cancelled_on (when cancelled),
-- blocked at blocked_since (when blocked), verified at verified_on (when
-- verified).  Each of these day rows (grain 'day') comes with the rows of
-- its month (grain 'month', day = the first of the month), of its year
-- (grain 'year', day = 1 January) and the total over all days (grain
-- 'total', day = '-infinity'); those three add up every lead (lead 0): the
-- lead per day is only needed within the window.  The count of a measure on
-- the days on or after a date X is the day rows from X to the end of its
-- month, plus the month rows to the end of its year, plus the year rows
-- after it: at most 31 + 11 + a few rows per agency, group and measure,
-- whatever the number of assignments.  As of A with the warning window W
-- (N[m, <= A] = total - rows of days > A):
--   done_on_time = N[done_on_time, <= A] + N[undated_done, <= A] + N[recurring_done, <= A]
--   done_late    = N[done_late, <= A]
--   overdue      = N[due, < A] - N[lead, < A] - N[done_late, <= A]
--                  (an on-time one due before A was completed by then; a late
--                  one completed by A was due before A)
--   due_soon     = N[due, A .. A+W] - sum over j = 0..W of N[lead k >= j, A+j]
--   on_track     = N[due] - N[done_on_time, <= A] - N[done_late, <= A] - overdue - due_soon
--   recurring    = N[recurring] - N[recurring_done, <= A];  no_deadline likewise
--   cancelled    = N[cancelled];  blocked = N[blocked, <= A];  verified likewise
-- so a scorecard reads the totals, the day rows from A to the end of the
-- month of A + 1 (or to A + W when later), the month rows to the end of the
-- year of A + 1 and the year rows after the year of A: a number of rows that
-- does not grow with the number of assignments, nor with the distance from A
-- to today or to the last due date.  Two exceptions are read directly from
-- the assignments, through indexes: assignments cancelled after A (counted
-- cancelled above, their status as of A is computed instead) and assignments
-- of directives issued after A (which do not exist yet as of A and are taken
-- out).
--
-- The hierarchy and the working groups are applied when reading, with the
-- pairs of neongraph.agency_tree (walked from the agencies counted, or from
-- the members of working groups, not the closure of every agency) and
-- neongraph.working_group_member, as neongraph.agency_scorecard(as_of) and
-- neongraph.working_group_scorecard(as_of) do, so moving an agency or
-- changing a group's members needs no maintenance.
--
-- Maintenance: row triggers on neongraph.assignment (INSERT, DELETE and the
-- UPDATEs that change a counted field), on neongraph.task (a change of the
-- judged deadline or of the working group moves all its assignments; a
-- DELETE takes them out before the cascade) and TRUNCATE (rebuild).  Each
-- change is one upsert (INSERT ... ON CONFLICT DO UPDATE SET n = n + delta,
-- which row-locks, so concurrent writers never lose an increment) over the
-- touched rows (four per counted date: day, month, year, total) sorted by
-- key (so two writers lock shared rows in the same order); rows that fall to
-- zero are deleted, so the incremental rows are exactly those
-- neongraph.rebuild_summaries() gives.
--
-- Dump and restore: the summaries are derived data and are not dumped
-- (no pg_extension_config_dump); restoring the assignments (after their tasks,
-- the order pg_dump gives config tables linked by foreign keys) fires the
-- triggers and rebuilds them; SELECT neongraph.rebuild_summaries() after any
-- load made with triggers disabled (session_replication_role = replica).

-- The summary table ---------------------------------------------------------

CREATE TABLE neongraph.assignment_summary (
  agency_code pg_catalog.text NOT NULL,
  group_code  pg_catalog.text NOT NULL,
  measure     pg_catalog.text NOT NULL
              CHECK (measure IN ('due', 'done_on_time', 'lead', 'done_late', 'undated', 'undated_done',
                                 'recurring', 'recurring_done', 'cancelled', 'blocked', 'verified')),
  grain       pg_catalog.text NOT NULL CHECK (grain IN ('day', 'month', 'year', 'total')),
  day         pg_catalog.date NOT NULL,
  lead        pg_catalog.int2 NOT NULL DEFAULT 0 CHECK (lead BETWEEN 0 AND 31),
  n           pg_catalog.int8 NOT NULL,
  PRIMARY KEY (agency_code, group_code, measure, grain, day, lead),
  CHECK ((grain = 'total') = (day = '-infinity')),
  CHECK (lead = 0 OR grain = 'day')
) WITH (fillfactor = 80);
CREATE INDEX assignment_summary_day_idx ON neongraph.assignment_summary (grain, day);
COMMENT ON TABLE neongraph.assignment_summary IS
  'Derived counts of assignments kept by triggers, from which the status counts as of any date follow (see neongraph.agency_scorecard_fast); not dumped: neongraph.rebuild_summaries() recomputes it';
COMMENT ON COLUMN neongraph.assignment_summary.agency_code IS 'The assignment''s lead agency (its own assignments only; the hierarchy is applied when reading)';
COMMENT ON COLUMN neongraph.assignment_summary.group_code IS 'The task''s working group (neongraph.task.working_group), '''' when the task has none';
COMMENT ON COLUMN neongraph.assignment_summary.measure IS
  'What is counted: due (dated, at its due date D), done_on_time (completed by D, at its completion date C), lead (completed by D, at D, lead = least(D - C, 31)), done_late (at C), undated and recurring (totals only), undated_done and recurring_done (at C), cancelled (at cancelled_on), blocked (at blocked_since), verified (at verified_on); cancelled assignments count only as cancelled, blocked and verified';
COMMENT ON COLUMN neongraph.assignment_summary.grain IS
  'day: the count of one day; month: of a month (day = its first day); year: of a year (day = 1 January); total: over all days (day = -infinity)';
COMMENT ON COLUMN neongraph.assignment_summary.day IS 'The day, first day of the month or of the year the count belongs to (see grain); -infinity: the total of the measure over all days';
COMMENT ON COLUMN neongraph.assignment_summary.lead IS 'For measure lead at grain day: days between completion and due date, capped at 31; 0 otherwise (months, years and totals add up every lead)';
COMMENT ON COLUMN neongraph.assignment_summary.n IS 'Number of assignments (never 0: rows that fall to 0 are deleted)';
COMMENT ON INDEX neongraph.assignment_summary_day_idx IS 'Reads the totals and the few day, month and year rows that make up the counts after a date';

-- the exceptions read directly
CREATE INDEX assignment_cancelled_on_idx ON neongraph.assignment (cancelled_on) WHERE cancelled;
COMMENT ON INDEX neongraph.assignment_cancelled_on_idx IS
  'Cancelled assignments by date: the fast scorecards read those cancelled after the date considered';
CREATE INDEX directive_issued_on_idx ON neongraph.directive (issued_on);
COMMENT ON INDEX neongraph.directive_issued_on_idx IS
  'Directives by date of issue: the fast scorecards read the assignments of those issued after the date considered';

-- What one assignment contributes -----------------------------------------------

CREATE FUNCTION neongraph.summary_contrib(judged neongraph.deadline, completed_on pg_catalog.date,
                                          cancelled pg_catalog.bool, cancelled_on pg_catalog.date,
                                          blocked pg_catalog.bool, blocked_since pg_catalog.date,
                                          verified pg_catalog.bool, verified_on pg_catalog.date)
  RETURNS TABLE (measure pg_catalog.text, grain pg_catalog.text, day pg_catalog.date, lead pg_catalog.int2)
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  -- PL/pgSQL, not SQL: the search_path is pinned like every function of the
  -- extension, which keeps a SQL body from being inlined and makes it be
  -- planned again on every call; PL/pgSQL keeps the plan of its query for
  -- the session, which halves the cost of a completion
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  WITH x AS (
    SELECT coalesce($3 AND $4 IS NOT NULL, false) AS canc,
           CASE WHEN $1 IS NULL THEN 'u'
                WHEN neongraph.deadline_kind($1) OPERATOR(pg_catalog.=) 'recurring' THEN 'r'
                ELSE 'd' END AS cls,
           neongraph.due_date($1) AS due),
  b(measure, day, lead) AS (
    SELECT 'cancelled', $4, 0 FROM x WHERE x.canc
    UNION ALL SELECT 'due', x.due, 0 FROM x WHERE NOT x.canc AND x.cls = 'd'
    UNION ALL SELECT 'done_on_time', $2, 0 FROM x WHERE NOT x.canc AND x.cls = 'd' AND $2 <= x.due
    UNION ALL SELECT 'lead', x.due, LEAST(x.due - $2, 31) FROM x WHERE NOT x.canc AND x.cls = 'd' AND $2 <= x.due
    UNION ALL SELECT 'done_late', $2, 0 FROM x WHERE NOT x.canc AND x.cls = 'd' AND $2 > x.due
    UNION ALL SELECT 'undated', '-infinity'::pg_catalog.date, 0 FROM x WHERE NOT x.canc AND x.cls = 'u'
    UNION ALL SELECT 'undated_done', $2, 0 FROM x WHERE NOT x.canc AND x.cls = 'u' AND $2 IS NOT NULL
    UNION ALL SELECT 'recurring', '-infinity'::pg_catalog.date, 0 FROM x WHERE NOT x.canc AND x.cls = 'r'
    UNION ALL SELECT 'recurring_done', $2, 0 FROM x WHERE NOT x.canc AND x.cls = 'r' AND $2 IS NOT NULL
    UNION ALL SELECT 'blocked', $6, 0 WHERE $5 AND $6 IS NOT NULL
    UNION ALL SELECT 'verified', $8, 0 WHERE $7 AND $8 IS NOT NULL)
  SELECT b.measure::pg_catalog.text, g.grain,
         CASE g.grain WHEN 'day' THEN b.day
                      WHEN 'month' THEN pg_catalog.date_trunc('month', b.day)::pg_catalog.date
                      WHEN 'year' THEN pg_catalog.date_trunc('year', b.day)::pg_catalog.date
                      ELSE '-infinity'::pg_catalog.date END,
         (CASE WHEN g.grain = 'day' THEN b.lead ELSE 0 END)::pg_catalog.int2
    FROM b, (VALUES ('day'::pg_catalog.text), ('month'), ('year'), ('total')) g(grain)
   WHERE (g.grain = 'total') OR b.day OPERATOR(pg_catalog.<>) '-infinity'::pg_catalog.date;
END
$$;
COMMENT ON FUNCTION neongraph.summary_contrib(neongraph.deadline, pg_catalog.date, pg_catalog.bool, pg_catalog.date, pg_catalog.bool, pg_catalog.date, pg_catalog.bool, pg_catalog.date) IS
  'The rows (measure, grain, day, lead) one assignment adds to neongraph.assignment_summary, given its judged deadline (coalesce(assigned_deadline, deadline)), completion, cancellation, blocking and verification; each dated row (grain day) comes with its month, year and total rows (lead 0)';

CREATE FUNCTION neongraph.summary_add(delta neongraph.assignment_summary[])
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  zeros neongraph.assignment_summary[];
BEGIN
  IF delta IS NULL OR cardinality(delta) = 0 THEN
    RETURN;
  END IF;
  WITH up AS (
    INSERT INTO neongraph.assignment_summary AS s (agency_code, group_code, measure, grain, day, lead, n)
    SELECT d.agency_code, d.group_code, d.measure, d.grain, d.day, d.lead, d.n
      FROM unnest(delta) d
     WHERE d.n <> 0
     ORDER BY d.agency_code, d.group_code, d.measure, d.grain, d.day, d.lead
    ON CONFLICT (agency_code, group_code, measure, grain, day, lead)
      DO UPDATE SET n = s.n + excluded.n
    RETURNING s.*)
  SELECT array_agg(up ORDER BY up.agency_code, up.group_code, up.measure, up.grain, up.day, up.lead)
    INTO zeros FROM up WHERE up.n = 0;
  IF zeros IS NOT NULL THEN
    DELETE FROM neongraph.assignment_summary s
     USING unnest(zeros) z
     WHERE s.agency_code = z.agency_code AND s.group_code = z.group_code AND s.measure = z.measure
       AND s.grain = z.grain AND s.day = z.day AND s.lead = z.lead AND s.n = 0;
  END IF;
END
$$;
COMMENT ON FUNCTION neongraph.summary_add(neongraph.assignment_summary[]) IS
  'Adds signed counts to neongraph.assignment_summary in one upsert, rows in key order (no lost increment, no lock-order deadlock between two single-change writers), and deletes the rows that fall to 0; used by the summary triggers';
REVOKE ALL ON FUNCTION neongraph.summary_add(neongraph.assignment_summary[]) FROM PUBLIC;

-- Triggers ----------------------------------------------------------------------

CREATE FUNCTION neongraph.summary_assignment_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  o_judged neongraph.deadline;
  o_group text;
  o_found bool := false;
  n_judged neongraph.deadline;
  n_group text;
  n_found bool := false;
  delta neongraph.assignment_summary[];
BEGIN
  -- the task of a deleted assignment is missing when the task itself is
  -- being deleted: summary_task_delete_trg has taken its assignments out
  IF TG_OP <> 'INSERT' THEN
    SELECT coalesce(t.assigned_deadline, t.deadline), coalesce(t.working_group, '')
      INTO o_judged, o_group
      FROM neongraph.task t WHERE t.task_id = OLD.task_id;
    o_found := FOUND;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT coalesce(t.assigned_deadline, t.deadline), coalesce(t.working_group, '')
      INTO n_judged, n_group
      FROM neongraph.task t WHERE t.task_id = NEW.task_id;
    n_found := FOUND;
  END IF;
  SELECT array_agg(ROW(x.agency_code, x.group_code, x.measure, x.grain, x.day, x.lead, x.n)::neongraph.assignment_summary)
    INTO delta
    FROM (SELECT c.agency_code, c.group_code, c.measure, c.grain, c.day, c.lead, sum(c.n)::int8 AS n
            FROM (SELECT OLD.agency_code AS agency_code, o_group AS group_code, f.measure, f.grain, f.day, f.lead, -1 AS n
                    FROM neongraph.summary_contrib(o_judged, OLD.completed_on, OLD.cancelled, OLD.cancelled_on,
                                                   OLD.blocked, OLD.blocked_since, OLD.verified, OLD.verified_on) f
                   WHERE o_found
                  UNION ALL
                  SELECT NEW.agency_code, n_group, f.measure, f.grain, f.day, f.lead, 1
                    FROM neongraph.summary_contrib(n_judged, NEW.completed_on, NEW.cancelled, NEW.cancelled_on,
                                                   NEW.blocked, NEW.blocked_since, NEW.verified, NEW.verified_on) f
                   WHERE n_found) c
           GROUP BY 1, 2, 3, 4, 5, 6
          HAVING sum(c.n) <> 0) x;
  PERFORM neongraph.summary_add(delta);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION neongraph.summary_assignment_trg() IS
  'Trigger on neongraph.assignment keeping neongraph.assignment_summary: takes out what the old row counted and adds what the new row counts (one upsert). SECURITY DEFINER so that an agency completing its own assignment updates the summaries it cannot read';

-- the OLD and NEW transition variables cannot be used in one trigger for
-- INSERT and DELETE with a WHEN clause, hence three triggers; the UPDATE one
-- fires only when a counted field changes (not for progress reports)
CREATE TRIGGER summary_insert AFTER INSERT ON neongraph.assignment
  FOR EACH ROW EXECUTE FUNCTION neongraph.summary_assignment_trg();
CREATE TRIGGER summary_delete AFTER DELETE ON neongraph.assignment
  FOR EACH ROW EXECUTE FUNCTION neongraph.summary_assignment_trg();
CREATE TRIGGER summary_update AFTER UPDATE ON neongraph.assignment
  FOR EACH ROW
  WHEN (OLD.completed_on IS DISTINCT FROM NEW.completed_on
        OR OLD.cancelled IS DISTINCT FROM NEW.cancelled
        OR OLD.cancelled_on IS DISTINCT FROM NEW.cancelled_on
        OR OLD.blocked IS DISTINCT FROM NEW.blocked
        OR OLD.blocked_since IS DISTINCT FROM NEW.blocked_since
        OR OLD.verified IS DISTINCT FROM NEW.verified
        OR OLD.verified_on IS DISTINCT FROM NEW.verified_on
        OR OLD.task_id IS DISTINCT FROM NEW.task_id
        OR OLD.agency_code IS DISTINCT FROM NEW.agency_code)
  EXECUTE FUNCTION neongraph.summary_assignment_trg();
COMMENT ON TRIGGER summary_insert ON neongraph.assignment IS 'Keeps neongraph.assignment_summary: a new assignment is counted';
COMMENT ON TRIGGER summary_delete ON neongraph.assignment IS 'Keeps neongraph.assignment_summary: a deleted assignment is taken out';
COMMENT ON TRIGGER summary_update ON neongraph.assignment IS 'Keeps neongraph.assignment_summary when a counted field changes (completion, cancellation, blocking, verification, task or agency); progress reports do not fire it';

CREATE FUNCTION neongraph.summary_task_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  delta neongraph.assignment_summary[];
BEGIN
  SELECT array_agg(ROW(x.agency_code, x.group_code, x.measure, x.grain, x.day, x.lead, x.n)::neongraph.assignment_summary)
    INTO delta
    FROM (SELECT c.agency_code, c.group_code, c.measure, c.grain, c.day, c.lead, sum(c.n)::int8 AS n
            FROM (SELECT a.agency_code, coalesce(OLD.working_group, '') AS group_code, f.measure, f.grain, f.day, f.lead, -1 AS n
                    FROM neongraph.assignment a,
                         neongraph.summary_contrib(coalesce(OLD.assigned_deadline, OLD.deadline), a.completed_on,
                                                   a.cancelled, a.cancelled_on, a.blocked, a.blocked_since,
                                                   a.verified, a.verified_on) f
                   WHERE a.task_id = OLD.task_id
                  UNION ALL
                  SELECT a.agency_code, coalesce(NEW.working_group, ''), f.measure, f.grain, f.day, f.lead, 1
                    FROM neongraph.assignment a,
                         neongraph.summary_contrib(coalesce(NEW.assigned_deadline, NEW.deadline), a.completed_on,
                                                   a.cancelled, a.cancelled_on, a.blocked, a.blocked_since,
                                                   a.verified, a.verified_on) f
                   WHERE TG_OP = 'UPDATE' AND a.task_id = NEW.task_id) c
           GROUP BY 1, 2, 3, 4, 5, 6
          HAVING sum(c.n) <> 0) x;
  PERFORM neongraph.summary_add(delta);
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD END;
END
$$;
COMMENT ON FUNCTION neongraph.summary_task_trg() IS
  'Trigger on neongraph.task keeping neongraph.assignment_summary: when the judged deadline (coalesce(assigned_deadline, deadline)) or the working group changes, every assignment of the task moves; before a task is deleted its assignments are taken out (the cascade then finds the task gone and skips them)';

CREATE TRIGGER summary_update AFTER UPDATE ON neongraph.task
  FOR EACH ROW
  WHEN ((coalesce(OLD.assigned_deadline, OLD.deadline) IS NULL) IS DISTINCT FROM (coalesce(NEW.assigned_deadline, NEW.deadline) IS NULL)
        OR neongraph.due_date(coalesce(OLD.assigned_deadline, OLD.deadline))
           IS DISTINCT FROM neongraph.due_date(coalesce(NEW.assigned_deadline, NEW.deadline))
        OR OLD.working_group IS DISTINCT FROM NEW.working_group
        OR OLD.task_id IS DISTINCT FROM NEW.task_id)
  EXECUTE FUNCTION neongraph.summary_task_trg();
-- named to sort after other BEFORE DELETE triggers: it must see the delete go ahead
CREATE TRIGGER zz_summary_delete BEFORE DELETE ON neongraph.task
  FOR EACH ROW EXECUTE FUNCTION neongraph.summary_task_trg();
COMMENT ON TRIGGER summary_update ON neongraph.task IS 'Keeps neongraph.assignment_summary when the judged due date or the working group of a task changes';
COMMENT ON TRIGGER zz_summary_delete ON neongraph.task IS 'Keeps neongraph.assignment_summary: takes a deleted task''s assignments out before the cascade deletes them (named to fire after every other BEFORE DELETE trigger)';

-- Rebuild -----------------------------------------------------------------------

CREATE FUNCTION neongraph.rebuild_summaries()
  RETURNS pg_catalog.int8
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n bigint;
BEGIN
  -- writers wait until the rebuild commits; readers of the tasks do not
  LOCK TABLE neongraph.task, neongraph.assignment IN SHARE MODE;
  LOCK TABLE neongraph.assignment_summary IN EXCLUSIVE MODE;
  DELETE FROM neongraph.assignment_summary;
  INSERT INTO neongraph.assignment_summary (agency_code, group_code, measure, grain, day, lead, n)
  SELECT a.agency_code, coalesce(t.working_group, ''), f.measure, f.grain, f.day, f.lead, count(*)
    FROM neongraph.assignment a
    JOIN neongraph.task t ON t.task_id = a.task_id,
         neongraph.summary_contrib(coalesce(t.assigned_deadline, t.deadline), a.completed_on,
                                   a.cancelled, a.cancelled_on, a.blocked, a.blocked_since,
                                   a.verified, a.verified_on) f
   GROUP BY 1, 2, 3, 4, 5, 6
   -- stored by grain and day, the order the scorecards read them in (the
   -- fill factor leaves room for the triggers' updates on the same page)
   ORDER BY f.grain, f.day, 1, 2, 3, 6;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION neongraph.rebuild_summaries() IS
  'Recomputes neongraph.assignment_summary from the assignments and their tasks (after a bulk load with triggers disabled, e.g. session_replication_role = replica, or to repair it); returns the number of summary rows. Writers to tasks and assignments wait until it commits. Run it as the owner or a coordinator: it must see every assignment';

CREATE FUNCTION neongraph.summary_truncate_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM neongraph.rebuild_summaries();
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION neongraph.summary_truncate_trg() IS
  'Trigger on TRUNCATE of neongraph.assignment (also reached by TRUNCATE neongraph.task CASCADE): rebuilds the summaries';
REVOKE ALL ON FUNCTION neongraph.summary_assignment_trg(), neongraph.summary_task_trg(),
  neongraph.summary_truncate_trg() FROM PUBLIC;
CREATE TRIGGER summary_truncate AFTER TRUNCATE ON neongraph.assignment
  FOR EACH STATEMENT EXECUTE FUNCTION neongraph.summary_truncate_trg();
COMMENT ON TRIGGER summary_truncate ON neongraph.assignment IS 'Rebuilds neongraph.assignment_summary after a TRUNCATE';

-- Reading -------------------------------------------------------------------------

CREATE FUNCTION neongraph.summary_counts(as_of pg_catalog.date, due_soon_days pg_catalog.int4 DEFAULT 7)
  RETURNS TABLE (
    agency_code pg_catalog.text, group_code pg_catalog.text,
    total pg_catalog.int8, done_on_time pg_catalog.int8, done_late pg_catalog.int8, overdue pg_catalog.int8,
    due_soon pg_catalog.int8, on_track pg_catalog.int8, recurring pg_catalog.int8, no_deadline pg_catalog.int8,
    cancelled pg_catalog.int8, blocked pg_catalog.int8, verified pg_catalog.int8)
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  m_ge date;
  y_ge date;
  m_gt date;
  y_gt date;
  day_hi date;
BEGIN
  IF as_of IS NULL OR due_soon_days IS NULL THEN
    RETURN;
  END IF;
  IF due_soon_days > 31 OR NOT pg_catalog.isfinite(as_of) THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('the summaries answer for a finite date and a window of at most 31 days, not %s and %s', as_of, due_soon_days),
      DETAIL = 'neongraph.assignment_summary keeps completions up to 31 days ahead of their due date.',
      HINT = 'Use neongraph.assignment_state(as_of) for a wider window.';
  END IF;
  -- a count after a date X is the sum of the day rows from X to the end of
  -- its month, the month rows to the end of its year and the year rows
  -- after it: X = as_of (ge) for due dates, as_of + 1 (gt) for the others
  m_ge := (pg_catalog.date_trunc('month', as_of) + interval '1 month')::pg_catalog.date;
  y_ge := (pg_catalog.date_trunc('year', as_of) + interval '1 year')::pg_catalog.date;
  m_gt := (pg_catalog.date_trunc('month', as_of + 1) + interval '1 month')::pg_catalog.date;
  y_gt := (pg_catalog.date_trunc('year', as_of + 1) + interval '1 year')::pg_catalog.date;
  day_hi := greatest(m_gt, as_of + due_soon_days + 1);
  RETURN QUERY
  WITH r AS (
    SELECT x.agency_code, x.group_code, x.measure, x.grain, x.day, x.lead, x.n,
           CASE x.grain WHEN 'day' THEN x.day >= as_of AND x.day < m_ge
                        WHEN 'month' THEN x.day >= m_ge AND x.day < y_ge
                        WHEN 'year' THEN x.day >= y_ge
                        ELSE false END AS ge,
           CASE x.grain WHEN 'day' THEN x.day > as_of AND x.day < m_gt
                        WHEN 'month' THEN x.day >= m_gt AND x.day < y_gt
                        WHEN 'year' THEN x.day >= y_gt
                        ELSE false END AS gt,
           (x.grain = 'day' AND x.day >= as_of AND x.day <= as_of + due_soon_days) AS win
      FROM neongraph.assignment_summary x
     WHERE x.grain = 'total'
        OR (x.grain = 'day' AND x.day >= as_of AND x.day < day_hi)
        OR (x.grain = 'month' AND x.day >= m_ge AND x.day < y_gt)
        OR (x.grain = 'year' AND x.day >= y_ge)),
  -- per agency, group and measure first (five sums), then side by side
  q AS (
    SELECT x.agency_code, x.group_code, x.measure,
           sum(x.n) FILTER (WHERE x.grain = 'total')::int8 AS t,
           sum(x.n) FILTER (WHERE x.ge)::int8 AS ge,
           sum(x.n) FILTER (WHERE x.gt)::int8 AS gt,
           sum(x.n) FILTER (WHERE x.win)::int8 AS win,
           sum(x.n) FILTER (WHERE x.win AND x.lead >= x.day - as_of)::int8 AS lw
      FROM r x
     GROUP BY x.agency_code, x.group_code, x.measure),
  s AS (
    SELECT x.agency_code, x.group_code,
           max(x.t) FILTER (WHERE x.measure = 'due') AS due_t,
           max(x.ge) FILTER (WHERE x.measure = 'due') AS due_ge,
           max(x.win) FILTER (WHERE x.measure = 'due') AS due_win,
           max(x.t) FILTER (WHERE x.measure = 'lead') AS lead_t,
           max(x.ge) FILTER (WHERE x.measure = 'lead') AS lead_ge,
           max(x.lw) FILTER (WHERE x.measure = 'lead') AS lead_win,
           sum(x.t) FILTER (WHERE x.measure IN ('done_on_time', 'undated_done', 'recurring_done')) AS ontime_t,
           sum(x.gt) FILTER (WHERE x.measure IN ('done_on_time', 'undated_done', 'recurring_done')) AS ontime_gt,
           max(x.t) FILTER (WHERE x.measure = 'done_on_time') AS dated_ontime_t,
           max(x.gt) FILTER (WHERE x.measure = 'done_on_time') AS dated_ontime_gt,
           max(x.t) FILTER (WHERE x.measure = 'done_late') AS late_t,
           max(x.gt) FILTER (WHERE x.measure = 'done_late') AS late_gt,
           max(x.t) FILTER (WHERE x.measure = 'undated') AS und_t,
           max(x.t) FILTER (WHERE x.measure = 'undated_done') AS und_done_t,
           max(x.gt) FILTER (WHERE x.measure = 'undated_done') AS und_done_gt,
           max(x.t) FILTER (WHERE x.measure = 'recurring') AS rec_t,
           max(x.t) FILTER (WHERE x.measure = 'recurring_done') AS rec_done_t,
           max(x.gt) FILTER (WHERE x.measure = 'recurring_done') AS rec_done_gt,
           max(x.t) FILTER (WHERE x.measure = 'cancelled') AS canc_t,
           max(x.t) FILTER (WHERE x.measure = 'blocked') AS blk_t,
           max(x.gt) FILTER (WHERE x.measure = 'blocked') AS blk_gt,
           max(x.t) FILTER (WHERE x.measure = 'verified') AS ver_t,
           max(x.gt) FILTER (WHERE x.measure = 'verified') AS ver_gt
      FROM q x
     GROUP BY x.agency_code, x.group_code),
  d AS (
    SELECT s.agency_code, s.group_code,
           coalesce(s.due_t, 0) + coalesce(s.und_t, 0) + coalesce(s.rec_t, 0) + coalesce(s.canc_t, 0) AS total,
           coalesce(s.ontime_t, 0) - coalesce(s.ontime_gt, 0) AS done_on_time,
           coalesce(s.late_t, 0) - coalesce(s.late_gt, 0) AS done_late,
           (coalesce(s.due_t, 0) - coalesce(s.due_ge, 0)) - (coalesce(s.lead_t, 0) - coalesce(s.lead_ge, 0))
             - (coalesce(s.late_t, 0) - coalesce(s.late_gt, 0)) AS overdue,
           coalesce(s.due_win, 0) - coalesce(s.lead_win, 0) AS due_soon,
           coalesce(s.due_t, 0) - (coalesce(s.dated_ontime_t, 0) - coalesce(s.dated_ontime_gt, 0))
             - (coalesce(s.late_t, 0) - coalesce(s.late_gt, 0)) AS dated_open,
           coalesce(s.rec_t, 0) - (coalesce(s.rec_done_t, 0) - coalesce(s.rec_done_gt, 0)) AS recurring,
           coalesce(s.und_t, 0) - (coalesce(s.und_done_t, 0) - coalesce(s.und_done_gt, 0)) AS no_deadline,
           coalesce(s.canc_t, 0) AS cancelled,
           coalesce(s.blk_t, 0) - coalesce(s.blk_gt, 0) AS blocked,
           coalesce(s.ver_t, 0) - coalesce(s.ver_gt, 0) AS verified
      FROM s),
  -- the exceptions, read directly: cancelled after as_of (the summary counts
  -- them cancelled), and of directives issued after as_of (not there yet)
  e AS (
    SELECT a.agency_code, coalesce(t.working_group, '') AS group_code,
           CASE WHEN a.cancelled AND a.cancelled_on IS NOT NULL THEN 'cancelled'::neongraph.task_status
                ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline), a.completed_on, as_of, due_soon_days)
           END AS s_status,
           (dr.issued_on IS NULL OR dr.issued_on <= as_of) AS included,
           CASE WHEN a.cancelled AND a.cancelled_on <= as_of THEN 'cancelled'::neongraph.task_status
                ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline),
                                               CASE WHEN a.completed_on <= as_of THEN a.completed_on END,
                                               as_of, due_soon_days)
           END AS r_status,
           coalesce(a.blocked AND a.blocked_since <= as_of, false) AS blk,
           coalesce(a.verified AND a.verified_on <= as_of, false) AS ver
      FROM (SELECT c.assignment_id FROM neongraph.assignment c
             WHERE c.cancelled AND c.cancelled_on > as_of
            UNION
            SELECT c.assignment_id FROM neongraph.directive x
              JOIN neongraph.task y ON y.directive_id = x.directive_id
              JOIN neongraph.assignment c ON c.task_id = y.task_id
             WHERE x.issued_on > as_of) ids
      JOIN neongraph.assignment a ON a.assignment_id = ids.assignment_id
      JOIN neongraph.task t ON t.task_id = a.task_id
      JOIN neongraph.directive dr ON dr.directive_id = t.directive_id),
  ec AS (
    SELECT e.agency_code, e.group_code,
           -count(*) FILTER (WHERE NOT e.included) AS total,
           count(*) FILTER (WHERE e.included AND e.r_status = 'done_on_time') - count(*) FILTER (WHERE e.s_status = 'done_on_time') AS done_on_time,
           count(*) FILTER (WHERE e.included AND e.r_status = 'done_late') - count(*) FILTER (WHERE e.s_status = 'done_late') AS done_late,
           count(*) FILTER (WHERE e.included AND e.r_status = 'overdue') - count(*) FILTER (WHERE e.s_status = 'overdue') AS overdue,
           count(*) FILTER (WHERE e.included AND e.r_status = 'due_soon') - count(*) FILTER (WHERE e.s_status = 'due_soon') AS due_soon,
           count(*) FILTER (WHERE e.included AND e.r_status = 'on_track') - count(*) FILTER (WHERE e.s_status = 'on_track') AS on_track,
           count(*) FILTER (WHERE e.included AND e.r_status = 'recurring') - count(*) FILTER (WHERE e.s_status = 'recurring') AS recurring,
           count(*) FILTER (WHERE e.included AND e.r_status = 'no_deadline') - count(*) FILTER (WHERE e.s_status = 'no_deadline') AS no_deadline,
           count(*) FILTER (WHERE e.included AND e.r_status = 'cancelled') - count(*) FILTER (WHERE e.s_status = 'cancelled') AS cancelled,
           -count(*) FILTER (WHERE NOT e.included AND e.blk) AS blocked,
           -count(*) FILTER (WHERE NOT e.included AND e.ver) AS verified
      FROM e
     GROUP BY e.agency_code, e.group_code)
  SELECT coalesce(d.agency_code, ec.agency_code), coalesce(d.group_code, ec.group_code),
         (coalesce(d.total, 0) + coalesce(ec.total, 0))::int8,
         (coalesce(d.done_on_time, 0) + coalesce(ec.done_on_time, 0))::int8,
         (coalesce(d.done_late, 0) + coalesce(ec.done_late, 0))::int8,
         (coalesce(d.overdue, 0) + coalesce(ec.overdue, 0))::int8,
         (coalesce(d.due_soon, 0) + coalesce(ec.due_soon, 0))::int8,
         (coalesce(d.dated_open - d.overdue - d.due_soon, 0) + coalesce(ec.on_track, 0))::int8,
         (coalesce(d.recurring, 0) + coalesce(ec.recurring, 0))::int8,
         (coalesce(d.no_deadline, 0) + coalesce(ec.no_deadline, 0))::int8,
         (coalesce(d.cancelled, 0) + coalesce(ec.cancelled, 0))::int8,
         (coalesce(d.blocked, 0) + coalesce(ec.blocked, 0))::int8,
         (coalesce(d.verified, 0) + coalesce(ec.verified, 0))::int8
    FROM d FULL JOIN ec ON ec.agency_code = d.agency_code AND ec.group_code = d.group_code;
END
$$;
COMMENT ON FUNCTION neongraph.summary_counts(pg_catalog.date, pg_catalog.int4) IS
  'Status counts as of as_of (due_soon within due_soon_days, at most 31) of each agency''s own assignments per working group of their tasks ('''' for none), derived from neongraph.assignment_summary plus the assignments cancelled or issued after as_of, read directly; the same counts neongraph.assignment_state(as_of) gives. Raises 22023 for a window over 31 days; no rows for a NULL date';

CREATE FUNCTION neongraph.agency_scorecard_fast(as_of pg_catalog.date DEFAULT neongraph.today(),
                                                due_soon_days pg_catalog.int4 DEFAULT 7)
  RETURNS TABLE (
    agency_code pg_catalog.text, agency_name pg_catalog.text, kind pg_catalog.text, parent_code pg_catalog.text,
    own_assignments pg_catalog.int8,
    total pg_catalog.int8, done_on_time pg_catalog.int8, done_late pg_catalog.int8, overdue pg_catalog.int8,
    due_soon pg_catalog.int8, on_track pg_catalog.int8, recurring pg_catalog.int8, no_deadline pg_catalog.int8,
    cancelled pg_catalog.int8, due pg_catalog.int8,
    on_time_rate pg_catalog.numeric, completion_rate pg_catalog.numeric, overdue_rate pg_catalog.numeric,
    overdue_share pg_catalog.numeric, blocked pg_catalog.int8, verified pg_catalog.int8)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH o AS (
    SELECT c.agency_code, sum(c.total)::int8 AS total, sum(c.done_on_time)::int8 AS done_on_time,
           sum(c.done_late)::int8 AS done_late, sum(c.overdue)::int8 AS overdue, sum(c.due_soon)::int8 AS due_soon,
           sum(c.on_track)::int8 AS on_track, sum(c.recurring)::int8 AS recurring,
           sum(c.no_deadline)::int8 AS no_deadline, sum(c.cancelled)::int8 AS cancelled,
           sum(c.blocked)::int8 AS blocked, sum(c.verified)::int8 AS verified
      FROM neongraph.summary_counts($1, $2) c
     GROUP BY c.agency_code),
  -- neongraph.agency_tree restricted to the agencies counted, walked up
  -- from them (the same pairs and depths, without the closure of every agency)
  tr AS (
    WITH RECURSIVE u(ancestor_code, agency_code, depth, path) AS (
      SELECT a.code, a.code, 0, ARRAY[a.code]
        FROM neongraph.agency a
       WHERE a.code IN (SELECT o.agency_code FROM o) AND a.kind <> 'collective'
      UNION ALL
      SELECT p.code, u.agency_code, u.depth + 1, u.path || p.code
        FROM u
        JOIN neongraph.agency c ON c.code = u.ancestor_code
        JOIN neongraph.agency p ON p.code = c.parent_code
       WHERE p.kind <> 'collective' AND NOT p.code = ANY (u.path))
    SELECT u.ancestor_code, u.agency_code, u.depth FROM u),
  x AS (
    SELECT tr.ancestor_code,
           coalesce(sum(o.total) FILTER (WHERE tr.depth = 0), 0)::int8 AS own,
           sum(o.total) AS total, sum(o.done_on_time) AS done_on_time, sum(o.done_late) AS done_late,
           sum(o.overdue) AS overdue, sum(o.due_soon) AS due_soon, sum(o.on_track) AS on_track,
           sum(o.recurring) AS recurring, sum(o.no_deadline) AS no_deadline, sum(o.cancelled) AS cancelled,
           sum(o.blocked)::int8 AS blocked, sum(o.verified)::int8 AS verified
      FROM o JOIN tr ON tr.agency_code = o.agency_code
     GROUP BY tr.ancestor_code
    HAVING sum(o.total) > 0)
  SELECT g.code, g.name, g.kind, g.parent_code, x.own,
         r.total, r.done_on_time, r.done_late, r.overdue, r.due_soon, r.on_track, r.recurring, r.no_deadline,
         r.cancelled, r.due, r.on_time_rate, r.completion_rate, r.overdue_rate, r.overdue_share,
         x.blocked, x.verified
    FROM x
    JOIN neongraph.agency g ON g.code = x.ancestor_code
    CROSS JOIN LATERAL neongraph.make_rollup(x.done_on_time::int8, x.done_late::int8, x.overdue::int8,
                                             x.due_soon::int8, x.on_track::int8, x.recurring::int8,
                                             x.no_deadline::int8, x.cancelled::int8) r
   ORDER BY g.code
$$;
COMMENT ON FUNCTION neongraph.agency_scorecard_fast(pg_catalog.date, pg_catalog.int4) IS
  'The figures of neongraph.agency_scorecard(as_of) (same columns, same rows), read from neongraph.assignment_summary instead of every assignment, with a warning window of due_soon_days (at most 31; 7 as in agency_scorecard): its cost follows the number of agencies and groups (a bounded number of day, month and year rows each), plus the assignments cancelled or of directives issued after as_of, not the number of tasks. Reads the summaries, which are not under row-level security: for staff roles (an agency login gets permission denied; it uses the agency_scorecard view, which recomputes under its policies). neongraph.agency_scorecard(as_of) remains the recomputation from the assignments';

CREATE FUNCTION neongraph.working_group_scorecard_fast(as_of pg_catalog.date DEFAULT neongraph.today(),
                                                       due_soon_days pg_catalog.int4 DEFAULT 7)
  RETURNS TABLE (
    group_code pg_catalog.text, group_name pg_catalog.text, leader pg_catalog.text,
    agencies pg_catalog.int8,
    total pg_catalog.int8, done_on_time pg_catalog.int8, done_late pg_catalog.int8, overdue pg_catalog.int8,
    due_soon pg_catalog.int8, on_track pg_catalog.int8, recurring pg_catalog.int8, no_deadline pg_catalog.int8,
    cancelled pg_catalog.int8, due pg_catalog.int8,
    on_time_rate pg_catalog.numeric, completion_rate pg_catalog.numeric, overdue_rate pg_catalog.numeric,
    overdue_share pg_catalog.numeric, blocked pg_catalog.int8, verified pg_catalog.int8)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH c AS (SELECT * FROM neongraph.summary_counts($1, $2) c WHERE c.total > 0),
  -- neongraph.agency_tree restricted to the member agencies, walked down from them
  tr AS (
    WITH RECURSIVE u(ancestor_code, agency_code, path) AS (
      SELECT a.code, a.code, ARRAY[a.code]
        FROM neongraph.agency a
       WHERE a.code IN (SELECT wm.agency_code FROM neongraph.working_group_member wm) AND a.kind <> 'collective'
      UNION ALL
      SELECT u.ancestor_code, c.code, u.path || c.code
        FROM u JOIN neongraph.agency c ON c.parent_code = u.agency_code
       WHERE c.kind <> 'collective' AND NOT c.code = ANY (u.path))
    SELECT u.ancestor_code, u.agency_code FROM u),
  m AS (SELECT DISTINCT wm.group_code, tr.agency_code
          FROM neongraph.working_group_member wm
          JOIN tr ON tr.ancestor_code = wm.agency_code),
  -- a task's own working group when set, else every group with the lead
  -- agency or one of its ancestors as a member (neongraph.assignment_group)
  gc AS (
    SELECT c.group_code AS grp, c.* FROM c WHERE c.group_code <> ''
    UNION ALL
    SELECT m.group_code, c.* FROM c JOIN m ON m.agency_code = c.agency_code WHERE c.group_code = ''),
  x AS (
    SELECT gc.grp, count(DISTINCT gc.agency_code) AS agencies,
           sum(gc.done_on_time)::int8 AS done_on_time, sum(gc.done_late)::int8 AS done_late,
           sum(gc.overdue)::int8 AS overdue, sum(gc.due_soon)::int8 AS due_soon, sum(gc.on_track)::int8 AS on_track,
           sum(gc.recurring)::int8 AS recurring, sum(gc.no_deadline)::int8 AS no_deadline,
           sum(gc.cancelled)::int8 AS cancelled, sum(gc.blocked)::int8 AS blocked, sum(gc.verified)::int8 AS verified
      FROM gc GROUP BY gc.grp)
  SELECT w.code, w.name, w.leader, coalesce(x.agencies, 0),
         r.total, r.done_on_time, r.done_late, r.overdue, r.due_soon, r.on_track, r.recurring, r.no_deadline,
         r.cancelled, r.due, r.on_time_rate, r.completion_rate, r.overdue_rate, r.overdue_share,
         coalesce(x.blocked, 0), coalesce(x.verified, 0)
    FROM neongraph.working_group w
    LEFT JOIN x ON x.grp = w.code
    CROSS JOIN LATERAL neongraph.make_rollup(x.done_on_time, x.done_late, x.overdue, x.due_soon, x.on_track,
                                             x.recurring, x.no_deadline, x.cancelled) r
   ORDER BY w.code
$$;
COMMENT ON FUNCTION neongraph.working_group_scorecard_fast(pg_catalog.date, pg_catalog.int4) IS
  'The figures of neongraph.working_group_scorecard(as_of) (same columns, same rows), read from neongraph.assignment_summary instead of every assignment, with a warning window of due_soon_days (at most 31; 7 as in working_group_scorecard). For staff roles, like neongraph.agency_scorecard_fast; neongraph.working_group_scorecard(as_of) remains the recomputation';

CREATE FUNCTION neongraph.summary_check(as_of pg_catalog.date DEFAULT neongraph.today())
  RETURNS TABLE (scorecard pg_catalog.text, code pg_catalog.text, recomputed pg_catalog.text, fast pg_catalog.text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH a AS (SELECT r::pg_catalog.text AS t, r.agency_code AS k FROM neongraph.agency_scorecard($1) r),
  af AS (SELECT r::pg_catalog.text AS t, r.agency_code AS k FROM neongraph.agency_scorecard_fast($1, 7) r),
  w AS (SELECT r::pg_catalog.text AS t, r.group_code AS k FROM neongraph.working_group_scorecard($1) r),
  wf AS (SELECT r::pg_catalog.text AS t, r.group_code AS k FROM neongraph.working_group_scorecard_fast($1, 7) r)
  SELECT 'agency', coalesce(a.k, af.k), a.t, af.t
    FROM a FULL JOIN af ON af.k = a.k WHERE a.t IS DISTINCT FROM af.t
  UNION ALL
  SELECT 'working_group', coalesce(w.k, wf.k), w.t, wf.t
    FROM w FULL JOIN wf ON wf.k = w.k WHERE w.t IS DISTINCT FROM wf.t
  ORDER BY 1, 2
$$;
COMMENT ON FUNCTION neongraph.summary_check(pg_catalog.date) IS
  'The rows where the fast scorecards (from the summaries) and the recomputed ones (from every assignment) differ as of a date, as text; no row when they agree. If a difference shows, SELECT neongraph.rebuild_summaries() repairs the summaries';
