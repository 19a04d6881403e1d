-- The cascade graph (src/cascade.c): the cycle check on task links, the
-- cascade of a task, its status level by level, and the bottlenecks.
--
-- The held-up graph.  "A derives from B" (A implements the higher-level B)
-- means B cannot be complete before A is; "A depends on B" means A cannot
-- finish before B.  Reading each link as "X holds up Y":
--   A derives from B  =>  A holds up B
--   A depends on B    =>  B holds up A
-- Links are refused when they would make this graph cyclic.  That refuses
-- every cycle among derives links and every cycle among depends links, and
-- a mixed cycle that is a deadlock (A derives from B and depends on B); it
-- allows a mixed loop that is none (a central task that depends on a local
-- task which derives from it).  Bottlenecks are ranked by how many tasks
-- they hold up, transitively.
--
-- SQLSTATE raised here: 23514 check_violation (a link would close a cycle;
-- the constraint name reported is task_link_no_cycle).

CREATE FUNCTION neongraph.task_link_no_cycle()
  RETURNS trigger
  AS 'MODULE_PATHNAME', 'task_link_no_cycle'
  LANGUAGE C VOLATILE;
COMMENT ON FUNCTION neongraph.task_link_no_cycle() IS
  'Trigger on neongraph.task_link (BEFORE INSERT OR UPDATE) refusing, with SQLSTATE 23514, a link that would close a cycle of the held-up graph (A derives from B: A holds up B; A depends on B: B holds up A), self-links included; the message names the cycle as a chain of task ids, the detail gives each link with its directive and item number. It searches from both ends of the new link at once, one indexed query per level; it takes the advisory lock (oid of neongraph.task_link, 28263) for the rest of the transaction, so concurrent halves of a cycle cannot both succeed, reads through the latest snapshot, and reads as the table owner so that links hidden from the caller still count';

CREATE TRIGGER task_link_no_cycle
  BEFORE INSERT OR UPDATE OF from_task, to_task, kind ON neongraph.task_link
  FOR EACH ROW EXECUTE FUNCTION neongraph.task_link_no_cycle();

CREATE FUNCTION neongraph.cascade(root_task pg_catalog.int8)
  RETURNS TABLE (task_id pg_catalog.int8, depth pg_catalog.int4, path pg_catalog.int8[])
  AS 'MODULE_PATHNAME', 'ng_cascade'
  LANGUAGE C STABLE STRICT PARALLEL RESTRICTED ROWS 1000;
COMMENT ON FUNCTION neongraph.cascade(pg_catalog.int8) IS
  'Every task that implements root_task, transitively (derives links followed downwards), once each however many ways it is reached: its depth (1 for a task deriving directly from root_task) and one shortest path from root_task to it (root_task first; among equally short paths, the one through the smallest parent id). Rows come by depth, then task_id; root_task itself is not listed. One indexed query per level; reads only links the caller can see';

CREATE FUNCTION neongraph.hold_up_counts(tasks pg_catalog.int8[])
  RETURNS TABLE (task_id pg_catalog.int8, held_up pg_catalog.int8, held_up_direct pg_catalog.int4)
  AS 'MODULE_PATHNAME', 'hold_up_counts'
  LANGUAGE C STABLE STRICT PARALLEL RESTRICTED ROWS 100;
COMMENT ON FUNCTION neongraph.hold_up_counts(pg_catalog.int8[]) IS
  'For each distinct task of tasks: held_up, the number of distinct other tasks it holds up, transitively (the task it derives from, the tasks that depend on it, and so on), and held_up_direct, those it holds up through one link. Reads every link once, builds the graph in memory (compressed adjacency), then one breadth-first search per task: O(links) plus the sum of what each task reaches';

-- The status of an assignment as of a date, row by row: the same rule as the
-- status column of neongraph.assignment_state(as_of) (57_views.sql), which
-- computes every assignment; cascade_status needs only the cascade's.
CREATE FUNCTION neongraph.cascade_assignment_status(a neongraph.assignment, t neongraph.task,
                                                    as_of pg_catalog.date)
  RETURNS neongraph.task_status
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE
           WHEN a.cancelled AND a.cancelled_on OPERATOR(pg_catalog.<=) as_of
             THEN 'cancelled'::neongraph.task_status
           ELSE neongraph.deadline_status(coalesce(t.assigned_deadline, t.deadline),
                                          CASE WHEN a.completed_on OPERATOR(pg_catalog.<=) as_of
                                               THEN a.completed_on END,
                                          as_of)
         END
$$;
COMMENT ON FUNCTION neongraph.cascade_assignment_status(neongraph.assignment, neongraph.task, pg_catalog.date) IS
  'Status of an assignment a (of task t) as it stood on as_of, by the rule of the status column of neongraph.assignment_state(as_of): cancelled from its cancellation date on, else neongraph.deadline_status against the assigned deadline (the current one when none was assigned), a completion after as_of not yet known';

CREATE FUNCTION neongraph.agency_kind_label(kind pg_catalog.text)
  RETURNS pg_catalog.text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE kind
           WHEN 'party_central' THEN 'cơ quan Trung ương'
           WHEN 'state_central' THEN 'cơ quan Trung ương'
           WHEN 'ministry' THEN 'bộ, ngành'
           WHEN 'province' THEN 'tỉnh, thành phố'
           WHEN 'department' THEN 'sở, ban, ngành'
           WHEN 'commune' THEN 'xã, phường, đặc khu'
           WHEN 'enterprise' THEN 'doanh nghiệp'
           ELSE 'cơ quan, đơn vị'
         END
$$;
COMMENT ON FUNCTION neongraph.agency_kind_label(pg_catalog.text) IS
  'Vietnamese plural label of a kind of agency, as the summaries use it: province -> "tỉnh, thành phố", commune -> "xã, phường, đặc khu", ministry -> "bộ, ngành", ...; NULL or other -> "cơ quan, đơn vị"';

CREATE FUNCTION neongraph.cascade_status(root_task pg_catalog.int8,
                                         as_of pg_catalog.date DEFAULT neongraph.today())
  RETURNS TABLE (depth pg_catalog.int4, agency_kind pg_catalog.text,
                 agencies pg_catalog.int8, agencies_done pg_catalog.int8,
                 agencies_overdue pg_catalog.int8, tasks pg_catalog.int8,
                 assignments pg_catalog.int8, counts neongraph.rollup,
                 summary pg_catalog.text)
  LANGUAGE sql STABLE PARALLEL RESTRICTED
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH c AS (
    SELECT $1 AS task_id, 0 AS depth
    UNION ALL
    SELECT x.task_id, x.depth FROM neongraph.cascade($1) x
  ), s AS (
    SELECT c.depth, g.kind AS agency_kind, a.agency_code, c.task_id,
           neongraph.cascade_assignment_status(a, t, $2) AS st
      FROM c
      JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) c.task_id
      JOIN neongraph.directive d ON d.directive_id OPERATOR(pg_catalog.=) t.directive_id
      JOIN neongraph.assignment a ON a.task_id OPERATOR(pg_catalog.=) c.task_id
      JOIN neongraph.agency g ON g.code OPERATOR(pg_catalog.=) a.agency_code
     WHERE d.issued_on IS NULL OR d.issued_on OPERATOR(pg_catalog.<=) $2
  ), per_agency AS (
    -- done: every live assignment done (NULL when all are cancelled)
    SELECT s.depth, s.agency_kind, s.agency_code,
           pg_catalog.bool_and(s.st IN ('done_on_time', 'done_late'))
             FILTER (WHERE s.st OPERATOR(pg_catalog.<>) 'cancelled') AS done,
           pg_catalog.bool_or(s.st OPERATOR(pg_catalog.=) 'overdue') AS overdue
      FROM s GROUP BY s.depth, s.agency_kind, s.agency_code
    UNION ALL
    SELECT NULL, NULL, s.agency_code,
           pg_catalog.bool_and(s.st IN ('done_on_time', 'done_late'))
             FILTER (WHERE s.st OPERATOR(pg_catalog.<>) 'cancelled'),
           pg_catalog.bool_or(s.st OPERATOR(pg_catalog.=) 'overdue')
      FROM s GROUP BY s.agency_code
  ), ag AS (
    SELECT p.depth, p.agency_kind,
           pg_catalog.count(*) FILTER (WHERE p.done IS NOT NULL) AS agencies,
           pg_catalog.count(*) FILTER (WHERE p.done) AS agencies_done,
           pg_catalog.count(*) FILTER (WHERE p.overdue) AS agencies_overdue
      FROM per_agency p GROUP BY p.depth, p.agency_kind
  ), st AS (
    SELECT s.depth, s.agency_kind, pg_catalog.count(DISTINCT s.task_id) AS tasks,
           pg_catalog.count(*) AS assignments, neongraph.status_rollup(s.st) AS counts
      FROM s GROUP BY s.depth, s.agency_kind
    UNION ALL
    SELECT NULL, NULL, pg_catalog.count(DISTINCT s.task_id), pg_catalog.count(*),
           neongraph.status_rollup(s.st)
      FROM s HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0
  )
  SELECT st.depth, st.agency_kind, ag.agencies, ag.agencies_done, ag.agencies_overdue,
         st.tasks, st.assignments, st.counts,
         pg_catalog.format('%s/%s %s hoàn thành; %s quá hạn', ag.agencies_done, ag.agencies,
                           neongraph.agency_kind_label(st.agency_kind), ag.agencies_overdue)
    FROM st JOIN ag ON ag.depth IS NOT DISTINCT FROM st.depth
                   AND ag.agency_kind IS NOT DISTINCT FROM st.agency_kind
   ORDER BY st.depth NULLS LAST, st.agency_kind
$$;
COMMENT ON FUNCTION neongraph.cascade_status(pg_catalog.int8, pg_catalog.date) IS
  'Status of a task across its cascade as of a date (default today in Vietnam): one row per level (depth 0 is the task itself, 1 the tasks deriving from it, ...) and kind of lead agency, and a last row (depth and agency_kind NULL) for the whole cascade. agencies: lead agencies with a live assignment there; agencies_done: those whose every live assignment there is done; agencies_overdue: those with an overdue assignment; counts: neongraph.status_rollup over the assignments (neongraph.cascade_assignment_status); summary, e.g. "31/34 tỉnh, thành phố hoàn thành; 2 quá hạn". A task reached several ways counts once, at its smallest depth';

CREATE FUNCTION neongraph.bottlenecks(as_of pg_catalog.date DEFAULT neongraph.today(),
                                      lim pg_catalog.int4 DEFAULT 20)
  RETURNS TABLE (rank pg_catalog.int8, task_id pg_catalog.int8, directive pg_catalog.text,
                 item_no pg_catalog.text, content pg_catalog.text, late_agencies pg_catalog.text,
                 days_late pg_catalog.int4, held_up pg_catalog.int8, held_up_direct pg_catalog.int4)
  LANGUAGE sql STABLE PARALLEL RESTRICTED
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH late AS (
    SELECT s.task_id,
           pg_catalog.string_agg(s.agency_code, ', ' ORDER BY s.agency_code) AS late_agencies,
           pg_catalog.max(s.days_late) AS days_late
      FROM neongraph.assignment_state($1) s
     WHERE s.status OPERATOR(pg_catalog.=) 'overdue'
     GROUP BY s.task_id
  ), h AS (
    SELECT x.task_id, x.held_up, x.held_up_direct
      FROM neongraph.hold_up_counts(coalesce((SELECT pg_catalog.array_agg(l.task_id) FROM late l),
                                             '{}'::pg_catalog.int8[])) x
  )
  SELECT pg_catalog.rank() OVER (ORDER BY h.held_up DESC),
         l.task_id, d.docref::pg_catalog.text, t.item_no, t.content, l.late_agencies,
         l.days_late, h.held_up, h.held_up_direct
    FROM late l
    JOIN h ON h.task_id OPERATOR(pg_catalog.=) l.task_id
    JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) l.task_id
    JOIN neongraph.directive d ON d.directive_id OPERATOR(pg_catalog.=) t.directive_id
   ORDER BY h.held_up DESC, l.days_late DESC NULLS LAST, l.task_id
   LIMIT $2
$$;
COMMENT ON FUNCTION neongraph.bottlenecks(pg_catalog.date, pg_catalog.int4) IS
  'Bottlenecks (điểm nghẽn) as of a date: open, late tasks (at least one lead''s assignment overdue) ranked by held_up, the number of distinct tasks they hold up transitively (neongraph.hold_up_counts: the tasks they derive from, the tasks that depend on them, and so on), then by days late; rank is the standard competition rank on held_up (1, 2, 2, 4); late_agencies are the leads whose assignment is overdue (status from neongraph.assignment_state(as_of)); at most lim rows (NULL: all). One pass over the whole link graph per call';
