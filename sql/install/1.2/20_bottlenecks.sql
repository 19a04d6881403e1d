-- Bottlenecks in bounded memory (src/cascade.c).
--
-- neongraph.bottlenecks (73_cascade.sql, 1.1) grouped every overdue
-- assignment by task with a string_agg per group, passed every late task to
-- neongraph.hold_up_counts as one int8[], which read the whole link graph
-- into memory, and computed the status of every assignment through
-- neongraph.assignment_state.  Its peak memory grew with the rows (184 MB
-- at 1M assignments, 844 MB at 10M).  Now:
--   * neongraph.bottleneck_counts (C) reads the overdue assignments through
--     a cursor, straight from the tables: the tasks past due, and an index
--     lookup of each one's open assignments (no hash table, sort or
--     aggregation), numbers each late task once, reads only the links out of the late
--     tasks and out of the tasks they reach (breadth-first, one indexed
--     query per 8,192 tasks), runs one breadth-first search per late task
--     over a compact adjacency and keeps the first lim in a heap;
--   * bottlenecks joins the labels and builds late_agencies for those lim
--     rows only, and ranks them: the rank of a row among the first lim is
--     its rank among all late tasks, since every task holding up more comes
--     before it.
-- The rows, their order and the columns are those of 1.1.

-- hold_up_counts (the same C symbol as in 1.1) now reads only the links out
-- of the given tasks and out of the tasks they reach.
COMMENT ON FUNCTION neongraph.hold_up_counts(pg_catalog.int8[]) IS
  'For each distinct task of tasks (in the order of their first appearance): held_up, the number of distinct other tasks it holds up, transitively (the task it derives from, the tasks that depend on it, and so on), and held_up_direct, those it holds up through one link. Reads the links out of the given tasks and out of every task they reach, breadth-first (one indexed query per 8,192 tasks; no other link is read), into a compact adjacency (int32 node numbers, CSR), then one breadth-first search per task: O(links read) plus the sum of what each task reaches';

CREATE FUNCTION neongraph.bottleneck_counts(as_of pg_catalog.date, lim pg_catalog.int4)
  RETURNS TABLE (task_id pg_catalog.int8, days_late pg_catalog.int4,
                 held_up pg_catalog.int8, held_up_direct pg_catalog.int4)
  AS 'MODULE_PATHNAME', 'bottleneck_counts'
  LANGUAGE C STABLE PARALLEL RESTRICTED ROWS 20;
COMMENT ON FUNCTION neongraph.bottleneck_counts(pg_catalog.date, pg_catalog.int4) IS
  'The core of neongraph.bottlenecks: the open, late tasks as of as_of (at least one lead''s assignment overdue by the rule of neongraph.assignment_state(as_of)), each with its days late (the largest of its late leads''), held_up and held_up_direct (as neongraph.hold_up_counts counts them); only the first lim by held_up, then days late (NULL last), then task_id, in that order (lim NULL: every late task, in no particular order; lim below 0: SQLSTATE 2201W). Reads the overdue assignments through a cursor and only the links out of the late tasks and out of the tasks they hold up; memory: at most about 60 bytes per late or reached task and 16 per link read, plus lim rows';

CREATE OR REPLACE FUNCTION neongraph.bottlenecks(as_of pg_catalog.date DEFAULT neongraph.today(),
                                                 lim pg_catalog.int4 DEFAULT 20)
  RETURNS TABLE (rank pg_catalog.int8, task_id pg_catalog.int8, directive pg_catalog.text,
                 item_no pg_catalog.text, content pg_catalog.text, late_agencies pg_catalog.text,
                 days_late pg_catalog.int4, held_up pg_catalog.int8, held_up_direct pg_catalog.int4)
  LANGUAGE sql STABLE PARALLEL RESTRICTED
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_catalog.rank() OVER (ORDER BY c.held_up DESC),
         c.task_id, d.docref::pg_catalog.text, t.item_no, t.content,
         (SELECT pg_catalog.string_agg(a.agency_code, ', ' ORDER BY a.agency_code)
            FROM neongraph.assignment a
           WHERE a.task_id OPERATOR(pg_catalog.=) c.task_id
             AND (a.cancelled AND a.cancelled_on OPERATOR(pg_catalog.<=) $1) IS NOT TRUE
             AND neongraph.deadline_status(COALESCE(t.assigned_deadline, t.deadline),
                                           CASE WHEN a.completed_on OPERATOR(pg_catalog.<=) $1
                                                THEN a.completed_on END,
                                           $1)
                 OPERATOR(pg_catalog.=) 'overdue'::neongraph.task_status),
         c.days_late, c.held_up, c.held_up_direct
    FROM neongraph.bottleneck_counts($1, $2) c
    JOIN neongraph.task t ON t.task_id OPERATOR(pg_catalog.=) c.task_id
    JOIN neongraph.directive d ON d.directive_id OPERATOR(pg_catalog.=) t.directive_id
   ORDER BY c.held_up DESC, c.days_late DESC NULLS LAST, c.task_id
$$;
COMMENT ON FUNCTION neongraph.bottlenecks(pg_catalog.date, pg_catalog.int4) IS
  'Bottlenecks (điểm nghẽn) as of a date: open, late tasks (at least one lead''s assignment overdue, by the rule of neongraph.assignment_state(as_of)) ranked by held_up, the number of distinct tasks they hold up transitively (as neongraph.hold_up_counts counts them: the tasks they derive from, the tasks that depend on them, and so on), then by days late, then task_id; rank is the standard competition rank on held_up among all late tasks (1, 2, 2, 4); late_agencies are the leads whose assignment is overdue, by code; at most lim rows (NULL: all; below 0: SQLSTATE 2201W). Bounded memory: neongraph.bottleneck_counts reads the overdue assignments through a cursor and only the links out of the late tasks and the tasks they reach, and keeps lim rows; late_agencies and the labels are read for those rows only';
