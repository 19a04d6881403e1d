-- Dashboard summaries, second layout: the status counts as of ANY date from a
-- bounded number of summary rows, without reading a single assignment.
-- Replaces the summaries of 1.1 (59_summary.sql): its table, triggers and
-- internal functions are dropped here and made anew; the public functions
-- keep their names, arguments and result columns.
--
-- Design.  As a function of the date A, the status of an assignment is
-- piecewise constant, so every count is a sum of steps: +1 from one date on,
-- -1 from a later one.  For an assignment, with
--   I  = its directive's issued_on (-infinity when NULL): as of A < I it does
--        not exist yet (neongraph.assignment_state leaves it out);
--   D  = neongraph.due_date(coalesce(task.assigned_deadline, task.deadline));
--        the class is undated (no judged deadline), recurring (a deadline
--        without due date) or dated;
--   C  = completed_on (+infinity when NULL); X = cancelled_on when cancelled
--        and cancelled_on is not NULL, else +infinity (cancelled without a
--        date is never cancelled as of any date, as in assignment_state);
-- every event date is clamped to at least I (C' = max(C, I), X' = max(X, I),
-- B' = max(blocked_since, I) when blocked, V' = max(verified_on, I) when
-- verified), which is exact: before I nothing counts, from I on
-- [E <= A] = [max(E, I) <= A].  E = min(C', X') ends the open phase.  As of
-- A >= I the status is cancelled when X' <= A; else done_on_time or
-- done_late when C' <= A (on time when C <= D; an undated or recurring
-- completion is on time); else, open: overdue when D < A, due_soon when
-- D - A <= W (the warning window), else on_track (dated), recurring,
-- no_deadline -- the rule of neongraph.deadline_status.  The measures, as
-- intervals [start, end) of A, each +1 at its start and -1 at its end (an
-- event at +infinity is left out, one at -infinity counts in the total only):
--   total                         +1 at I
--   open_dated, recurring,        +1 at I, -1 at E        (when I < E)
--     no_deadline (by class)
--   overdue (dated)               +1 at max(I, D + 1), -1 at E (when before E)
--   done_on_time or done_late     +1 at C', -1 at X'      (when C' < X')
--   cancelled                     +1 at X'
--   blocked, verified             +1 at B', +1 at V'
-- and the count of a measure as of A is the sum of its events dated <= A,
-- that is the total over all dates minus the events dated after A.  Due
-- soon: an assignment due on D = A + j (0 <= j <= W) is due soon as of A
-- when it is open then, I <= D - j < E, i.e. lo <= j <= hi with
-- lo = max(0, D - E + 1) and hi = D - I; neongraph.assignment_summary_soon
-- keeps, by due day D and lead k, +1 at k = lo (when lo <= 31 and lo <= hi)
-- and -1 at k = hi + 1 (when hi + 1 <= 31), so that
--   due_soon(A, W) = sum over j = 0..W of sum over k <= j of soon(A + j, k)
-- and on_track = open_dated - overdue - due_soon.  Every status is counted
-- once: total = done_on_time + done_late + overdue + due_soon + on_track +
-- recurring + no_deadline + cancelled for every A (the summary test checks
-- it day by day).
--
-- Storage.  neongraph.assignment_summary has one row per grain, day, agency
-- and working group, an int4 column per measure (counts of one agency and
-- group; sums of int4 accumulate in int8, sums of int8 in numeric, which
-- doubled the time of a read): each event dated d adds to the row of its
-- day (grain 'day'), of its month ('month', the first of the month), of its
-- year ('year', 1 January) and to the total ('total', day -infinity); an
-- event at -infinity to the total only.  The events after A are the year
-- rows after A's year, the month rows after A's month to the end of its
-- year (or A's year row less its month rows up to A's month) and the day
-- rows after A to the end of its month (or A's month row less its day rows
-- up to A), each read from the side with fewer rows, so that a scorecard as
-- of any date reads per agency and group one total row, at most 16 day rows,
-- 7 month or year rows of A's year and one row per later year, plus the
-- soon rows of the W + 1 days from A: a number that does not grow with the
-- number of assignments.  The primary key (grain, day, agency_code,
-- group_code) serves both the upserts and those range reads.  No read
-- touches the assignments, tasks or directives (the summary test proves it).
--
-- The hierarchy and the working groups are applied when reading
-- (neongraph.agency_scorecard_fast, neongraph.working_group_scorecard_fast),
-- as in 1.1, so moving an agency or changing a group's members needs no
-- maintenance.
--
-- Maintenance: row triggers on neongraph.assignment (INSERT, DELETE and the
-- UPDATEs of a counted field), on neongraph.task (a change of the judged due
-- date or class, of the working group or of the directive moves every
-- assignment of the task; BEFORE DELETE takes them out ahead of the cascade),
-- on neongraph.directive (a change of issued_on moves every assignment of its
-- tasks; BEFORE DELETE takes them out: a directive with tasks cannot be
-- deleted (task.directive_id has no ON DELETE action), unless the same
-- statement deletes its tasks, whose triggers then find the directive gone)
-- and TRUNCATE of neongraph.assignment (rebuild).  Each change is computed by
-- neongraph.summary_apply: the events of the old rows taken out, those of the
-- new rows added, netted per key, then one upsert per table
-- (INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n, row-locking, so
-- no increment is lost) with rows in key order (so writers lock shared rows
-- in one order: no deadlock between them), then the rows whose columns all
-- fell to 0 are deleted, so the rows kept incrementally are exactly those
-- neongraph.rebuild_summaries() writes.
--
-- Concurrency between the rare writers (a task's deadline, group or
-- directive; a directive's date of issue) and the frequent ones (an
-- assignment's completion, cancellation, ...): the task and directive
-- triggers lock the task rows FOR UPDATE (which waits for assignments being
-- inserted: their foreign key check holds FOR KEY SHARE on the task) and the
-- assignments FOR SHARE (which waits for assignments being updated) before
-- they read them, and the assignment triggers read the task and directive
-- after their own row lock: under READ COMMITTED each side sees the other's
-- committed change, whichever comes first.  (The history chain's lock,
-- 80_security.sql, taken by the history triggers that fire before these,
-- serializes such writers already, and raises 40001 under REPEATABLE READ;
-- these locks keep the summaries right without it.)
--
-- Dump and restore: the summaries are derived data, not dumped; restoring
-- directives, then tasks, then assignments fires the triggers and rebuilds
-- them; SELECT neongraph.rebuild_summaries() after a load made with triggers
-- disabled (session_replication_role = replica).

-- What 1.1 had ------------------------------------------------------------------

DROP TRIGGER summary_insert ON neongraph.assignment;
DROP TRIGGER summary_delete ON neongraph.assignment;
DROP TRIGGER summary_update ON neongraph.assignment;
DROP TRIGGER summary_truncate ON neongraph.assignment;
DROP TRIGGER summary_update ON neongraph.task;
DROP TRIGGER zz_summary_delete ON neongraph.task;
DROP FUNCTION neongraph.summary_assignment_trg();
DROP FUNCTION neongraph.summary_task_trg();
DROP FUNCTION neongraph.summary_truncate_trg();
DROP FUNCTION neongraph.summary_add(neongraph.assignment_summary[]);
DROP FUNCTION neongraph.summary_contrib(neongraph.deadline, pg_catalog.date, pg_catalog.bool, pg_catalog.date,
                                        pg_catalog.bool, pg_catalog.date, pg_catalog.bool, pg_catalog.date);
-- the 1.1 reads took assignments cancelled or issued after the date from these
DROP INDEX neongraph.assignment_cancelled_on_idx;
DROP INDEX neongraph.directive_issued_on_idx;
DROP TABLE neongraph.assignment_summary;

-- The summary tables ---------------------------------------------------------------

CREATE TABLE neongraph.assignment_summary (
  grain          pg_catalog.text NOT NULL CHECK (grain IN ('day', 'month', 'year', 'total')),
  day            pg_catalog.date NOT NULL,
  agency_code    pg_catalog.text NOT NULL,
  group_code     pg_catalog.text NOT NULL,
  n_total        pg_catalog.int4 NOT NULL DEFAULT 0,
  n_done_on_time pg_catalog.int4 NOT NULL DEFAULT 0,
  n_done_late    pg_catalog.int4 NOT NULL DEFAULT 0,
  n_overdue      pg_catalog.int4 NOT NULL DEFAULT 0,
  n_open_dated   pg_catalog.int4 NOT NULL DEFAULT 0,
  n_recurring    pg_catalog.int4 NOT NULL DEFAULT 0,
  n_no_deadline  pg_catalog.int4 NOT NULL DEFAULT 0,
  n_cancelled    pg_catalog.int4 NOT NULL DEFAULT 0,
  n_blocked      pg_catalog.int4 NOT NULL DEFAULT 0,
  n_verified     pg_catalog.int4 NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, day, agency_code, group_code),
  CHECK ((grain OPERATOR(pg_catalog.=) 'total') OPERATOR(pg_catalog.=) (day OPERATOR(pg_catalog.=) '-infinity'::pg_catalog.date)),
  CHECK (grain OPERATOR(pg_catalog.<>) 'month'
         OR day OPERATOR(pg_catalog.=) pg_catalog.date_trunc('month', day::pg_catalog.timestamp)::pg_catalog.date),
  CHECK (grain OPERATOR(pg_catalog.<>) 'year'
         OR day OPERATOR(pg_catalog.=) pg_catalog.date_trunc('year', day::pg_catalog.timestamp)::pg_catalog.date)
) WITH (fillfactor = 80);
COMMENT ON TABLE neongraph.assignment_summary IS
  'Derived counts kept by triggers: per grain, day, agency and working group, the sum of the +1/-1 steps of each measure dated that day (month, year, or over all dates), from which the status counts as of any date follow (see neongraph.summary_counts); no row has every column 0; not dumped: neongraph.rebuild_summaries() recomputes it';
COMMENT ON COLUMN neongraph.assignment_summary.grain IS
  'day: the steps dated that day; month: dated in that month (day = its first day); year: in that year (day = 1 January); total: at any date, -infinity included (day = -infinity)';
COMMENT ON COLUMN neongraph.assignment_summary.day IS 'The day, first day of the month or of the year the steps are dated in (see grain); -infinity for the total';
COMMENT ON COLUMN neongraph.assignment_summary.agency_code IS 'The assignment''s lead agency (its own assignments only; the hierarchy is applied when reading)';
COMMENT ON COLUMN neongraph.assignment_summary.group_code IS 'The task''s working group (neongraph.task.working_group), '''' when the task has none';
COMMENT ON COLUMN neongraph.assignment_summary.n_total IS 'Assignments that come to exist: +1 at the directive''s date of issue (-infinity when it has none)';
COMMENT ON COLUMN neongraph.assignment_summary.n_done_on_time IS 'Done on time (completed by the due date, or undated or recurring and completed): +1 at the completion, -1 at a later cancellation; dates clamped to the date of issue';
COMMENT ON COLUMN neongraph.assignment_summary.n_done_late IS 'Done late (completed after the due date): +1 at the completion, -1 at a later cancellation; dates clamped to the date of issue';
COMMENT ON COLUMN neongraph.assignment_summary.n_overdue IS 'Open past the due date: +1 on the day after the due date (or at the date of issue, when later), -1 at the end of the open phase (completion or cancellation)';
COMMENT ON COLUMN neongraph.assignment_summary.n_open_dated IS 'Open with a dated deadline (overdue, due soon or on track): +1 at the date of issue, -1 at the completion or cancellation';
COMMENT ON COLUMN neongraph.assignment_summary.n_recurring IS 'Open with a recurring deadline: +1 at the date of issue, -1 at the completion or cancellation';
COMMENT ON COLUMN neongraph.assignment_summary.n_no_deadline IS 'Open without a deadline: +1 at the date of issue, -1 at the completion or cancellation';
COMMENT ON COLUMN neongraph.assignment_summary.n_cancelled IS 'Cancelled: +1 at cancelled_on (clamped to the date of issue); never for a cancellation without a date';
COMMENT ON COLUMN neongraph.assignment_summary.n_blocked IS 'Blocked: +1 at blocked_since (clamped to the date of issue)';
COMMENT ON COLUMN neongraph.assignment_summary.n_verified IS 'Verified: +1 at verified_on (clamped to the date of issue)';

CREATE TABLE neongraph.assignment_summary_soon (
  day         pg_catalog.date NOT NULL CHECK (pg_catalog.isfinite(day)),
  agency_code pg_catalog.text NOT NULL,
  group_code  pg_catalog.text NOT NULL,
  lead        pg_catalog.int2 NOT NULL CHECK (lead BETWEEN 0 AND 31),
  n           pg_catalog.int4 NOT NULL,
  PRIMARY KEY (day, agency_code, group_code, lead)
) WITH (fillfactor = 80);
COMMENT ON TABLE neongraph.assignment_summary_soon IS
  'Derived counts kept by triggers for the due-soon status: an open dated assignment due on day D is due soon as of D - j for the leads j from lo to hi (lo = max(0, D - end of its open phase + 1), hi = D - date of issue); it adds +1 at lead lo and -1 at lead hi + 1 (each when at most 31), so that due_soon(A, W) = the sum over the days D from A to A + W of the rows with lead <= D - A. No row has n = 0; not dumped: neongraph.rebuild_summaries() recomputes it';
COMMENT ON COLUMN neongraph.assignment_summary_soon.day IS 'The due date D of the assignments counted';
COMMENT ON COLUMN neongraph.assignment_summary_soon.agency_code IS 'The assignment''s lead agency';
COMMENT ON COLUMN neongraph.assignment_summary_soon.group_code IS 'The task''s working group, '''' when the task has none';
COMMENT ON COLUMN neongraph.assignment_summary_soon.lead IS 'Days before D (0..31) from which on the step applies';
COMMENT ON COLUMN neongraph.assignment_summary_soon.n IS 'The sum of the steps (+1 where being due soon starts, -1 where it stops), never 0';

-- as 80_security.sql gives every table of the extension
REVOKE ALL ON neongraph.assignment_summary, neongraph.assignment_summary_soon FROM PUBLIC;
GRANT SELECT ON neongraph.assignment_summary, neongraph.assignment_summary_soon
  TO neongraph_coordinator, neongraph_analyst;
GRANT INSERT, UPDATE, DELETE ON neongraph.assignment_summary, neongraph.assignment_summary_soon
  TO neongraph_coordinator;

-- What one assignment contributes ---------------------------------------------

CREATE FUNCTION neongraph.summary_events(issued_on pg_catalog.date, judged neongraph.deadline,
                                         completed_on pg_catalog.date,
                                         cancelled pg_catalog.bool, cancelled_on pg_catalog.date,
                                         blocked pg_catalog.bool, blocked_since pg_catalog.date,
                                         verified pg_catalog.bool, verified_on pg_catalog.date)
  RETURNS TABLE (day pg_catalog.date, lead pg_catalog.int2,
                 n_total pg_catalog.int4, n_done_on_time pg_catalog.int4, n_done_late pg_catalog.int4,
                 n_overdue pg_catalog.int4, n_open_dated pg_catalog.int4, n_recurring pg_catalog.int4,
                 n_no_deadline pg_catalog.int4, n_cancelled pg_catalog.int4, n_blocked pg_catalog.int4,
                 n_verified pg_catalog.int4, n_soon pg_catalog.int4)
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  -- about 3 rows an assignment (the planner's default, 1000, sizes the
  -- triggers' hash tables for thousands of rows)
  ROWS 4
  -- plain arithmetic, no query: it runs once per assignment in a rebuild
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  i date := coalesce(issued_on, '-infinity'::date);
  due date;
  cls int;              -- 0 dated, 1 recurring, 2 undated
  c date;               -- completion, clamped
  x date;               -- cancellation, clamped
  e date;               -- end of the open phase
  o date;               -- start of overdue
  lo int;
  hi int;
  done_on_time bool;
BEGIN
  IF i = 'infinity'::date THEN
    RETURN;             -- never issued as of any date
  END IF;
  IF judged IS NULL THEN
    cls := 2;
  ELSE
    due := neongraph.due_date(judged);
    cls := CASE WHEN due IS NULL THEN 1 ELSE 0 END;
  END IF;
  c := greatest(coalesce(completed_on, 'infinity'::date), i);
  x := CASE WHEN cancelled AND cancelled_on IS NOT NULL THEN greatest(cancelled_on, i) ELSE 'infinity'::date END;
  e := least(c, x);
  done_on_time := cls <> 0 OR completed_on <= due;

  -- from I on: it exists, open until E
  day := i; lead := NULL;
  n_total := 1; n_done_on_time := 0; n_done_late := 0; n_overdue := 0;
  n_open_dated := 0; n_recurring := 0; n_no_deadline := 0; n_cancelled := 0;
  n_blocked := 0; n_verified := 0; n_soon := 0;
  IF i < e THEN
    CASE cls WHEN 0 THEN n_open_dated := 1; WHEN 1 THEN n_recurring := 1; ELSE n_no_deadline := 1; END CASE;
  END IF;
  RETURN NEXT;
  n_total := 0; n_open_dated := 0; n_recurring := 0; n_no_deadline := 0;

  -- overdue from the day after the due date (not before I) until E
  IF cls = 0 AND i < e THEN
    o := greatest(i, due + 1);
    IF o < e THEN
      day := o; n_overdue := 1;
      RETURN NEXT;
      n_overdue := 0;
    END IF;
  END IF;

  -- at E the open phase ends: done from C' (when before X'), or cancelled at X'
  IF e <> 'infinity'::date THEN
    day := e;
    IF i < e THEN
      CASE cls WHEN 0 THEN n_open_dated := -1; WHEN 1 THEN n_recurring := -1; ELSE n_no_deadline := -1; END CASE;
      IF cls = 0 AND o < e THEN
        n_overdue := -1;
      END IF;
    END IF;
    IF c < x THEN
      IF done_on_time THEN n_done_on_time := 1; ELSE n_done_late := 1; END IF;
    ELSE
      n_cancelled := 1;
    END IF;
    RETURN NEXT;
    n_open_dated := 0; n_recurring := 0; n_no_deadline := 0; n_overdue := 0;
    n_done_on_time := 0; n_done_late := 0; n_cancelled := 0;
    -- done, then cancelled at X'
    IF c < x AND x <> 'infinity'::date THEN
      day := x; n_cancelled := 1;
      IF done_on_time THEN n_done_on_time := -1; ELSE n_done_late := -1; END IF;
      RETURN NEXT;
      n_cancelled := 0; n_done_on_time := 0; n_done_late := 0;
    END IF;
  END IF;

  IF blocked AND blocked_since IS NOT NULL AND greatest(blocked_since, i) <> 'infinity'::date THEN
    day := greatest(blocked_since, i); n_blocked := 1;
    RETURN NEXT;
    n_blocked := 0;
  END IF;
  IF verified AND verified_on IS NOT NULL AND greatest(verified_on, i) <> 'infinity'::date THEN
    day := greatest(verified_on, i); n_verified := 1;
    RETURN NEXT;
    n_verified := 0;
  END IF;

  -- due soon as of D - j for lo <= j <= hi: steps at leads lo and hi + 1
  IF cls = 0 AND i < e THEN
    IF e = 'infinity'::date THEN
      lo := 0;
    ELSIF e <= due - 31 THEN
      lo := 32;
    ELSE
      lo := greatest(0, due - e + 1);
    END IF;
    IF i = '-infinity'::date OR i <= due - 32 THEN
      hi := 32;
    ELSE
      hi := due - i;
    END IF;
    IF lo <= 31 AND lo <= hi THEN
      day := due; lead := lo; n_soon := 1;
      RETURN NEXT;
      IF hi + 1 <= 31 THEN
        lead := hi + 1; n_soon := -1;
        RETURN NEXT;
      END IF;
    END IF;
  END IF;
END
$$;
COMMENT ON FUNCTION neongraph.summary_events(pg_catalog.date, neongraph.deadline, pg_catalog.date, pg_catalog.bool, pg_catalog.date, pg_catalog.bool, pg_catalog.date, pg_catalog.bool, pg_catalog.date) IS
  'The steps one assignment contributes to the summaries, given its directive''s issued_on, its judged deadline (coalesce(assigned_deadline, deadline)), completion, cancellation, blocking and verification: rows with lead NULL are steps of the measures of neongraph.assignment_summary at their date (-infinity: the total only), rows with a lead are steps of neongraph.assignment_summary_soon (day = the due date); see sql/install/1.2/10_summary.sql for the rules';

CREATE TYPE neongraph.summary_source AS (
  sign          pg_catalog.int4,
  agency_code   pg_catalog.text,
  group_code    pg_catalog.text,
  issued_on     pg_catalog.date,
  judged        neongraph.deadline,
  completed_on  pg_catalog.date,
  cancelled     pg_catalog.bool,
  cancelled_on  pg_catalog.date,
  blocked       pg_catalog.bool,
  blocked_since pg_catalog.date,
  verified      pg_catalog.bool,
  verified_on   pg_catalog.date
);
COMMENT ON TYPE neongraph.summary_source IS
  'One assignment as the summaries count it, with a sign: -1 takes its old state out, +1 adds its new state (input of neongraph.summary_apply)';
COMMENT ON COLUMN neongraph.summary_source.sign IS '-1: take out; +1: add';
COMMENT ON COLUMN neongraph.summary_source.agency_code IS 'The lead agency';
COMMENT ON COLUMN neongraph.summary_source.group_code IS 'The task''s working group, '''' for none';
COMMENT ON COLUMN neongraph.summary_source.issued_on IS 'The directive''s date of issue (NULL: exists as of any date)';
COMMENT ON COLUMN neongraph.summary_source.judged IS 'The deadline judged against: coalesce(task.assigned_deadline, task.deadline)';
COMMENT ON COLUMN neongraph.summary_source.completed_on IS 'neongraph.assignment.completed_on';
COMMENT ON COLUMN neongraph.summary_source.cancelled IS 'neongraph.assignment.cancelled';
COMMENT ON COLUMN neongraph.summary_source.cancelled_on IS 'neongraph.assignment.cancelled_on';
COMMENT ON COLUMN neongraph.summary_source.blocked IS 'neongraph.assignment.blocked';
COMMENT ON COLUMN neongraph.summary_source.blocked_since IS 'neongraph.assignment.blocked_since';
COMMENT ON COLUMN neongraph.summary_source.verified IS 'neongraph.assignment.verified';
COMMENT ON COLUMN neongraph.summary_source.verified_on IS 'neongraph.assignment.verified_on';

CREATE FUNCTION neongraph.summary_apply(src neongraph.summary_source[])
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  -- the plans do not depend on the sources (no table is read but through
  -- the upserts' keys); left to choose, the plan cache plans the queries
  -- again on every call, which doubled the cost of a completion
  SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
  d neongraph.assignment_summary[];
  s neongraph.assignment_summary_soon[];
  zd neongraph.assignment_summary[];
  zs neongraph.assignment_summary_soon[];
BEGIN
  IF src IS NULL OR cardinality(src) = 0 THEN
    RETURN;
  END IF;
  -- the steps of every source row, signed, netted per key (rows netting to 0 dropped)
  WITH ev AS (
    SELECT x.sign, x.agency_code, x.group_code, e.*
      FROM unnest(src) x,
           LATERAL neongraph.summary_events(x.issued_on, x.judged, x.completed_on, x.cancelled, x.cancelled_on,
                                            x.blocked, x.blocked_since, x.verified, x.verified_on) e),
  g AS (
    SELECT g.grain, g.day, ev.agency_code, ev.group_code,
           sum(ev.sign * ev.n_total)::int4 AS n_total, sum(ev.sign * ev.n_done_on_time)::int4 AS n_done_on_time,
           sum(ev.sign * ev.n_done_late)::int4 AS n_done_late, sum(ev.sign * ev.n_overdue)::int4 AS n_overdue,
           sum(ev.sign * ev.n_open_dated)::int4 AS n_open_dated, sum(ev.sign * ev.n_recurring)::int4 AS n_recurring,
           sum(ev.sign * ev.n_no_deadline)::int4 AS n_no_deadline, sum(ev.sign * ev.n_cancelled)::int4 AS n_cancelled,
           sum(ev.sign * ev.n_blocked)::int4 AS n_blocked, sum(ev.sign * ev.n_verified)::int4 AS n_verified
      FROM ev,
           LATERAL (VALUES ('day'::text, ev.day),
                           ('month', date_trunc('month', ev.day::timestamp)::date),
                           ('year', date_trunc('year', ev.day::timestamp)::date),
                           ('total', '-infinity'::date)) g(grain, day)
     WHERE ev.lead IS NULL AND (g.grain = 'total' OR ev.day <> '-infinity'::date)
     GROUP BY 1, 2, 3, 4)
  SELECT (SELECT array_agg(ROW(g.*)::neongraph.assignment_summary ORDER BY g.grain, g.day, g.agency_code, g.group_code)
            FROM g
           WHERE (g.n_total, g.n_done_on_time, g.n_done_late, g.n_overdue, g.n_open_dated, g.n_recurring,
                  g.n_no_deadline, g.n_cancelled, g.n_blocked, g.n_verified) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
         (SELECT array_agg(ROW(q.day, q.agency_code, q.group_code, q.lead, q.n)::neongraph.assignment_summary_soon
                           ORDER BY q.day, q.agency_code, q.group_code, q.lead)
            FROM (SELECT ev.day, ev.agency_code, ev.group_code, ev.lead, sum(ev.sign * ev.n_soon)::int4 AS n
                    FROM ev WHERE ev.lead IS NOT NULL
                   GROUP BY 1, 2, 3, 4) q
           WHERE q.n <> 0)
    INTO d, s;

  -- one upsert per table, rows in key order; then the rows that fell to 0 go
  IF d IS NOT NULL THEN
    WITH up AS (
      INSERT INTO neongraph.assignment_summary AS t
      SELECT * FROM unnest(d) u ORDER BY u.grain, u.day, u.agency_code, u.group_code
      ON CONFLICT (grain, day, agency_code, group_code) DO UPDATE
        SET n_total = t.n_total + excluded.n_total, n_done_on_time = t.n_done_on_time + excluded.n_done_on_time,
            n_done_late = t.n_done_late + excluded.n_done_late, n_overdue = t.n_overdue + excluded.n_overdue,
            n_open_dated = t.n_open_dated + excluded.n_open_dated, n_recurring = t.n_recurring + excluded.n_recurring,
            n_no_deadline = t.n_no_deadline + excluded.n_no_deadline, n_cancelled = t.n_cancelled + excluded.n_cancelled,
            n_blocked = t.n_blocked + excluded.n_blocked, n_verified = t.n_verified + excluded.n_verified
      RETURNING t.*)
    SELECT array_agg(up ORDER BY up.grain, up.day, up.agency_code, up.group_code) INTO zd
      FROM up
     WHERE (up.n_total, up.n_done_on_time, up.n_done_late, up.n_overdue, up.n_open_dated, up.n_recurring,
            up.n_no_deadline, up.n_cancelled, up.n_blocked, up.n_verified) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    IF zd IS NOT NULL THEN
      DELETE FROM neongraph.assignment_summary t
       USING unnest(zd) z
       WHERE t.grain = z.grain AND t.day = z.day AND t.agency_code = z.agency_code AND t.group_code = z.group_code
         AND (t.n_total, t.n_done_on_time, t.n_done_late, t.n_overdue, t.n_open_dated, t.n_recurring,
              t.n_no_deadline, t.n_cancelled, t.n_blocked, t.n_verified) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    END IF;
  END IF;
  IF s IS NOT NULL THEN
    WITH up AS (
      INSERT INTO neongraph.assignment_summary_soon AS t
      SELECT * FROM unnest(s) u ORDER BY u.day, u.agency_code, u.group_code, u.lead
      ON CONFLICT (day, agency_code, group_code, lead) DO UPDATE SET n = t.n + excluded.n
      RETURNING t.*)
    SELECT array_agg(up ORDER BY up.day, up.agency_code, up.group_code, up.lead) INTO zs
      FROM up WHERE up.n = 0;
    IF zs IS NOT NULL THEN
      DELETE FROM neongraph.assignment_summary_soon t
       USING unnest(zs) z
       WHERE t.day = z.day AND t.agency_code = z.agency_code AND t.group_code = z.group_code
         AND t.lead = z.lead AND t.n = 0;
    END IF;
  END IF;
END
$$;
COMMENT ON FUNCTION neongraph.summary_apply(neongraph.summary_source[]) IS
  'Applies to the summaries the steps (neongraph.summary_events) of the given assignments, each taken out (sign -1) or added (+1), netted per key: one upsert per summary table with rows in key order (no lost increment, no lock-order deadlock between writers), then deletes the rows that fell to 0; used by the summary triggers';
REVOKE ALL ON FUNCTION neongraph.summary_apply(neongraph.summary_source[]) FROM PUBLIC;

-- Triggers ----------------------------------------------------------------------

CREATE FUNCTION neongraph.summary_assignment_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  src neongraph.summary_source[];
  grp text;
  issued date;
  judged neongraph.deadline;
BEGIN
  -- a task or directive being deleted in this statement has taken its
  -- assignments out already (their triggers): not found, skipped
  IF TG_OP = 'UPDATE' AND OLD.task_id = NEW.task_id THEN
    -- the common case (a completion, a cancellation, ...): one task
    SELECT coalesce(t.working_group, ''), d.issued_on, coalesce(t.assigned_deadline, t.deadline)
      INTO grp, issued, judged
      FROM neongraph.task t JOIN neongraph.directive d ON d.directive_id = t.directive_id
     WHERE t.task_id = NEW.task_id;
    IF NOT FOUND THEN
      RETURN NULL;
    END IF;
    src := ARRAY[ROW(-1, OLD.agency_code, grp, issued, judged, OLD.completed_on, OLD.cancelled, OLD.cancelled_on,
                     OLD.blocked, OLD.blocked_since, OLD.verified, OLD.verified_on)::neongraph.summary_source,
                 ROW(1, NEW.agency_code, grp, issued, judged, NEW.completed_on, NEW.cancelled, NEW.cancelled_on,
                     NEW.blocked, NEW.blocked_since, NEW.verified, NEW.verified_on)::neongraph.summary_source];
  ELSE
    -- the old row as counted (its task and directive), the new row as it
    -- counts now
    SELECT array_agg(x) INTO src FROM (
      SELECT ROW(-1, OLD.agency_code, coalesce(t.working_group, ''), d.issued_on,
                 coalesce(t.assigned_deadline, t.deadline), OLD.completed_on, OLD.cancelled, OLD.cancelled_on,
                 OLD.blocked, OLD.blocked_since, OLD.verified, OLD.verified_on)::neongraph.summary_source AS x
        FROM neongraph.task t JOIN neongraph.directive d ON d.directive_id = t.directive_id
       WHERE TG_OP <> 'INSERT' AND t.task_id = OLD.task_id
      UNION ALL
      SELECT ROW(1, NEW.agency_code, coalesce(t.working_group, ''), d.issued_on,
                 coalesce(t.assigned_deadline, t.deadline), NEW.completed_on, NEW.cancelled, NEW.cancelled_on,
                 NEW.blocked, NEW.blocked_since, NEW.verified, NEW.verified_on)::neongraph.summary_source
        FROM neongraph.task t JOIN neongraph.directive d ON d.directive_id = t.directive_id
       WHERE TG_OP <> 'DELETE' AND t.task_id = NEW.task_id) s;
  END IF;
  PERFORM neongraph.summary_apply(src);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION neongraph.summary_assignment_trg() IS
  'Trigger on neongraph.assignment keeping the summaries: takes out the steps of the old row and adds those of the new row (neongraph.summary_apply). SECURITY DEFINER so that an agency completing its own assignment updates the summaries it cannot read';

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
COMMENT ON TRIGGER summary_insert ON neongraph.assignment IS 'Keeps the summaries: a new assignment is counted';
COMMENT ON TRIGGER summary_delete ON neongraph.assignment IS 'Keeps the summaries: a deleted assignment is taken out';
COMMENT ON TRIGGER summary_update ON neongraph.assignment IS 'Keeps the summaries when a counted field changes (completion, cancellation, blocking, verification, task or agency); progress reports do not fire it';

CREATE FUNCTION neongraph.summary_task_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  src neongraph.summary_source[];
BEGIN
  -- wait for the writers of this task's assignments, and keep new ones out
  -- until commit (see Concurrency above); a deleted row is locked already
  IF TG_OP = 'UPDATE' THEN
    PERFORM 1 FROM neongraph.task t WHERE t.task_id = NEW.task_id FOR UPDATE;
  END IF;
  PERFORM 1 FROM neongraph.assignment a WHERE a.task_id = OLD.task_id ORDER BY a.assignment_id FOR SHARE;
  SELECT array_agg(x) INTO src FROM (
    SELECT ROW(-1, a.agency_code, coalesce(OLD.working_group, ''), d.issued_on,
               coalesce(OLD.assigned_deadline, OLD.deadline), a.completed_on, a.cancelled, a.cancelled_on,
               a.blocked, a.blocked_since, a.verified, a.verified_on)::neongraph.summary_source AS x
      FROM neongraph.assignment a, neongraph.directive d
     WHERE a.task_id = OLD.task_id AND d.directive_id = OLD.directive_id
    UNION ALL
    SELECT ROW(1, a.agency_code, coalesce(NEW.working_group, ''), d.issued_on,
               coalesce(NEW.assigned_deadline, NEW.deadline), a.completed_on, a.cancelled, a.cancelled_on,
               a.blocked, a.blocked_since, a.verified, a.verified_on)::neongraph.summary_source
      FROM neongraph.assignment a, neongraph.directive d
     WHERE TG_OP = 'UPDATE' AND a.task_id = NEW.task_id AND d.directive_id = NEW.directive_id) s;
  PERFORM neongraph.summary_apply(src);
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD END;
END
$$;
COMMENT ON FUNCTION neongraph.summary_task_trg() IS
  'Trigger on neongraph.task keeping the summaries: when the judged due date or class (coalesce(assigned_deadline, deadline)), the working group or the directive changes, every assignment of the task moves; before a task is deleted its assignments are taken out (the cascade then finds the task gone and skips them). Locks the task and its assignments first, so that concurrent assignment writers are seen';

CREATE TRIGGER summary_update AFTER UPDATE ON neongraph.task
  FOR EACH ROW
  WHEN ((coalesce(OLD.assigned_deadline, OLD.deadline) IS NULL) IS DISTINCT FROM (coalesce(NEW.assigned_deadline, NEW.deadline) IS NULL)
        OR neongraph.due_date(coalesce(OLD.assigned_deadline, OLD.deadline))
           IS DISTINCT FROM neongraph.due_date(coalesce(NEW.assigned_deadline, NEW.deadline))
        OR OLD.working_group IS DISTINCT FROM NEW.working_group
        OR OLD.directive_id IS DISTINCT FROM NEW.directive_id
        OR OLD.task_id IS DISTINCT FROM NEW.task_id)
  EXECUTE FUNCTION neongraph.summary_task_trg();
-- named to sort after other BEFORE DELETE triggers: it must see the delete go ahead
CREATE TRIGGER zz_summary_delete BEFORE DELETE ON neongraph.task
  FOR EACH ROW EXECUTE FUNCTION neongraph.summary_task_trg();
COMMENT ON TRIGGER summary_update ON neongraph.task IS 'Keeps the summaries when the judged due date or class, the working group or the directive of a task changes';
COMMENT ON TRIGGER zz_summary_delete ON neongraph.task IS 'Keeps the summaries: takes a deleted task''s assignments out before the cascade deletes them (named to fire after every other BEFORE DELETE trigger)';

CREATE FUNCTION neongraph.summary_directive_trg()
  RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  src neongraph.summary_source[];
BEGIN
  -- as in neongraph.summary_task_trg: the directive (keeps new tasks out),
  -- its tasks (keeps new assignments out), their assignments (waits for
  -- their writers); a deleted row is locked already
  IF TG_OP = 'UPDATE' THEN
    PERFORM 1 FROM neongraph.directive d WHERE d.directive_id = NEW.directive_id FOR UPDATE;
  END IF;
  PERFORM 1 FROM neongraph.task t WHERE t.directive_id = OLD.directive_id ORDER BY t.task_id FOR UPDATE;
  PERFORM 1 FROM neongraph.assignment a JOIN neongraph.task t ON t.task_id = a.task_id
    WHERE t.directive_id = OLD.directive_id ORDER BY a.assignment_id FOR SHARE OF a;
  SELECT array_agg(x) INTO src FROM (
    SELECT ROW(-1, a.agency_code, coalesce(t.working_group, ''), OLD.issued_on,
               coalesce(t.assigned_deadline, t.deadline), a.completed_on, a.cancelled, a.cancelled_on,
               a.blocked, a.blocked_since, a.verified, a.verified_on)::neongraph.summary_source AS x
      FROM neongraph.task t JOIN neongraph.assignment a ON a.task_id = t.task_id
     WHERE t.directive_id = OLD.directive_id
    UNION ALL
    SELECT ROW(1, a.agency_code, coalesce(t.working_group, ''), NEW.issued_on,
               coalesce(t.assigned_deadline, t.deadline), a.completed_on, a.cancelled, a.cancelled_on,
               a.blocked, a.blocked_since, a.verified, a.verified_on)::neongraph.summary_source
      FROM neongraph.task t JOIN neongraph.assignment a ON a.task_id = t.task_id
     WHERE TG_OP = 'UPDATE' AND t.directive_id = NEW.directive_id) s;
  PERFORM neongraph.summary_apply(src);
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD END;
END
$$;
COMMENT ON FUNCTION neongraph.summary_directive_trg() IS
  'Trigger on neongraph.directive keeping the summaries: when its date of issue changes, every assignment of its tasks moves; before it is deleted they are taken out (the delete goes through only when the same statement deletes its tasks, whose triggers then find it gone). Locks the directive, its tasks and their assignments first, so that concurrent writers are seen';

CREATE TRIGGER summary_update AFTER UPDATE OF issued_on ON neongraph.directive
  FOR EACH ROW
  WHEN (OLD.issued_on IS DISTINCT FROM NEW.issued_on)
  EXECUTE FUNCTION neongraph.summary_directive_trg();
CREATE TRIGGER zz_summary_delete BEFORE DELETE ON neongraph.directive
  FOR EACH ROW EXECUTE FUNCTION neongraph.summary_directive_trg();
COMMENT ON TRIGGER summary_update ON neongraph.directive IS 'Keeps the summaries when the date of issue of a directive changes: its tasks'' assignments exist from the new date on';
COMMENT ON TRIGGER zz_summary_delete ON neongraph.directive IS 'Keeps the summaries: takes the assignments of a deleted directive''s tasks out (a directive with tasks left is refused by the foreign key, and this is rolled back with it; named to fire after every other BEFORE DELETE trigger)';

-- Rebuild -----------------------------------------------------------------------

CREATE OR REPLACE FUNCTION neongraph.rebuild_summaries()
  RETURNS pg_catalog.int8
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n bigint;
BEGIN
  -- writers wait until the rebuild commits; readers of the model do not
  LOCK TABLE neongraph.directive, neongraph.task, neongraph.assignment IN SHARE MODE;
  LOCK TABLE neongraph.assignment_summary, neongraph.assignment_summary_soon IN EXCLUSIVE MODE;
  DELETE FROM neongraph.assignment_summary;
  DELETE FROM neongraph.assignment_summary_soon;
  -- the steps netted per date first (one pass over the assignments), then
  -- the day rows add up into months, years and totals
  WITH ev AS MATERIALIZED (
    SELECT e.day, e.lead, a.agency_code, coalesce(t.working_group, '') AS group_code,
           sum(e.n_total)::int4 AS n_total, sum(e.n_done_on_time)::int4 AS n_done_on_time,
           sum(e.n_done_late)::int4 AS n_done_late, sum(e.n_overdue)::int4 AS n_overdue,
           sum(e.n_open_dated)::int4 AS n_open_dated, sum(e.n_recurring)::int4 AS n_recurring,
           sum(e.n_no_deadline)::int4 AS n_no_deadline, sum(e.n_cancelled)::int4 AS n_cancelled,
           sum(e.n_blocked)::int4 AS n_blocked, sum(e.n_verified)::int4 AS n_verified,
           sum(e.n_soon)::int4 AS n_soon
      FROM neongraph.assignment a
      JOIN neongraph.task t ON t.task_id = a.task_id
      JOIN neongraph.directive d ON d.directive_id = t.directive_id,
           LATERAL neongraph.summary_events(d.issued_on, coalesce(t.assigned_deadline, t.deadline), a.completed_on,
                                            a.cancelled, a.cancelled_on, a.blocked, a.blocked_since,
                                            a.verified, a.verified_on) e
     GROUP BY 1, 2, 3, 4),
  soon AS (
    INSERT INTO neongraph.assignment_summary_soon (day, agency_code, group_code, lead, n)
    SELECT ev.day, ev.agency_code, ev.group_code, ev.lead, ev.n_soon
      FROM ev WHERE ev.lead IS NOT NULL AND ev.n_soon <> 0
     ORDER BY 1, 2, 3, 4
    RETURNING 1),
  r AS (
    SELECT 'day'::text AS grain, ev.day, ev.agency_code, ev.group_code, ev.n_total, ev.n_done_on_time,
           ev.n_done_late, ev.n_overdue, ev.n_open_dated, ev.n_recurring, ev.n_no_deadline, ev.n_cancelled,
           ev.n_blocked, ev.n_verified
      FROM ev WHERE ev.lead IS NULL AND ev.day <> '-infinity'::date
    UNION ALL
    SELECT x.grain, x.day, ev.agency_code, ev.group_code, sum(ev.n_total), sum(ev.n_done_on_time),
           sum(ev.n_done_late), sum(ev.n_overdue), sum(ev.n_open_dated), sum(ev.n_recurring),
           sum(ev.n_no_deadline), sum(ev.n_cancelled), sum(ev.n_blocked), sum(ev.n_verified)
      FROM ev,
           LATERAL (VALUES ('month'::text, date_trunc('month', ev.day::timestamp)::date),
                           ('year', date_trunc('year', ev.day::timestamp)::date),
                           ('total', '-infinity'::date)) x(grain, day)
     WHERE ev.lead IS NULL AND (x.grain = 'total' OR ev.day <> '-infinity'::date)
     GROUP BY 1, 2, 3, 4),
  ins AS (
    INSERT INTO neongraph.assignment_summary
    SELECT r.* FROM r
     WHERE (r.n_total, r.n_done_on_time, r.n_done_late, r.n_overdue, r.n_open_dated, r.n_recurring,
            r.n_no_deadline, r.n_cancelled, r.n_blocked, r.n_verified) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
     -- stored by grain and day, the order the scorecards read them in (the
     -- fill factor leaves room for the triggers' updates on the same page)
     ORDER BY r.grain, r.day, r.agency_code, r.group_code
    RETURNING 1)
  SELECT (SELECT count(*) FROM ins) + (SELECT count(*) FROM soon) INTO n;
  RETURN n;
END
$$;
COMMENT ON FUNCTION neongraph.rebuild_summaries() IS
  'Recomputes the summaries (neongraph.assignment_summary and neongraph.assignment_summary_soon) from the assignments, their tasks and directives (after a bulk load with triggers disabled, e.g. session_replication_role = replica, or to repair them); returns the number of rows written to the two tables. Writers to directives, tasks and assignments wait until it commits. Run it as the owner or a coordinator: it must see every assignment';

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
  'Trigger on TRUNCATE of neongraph.assignment (also reached by TRUNCATE neongraph.task or neongraph.directive CASCADE): rebuilds the summaries';
REVOKE ALL ON FUNCTION neongraph.summary_assignment_trg(), neongraph.summary_task_trg(),
  neongraph.summary_directive_trg(), neongraph.summary_truncate_trg() FROM PUBLIC;
CREATE TRIGGER summary_truncate AFTER TRUNCATE ON neongraph.assignment
  FOR EACH STATEMENT EXECUTE FUNCTION neongraph.summary_truncate_trg();
COMMENT ON TRIGGER summary_truncate ON neongraph.assignment IS 'Rebuilds the summaries after a TRUNCATE';

-- Reading -------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION neongraph.summary_counts(as_of pg_catalog.date, due_soon_days pg_catalog.int4 DEFAULT 7)
  RETURNS TABLE (
    agency_code pg_catalog.text, group_code pg_catalog.text,
    total pg_catalog.int8, done_on_time pg_catalog.int8, done_late pg_catalog.int8, overdue pg_catalog.int8,
    due_soon pg_catalog.int8, on_track pg_catalog.int8, recurring pg_catalog.int8, no_deadline pg_catalog.int8,
    cancelled pg_catalog.int8, blocked pg_catalog.int8, verified pg_catalog.int8)
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  -- a few rows per agency and group: starting parallel workers costs more
  -- than it saves (130 ms against 35 ms at a million assignments)
  SET max_parallel_workers_per_gather = 0
AS $$
DECLARE
  m_start date;
  m_next date;
  y_start date;
  y_next date;
  days_after bool;      -- read the days after as_of, or its month less the days up to it
  months_after bool;    -- read the months after as_of's, or its year less the months up to it
  d_lo date; d_hi date; d_sign int4;
  o_lo date; o_hi date; o_sign int4;
  m_row int4;
  y_row int4;
BEGIN
  IF as_of IS NULL OR due_soon_days IS NULL THEN
    RETURN;
  END IF;
  IF due_soon_days > 31 OR NOT pg_catalog.isfinite(as_of) THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = format('the summaries answer for a finite date and a window of at most 31 days, not %s and %s', as_of, due_soon_days),
      DETAIL = 'neongraph.assignment_summary_soon keeps the leads of due dates up to 31 days ahead.',
      HINT = 'Use neongraph.assignment_state(as_of) for a wider window.';
  END IF;
  -- count as of A = total - the steps dated after A, where
  --   after A = year rows after A's year + months after A's month in its
  --             year + days after A in its month,
  --   days after A in its month     = its month row - the day rows up to A,
  --   months after A's in its year  = its year row - the month rows up to A's;
  -- each level is read from the side with fewer rows: at most 16 day rows
  -- and 7 month rows per agency and group, whatever the date
  m_start := date_trunc('month', as_of::timestamp)::date;
  m_next := (m_start + interval '1 month')::date;
  y_start := date_trunc('year', as_of::timestamp)::date;
  y_next := (y_start + interval '1 year')::date;
  days_after := m_next - as_of - 1 <= as_of - m_start + 2;
  months_after := 12 - extract(month FROM as_of) <= extract(month FROM as_of);
  IF days_after THEN
    d_lo := as_of + 1; d_hi := m_next; d_sign := -1;
  ELSE
    d_lo := m_start; d_hi := as_of + 1; d_sign := 1;
  END IF;
  IF months_after THEN
    o_lo := m_next; o_hi := y_next; o_sign := -1; y_row := 0;
    m_row := CASE WHEN days_after THEN 0 ELSE -1 END;
  ELSE
    -- the month rows up to A's month; A's own month row cancels with the
    -- one taken out for the days when those are read up to A
    o_lo := y_start; o_hi := CASE WHEN days_after THEN m_next ELSE m_start END; o_sign := 1; y_row := -1;
    m_row := 0;
  END IF;
  RETURN QUERY
  WITH s AS (
    SELECT x.agency_code, x.group_code,
           sum(x.n_total) AS total, sum(x.n_done_on_time) AS done_on_time,
           sum(x.n_done_late) AS done_late, sum(x.n_overdue) AS overdue,
           sum(x.n_open_dated) AS open_dated, sum(x.n_recurring) AS recurring,
           sum(x.n_no_deadline) AS no_deadline, sum(x.n_cancelled) AS cancelled,
           sum(x.n_blocked) AS blocked, sum(x.n_verified) AS verified
      FROM (SELECT t.agency_code, t.group_code, t.n_total, t.n_done_on_time, t.n_done_late, t.n_overdue,
                   t.n_open_dated, t.n_recurring, t.n_no_deadline, t.n_cancelled, t.n_blocked, t.n_verified
              FROM neongraph.assignment_summary t
             WHERE t.grain = 'total'
            UNION ALL
            SELECT t.agency_code, t.group_code, -t.n_total, -t.n_done_on_time, -t.n_done_late, -t.n_overdue,
                   -t.n_open_dated, -t.n_recurring, -t.n_no_deadline, -t.n_cancelled, -t.n_blocked, -t.n_verified
              FROM neongraph.assignment_summary t
             WHERE t.grain = 'year' AND t.day >= y_next
            UNION ALL
            SELECT t.agency_code, t.group_code, o_sign * t.n_total, o_sign * t.n_done_on_time, o_sign * t.n_done_late,
                   o_sign * t.n_overdue, o_sign * t.n_open_dated, o_sign * t.n_recurring, o_sign * t.n_no_deadline,
                   o_sign * t.n_cancelled, o_sign * t.n_blocked, o_sign * t.n_verified
              FROM neongraph.assignment_summary t
             WHERE t.grain = 'month' AND t.day >= o_lo AND t.day < o_hi
            UNION ALL
            SELECT t.agency_code, t.group_code, d_sign * t.n_total, d_sign * t.n_done_on_time, d_sign * t.n_done_late,
                   d_sign * t.n_overdue, d_sign * t.n_open_dated, d_sign * t.n_recurring, d_sign * t.n_no_deadline,
                   d_sign * t.n_cancelled, d_sign * t.n_blocked, d_sign * t.n_verified
              FROM neongraph.assignment_summary t
             WHERE t.grain = 'day' AND t.day >= d_lo AND t.day < d_hi
            UNION ALL
            SELECT t.agency_code, t.group_code, -t.n_total, -t.n_done_on_time, -t.n_done_late, -t.n_overdue,
                   -t.n_open_dated, -t.n_recurring, -t.n_no_deadline, -t.n_cancelled, -t.n_blocked, -t.n_verified
              FROM neongraph.assignment_summary t
             WHERE m_row <> 0 AND t.grain = 'month' AND t.day = m_start
            UNION ALL
            SELECT t.agency_code, t.group_code, -t.n_total, -t.n_done_on_time, -t.n_done_late, -t.n_overdue,
                   -t.n_open_dated, -t.n_recurring, -t.n_no_deadline, -t.n_cancelled, -t.n_blocked, -t.n_verified
              FROM neongraph.assignment_summary t
             WHERE y_row <> 0 AND t.grain = 'year' AND t.day = y_start) x
     GROUP BY x.agency_code, x.group_code),
  -- due soon: the due days as_of .. as_of + W, the leads up to their distance
  w AS (
    SELECT q.agency_code, q.group_code, sum(q.n) AS due_soon
      FROM neongraph.assignment_summary_soon q
     WHERE q.day >= as_of AND q.day <= as_of + greatest(due_soon_days, -1) AND q.lead <= q.day - as_of
     GROUP BY q.agency_code, q.group_code)
  SELECT s.agency_code, s.group_code, s.total, s.done_on_time, s.done_late, s.overdue,
         coalesce(w.due_soon, 0), s.open_dated - s.overdue - coalesce(w.due_soon, 0),
         s.recurring, s.no_deadline, s.cancelled, s.blocked, s.verified
    FROM s LEFT JOIN w ON w.agency_code = s.agency_code AND w.group_code = s.group_code
   WHERE s.total > 0;
END
$$;
COMMENT ON FUNCTION neongraph.summary_counts(pg_catalog.date, pg_catalog.int4) IS
  'Status counts as of as_of (due_soon within due_soon_days, at most 31) of each agency''s own assignments per working group of their tasks ('''' for none), for the pairs with an assignment as of then: the totals of neongraph.assignment_summary minus its day, month and year rows dated after as_of, and the due-soon steps of neongraph.assignment_summary_soon for the due days as_of .. as_of + due_soon_days; reads no assignment, task or directive. The same counts as neongraph.assignment_state(as_of) with neongraph.deadline_status(..., due_soon_days). Raises 22023 for a window over 31 days or an infinite date; no rows for a NULL date';

CREATE OR REPLACE FUNCTION neongraph.agency_scorecard_fast(as_of pg_catalog.date DEFAULT neongraph.today(),
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
  -- each agency's own counts (a count of one agency fits int4: summed as
  -- int4, in an int8 accumulator, not as int8, in a numeric one, twice as
  -- slow), carried up its chain of ancestors (collectives left out, as in
  -- neongraph.agency_tree), then added up per ancestor
  WITH RECURSIVE o AS (
    SELECT c.agency_code, sum(c.total::int4)::int4 AS total, sum(c.done_on_time::int4)::int4 AS done_on_time,
           sum(c.done_late::int4)::int4 AS done_late, sum(c.overdue::int4)::int4 AS overdue,
           sum(c.due_soon::int4)::int4 AS due_soon, sum(c.on_track::int4)::int4 AS on_track,
           sum(c.recurring::int4)::int4 AS recurring, sum(c.no_deadline::int4)::int4 AS no_deadline,
           sum(c.cancelled::int4)::int4 AS cancelled, sum(c.blocked::int4)::int4 AS blocked,
           sum(c.verified::int4)::int4 AS verified
      FROM neongraph.summary_counts($1, $2) c
     GROUP BY c.agency_code),
  u(ancestor_code, parent_code, depth, path, total, done_on_time, done_late, overdue, due_soon, on_track,
    recurring, no_deadline, cancelled, blocked, verified) AS (
    SELECT a.code, a.parent_code, 0, ARRAY[a.code], o.total, o.done_on_time, o.done_late, o.overdue, o.due_soon,
           o.on_track, o.recurring, o.no_deadline, o.cancelled, o.blocked, o.verified
      FROM o JOIN neongraph.agency a ON a.code = o.agency_code
     WHERE a.kind <> 'collective'
    UNION ALL
    SELECT p.code, p.parent_code, u.depth + 1, u.path || p.code, u.total, u.done_on_time, u.done_late, u.overdue,
           u.due_soon, u.on_track, u.recurring, u.no_deadline, u.cancelled, u.blocked, u.verified
      FROM u JOIN neongraph.agency p ON p.code = u.parent_code
     WHERE p.kind <> 'collective' AND NOT p.code = ANY (u.path)),
  x AS (
    SELECT u.ancestor_code,
           coalesce(sum(u.total) FILTER (WHERE u.depth = 0), 0) AS own,
           sum(u.total) AS total, sum(u.done_on_time) AS done_on_time, sum(u.done_late) AS done_late,
           sum(u.overdue) AS overdue, sum(u.due_soon) AS due_soon, sum(u.on_track) AS on_track,
           sum(u.recurring) AS recurring, sum(u.no_deadline) AS no_deadline, sum(u.cancelled) AS cancelled,
           sum(u.blocked) AS blocked, sum(u.verified) AS verified
      FROM u
     GROUP BY u.ancestor_code
    HAVING sum(u.total) > 0)
  SELECT g.code, g.name, g.kind, g.parent_code, x.own,
         r.total, r.done_on_time, r.done_late, r.overdue, r.due_soon, r.on_track, r.recurring, r.no_deadline,
         r.cancelled, r.due, r.on_time_rate, r.completion_rate, r.overdue_rate, r.overdue_share,
         x.blocked, x.verified
    FROM x
    JOIN neongraph.agency g ON g.code = x.ancestor_code
    CROSS JOIN LATERAL neongraph.make_rollup(x.done_on_time, x.done_late, x.overdue, x.due_soon, x.on_track,
                                             x.recurring, x.no_deadline, x.cancelled) r
   ORDER BY g.code
$$;
COMMENT ON FUNCTION neongraph.agency_scorecard_fast(pg_catalog.date, pg_catalog.int4) IS
  'The figures of neongraph.agency_scorecard(as_of) (same columns, same rows), read from the summaries (neongraph.summary_counts) instead of every assignment, with a warning window of due_soon_days (at most 31; 7 as in agency_scorecard): its cost follows the number of agencies and groups (a bounded number of total, day, month, year and due-soon rows each), not the number of tasks, whatever the date. Reads the summaries, which are not under row-level security: for staff roles (an agency login gets permission denied; it uses the agency_scorecard view, which recomputes under its policies). neongraph.agency_scorecard(as_of) remains the recomputation from the assignments';
CREATE OR REPLACE FUNCTION neongraph.working_group_scorecard_fast(as_of pg_catalog.date DEFAULT neongraph.today(),
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
  -- counts summed as int4, as in neongraph.agency_scorecard_fast
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
           sum(gc.done_on_time::int4) AS done_on_time, sum(gc.done_late::int4) AS done_late,
           sum(gc.overdue::int4) AS overdue, sum(gc.due_soon::int4) AS due_soon, sum(gc.on_track::int4) AS on_track,
           sum(gc.recurring::int4) AS recurring, sum(gc.no_deadline::int4) AS no_deadline,
           sum(gc.cancelled::int4) AS cancelled, sum(gc.blocked::int4) AS blocked, sum(gc.verified::int4) AS verified
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
  'The figures of neongraph.working_group_scorecard(as_of) (same columns, same rows), read from the summaries (neongraph.summary_counts) instead of every assignment, with a warning window of due_soon_days (at most 31; 7 as in working_group_scorecard). For staff roles, like neongraph.agency_scorecard_fast; neongraph.working_group_scorecard(as_of) remains the recomputation';

-- An updated 1.1 database gets its summaries now (a fresh install has no
-- assignment yet: nothing to do)
SELECT neongraph.rebuild_summaries();
