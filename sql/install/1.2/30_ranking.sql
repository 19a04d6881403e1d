-- The ranking's counts, aggregated first and expanded later (74_ranking.sql
-- keeps the method, the weights, the snapshots and the public functions).
--
-- neongraph.ranking_indicators of 1.1 took every assignment's status from
-- neongraph.assignment_state, joined each assignment to every ancestor of its
-- lead agency (neongraph.agency_tree) and to every working group following it
-- (neongraph.assignment_group) before counting, and found the weekly
-- reporting by joining every (week, open assignment) pair to the reports with
-- a count(DISTINCT), then walked the agency hierarchy once per weekly row for
-- the working groups.  Its time and peak memory grew with those joins.  Now:
--   * neongraph.ranking_assignment_counts: one pass over the assignments,
--     met with their tasks in task_id order (a merge join through both
--     indexes, not a hash table of every task) and their directive, counts
--     per lead agency, task working group (or none) and weeks open: a few
--     thousand groups however many assignments there are.  The status is
--     assignment_state's (a directive not yet issued as of the date leaves
--     its assignments out; cancelled as of the date; completion as of the
--     date; neongraph.deadline_status against
--     coalesce(assigned_deadline, deadline)).  The weeks an assignment was
--     open at the start of (weekly_reporting's rule) are consecutive: found
--     by width_bucket of its directive's date of issue, its completion and
--     its cancellation among the bounds of the weeks of
--     neongraph.ranking_weeks, they are a run first_week..last_week;
--   * neongraph.ranking_report_counts: the reports filed in the weeks (the
--     index on reported_at), each kept when its assignment, looked up by
--     primary key, was open at the start of its week (for the date of issue,
--     the assignments of the directives issued after the oldest week's Friday
--     are looked at, through the indexes, for reports filed before it); one
--     row per agency and week remains;
--   * neongraph.ranking_counts: those per-agency rows and the KPIs per owner
--     and task working group, summed up neongraph.agency_tree for the
--     agencies of the levels asked for only, and expanded to the working
--     groups by assignment_group's rule (the task's own group when set, else
--     every group with the lead agency or one of its ancestors as a member)
--     only when working groups are asked for; rank_subjects asks for the
--     levels it ranks, ranking_indicators for all of them;
--   * neongraph.weekly_reporting: the same two passes, per agency and week.
-- The rows of ranking_indicators, weekly_reporting, rank_subjects and so of
-- rankings, ranking, group_ranking and take_ranking_snapshot are those of 1.1.

-- The weeks ---------------------------------------------------------------------

CREATE FUNCTION neongraph.ranking_weeks(as_of pg_catalog.date, weeks pg_catalog.int4 DEFAULT NULL)
  RETURNS TABLE (
    week_no      pg_catalog.int4,
    friday       pg_catalog.date,
    period_start pg_catalog.timestamptz,
    period_end   pg_catalog.timestamptz,
    start_day    pg_catalog.date)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT (n.w OPERATOR(pg_catalog.-) k.k)::pg_catalog.int4, f.friday, p.period_start, p.period_end,
         (SELECT pg_catalog.min(x.d0 OPERATOR(pg_catalog.+) i)
            FROM pg_catalog.generate_series(-1, 2) AS i
           WHERE ((x.d0 OPERATOR(pg_catalog.+) i) OPERATOR(pg_catalog.+) pg_catalog.time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
                 OPERATOR(pg_catalog.>=) p.period_start)
    FROM (SELECT coalesce($2, neongraph.get_setting('ranking.report_weeks')::pg_catalog.int4) AS w) n
    CROSS JOIN LATERAL pg_catalog.generate_series(0, n.w OPERATOR(pg_catalog.-) 1) AS k(k)
    CROSS JOIN LATERAL (
      SELECT ($1 OPERATOR(pg_catalog.-)
              ((pg_catalog.date_part('isodow', $1)::pg_catalog.int4 OPERATOR(pg_catalog.+) 2) OPERATOR(pg_catalog.%) 7))
             OPERATOR(pg_catalog.-) (7 OPERATOR(pg_catalog.*) k.k) AS friday) f
    CROSS JOIN LATERAL neongraph.report_period('week', f.friday) p
    CROSS JOIN LATERAL (SELECT (p.period_start AT TIME ZONE 'Asia/Ho_Chi_Minh')::pg_catalog.date AS d0) x
$$;
COMMENT ON FUNCTION neongraph.ranking_weeks(pg_catalog.date, pg_catalog.int4) IS
  'The weeks behind reporting timeliness as of a date: the last weeks (default: setting ranking.report_weeks) whose report deadline, 18:00 on a Friday (Asia/Ho_Chi_Minh), falls on or before as_of, numbered 1 (the oldest) to weeks, with the Friday, the week [period_start, period_end) of neongraph.report_period and start_day, the first day whose 00:00 in Vietnam is not before period_start: an assignment completed or cancelled before start_day was closed when the week began';

-- The two passes ----------------------------------------------------------------

CREATE FUNCTION neongraph.ranking_assignment_counts(as_of pg_catalog.date, weeks pg_catalog.int4 DEFAULT NULL)
  RETURNS TABLE (
    agency_code  pg_catalog.text,
    task_group   pg_catalog.text,
    first_week   pg_catalog.int4,
    last_week    pg_catalog.int4,
    total        pg_catalog.int8,
    live         pg_catalog.int8,
    due          pg_catalog.int8,
    done_on_time pg_catalog.int8,
    done_late    pg_catalog.int8,
    overdue      pg_catalog.int8,
    completed    pg_catalog.int8,
    verified     pg_catalog.int8)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
  -- the assignments meet their tasks in task_id order through both indexes (a
  -- merge join): no hash table of every task, whatever the number of rows
  SET enable_hashjoin = off
AS $$
  WITH wb AS (            -- the weeks' bounds, oldest first
    SELECT coalesce(pg_catalog.array_agg(w.friday OPERATOR(pg_catalog.+) 1 ORDER BY w.week_no), '{}') AS after_friday,
           coalesce(pg_catalog.array_agg(w.start_day ORDER BY w.week_no), '{}') AS start_day,
           pg_catalog.count(*)::pg_catalog.int4 AS n
      FROM neongraph.ranking_weeks($1, $2) w
  ), s AS (               -- each assignment's status (neongraph.assignment_state's rule) and weeks open
    SELECT a.agency_code, t.working_group AS task_group,
           CASE WHEN a.cancelled AND a.cancelled_on OPERATOR(pg_catalog.<=) $1 THEN 'cancelled'::neongraph.task_status
                ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline),
                                               CASE WHEN a.completed_on OPERATOR(pg_catalog.<=) $1 THEN a.completed_on END,
                                               $1) END AS status,
           a.verified AND a.verified_on OPERATOR(pg_catalog.<=) $1 AS verified,
           -- open at the start of the weeks lo < week_no <= hi: issued by the
           -- week's Friday, neither completed nor cancelled before its start_day
           CASE WHEN d.issued_on IS NULL THEN 0 ELSE pg_catalog.width_bucket(d.issued_on, wb.after_friday) END AS lo,
           LEAST(CASE WHEN a.completed_on IS NULL THEN wb.n ELSE pg_catalog.width_bucket(a.completed_on, wb.start_day) END,
                 CASE WHEN NOT a.cancelled THEN wb.n
                      WHEN a.cancelled_on IS NULL THEN 0
                      ELSE pg_catalog.width_bucket(a.cancelled_on, wb.start_day) END) AS hi
      FROM neongraph.assignment a
      JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) a.task_id
      JOIN neongraph.directive d ON d.directive_id OPERATOR(pg_catalog.=) t.directive_id
      CROSS JOIN wb
     WHERE d.issued_on IS NULL OR d.issued_on OPERATOR(pg_catalog.<=) $1
    OFFSET 0              -- each status computed once, then counted by the filters below
  )
  SELECT c.agency_code, c.task_group, c.first_week, c.last_week, c.total,
         c.total OPERATOR(pg_catalog.-) c.cancelled,
         c.done_on_time OPERATOR(pg_catalog.+) c.done_late OPERATOR(pg_catalog.+) c.overdue,
         c.done_on_time, c.done_late, c.overdue,
         c.done_on_time OPERATOR(pg_catalog.+) c.done_late,
         c.verified
    FROM (SELECT s.agency_code, s.task_group,
                 CASE WHEN s.hi OPERATOR(pg_catalog.>) s.lo THEN s.lo OPERATOR(pg_catalog.+) 1 END AS first_week,
                 CASE WHEN s.hi OPERATOR(pg_catalog.>) s.lo THEN s.hi END AS last_week,
                 pg_catalog.count(*) AS total,
                 pg_catalog.count(*) FILTER (WHERE s.status OPERATOR(pg_catalog.=) 'cancelled') AS cancelled,
                 pg_catalog.count(*) FILTER (WHERE s.status OPERATOR(pg_catalog.=) 'done_on_time') AS done_on_time,
                 pg_catalog.count(*) FILTER (WHERE s.status OPERATOR(pg_catalog.=) 'done_late') AS done_late,
                 pg_catalog.count(*) FILTER (WHERE s.status OPERATOR(pg_catalog.=) 'overdue') AS overdue,
                 pg_catalog.count(*) FILTER (WHERE s.status IN ('done_on_time', 'done_late') AND s.verified) AS verified
            FROM s
           GROUP BY 1, 2, 3, 4) c
$$;
COMMENT ON FUNCTION neongraph.ranking_assignment_counts(pg_catalog.date, pg_catalog.int4) IS
  'The ranking''s pass over the assignments as of a date (of directives issued by then): per lead agency, task working group (NULL for none) and the run of weeks of neongraph.ranking_weeks(as_of, weeks) the assignments were open at the start of (first_week to last_week, by week_no; NULL for none: weekly_reporting''s rule), the assignments total, live (not cancelled), due, done on time, done late, overdue, completed and verified, statuses by the rule of neongraph.assignment_state. Reads the assignments with their tasks in task_id order (a merge join through both indexes) into a few thousand groups: its memory does not grow with the assignments';

CREATE FUNCTION neongraph.ranking_report_counts(as_of pg_catalog.date, weeks pg_catalog.int4 DEFAULT NULL)
  RETURNS TABLE (
    agency_code pg_catalog.text,
    week_no     pg_catalog.int4,
    reports     pg_catalog.int8)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
  SET enable_memoize = off   -- each lookup below is of a different row: a cache would only grow
AS $$
  WITH w AS (
    SELECT x.week_no, x.friday, x.period_start, x.period_end, x.start_day FROM neongraph.ranking_weeks($1, $2) x
  ), counted AS (         -- the reports filed in the weeks on an assignment neither completed nor cancelled before
    SELECT x.agency_code, w.week_no, pg_catalog.count(*) AS n
      FROM w
      JOIN neongraph.progress_report r
        ON r.reported_at OPERATOR(pg_catalog.>=) w.period_start
       AND r.reported_at OPERATOR(pg_catalog.<) w.period_end
      CROSS JOIN LATERAL (
        SELECT a.agency_code
          FROM neongraph.assignment a
         WHERE a.assignment_id OPERATOR(pg_catalog.=) r.assignment_id
           AND NOT (a.completed_on IS NOT NULL AND a.completed_on OPERATOR(pg_catalog.<) w.start_day)
           AND NOT (a.cancelled AND a.cancelled_on OPERATOR(pg_catalog.<) w.start_day)
        OFFSET 0) x        -- the report's assignment by primary key: no hash table of every assignment
     GROUP BY x.agency_code, w.week_no
  ), early AS (           -- ... less those of them filed in a week whose Friday came before the
                          -- directive's date of issue: usually none, found from the directives
                          -- issued after the oldest week's Friday, through the indexes
    SELECT y.agency_code, w.week_no
      FROM (SELECT x.agency_code, x.completed_on, x.cancelled, x.cancelled_on, d.issued_on, e.reported_at
              FROM neongraph.directive d
              CROSS JOIN LATERAL (
                SELECT a.assignment_id, a.agency_code, a.completed_on, a.cancelled, a.cancelled_on
                  FROM neongraph.task t
                  JOIN neongraph.assignment a ON a.task_id OPERATOR(pg_catalog.=) t.task_id
                 WHERE t.directive_id OPERATOR(pg_catalog.=) d.directive_id
                OFFSET 0) x
              CROSS JOIN LATERAL (
                SELECT r.reported_at
                  FROM neongraph.progress_report r
                 WHERE r.assignment_id OPERATOR(pg_catalog.=) x.assignment_id
                   AND r.reported_at OPERATOR(pg_catalog.>=) (SELECT pg_catalog.min(w.period_start) FROM w)
                   AND r.reported_at OPERATOR(pg_catalog.<) (SELECT pg_catalog.max(w.period_end) FROM w)
                OFFSET 0) e
             WHERE d.issued_on OPERATOR(pg_catalog.>) (SELECT pg_catalog.min(w.friday) FROM w)
            OFFSET 0) y
      JOIN w ON y.reported_at OPERATOR(pg_catalog.>=) w.period_start
            AND y.reported_at OPERATOR(pg_catalog.<) w.period_end
     WHERE w.friday OPERATOR(pg_catalog.<) y.issued_on
       AND NOT (y.completed_on IS NOT NULL AND y.completed_on OPERATOR(pg_catalog.<) w.start_day)
       AND NOT (y.cancelled AND y.cancelled_on OPERATOR(pg_catalog.<) w.start_day)
  )
  SELECT c.agency_code, c.week_no, pg_catalog.sum(c.n)::pg_catalog.int8
    FROM (SELECT counted.agency_code, counted.week_no, counted.n FROM counted
          UNION ALL
          SELECT early.agency_code, early.week_no, -1 FROM early) c
   GROUP BY c.agency_code, c.week_no
  HAVING pg_catalog.sum(c.n) OPERATOR(pg_catalog.>) 0
$$;
COMMENT ON FUNCTION neongraph.ranking_report_counts(pg_catalog.date, pg_catalog.int4) IS
  'The ranking''s pass over the reports as of a date: per agency and week of neongraph.ranking_weeks(as_of, weeks), the progress reports filed in the week on the agency''s assignments open at its start (of a directive issued by its Friday, neither completed nor cancelled before its start_day: weekly_reporting''s rule). Reads only the reports filed in the weeks (the index on reported_at) and looks up each one''s assignment by primary key; the directives issued after the oldest week''s Friday are read through the indexes, their assignments'' reports in the weeks too; nothing is kept but per agency and week and the (rare) reports filed before their directive''s date of issue';

-- Reporting timeliness ---------------------------------------------------------

CREATE OR REPLACE FUNCTION neongraph.weekly_reporting(as_of pg_catalog.date, weeks pg_catalog.int4 DEFAULT NULL)
  RETURNS TABLE (
    agency_code     pg_catalog.text,
    week_friday     pg_catalog.date,
    report_deadline pg_catalog.timestamptz,
    open_assignments pg_catalog.int8,
    reports         pg_catalog.int8,
    in_time         pg_catalog.bool)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  WITH o AS (             -- per agency and week: its assignments open at the start of the week
    SELECT c.agency_code, k.week_no, pg_catalog.sum(c.total) AS n
      FROM neongraph.ranking_assignment_counts($1, $2) c
      CROSS JOIN LATERAL pg_catalog.generate_series(c.first_week, c.last_week) AS k(week_no)
     GROUP BY c.agency_code, k.week_no
  )
  SELECT o.agency_code, w.friday, w.period_end, o.n::pg_catalog.int8,
         coalesce(r.reports, 0), coalesce(r.reports, 0) OPERATOR(pg_catalog.>) 0
    FROM o
    JOIN neongraph.ranking_weeks($1, $2) w ON w.week_no OPERATOR(pg_catalog.=) o.week_no
    LEFT JOIN neongraph.ranking_report_counts($1, $2) r
      ON r.agency_code OPERATOR(pg_catalog.=) o.agency_code AND r.week_no OPERATOR(pg_catalog.=) o.week_no
$$;
COMMENT ON FUNCTION neongraph.weekly_reporting(pg_catalog.date, pg_catalog.int4) IS
  'For each of the last weeks (default: setting ranking.report_weeks; see neongraph.ranking_weeks) whose report deadline — 18:00 on a Friday, Asia/Ho_Chi_Minh — falls on or before as_of, and each agency with an assignment open at the start of that week (of a directive issued by then): its reports filed in the week and whether it reported in time — the rule of neongraph.report_timeliness, for every agency at once (from neongraph.ranking_assignment_counts and neongraph.ranking_report_counts)';

-- Indicators -------------------------------------------------------------------

CREATE FUNCTION neongraph.ranking_counts(as_of pg_catalog.date, peer_levels pg_catalog.text[])
  RETURNS TABLE (
    subject_kind    pg_catalog.text,
    code            pg_catalog.text,
    total           pg_catalog.int8,
    live            pg_catalog.int8,
    due             pg_catalog.int8,
    done_on_time    pg_catalog.int8,
    done_late       pg_catalog.int8,
    overdue         pg_catalog.int8,
    completed       pg_catalog.int8,
    verified        pg_catalog.int8,
    kpis            pg_catalog.int8,
    kpi_attainment_sum pg_catalog.numeric,
    report_weeks    pg_catalog.int8,
    reports_in_time pg_catalog.int8)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  ROWS 5000       -- one row per subject: thousands of agencies (rank_subjects joins on it)
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  WITH ac AS (
    SELECT c.* FROM neongraph.ranking_assignment_counts($1) c
  ), fig AS (             -- per lead agency (KPI owner) and task working group (none for the weeks)
    SELECT ac.agency_code, ac.task_group,
           pg_catalog.sum(ac.total) AS total, pg_catalog.sum(ac.live) AS live, pg_catalog.sum(ac.due) AS due,
           pg_catalog.sum(ac.done_on_time) AS done_on_time, pg_catalog.sum(ac.done_late) AS done_late,
           pg_catalog.sum(ac.overdue) AS overdue, pg_catalog.sum(ac.completed) AS completed,
           pg_catalog.sum(ac.verified) AS verified,
           NULL::pg_catalog.int8 AS kpis, NULL::pg_catalog.numeric AS att,
           NULL::pg_catalog.int8 AS weeks, NULL::pg_catalog.int8 AS in_time
      FROM ac
     GROUP BY ac.agency_code, ac.task_group
    UNION ALL
    SELECT k.owner_code, t.working_group, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           pg_catalog.count(*), pg_catalog.sum(coalesce(k.attainment, 0)), NULL, NULL
      FROM neongraph.kpi_results($1) k
      LEFT JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) k.task_id
     GROUP BY k.owner_code, t.working_group
    UNION ALL
    SELECT o.agency_code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           pg_catalog.count(*), pg_catalog.count(r.week_no)
      FROM (SELECT DISTINCT ac.agency_code, k.week_no          -- weeks with an assignment open at the start
              FROM ac CROSS JOIN LATERAL pg_catalog.generate_series(ac.first_week, ac.last_week) AS k(week_no)) o
      LEFT JOIN neongraph.ranking_report_counts($1) r          -- ... and a report on one of them in the week
        ON r.agency_code OPERATOR(pg_catalog.=) o.agency_code AND r.week_no OPERATOR(pg_catalog.=) o.week_no
     GROUP BY o.agency_code
  ), sa AS (              -- the agencies ranked at these levels ...
    SELECT a.code FROM neongraph.agency a
     WHERE a.kind OPERATOR(pg_catalog.<>) 'collective' AND a.kind OPERATOR(pg_catalog.=) ANY ($2)
  ), xa AS (              -- ... each with every agency under it
    SELECT tr.ancestor_code AS code,
           pg_catalog.sum(f.total) AS total, pg_catalog.sum(f.live) AS live, pg_catalog.sum(f.due) AS due,
           pg_catalog.sum(f.done_on_time) AS done_on_time, pg_catalog.sum(f.done_late) AS done_late,
           pg_catalog.sum(f.overdue) AS overdue, pg_catalog.sum(f.completed) AS completed,
           pg_catalog.sum(f.verified) AS verified, pg_catalog.sum(f.kpis) AS kpis, pg_catalog.sum(f.att) AS att,
           pg_catalog.sum(f.weeks) AS weeks, pg_catalog.sum(f.in_time) AS in_time
      FROM fig f
      JOIN neongraph.agency_tree tr ON tr.agency_code OPERATOR(pg_catalog.=) f.agency_code
     WHERE tr.ancestor_code IN (SELECT sa.code FROM sa)
     GROUP BY tr.ancestor_code
  ), xg AS (              -- the working groups, when ranked: the task's own group, else by membership
    SELECT x.code,
           pg_catalog.sum(x.total) AS total, pg_catalog.sum(x.live) AS live, pg_catalog.sum(x.due) AS due,
           pg_catalog.sum(x.done_on_time) AS done_on_time, pg_catalog.sum(x.done_late) AS done_late,
           pg_catalog.sum(x.overdue) AS overdue, pg_catalog.sum(x.completed) AS completed,
           pg_catalog.sum(x.verified) AS verified, pg_catalog.sum(x.kpis) AS kpis, pg_catalog.sum(x.att) AS att,
           pg_catalog.sum(x.weeks) AS weeks, pg_catalog.sum(x.in_time) AS in_time
      FROM (SELECT f.task_group AS code, f.total, f.live, f.due, f.done_on_time, f.done_late, f.overdue,
                   f.completed, f.verified, f.kpis, f.att, f.weeks, f.in_time
              FROM fig f
             WHERE f.task_group IS NOT NULL
            UNION ALL
            SELECT m.group_code, f.total, f.live, f.due, f.done_on_time, f.done_late, f.overdue,
                   f.completed, f.verified, f.kpis, f.att, f.weeks, f.in_time
              FROM fig f
              JOIN (SELECT DISTINCT tr.agency_code, m.group_code   -- the agency or one of its ancestors a member
                      FROM neongraph.agency_tree tr
                      JOIN neongraph.working_group_member m ON m.agency_code OPERATOR(pg_catalog.=) tr.ancestor_code) m
                ON m.agency_code OPERATOR(pg_catalog.=) f.agency_code
             WHERE f.task_group IS NULL) x
     WHERE 'working_group' OPERATOR(pg_catalog.=) ANY ($2)
     GROUP BY x.code
  )
  SELECT 'agency'::pg_catalog.text, sa.code,
         coalesce(xa.total, 0)::pg_catalog.int8, coalesce(xa.live, 0)::pg_catalog.int8,
         coalesce(xa.due, 0)::pg_catalog.int8, coalesce(xa.done_on_time, 0)::pg_catalog.int8,
         coalesce(xa.done_late, 0)::pg_catalog.int8, coalesce(xa.overdue, 0)::pg_catalog.int8,
         coalesce(xa.completed, 0)::pg_catalog.int8, coalesce(xa.verified, 0)::pg_catalog.int8,
         coalesce(xa.kpis, 0)::pg_catalog.int8, coalesce(xa.att, 0),
         coalesce(xa.weeks, 0)::pg_catalog.int8, coalesce(xa.in_time, 0)::pg_catalog.int8
    FROM sa LEFT JOIN xa ON xa.code OPERATOR(pg_catalog.=) sa.code
  UNION ALL
  SELECT 'working_group', g.code,
         coalesce(xg.total, 0)::pg_catalog.int8, coalesce(xg.live, 0)::pg_catalog.int8,
         coalesce(xg.due, 0)::pg_catalog.int8, coalesce(xg.done_on_time, 0)::pg_catalog.int8,
         coalesce(xg.done_late, 0)::pg_catalog.int8, coalesce(xg.overdue, 0)::pg_catalog.int8,
         coalesce(xg.completed, 0)::pg_catalog.int8, coalesce(xg.verified, 0)::pg_catalog.int8,
         coalesce(xg.kpis, 0)::pg_catalog.int8, coalesce(xg.att, 0),
         coalesce(xg.weeks, 0)::pg_catalog.int8, coalesce(xg.in_time, 0)::pg_catalog.int8
    FROM neongraph.working_group g LEFT JOIN xg ON xg.code OPERATOR(pg_catalog.=) g.code
   WHERE 'working_group' OPERATOR(pg_catalog.=) ANY ($2)
$$;
COMMENT ON FUNCTION neongraph.ranking_counts(pg_catalog.date, pg_catalog.text[]) IS
  'The counts of neongraph.ranking_indicators as of a date, for the subjects of the given peer levels only (agency kinds; working_group for the working groups): the per-agency rows of neongraph.ranking_assignment_counts and neongraph.ranking_report_counts and the KPIs per owner and task working group, summed up neongraph.agency_tree for the agencies of those kinds, and expanded to the working groups (the task''s own group, else every group with the agency or an ancestor as a member) only when working_group is asked for';

CREATE OR REPLACE FUNCTION neongraph.ranking_indicators(as_of pg_catalog.date)
  RETURNS TABLE (
    subject_kind    pg_catalog.text,
    code            pg_catalog.text,
    total           pg_catalog.int8,
    live            pg_catalog.int8,
    due             pg_catalog.int8,
    done_on_time    pg_catalog.int8,
    done_late       pg_catalog.int8,
    overdue         pg_catalog.int8,
    completed       pg_catalog.int8,
    verified        pg_catalog.int8,
    kpis            pg_catalog.int8,
    kpi_attainment_sum pg_catalog.numeric,
    report_weeks    pg_catalog.int8,
    reports_in_time pg_catalog.int8)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  SELECT c.subject_kind, c.code, c.total, c.live, c.due, c.done_on_time, c.done_late, c.overdue, c.completed,
         c.verified, c.kpis, c.kpi_attainment_sum, c.report_weeks, c.reports_in_time
    FROM neongraph.ranking_counts($1, ARRAY['party_central', 'state_central', 'ministry', 'province', 'department',
                                            'commune', 'enterprise', 'working_group']) c
$$;
COMMENT ON FUNCTION neongraph.ranking_indicators(pg_catalog.date) IS
  'The counts behind the index set as of a date, for every agency (its assignments and those of every agency under it: neongraph.agency_tree) and every working group (the assignments it follows: neongraph.assignment_group): assignments total and live (not cancelled), due, done on time, done late, overdue, completed, verified (statuses by the rule of neongraph.assignment_state); KPIs owned and the sum of their capped attainments (a KPI without a value 0); weekly reports due and in time (neongraph.weekly_reporting). A working group''s KPIs are those of its tasks, else of its member agencies; its weeks those of its member agencies. Computed by neongraph.ranking_counts: aggregated per lead agency and task working group first, then summed up the hierarchy and expanded to the working groups';

-- The ranking -------------------------------------------------------------------

CREATE OR REPLACE FUNCTION neongraph.rank_subjects(peer_levels pg_catalog.text[], as_of pg_catalog.date)
  RETURNS TABLE (
    peer_level      pg_catalog.text,
    peer_group      pg_catalog.text,
    rank            pg_catalog.int8,
    peers           pg_catalog.int8,
    code            pg_catalog.text,
    name            pg_catalog.text,
    score           pg_catalog.numeric,
    on_time_rate    pg_catalog.numeric,
    completion_rate pg_catalog.numeric,
    overdue_share   pg_catalog.numeric,
    kpi_attainment  pg_catalog.numeric,
    reporting_timeliness pg_catalog.numeric,
    verified_share  pg_catalog.numeric,
    due             pg_catalog.int8,
    live            pg_catalog.int8,
    completed       pg_catalog.int8,
    kpis            pg_catalog.int8,
    report_weeks    pg_catalog.int8,
    components      pg_catalog.jsonb)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  WITH subj AS (
    SELECT CASE WHEN i.subject_kind OPERATOR(pg_catalog.=) 'working_group' THEN 'working_group' ELSE a.kind END AS lvl,
           CASE WHEN i.subject_kind OPERATOR(pg_catalog.=) 'working_group' THEN 'working_group'
                WHEN a.kind IN ('department', 'commune') THEN coalesce(a.parent_code, a.kind)
                ELSE a.kind END AS grp,
           coalesce(a.name, w.name) AS nm, i.*
      FROM neongraph.ranking_counts($2, $1) i
      LEFT JOIN neongraph.agency a
        ON i.subject_kind OPERATOR(pg_catalog.=) 'agency' AND a.code OPERATOR(pg_catalog.=) i.code
      LEFT JOIN neongraph.working_group w
        ON i.subject_kind OPERATOR(pg_catalog.=) 'working_group' AND w.code OPERATOR(pg_catalog.=) i.code
  ), s AS (
    SELECT * FROM subj
     WHERE lvl OPERATOR(pg_catalog.=) ANY ($1)
       AND (total OPERATOR(pg_catalog.>) 0 OR kpis OPERATOR(pg_catalog.>) 0)   -- nothing to assess: not ranked
  ), ind AS (          -- one row per subject and indicator: x in 0..1 over n
    SELECT s.lvl, s.grp, s.code, v.indicator, v.n, v.x
      FROM s CROSS JOIN LATERAL (VALUES
        ('on_time_rate', s.due, s.done_on_time::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.due, 0)),
        ('completion_rate', s.due, (s.done_on_time OPERATOR(pg_catalog.+) s.done_late)::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.due, 0)),
        ('overdue_share', s.live, 1 OPERATOR(pg_catalog.-) (s.overdue::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.live, 0))),
        ('kpi_attainment', s.kpis, s.kpi_attainment_sum OPERATOR(pg_catalog./) 100 OPERATOR(pg_catalog./) nullif(s.kpis, 0)),
        ('reporting_timeliness', s.report_weeks, s.reports_in_time::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.report_weeks, 0)),
        ('verified_share', s.completed, s.verified::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.completed, 0))
      ) AS v(indicator, n, x)
  ), prior AS (
    SELECT ind.lvl, ind.grp, ind.indicator,
           CASE WHEN neongraph.get_setting('ranking.peer_prior') OPERATOR(pg_catalog.=) 'mean'
                THEN pg_catalog.avg(ind.x)
                ELSE pg_catalog.sum(ind.n OPERATOR(pg_catalog.*) ind.x) FILTER (WHERE ind.n OPERATOR(pg_catalog.>) 0)
                     OPERATOR(pg_catalog./) nullif(pg_catalog.sum(ind.n), 0) END AS prior
      FROM ind GROUP BY ind.lvl, ind.grp, ind.indicator
  ), adj AS (
    SELECT ind.*, p.prior, w.weight, w.prior_weight AS m,
           CASE WHEN p.prior IS NULL THEN NULL
                WHEN ind.n OPERATOR(pg_catalog.+) w.prior_weight OPERATOR(pg_catalog.=) 0 THEN p.prior
                ELSE ((ind.n OPERATOR(pg_catalog.*) coalesce(ind.x, 0)) OPERATOR(pg_catalog.+) (w.prior_weight OPERATOR(pg_catalog.*) p.prior))
                     OPERATOR(pg_catalog./) (ind.n OPERATOR(pg_catalog.+) w.prior_weight) END AS adjusted
      FROM ind
      JOIN prior p USING (lvl, grp, indicator)
      JOIN neongraph.ranking_weight w ON w.indicator OPERATOR(pg_catalog.=) ind.indicator
  ), sc AS (
    SELECT adj.lvl, adj.grp, adj.code,
           pg_catalog.round(pg_catalog.sum(adj.weight OPERATOR(pg_catalog.*) adj.adjusted OPERATOR(pg_catalog.*) 100)
                              FILTER (WHERE adj.adjusted IS NOT NULL AND adj.weight OPERATOR(pg_catalog.>) 0)
                            OPERATOR(pg_catalog./)
                            nullif(pg_catalog.sum(adj.weight) FILTER (WHERE adj.adjusted IS NOT NULL AND adj.weight OPERATOR(pg_catalog.>) 0), 0),
                            2) AS score,
           pg_catalog.jsonb_object_agg(adj.indicator, pg_catalog.jsonb_build_object(
             'x', pg_catalog.round(adj.x, 6), 'n', adj.n, 'prior', pg_catalog.round(adj.prior, 6), 'm', adj.m,
             'adjusted', pg_catalog.round(adj.adjusted, 6), 'weight', adj.weight)) AS components
      FROM adj GROUP BY adj.lvl, adj.grp, adj.code
  )
  SELECT s.lvl, s.grp,
         pg_catalog.rank() OVER (PARTITION BY s.lvl, s.grp ORDER BY sc.score DESC NULLS LAST),
         pg_catalog.count(*) OVER (PARTITION BY s.lvl, s.grp),
         s.code, s.nm, sc.score,
         neongraph.rate_percent(s.done_on_time::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.due, 0)),
         neongraph.rate_percent((s.done_on_time OPERATOR(pg_catalog.+) s.done_late)::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.due, 0)),
         neongraph.rate_percent(s.overdue::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.live, 0)),
         neongraph.rate_percent(s.kpi_attainment_sum OPERATOR(pg_catalog./) 100 OPERATOR(pg_catalog./) nullif(s.kpis, 0)),
         neongraph.rate_percent(s.reports_in_time::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.report_weeks, 0)),
         neongraph.rate_percent(s.verified::pg_catalog.numeric OPERATOR(pg_catalog./) nullif(s.completed, 0)),
         s.due, s.live, s.completed, s.kpis, s.report_weeks, sc.components
    FROM s JOIN sc ON sc.lvl OPERATOR(pg_catalog.=) s.lvl AND sc.grp OPERATOR(pg_catalog.=) s.grp
                  AND sc.code OPERATOR(pg_catalog.=) s.code
$$;
COMMENT ON FUNCTION neongraph.rank_subjects(pg_catalog.text[], pg_catalog.date) IS
  'The ranking''s core: every agency whose kind is in peer_levels (and every working group if ''working_group'' is) scored as of a date and ranked within its peer group — see neongraph.ranking for the method; indicators in percent cut to 2 decimals (overdue_share as the share, lower is better), the counts behind them, and components (per indicator x, n, prior, m, adjusted, weight). The counts are those of neongraph.ranking_indicators, computed for the levels asked for only (neongraph.ranking_counts)';
