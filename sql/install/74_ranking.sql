-- The index set (Bộ chỉ số) and the ranking (xếp hạng) of agencies and
-- working groups, with snapshots per period so each rank shows the previous
-- rank and the movement.
--
-- Method (README: "The index set and ranking"):
--  1. Six indicators per subject (an agency with every agency under it, or a
--     working group), each a share x in 0..1 over a count n:
--       on_time_rate          done_on_time / due                     n = due
--       completion_rate       (done_on_time + done_late) / due        n = due
--       overdue_share         1 - overdue / (total - cancelled)       n = total - cancelled
--                             (shown as the overdue share; scored as its complement)
--       kpi_attainment        mean capped attainment / 100 of its KPIs
--                             (a KPI without a value counts 0)        n = KPIs
--       reporting_timeliness  weekly reports in by Friday 18:00 / weeks expected
--                                                                     n = weeks expected
--       verified_share        verified / completed                    n = completed
--     (statuses from neongraph.assignment_state, KPIs from
--     neongraph.kpi_results, both as of the date).
--  2. Fairness to small agencies: a Bayesian average toward the peer group,
--       adjusted = (n * x + m * prior) / (n + m)
--     m = ranking_weight.prior_weight of the indicator; prior = the peer
--     group's pooled share (sum of n * x over sum of n) — setting
--     ranking.peer_prior = 'mean' uses the plain mean of the peers' x.
--     An agency with n = 0 gets the prior; a peer group where nobody has
--     any n leaves the indicator out.
--     A subject with no assignment and no KPI is not ranked.
--  3. score = sum(weight * adjusted * 100) / sum(weight) over the indicators
--     left in, rounded to 2 decimals; rank() within the peer group by score
--     (standard competition ranking: 1, 2, 2, 4).

-- Weights ------------------------------------------------------------------

CREATE TABLE neongraph.ranking_weight (
  indicator    pg_catalog.text PRIMARY KEY
               CHECK (indicator IN ('on_time_rate', 'completion_rate', 'overdue_share',
                                    'kpi_attainment', 'reporting_timeliness', 'verified_share')),
  weight       pg_catalog.numeric NOT NULL CHECK (weight OPERATOR(pg_catalog.>=) 0),
  prior_weight pg_catalog.numeric NOT NULL CHECK (prior_weight OPERATOR(pg_catalog.>=) 0),
  description  pg_catalog.text NOT NULL,
  is_shipped   pg_catalog.bool NOT NULL DEFAULT false
);
COMMENT ON TABLE neongraph.ranking_weight IS
  'The index set''s weights: one row per indicator; the score is the weighted mean of the indicators'' adjusted values (0..100). Change with UPDATE (a dump keeps changed rows); a weight of 0 leaves the indicator out';
COMMENT ON COLUMN neongraph.ranking_weight.indicator IS 'on_time_rate, completion_rate, overdue_share, kpi_attainment, reporting_timeliness or verified_share';
COMMENT ON COLUMN neongraph.ranking_weight.weight IS 'Relative weight (the defaults add up to 100)';
COMMENT ON COLUMN neongraph.ranking_weight.prior_weight IS 'm of the Bayesian average (n * x + m * prior) / (n + m): how many tasks (KPIs, weeks) worth of the peer group''s figure an agency starts with; 0 disables the adjustment';
COMMENT ON COLUMN neongraph.ranking_weight.description IS 'What the indicator measures and its count n';
COMMENT ON COLUMN neongraph.ranking_weight.is_shipped IS 'True for the rows the extension installs, until changed; pg_dump keeps only rows where it is false';

INSERT INTO neongraph.ranking_weight (indicator, weight, prior_weight, description, is_shipped) VALUES
  ('on_time_rate', 30, 10, 'Done on time / due (due = done on time + done late + overdue); n = due', true),
  ('completion_rate', 15, 10, 'Done (on time or late) / due — the "đạt x%" of the Government Office; n = due', true),
  ('overdue_share', 15, 10, 'Overdue / live assignments (all but cancelled), scored as 100 minus the share; n = live assignments', true),
  ('kpi_attainment', 20, 3, 'Mean attainment (capped 0..100) of the KPIs the agency owns, a KPI without a value counting 0; n = KPIs', true),
  ('reporting_timeliness', 10, 4, 'Weekly reports filed by Friday 18:00 (Asia/Ho_Chi_Minh) / weeks a report was due, over the last ranking.report_weeks weeks; n = weeks due', true),
  ('verified_share', 10, 10, 'Completions verified by the coordinating group (đối soát, kiểm chứng) / completions; n = completions', true);

CREATE TRIGGER ranking_weight_shipped BEFORE INSERT OR UPDATE ON neongraph.ranking_weight
  FOR EACH ROW EXECUTE FUNCTION neongraph.shipped_row_replace('indicator');

SELECT pg_catalog.pg_extension_config_dump('neongraph.ranking_weight', 'WHERE NOT is_shipped');

-- Reporting timeliness ---------------------------------------------------------

CREATE FUNCTION neongraph.weekly_reporting(as_of pg_catalog.date, weeks pg_catalog.int4 DEFAULT NULL)
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
  WITH fr AS (
    SELECT f.friday, p.period_start, p.period_end
      FROM (SELECT ($1 OPERATOR(pg_catalog.-)
                    ((pg_catalog.date_part('isodow', $1)::pg_catalog.int4 OPERATOR(pg_catalog.+) 2) OPERATOR(pg_catalog.%) 7))
                   OPERATOR(pg_catalog.-) (7 OPERATOR(pg_catalog.*) k) AS friday
              FROM pg_catalog.generate_series(0, coalesce($2, neongraph.get_setting('ranking.report_weeks')::pg_catalog.int4)
                                                 OPERATOR(pg_catalog.-) 1) AS k) f
      CROSS JOIN LATERAL neongraph.report_period('week', f.friday) p
  ), o AS (
    SELECT fr.friday, fr.period_start, fr.period_end, a.agency_code, a.assignment_id
      FROM fr
      JOIN neongraph.assignment a
        ON NOT (a.completed_on IS NOT NULL
                AND (a.completed_on OPERATOR(pg_catalog.+) pg_catalog.time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
                    OPERATOR(pg_catalog.<) fr.period_start)
       AND NOT (a.cancelled
                AND (a.cancelled_on OPERATOR(pg_catalog.+) pg_catalog.time '00:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
                    OPERATOR(pg_catalog.<) fr.period_start)
      JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) a.task_id
      JOIN neongraph.directive d ON d.directive_id OPERATOR(pg_catalog.=) t.directive_id
     WHERE d.issued_on IS NULL OR d.issued_on OPERATOR(pg_catalog.<=) fr.friday
  )
  SELECT o.agency_code, o.friday, o.period_end,
         pg_catalog.count(DISTINCT o.assignment_id),
         pg_catalog.count(r.report_id),
         pg_catalog.count(r.report_id) OPERATOR(pg_catalog.>) 0
    FROM o
    LEFT JOIN neongraph.progress_report r
      ON r.assignment_id OPERATOR(pg_catalog.=) o.assignment_id
     AND r.reported_at OPERATOR(pg_catalog.>=) o.period_start
     AND r.reported_at OPERATOR(pg_catalog.<) o.period_end
   GROUP BY o.agency_code, o.friday, o.period_end
$$;
COMMENT ON FUNCTION neongraph.weekly_reporting(pg_catalog.date, pg_catalog.int4) IS
  'For each of the last weeks (default: setting ranking.report_weeks) whose report deadline — 18:00 on a Friday, Asia/Ho_Chi_Minh — falls on or before as_of, and each agency with an assignment open at the start of that week (of a directive issued by then): its reports filed in the week and whether it reported in time — the rule of neongraph.report_timeliness, for every agency at once';

-- Indicators -------------------------------------------------------------------

CREATE FUNCTION neongraph.ranking_indicators(as_of pg_catalog.date)
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
  WITH st AS (
    SELECT s.assignment_id, s.agency_code, s.status, s.verified FROM neongraph.assignment_state($1) s
  ), subj_a AS (          -- assignment -> subjects that count it
    SELECT 'agency'::pg_catalog.text AS kind, tr.ancestor_code AS code, st.*
      FROM st JOIN neongraph.agency_tree tr ON tr.agency_code OPERATOR(pg_catalog.=) st.agency_code
    UNION ALL
    SELECT 'working_group', g.group_code, st.*
      FROM st JOIN neongraph.assignment_group g ON g.assignment_id OPERATOR(pg_catalog.=) st.assignment_id
  ), ta AS (
    SELECT kind, code,
           pg_catalog.count(*) AS total,
           pg_catalog.count(*) FILTER (WHERE status OPERATOR(pg_catalog.<>) 'cancelled') AS live,
           pg_catalog.count(*) FILTER (WHERE status IN ('done_on_time', 'done_late', 'overdue')) AS due,
           pg_catalog.count(*) FILTER (WHERE status OPERATOR(pg_catalog.=) 'done_on_time') AS done_on_time,
           pg_catalog.count(*) FILTER (WHERE status OPERATOR(pg_catalog.=) 'done_late') AS done_late,
           pg_catalog.count(*) FILTER (WHERE status OPERATOR(pg_catalog.=) 'overdue') AS overdue,
           pg_catalog.count(*) FILTER (WHERE status IN ('done_on_time', 'done_late')) AS completed,
           pg_catalog.count(*) FILTER (WHERE status IN ('done_on_time', 'done_late') AND verified) AS verified
      FROM subj_a GROUP BY kind, code
  ), kr AS (
    SELECT k.kpi_id, k.owner_code, k.task_id, k.attainment FROM neongraph.kpi_results($1) k
  ), tk AS (
    SELECT 'agency'::pg_catalog.text AS kind, tr.ancestor_code AS code,
           pg_catalog.count(*) AS kpis, pg_catalog.sum(coalesce(kr.attainment, 0)) AS att
      FROM kr JOIN neongraph.agency_tree tr ON tr.agency_code OPERATOR(pg_catalog.=) kr.owner_code
     GROUP BY tr.ancestor_code
    UNION ALL
    SELECT 'working_group', g.group_code, pg_catalog.count(*), pg_catalog.sum(coalesce(kr.attainment, 0))
      FROM kr JOIN neongraph.kpi k ON k.kpi_id OPERATOR(pg_catalog.=) kr.kpi_id
      CROSS JOIN LATERAL (
        SELECT DISTINCT x.group_code FROM (
          SELECT t.working_group AS group_code FROM neongraph.task t
           WHERE t.task_id OPERATOR(pg_catalog.=) k.task_id AND t.working_group IS NOT NULL
          UNION ALL
          SELECT m.group_code
            FROM neongraph.agency_tree tr
            JOIN neongraph.working_group_member m ON m.agency_code OPERATOR(pg_catalog.=) tr.ancestor_code
           WHERE tr.agency_code OPERATOR(pg_catalog.=) k.owner_code
             AND NOT EXISTS (SELECT 1 FROM neongraph.task t
                              WHERE t.task_id OPERATOR(pg_catalog.=) k.task_id AND t.working_group IS NOT NULL)) x) g
     GROUP BY g.group_code
  ), wr AS (
    SELECT w.agency_code, w.in_time FROM neongraph.weekly_reporting($1) w
  ), tw AS (
    SELECT 'agency'::pg_catalog.text AS kind, tr.ancestor_code AS code,
           pg_catalog.count(*) AS weeks, pg_catalog.count(*) FILTER (WHERE wr.in_time) AS in_time
      FROM wr JOIN neongraph.agency_tree tr ON tr.agency_code OPERATOR(pg_catalog.=) wr.agency_code
     GROUP BY tr.ancestor_code
    UNION ALL
    SELECT 'working_group', g.code, pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE wr.in_time)
      FROM wr
      CROSS JOIN LATERAL (
        SELECT DISTINCT m.group_code AS code
          FROM neongraph.agency_tree tr
          JOIN neongraph.working_group_member m ON m.agency_code OPERATOR(pg_catalog.=) tr.ancestor_code
         WHERE tr.agency_code OPERATOR(pg_catalog.=) wr.agency_code) g
     GROUP BY g.code
  ), subjects AS (
    SELECT 'agency'::pg_catalog.text AS kind, a.code FROM neongraph.agency a
     WHERE a.kind OPERATOR(pg_catalog.<>) 'collective'
    UNION ALL
    SELECT 'working_group', w.code FROM neongraph.working_group w
  )
  SELECT s.kind, s.code,
         coalesce(ta.total, 0), coalesce(ta.live, 0), coalesce(ta.due, 0),
         coalesce(ta.done_on_time, 0), coalesce(ta.done_late, 0), coalesce(ta.overdue, 0),
         coalesce(ta.completed, 0), coalesce(ta.verified, 0),
         coalesce(tk.kpis, 0), coalesce(tk.att, 0),
         coalesce(tw.weeks, 0), coalesce(tw.in_time, 0)
    FROM subjects s
    LEFT JOIN ta ON ta.kind OPERATOR(pg_catalog.=) s.kind AND ta.code OPERATOR(pg_catalog.=) s.code
    LEFT JOIN tk ON tk.kind OPERATOR(pg_catalog.=) s.kind AND tk.code OPERATOR(pg_catalog.=) s.code
    LEFT JOIN tw ON tw.kind OPERATOR(pg_catalog.=) s.kind AND tw.code OPERATOR(pg_catalog.=) s.code
$$;
COMMENT ON FUNCTION neongraph.ranking_indicators(pg_catalog.date) IS
  'The counts behind the index set as of a date, for every agency (its assignments and those of every agency under it: neongraph.agency_tree) and every working group (the assignments it follows: neongraph.assignment_group): assignments total and live (not cancelled), due, done on time, done late, overdue, completed, verified; KPIs owned and the sum of their capped attainments (a KPI without a value 0); weekly reports due and in time (neongraph.weekly_reporting). A working group''s KPIs are those of its tasks, else of its member agencies; its weeks those of its member agencies';

-- The ranking ----------------------------------------------------------------

CREATE TABLE neongraph.ranking_snapshot (
  period          pg_catalog.text NOT NULL CHECK (period IN ('week', 'month', 'quarter')),
  period_start    pg_catalog.date NOT NULL,
  as_of           pg_catalog.date NOT NULL,
  peer_level      pg_catalog.text NOT NULL,
  peer_group      pg_catalog.text NOT NULL,
  code            pg_catalog.text NOT NULL,
  rank            pg_catalog.int8 NOT NULL,
  peers           pg_catalog.int8 NOT NULL,
  score           pg_catalog.numeric NULL,
  on_time_rate    pg_catalog.numeric NULL,
  completion_rate pg_catalog.numeric NULL,
  overdue_share   pg_catalog.numeric NULL,
  kpi_attainment  pg_catalog.numeric NULL,
  reporting_timeliness pg_catalog.numeric NULL,
  verified_share  pg_catalog.numeric NULL,
  components      pg_catalog.jsonb NOT NULL,
  taken_at        pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  PRIMARY KEY (period, period_start, peer_level, code)
);
CREATE INDEX ranking_snapshot_lookup_idx ON neongraph.ranking_snapshot (peer_level, code, period, period_start);
COMMENT ON TABLE neongraph.ranking_snapshot IS
  'Rankings kept per period (week, month, quarter) by neongraph.take_ranking_snapshot, so that a ranking shows each subject''s previous rank, movement and indicator changes';
COMMENT ON COLUMN neongraph.ranking_snapshot.period IS 'week (ISO week, Monday to Sunday), month or quarter';
COMMENT ON COLUMN neongraph.ranking_snapshot.period_start IS 'First day of the period (date_trunc of as_of)';
COMMENT ON COLUMN neongraph.ranking_snapshot.as_of IS 'The date the ranking was computed as of';
COMMENT ON COLUMN neongraph.ranking_snapshot.peer_level IS 'The agency kind ranked (ministry, province, department, ...) or working_group';
COMMENT ON COLUMN neongraph.ranking_snapshot.peer_group IS 'The peer group: the kind for central bodies, ministries and provinces; the parent (province) for departments and communes; working_group for groups';
COMMENT ON COLUMN neongraph.ranking_snapshot.code IS 'Agency or working group code';
COMMENT ON COLUMN neongraph.ranking_snapshot.rank IS 'Rank within the peer group (1, 2, 2, 4)';
COMMENT ON COLUMN neongraph.ranking_snapshot.peers IS 'Number of subjects in the peer group';
COMMENT ON COLUMN neongraph.ranking_snapshot.score IS 'Score 0..100 (2 decimals)';
COMMENT ON COLUMN neongraph.ranking_snapshot.on_time_rate IS 'On-time rate, percent (cut to 2 decimals), before adjustment';
COMMENT ON COLUMN neongraph.ranking_snapshot.completion_rate IS 'Completion rate, percent (cut to 2 decimals)';
COMMENT ON COLUMN neongraph.ranking_snapshot.overdue_share IS 'Overdue share, percent (cut to 2 decimals); lower is better';
COMMENT ON COLUMN neongraph.ranking_snapshot.kpi_attainment IS 'Mean KPI attainment, percent (cut to 2 decimals)';
COMMENT ON COLUMN neongraph.ranking_snapshot.reporting_timeliness IS 'Weekly reports in time, percent (cut to 2 decimals)';
COMMENT ON COLUMN neongraph.ranking_snapshot.verified_share IS 'Verified completions, percent (cut to 2 decimals)';
COMMENT ON COLUMN neongraph.ranking_snapshot.components IS 'Per indicator: value x (0..1), count n, peer prior, prior weight m, adjusted value, weight — everything needed to recompute the score by hand';
COMMENT ON COLUMN neongraph.ranking_snapshot.taken_at IS 'When the snapshot was taken';

SELECT pg_catalog.pg_extension_config_dump('neongraph.ranking_snapshot', '');

CREATE FUNCTION neongraph.check_ranking_period(period pg_catalog.text)
  RETURNS pg_catalog.text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF period IS NULL OR period NOT IN ('week', 'month', 'quarter') THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = pg_catalog.format('invalid ranking period: %s', coalesce(pg_catalog.quote_literal(period), 'NULL')),
      DETAIL = 'Rankings are kept per week, month or quarter.',
      HINT = 'Use ''week'', ''month'' or ''quarter''.';
  END IF;
  RETURN period;
END
$$;
COMMENT ON FUNCTION neongraph.check_ranking_period(pg_catalog.text) IS
  'Returns period if it is week, month or quarter; else raises 22023';

-- the core: every subject of the given levels, scored and ranked
CREATE FUNCTION neongraph.rank_subjects(peer_levels pg_catalog.text[], as_of pg_catalog.date)
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
      FROM neongraph.ranking_indicators($2) i
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
  'The ranking''s core: every agency whose kind is in peer_levels (and every working group if ''working_group'' is) scored as of a date and ranked within its peer group — see neongraph.ranking for the method; indicators in percent cut to 2 decimals (overdue_share as the share, lower is better), the counts behind them, and components (per indicator x, n, prior, m, adjusted, weight)';

CREATE FUNCTION neongraph.check_peer_level(peer_level pg_catalog.text)
  RETURNS pg_catalog.text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF peer_level IS NULL OR peer_level NOT IN ('party_central', 'state_central', 'ministry', 'province',
                                              'department', 'commune', 'enterprise', 'working_group') THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = pg_catalog.format('invalid peer level for a ranking: %s', coalesce(pg_catalog.quote_literal(peer_level), 'NULL')),
      DETAIL = 'Agencies are ranked among agencies of the same kind (departments and communes within their province); working groups among working groups.',
      HINT = 'Use ministry, province, department, commune, party_central, state_central, enterprise or working_group.';
  END IF;
  RETURN peer_level;
END
$$;
COMMENT ON FUNCTION neongraph.check_peer_level(pg_catalog.text) IS
  'Returns peer_level if it is an agency kind that can be ranked (every kind but collective) or working_group; else raises 22023';

CREATE FUNCTION neongraph.rankings(peer_levels pg_catalog.text[], as_of pg_catalog.date DEFAULT neongraph.today(),
                                   compare_period pg_catalog.text DEFAULT 'week')
  RETURNS TABLE (
    peer_level                   pg_catalog.text,
    peer_group                   pg_catalog.text,
    rank                         pg_catalog.int8,
    peers                        pg_catalog.int8,
    code                         pg_catalog.text,
    name                         pg_catalog.text,
    score                        pg_catalog.numeric,
    previous_rank                pg_catalog.int8,
    movement                     pg_catalog.int8,
    previous_score               pg_catalog.numeric,
    score_change                 pg_catalog.numeric,
    on_time_rate                 pg_catalog.numeric,
    on_time_rate_change          pg_catalog.numeric,
    completion_rate              pg_catalog.numeric,
    completion_rate_change       pg_catalog.numeric,
    overdue_share                pg_catalog.numeric,
    overdue_share_change         pg_catalog.numeric,
    kpi_attainment               pg_catalog.numeric,
    kpi_attainment_change        pg_catalog.numeric,
    reporting_timeliness         pg_catalog.numeric,
    reporting_timeliness_change  pg_catalog.numeric,
    verified_share               pg_catalog.numeric,
    verified_share_change        pg_catalog.numeric,
    due                          pg_catalog.int8,
    live                         pg_catalog.int8,
    completed                    pg_catalog.int8,
    kpis                         pg_catalog.int8,
    report_weeks                 pg_catalog.int8,
    previous_as_of               pg_catalog.date,
    components                   pg_catalog.jsonb)
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
BEGIN
  IF peer_levels IS NULL OR pg_catalog.cardinality(peer_levels) OPERATOR(pg_catalog.=) 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = 'no peer level to rank',
      DETAIL = 'peer_levels is NULL or empty.',
      HINT = 'Pass e.g. ARRAY[''province''], or use neongraph.ranking(peer_level, as_of).';
  END IF;
  PERFORM neongraph.check_peer_level(l) FROM pg_catalog.unnest(peer_levels) AS l;
  PERFORM neongraph.check_ranking_period(compare_period);
  IF rankings.as_of IS NULL OR NOT pg_catalog.isfinite(rankings.as_of) THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = pg_catalog.format('invalid as-of date for a ranking: %s', coalesce(rankings.as_of::pg_catalog.text, 'NULL')),
      DETAIL = 'A ranking is computed as of a finite calendar day.',
      HINT = 'Pass a date, or nothing for neongraph.today().';
  END IF;
  RETURN QUERY
  SELECT r.peer_level, r.peer_group, r.rank, r.peers, r.code, r.name, r.score,
         p.rank, p.rank OPERATOR(pg_catalog.-) r.rank, p.score, r.score OPERATOR(pg_catalog.-) p.score,
         r.on_time_rate, r.on_time_rate OPERATOR(pg_catalog.-) p.on_time_rate,
         r.completion_rate, r.completion_rate OPERATOR(pg_catalog.-) p.completion_rate,
         r.overdue_share, r.overdue_share OPERATOR(pg_catalog.-) p.overdue_share,
         r.kpi_attainment, r.kpi_attainment OPERATOR(pg_catalog.-) p.kpi_attainment,
         r.reporting_timeliness, r.reporting_timeliness OPERATOR(pg_catalog.-) p.reporting_timeliness,
         r.verified_share, r.verified_share OPERATOR(pg_catalog.-) p.verified_share,
         r.due, r.live, r.completed, r.kpis, r.report_weeks, p.as_of, r.components
    FROM neongraph.rank_subjects(peer_levels, rankings.as_of) r
    LEFT JOIN LATERAL (
      SELECT x.* FROM neongraph.ranking_snapshot x
       WHERE x.peer_level OPERATOR(pg_catalog.=) r.peer_level AND x.code OPERATOR(pg_catalog.=) r.code
         AND x.period OPERATOR(pg_catalog.=) compare_period
         AND x.period_start OPERATOR(pg_catalog.<) pg_catalog.date_trunc(compare_period, rankings.as_of::pg_catalog.timestamp)::pg_catalog.date
       ORDER BY x.period_start DESC LIMIT 1) p ON true
   ORDER BY r.peer_level, r.peer_group, r.rank, r.code;
END
$$;
COMMENT ON FUNCTION neongraph.rankings(pg_catalog.text[], pg_catalog.date, pg_catalog.text) IS
  'The rankings of several peer levels at once (see neongraph.ranking), with the peer level as the first column';

CREATE FUNCTION neongraph.ranking(peer_level pg_catalog.text, as_of pg_catalog.date DEFAULT neongraph.today(),
                                  compare_period pg_catalog.text DEFAULT 'week')
  RETURNS TABLE (
    peer_group                   pg_catalog.text,
    rank                         pg_catalog.int8,
    peers                        pg_catalog.int8,
    code                         pg_catalog.text,
    name                         pg_catalog.text,
    score                        pg_catalog.numeric,
    previous_rank                pg_catalog.int8,
    movement                     pg_catalog.int8,
    previous_score               pg_catalog.numeric,
    score_change                 pg_catalog.numeric,
    on_time_rate                 pg_catalog.numeric,
    on_time_rate_change          pg_catalog.numeric,
    completion_rate              pg_catalog.numeric,
    completion_rate_change       pg_catalog.numeric,
    overdue_share                pg_catalog.numeric,
    overdue_share_change         pg_catalog.numeric,
    kpi_attainment               pg_catalog.numeric,
    kpi_attainment_change        pg_catalog.numeric,
    reporting_timeliness         pg_catalog.numeric,
    reporting_timeliness_change  pg_catalog.numeric,
    verified_share               pg_catalog.numeric,
    verified_share_change        pg_catalog.numeric,
    due                          pg_catalog.int8,
    live                         pg_catalog.int8,
    completed                    pg_catalog.int8,
    kpis                         pg_catalog.int8,
    report_weeks                 pg_catalog.int8,
    previous_as_of               pg_catalog.date,
    components                   pg_catalog.jsonb)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  SELECT r.peer_group, r.rank, r.peers, r.code, r.name, r.score, r.previous_rank, r.movement, r.previous_score, r.score_change, r.on_time_rate, r.on_time_rate_change, r.completion_rate, r.completion_rate_change, r.overdue_share, r.overdue_share_change, r.kpi_attainment, r.kpi_attainment_change, r.reporting_timeliness, r.reporting_timeliness_change, r.verified_share, r.verified_share_change, r.due, r.live, r.completed, r.kpis, r.report_weeks, r.previous_as_of, r.components
    FROM neongraph.rankings(ARRAY[$1], $2, $3) r
$$;
COMMENT ON FUNCTION neongraph.ranking(pg_catalog.text, pg_catalog.date, pg_catalog.text) IS
  'Agencies of one kind (peer_level: ministry, province, department, commune, party_central, state_central, enterprise; or working_group) ranked within their peer group as of a date (default today): ministries among ministries, provinces among provinces, departments and communes within their province (an agency counts the assignments of every agency under it). Score 0..100 = weighted mean (neongraph.ranking_weight) of six indicators, each a Bayesian average (n·x + m·prior)/(n + m) toward the peer group''s pooled figure, rounded to 2 decimals; rank() ties 1, 2, 2, 4. previous_rank, movement (previous minus current: positive is up), previous_score, score_change and the indicators'' changes (percentage points) compare with the latest snapshot (neongraph.take_ranking_snapshot) of compare_period before the period containing as_of; components has every figure behind the score';

CREATE FUNCTION neongraph.group_ranking(as_of pg_catalog.date DEFAULT neongraph.today(),
                                        compare_period pg_catalog.text DEFAULT 'week')
  RETURNS TABLE (
    peer_group                   pg_catalog.text,
    rank                         pg_catalog.int8,
    peers                        pg_catalog.int8,
    code                         pg_catalog.text,
    name                         pg_catalog.text,
    score                        pg_catalog.numeric,
    previous_rank                pg_catalog.int8,
    movement                     pg_catalog.int8,
    previous_score               pg_catalog.numeric,
    score_change                 pg_catalog.numeric,
    on_time_rate                 pg_catalog.numeric,
    on_time_rate_change          pg_catalog.numeric,
    completion_rate              pg_catalog.numeric,
    completion_rate_change       pg_catalog.numeric,
    overdue_share                pg_catalog.numeric,
    overdue_share_change         pg_catalog.numeric,
    kpi_attainment               pg_catalog.numeric,
    kpi_attainment_change        pg_catalog.numeric,
    reporting_timeliness         pg_catalog.numeric,
    reporting_timeliness_change  pg_catalog.numeric,
    verified_share               pg_catalog.numeric,
    verified_share_change        pg_catalog.numeric,
    due                          pg_catalog.int8,
    live                         pg_catalog.int8,
    completed                    pg_catalog.int8,
    kpis                         pg_catalog.int8,
    report_weeks                 pg_catalog.int8,
    previous_as_of               pg_catalog.date,
    components                   pg_catalog.jsonb)
  LANGUAGE sql STABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
  SELECT r.peer_group, r.rank, r.peers, r.code, r.name, r.score, r.previous_rank, r.movement, r.previous_score, r.score_change, r.on_time_rate, r.on_time_rate_change, r.completion_rate, r.completion_rate_change, r.overdue_share, r.overdue_share_change, r.kpi_attainment, r.kpi_attainment_change, r.reporting_timeliness, r.reporting_timeliness_change, r.verified_share, r.verified_share_change, r.due, r.live, r.completed, r.kpis, r.report_weeks, r.previous_as_of, r.components
    FROM neongraph.rankings(ARRAY['working_group'], $1, $2) r
$$;
COMMENT ON FUNCTION neongraph.group_ranking(pg_catalog.date, pg_catalog.text) IS
  'Working groups ranked among themselves as of a date, the same way as agencies (neongraph.ranking(''working_group'', as_of)): a group''s assignments are those it follows (neongraph.assignment_group), its KPIs those of its tasks or member agencies, its weekly reports those of its member agencies';

CREATE FUNCTION neongraph.take_ranking_snapshot(period pg_catalog.text, as_of pg_catalog.date DEFAULT neongraph.today())
  RETURNS pg_catalog.int8
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
  SET jit = off   -- compiling these long plans costs far more than it saves
AS $$
DECLARE
  start_ pg_catalog.date;
  n pg_catalog.int8;
BEGIN
  PERFORM neongraph.check_ranking_period(period);
  IF as_of IS NULL OR NOT pg_catalog.isfinite(as_of) THEN
    RAISE EXCEPTION USING ERRCODE = '22023',
      MESSAGE = pg_catalog.format('invalid as-of date for a ranking snapshot: %s', coalesce(as_of::pg_catalog.text, 'NULL')),
      DETAIL = 'A snapshot is taken as of a finite calendar day.',
      HINT = 'Pass a date, or nothing for neongraph.today().';
  END IF;
  start_ := pg_catalog.date_trunc(period, as_of::pg_catalog.timestamp)::pg_catalog.date;
  DELETE FROM neongraph.ranking_snapshot x
   WHERE x.period OPERATOR(pg_catalog.=) take_ranking_snapshot.period
     AND x.period_start OPERATOR(pg_catalog.=) start_;
  INSERT INTO neongraph.ranking_snapshot
         (period, period_start, as_of, peer_level, peer_group, code, rank, peers, score,
          on_time_rate, completion_rate, overdue_share, kpi_attainment, reporting_timeliness, verified_share,
          components)
  SELECT period, start_, as_of, r.peer_level, r.peer_group, r.code, r.rank, r.peers, r.score,
         r.on_time_rate, r.completion_rate, r.overdue_share, r.kpi_attainment, r.reporting_timeliness,
         r.verified_share, r.components
    FROM neongraph.rank_subjects(
           ARRAY(SELECT DISTINCT a.kind FROM neongraph.agency a WHERE a.kind OPERATOR(pg_catalog.<>) 'collective')
           OPERATOR(pg_catalog.||) ARRAY['working_group'], as_of) r;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION neongraph.take_ranking_snapshot(pg_catalog.text, pg_catalog.date) IS
  'Keeps the rankings of every peer level and of the working groups as of a date as the snapshot of the period (week: ISO week from Monday; month; quarter) containing it, replacing an earlier snapshot of that period; returns the rows kept. Schedule it (e.g. pg_cron on Friday after 18:00) so that rankings show the previous period''s rank and the movement';

CREATE VIEW neongraph.ranking_current AS
  SELECT r.*
    FROM neongraph.rankings(
           ARRAY(SELECT DISTINCT a.kind FROM neongraph.agency a WHERE a.kind OPERATOR(pg_catalog.<>) 'collective')
           OPERATOR(pg_catalog.||) ARRAY['working_group'],
           neongraph.today(), 'week') r;
COMMENT ON VIEW neongraph.ranking_current IS
  'Every ranking as of today in Vietnam — each agency kind within its peer groups, and the working groups — with the previous week''s snapshot rank and the movement: for BI tools. Functions neongraph.ranking(peer_level, as_of) and neongraph.group_ranking(as_of) give any date';

DO $do$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT * FROM (VALUES
    ('peer_level', 'The agency kind ranked, or working_group'),
    ('peer_group', 'The peer group ranked together: the kind for central bodies, ministries and provinces; the province (parent code) for departments and communes; working_group'),
    ('rank', 'Rank within the peer group by score, standard competition ranking (1, 2, 2, 4)'),
    ('peers', 'Number of subjects in the peer group'),
    ('code', 'Agency or working group code'),
    ('name', 'Agency or working group name'),
    ('score', 'Score 0..100, 2 decimals: weighted mean of the adjusted indicators'),
    ('previous_rank', 'Rank in the previous period''s snapshot; NULL if none'),
    ('movement', 'previous_rank minus rank: positive moved up, negative moved down'),
    ('previous_score', 'Score in the previous period''s snapshot'),
    ('score_change', 'score minus previous_score (score points)'),
    ('on_time_rate', 'Done on time / due, percent cut to 2 decimals, before adjustment'),
    ('on_time_rate_change', 'Change since the previous snapshot, percentage points'),
    ('completion_rate', 'Done (on time or late) / due, percent cut to 2 decimals'),
    ('completion_rate_change', 'Change since the previous snapshot, percentage points'),
    ('overdue_share', 'Overdue / live assignments, percent cut to 2 decimals (lower is better; scored as 100 minus it)'),
    ('overdue_share_change', 'Change since the previous snapshot, percentage points (negative is better)'),
    ('kpi_attainment', 'Mean capped KPI attainment, percent cut to 2 decimals'),
    ('kpi_attainment_change', 'Change since the previous snapshot, percentage points'),
    ('reporting_timeliness', 'Weekly reports in by Friday 18:00 / weeks due, percent cut to 2 decimals'),
    ('reporting_timeliness_change', 'Change since the previous snapshot, percentage points'),
    ('verified_share', 'Verified completions / completions, percent cut to 2 decimals'),
    ('verified_share_change', 'Change since the previous snapshot, percentage points'),
    ('due', 'Assignments due (done on time, done late or overdue): n of the on-time and completion rates'),
    ('live', 'Assignments not cancelled: n of the overdue share'),
    ('completed', 'Completed assignments: n of the verified share'),
    ('kpis', 'KPIs owned: n of the KPI attainment'),
    ('report_weeks', 'Weekly reports due: n of the reporting timeliness'),
    ('previous_as_of', 'The as-of date of the snapshot compared with'),
    ('components', 'Per indicator: x (0..1), n, prior (peer figure), m (prior weight), adjusted = (n·x + m·prior)/(n + m), weight')
  ) AS v(col, txt)
  LOOP
    EXECUTE pg_catalog.format('COMMENT ON COLUMN neongraph.ranking_current.%I IS %L', c.col, c.txt);
  END LOOP;
END
$do$;
