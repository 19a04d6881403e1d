-- test/bench/ranking_baseline.sql — the ranking of agencies written as plain
-- SQL over the assignments: the baseline that test/bench/scale.sh times
-- against neongraph.rankings(peer_levels, as_of) (sql/install/74_ranking.sql)
-- on the generator's national load, checking (on the warm-up run) that both
-- give the same rows.  Loaded into scale.sh's throwaway databases after
-- scale.sql; never part of the extension.
--
--   sbench.ranking_plain(peer_levels, as_of)
--                      the rows of neongraph.rankings(peer_levels, as_of)
--                      (the columns of neongraph.rank_subjects: no snapshot
--                      comparison), agency kinds only (not working_group)
--
-- The method is the ranking's (README "The index set and ranking"): six
-- indicators per agency over its assignments and those of every agency under
-- it, a Bayesian average toward the peer group's pooled figure, the weighted
-- score, rank() within the peer group.  Written as one would without the
-- extension: statuses by a CASE on the due date and recurring flag a schema
-- without the deadline type stores (sbench.task_due, built once from
-- neongraph.task by sbench.make_core_tables in scale.sql; SPEC "Task
-- status", the rule of neongraph.assignment_state); counts per agency first, then
-- summed up the hierarchy (a recursive walk from the ranked agencies down);
-- KPI attainment as in neongraph.kpi_attainment; reporting timeliness as in
-- neongraph.weekly_reporting, with the weeks' open assignments reduced to
-- (agency, week) pairs and only the reports filed in those weeks read.
-- Only the agencies of the ranked kinds are computed.

CREATE SCHEMA IF NOT EXISTS sbench;

-- sbench.task_due is made after the load (sbench.make_core_tables, scale.sql)
SET check_function_bodies = off;

CREATE OR REPLACE FUNCTION sbench.ranking_plain(peer_levels text[], as_of date)
  RETURNS TABLE (
    peer_level      text,
    peer_group      text,
    rank            bigint,
    peers           bigint,
    code            text,
    name            text,
    score           numeric,
    on_time_rate    numeric,
    completion_rate numeric,
    overdue_share   numeric,
    kpi_attainment  numeric,
    reporting_timeliness numeric,
    verified_share  numeric,
    due             bigint,
    live            bigint,
    completed       bigint,
    kpis            bigint,
    report_weeks    bigint,
    components      jsonb)
  LANGUAGE sql STABLE STRICT
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH RECURSIVE tree(ancestor_code, agency_code, path) AS (   -- ranked agency -> itself and every agency under it
    SELECT a.code, a.code, ARRAY[a.code] FROM neongraph.agency a
     WHERE a.kind = ANY (peer_levels) AND a.kind <> 'collective'
    UNION ALL
    SELECT tree.ancestor_code, c.code, tree.path || c.code
      FROM tree JOIN neongraph.agency c ON c.parent_code = tree.agency_code
     WHERE c.kind <> 'collective' AND c.code <> ALL (tree.path)
  ), st AS (               -- each assignment's status as of the date
    SELECT a.agency_code,
           CASE WHEN a.cancelled AND a.cancelled_on <= as_of THEN 'cancelled'
                WHEN a.completed_on <= as_of THEN
                  CASE WHEN u.is_recurring OR u.due IS NULL OR a.completed_on <= u.due
                       THEN 'done_on_time' ELSE 'done_late' END
                WHEN u.is_recurring THEN 'recurring'
                WHEN u.due IS NULL THEN 'no_deadline'
                WHEN as_of > u.due THEN 'overdue'
                WHEN u.due - as_of <= 7 THEN 'due_soon'
                ELSE 'on_track' END AS status,
           a.verified AND a.verified_on <= as_of AS verified
      FROM neongraph.assignment a
      JOIN sbench.task_due u ON u.task_id = a.task_id
      JOIN neongraph.directive d ON d.directive_id = u.directive_id
     WHERE d.issued_on IS NULL OR d.issued_on <= as_of
  ), per_agency AS (       -- counts per agency
    SELECT agency_code,
           count(*) AS total,
           count(*) FILTER (WHERE status <> 'cancelled') AS live,
           count(*) FILTER (WHERE status IN ('done_on_time', 'done_late', 'overdue')) AS due,
           count(*) FILTER (WHERE status = 'done_on_time') AS done_on_time,
           count(*) FILTER (WHERE status = 'done_late') AS done_late,
           count(*) FILTER (WHERE status = 'overdue') AS overdue,
           count(*) FILTER (WHERE status IN ('done_on_time', 'done_late')) AS completed,
           count(*) FILTER (WHERE status IN ('done_on_time', 'done_late') AND verified) AS verified
      FROM st GROUP BY agency_code
  ), ta AS (               -- ... summed up the hierarchy
    SELECT tree.ancestor_code AS code,
           sum(p.total)::bigint AS total, sum(p.live)::bigint AS live, sum(p.due)::bigint AS due,
           sum(p.done_on_time)::bigint AS done_on_time, sum(p.done_late)::bigint AS done_late,
           sum(p.overdue)::bigint AS overdue, sum(p.completed)::bigint AS completed,
           sum(p.verified)::bigint AS verified
      FROM per_agency p JOIN tree ON tree.agency_code = p.agency_code
     GROUP BY tree.ancestor_code
  ), kv AS (               -- each KPI's latest value measured by the date
    SELECT DISTINCT ON (v.kpi_id) v.kpi_id, v.value
      FROM neongraph.kpi_value v WHERE v.measured_on <= as_of
     ORDER BY v.kpi_id, v.measured_on DESC
  ), ka AS (               -- its capped attainment in percent (neongraph.kpi_attainment)
    SELECT k.owner_code,
           CASE WHEN kv.value IS NULL THEN NULL
                ELSE round(least(100::numeric, greatest(0::numeric,
                  CASE WHEN k.baseline IS NOT NULL
                            AND ((k.direction = 'increase' AND k.baseline < k.target)
                                 OR (k.direction = 'decrease' AND k.baseline > k.target))
                         THEN (kv.value - k.baseline) * 100 / (k.target - k.baseline)
                       WHEN k.direction = 'increase'
                         THEN CASE WHEN k.target > 0 THEN kv.value * 100 / k.target
                                   WHEN kv.value >= k.target THEN 100 ELSE 0 END
                       ELSE CASE WHEN kv.value > 0 THEN k.target * 100 / kv.value
                                 WHEN kv.value <= k.target THEN 100 ELSE 0 END
                  END)), 2) END AS attainment
      FROM neongraph.kpi k LEFT JOIN kv ON kv.kpi_id = k.kpi_id
  ), tk AS (
    SELECT tree.ancestor_code AS code, count(*) AS kpis, sum(coalesce(ka.attainment, 0)) AS att
      FROM ka JOIN tree ON tree.agency_code = ka.owner_code
     GROUP BY tree.ancestor_code
  ), fr AS (               -- the last report_weeks Fridays on or before the date, and their weeks
    SELECT f.friday,
           ((f.friday - 7) + time '18:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS period_start,
           (f.friday + time '18:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS period_end
      FROM (SELECT (as_of - ((extract(isodow FROM as_of)::int + 2) % 7)) - 7 * k AS friday
              FROM generate_series(0, (SELECT s.value::int - 1 FROM neongraph.setting s
                                        WHERE s.name = 'ranking.report_weeks')) k) f
  ), open_week AS (        -- agency has an assignment open at the start of the week
    SELECT a.agency_code, fr.friday
      FROM fr
      JOIN neongraph.assignment a
        ON NOT (a.completed_on IS NOT NULL
                AND (a.completed_on + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' < fr.period_start)
       AND NOT (a.cancelled
                AND (a.cancelled_on + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' < fr.period_start)
      JOIN sbench.task_due u ON u.task_id = a.task_id
      JOIN neongraph.directive d ON d.directive_id = u.directive_id
     WHERE d.issued_on IS NULL OR d.issued_on <= fr.friday
     GROUP BY a.agency_code, fr.friday
  ), reported AS (         -- ... and filed a report on one of them in the week
    SELECT DISTINCT a.agency_code, fr.friday
      FROM fr
      JOIN neongraph.progress_report r
        ON r.reported_at >= fr.period_start AND r.reported_at < fr.period_end
      JOIN neongraph.assignment a ON a.assignment_id = r.assignment_id
      JOIN sbench.task_due u ON u.task_id = a.task_id
      JOIN neongraph.directive d ON d.directive_id = u.directive_id
     WHERE NOT (a.completed_on IS NOT NULL
                AND (a.completed_on + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' < fr.period_start)
       AND NOT (a.cancelled
                AND (a.cancelled_on + time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' < fr.period_start)
       AND (d.issued_on IS NULL OR d.issued_on <= fr.friday)
  ), tw AS (
    SELECT tree.ancestor_code AS code, count(*) AS weeks, count(r.friday) AS in_time
      FROM open_week o
      JOIN tree ON tree.agency_code = o.agency_code
      LEFT JOIN reported r ON r.agency_code = o.agency_code AND r.friday = o.friday
     GROUP BY tree.ancestor_code
  ), s AS (                -- the ranked subjects; nothing to assess: not ranked
    SELECT a.kind AS lvl,
           CASE WHEN a.kind IN ('department', 'commune') THEN coalesce(a.parent_code, a.kind) ELSE a.kind END AS grp,
           a.name AS nm, a.code,
           coalesce(ta.total, 0) AS total, coalesce(ta.live, 0) AS live, coalesce(ta.due, 0) AS due,
           coalesce(ta.done_on_time, 0) AS done_on_time, coalesce(ta.done_late, 0) AS done_late,
           coalesce(ta.overdue, 0) AS overdue, coalesce(ta.completed, 0) AS completed,
           coalesce(ta.verified, 0) AS verified,
           coalesce(tk.kpis, 0) AS kpis, coalesce(tk.att, 0) AS kpi_attainment_sum,
           coalesce(tw.weeks, 0) AS report_weeks, coalesce(tw.in_time, 0) AS reports_in_time
      FROM neongraph.agency a
      LEFT JOIN ta ON ta.code = a.code
      LEFT JOIN tk ON tk.code = a.code
      LEFT JOIN tw ON tw.code = a.code
     WHERE a.kind = ANY (peer_levels) AND a.kind <> 'collective'
       AND (coalesce(ta.total, 0) > 0 OR coalesce(tk.kpis, 0) > 0)
  ), ind AS (              -- one row per subject and indicator: x in 0..1 over n
    SELECT s.lvl, s.grp, s.code, v.indicator, v.n, v.x
      FROM s CROSS JOIN LATERAL (VALUES
        ('on_time_rate', s.due, s.done_on_time::numeric / nullif(s.due, 0)),
        ('completion_rate', s.due, (s.done_on_time + s.done_late)::numeric / nullif(s.due, 0)),
        ('overdue_share', s.live, 1 - (s.overdue::numeric / nullif(s.live, 0))),
        ('kpi_attainment', s.kpis, s.kpi_attainment_sum / 100 / nullif(s.kpis, 0)),
        ('reporting_timeliness', s.report_weeks, s.reports_in_time::numeric / nullif(s.report_weeks, 0)),
        ('verified_share', s.completed, s.verified::numeric / nullif(s.completed, 0))
      ) AS v(indicator, n, x)
  ), prior AS (            -- the peer group's pooled figure (or plain mean)
    SELECT ind.lvl, ind.grp, ind.indicator,
           CASE WHEN (SELECT st.value FROM neongraph.setting st WHERE st.name = 'ranking.peer_prior') = 'mean'
                THEN avg(ind.x)
                ELSE sum(ind.n * ind.x) FILTER (WHERE ind.n > 0) / nullif(sum(ind.n), 0) END AS prior
      FROM ind GROUP BY ind.lvl, ind.grp, ind.indicator
  ), adj AS (              -- Bayesian average (n x + m prior) / (n + m)
    SELECT ind.*, p.prior, w.weight, w.prior_weight AS m,
           CASE WHEN p.prior IS NULL THEN NULL
                WHEN ind.n + w.prior_weight = 0 THEN p.prior
                ELSE ((ind.n * coalesce(ind.x, 0)) + (w.prior_weight * p.prior)) / (ind.n + w.prior_weight) END AS adjusted
      FROM ind
      JOIN prior p USING (lvl, grp, indicator)
      JOIN neongraph.ranking_weight w ON w.indicator = ind.indicator
  ), sc AS (
    SELECT adj.lvl, adj.grp, adj.code,
           round(sum(adj.weight * adj.adjusted * 100) FILTER (WHERE adj.adjusted IS NOT NULL AND adj.weight > 0)
                 / nullif(sum(adj.weight) FILTER (WHERE adj.adjusted IS NOT NULL AND adj.weight > 0), 0), 2) AS score,
           jsonb_object_agg(adj.indicator, jsonb_build_object(
             'x', round(adj.x, 6), 'n', adj.n, 'prior', round(adj.prior, 6), 'm', adj.m,
             'adjusted', round(adj.adjusted, 6), 'weight', adj.weight)) AS components
      FROM adj GROUP BY adj.lvl, adj.grp, adj.code
  )
  SELECT s.lvl, s.grp,
         rank() OVER (PARTITION BY s.lvl, s.grp ORDER BY sc.score DESC NULLS LAST),
         count(*) OVER (PARTITION BY s.lvl, s.grp),
         s.code, s.nm, sc.score,
         trunc(s.done_on_time::numeric / nullif(s.due, 0) * 100, 2),
         trunc((s.done_on_time + s.done_late)::numeric / nullif(s.due, 0) * 100, 2),
         trunc(s.overdue::numeric / nullif(s.live, 0) * 100, 2),
         trunc(s.kpi_attainment_sum / 100 / nullif(s.kpis, 0) * 100, 2),
         trunc(s.reports_in_time::numeric / nullif(s.report_weeks, 0) * 100, 2),
         trunc(s.verified::numeric / nullif(s.completed, 0) * 100, 2),
         s.due, s.live, s.completed, s.kpis, s.report_weeks, sc.components
    FROM s JOIN sc ON sc.lvl = s.lvl AND sc.grp = s.grp AND sc.code = s.code
$$;

RESET check_function_bodies;
