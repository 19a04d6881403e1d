/*
 * cascade.c — the task graph (the "graph" in neongraph).
 *
 * Owns the three things that must scale to millions of links:
 *
 *   task_link_no_cycle()   BEFORE INSERT OR UPDATE trigger on
 *                          neongraph.task_link refusing a link that would
 *                          close a cycle, naming the cycle;
 *   cascade(root)          every task that derives from root, transitively,
 *                          with its depth and one shortest path;
 *   hold_up_counts(tasks)  for each given task, how many distinct tasks it
 *                          holds up, transitively (the bottleneck score);
 *   bottleneck_counts(as_of, lim)
 *                          the late tasks as of a date with those counts,
 *                          the first lim of them (the core of bottlenecks).
 *
 * The "held-up" graph H.  A link "A derives from B" means A implements the
 * higher-level B, so B cannot be complete before A is: A => B.  A link
 * "A depends on B" means A needs B done first: B => A.  X => Y thus reads
 * "Y cannot finish before X does".  The cycle rule is that H stays acyclic.
 * That refuses every cycle among derives links and every cycle among
 * depends links (each is a cycle of H), and also a mixed cycle that is a
 * deadlock ("A derives from B" and "A depends on B": B waits for A, A
 * waits for B); it allows a mixed loop that is no deadlock, such as a
 * central task that depends on a local task which derives from it (both
 * links say that the central task waits for the local one).
 *
 * Reading the links.  The cycle check and cascade() read only the part of
 * the graph they need, one indexed query per BFS level (the frontier is
 * passed as an int8[]), each link at most once: a cascade or a cycle
 * search touches a few thousand of the million links, and reading them all
 * would be slower than the recursive CTE it replaces.  hold_up_counts()
 * and bottleneck_counts() need the part of the graph their candidates
 * reach: they read it breadth-first, the links out of 8,192 tasks per
 * indexed query through a cursor, so the links out of tasks no candidate
 * reaches are never read (the whole graph only when the candidates reach
 * it all).  The graph is a CSR adjacency (int32 node numbers, one offsets
 * array, one targets array) in the function's own memory context, the task
 * id -> node table freed once the links are read; one BFS per candidate
 * with a visited-epoch array, so no per-edge allocation happens and nothing
 * is cleared between candidates.  Cost: O(V + E) of the part read, plus the
 * sum over candidates of the nodes and links each one reaches.
 *
 * bottleneck_counts() reads the overdue assignments themselves through a
 * cursor (no int8[] of candidates, no aggregation: the id -> node table
 * makes each late task one seed) and keeps the first lim scores in a
 * binary heap: its memory is at most about 60 bytes per task reached and
 * 16 per link read (arrays grown by doubling), plus lim rows, whatever the
 * number of assignments.
 *
 * Concurrency.  The trigger takes a transaction-level advisory lock, key
 * (oid of neongraph.task_link, 0x6E67), the same lock as
 * pg_advisory_xact_lock(<that oid>::int4, 28263), so two transactions that
 * each add half of a cycle run their checks one after the other; it reads
 * the links through the latest snapshot (as the RI triggers do), so the
 * second one sees the first one's committed link at every isolation level.
 * The check runs as the table's owner with row security off, so a link the
 * caller cannot see still counts.
 */
#include "neongraph.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/tuplestore.h"

/* second key of the advisory lock the cycle check takes ("ng") */
#define NG_LINK_LOCK_KEY2	0x6E67

/* the cycle search expands both frontiers in one query up to this size */
#define NG_BOTH_MAX			64

/* rows fetched per cursor batch when reading the whole graph */
#define NG_FETCH_BATCH		50000

/* ---------------------------------------------------------------------
 * A hash table keyed by task id (lib/simplehash.h)
 * ---------------------------------------------------------------------
 */
typedef struct NgNode
{
	int64		id;				/* task id */
	int64		other;			/* parent (cascade, forward search) or next
								 * node towards the goal (backward search) */
	int32		val;			/* depth (cascade) or dense number (CSR) */
	bool		derives;		/* kind of the link that reached the node */
	char		status;			/* used by simplehash */
} NgNode;

static inline uint32
ng_hash_int64(int64 key)
{
	uint64		k = (uint64) key;

	/* the finaliser of MurmurHash3 / splitmix64 */
	k ^= k >> 33;
	k *= UINT64CONST(0xff51afd7ed558ccd);
	k ^= k >> 33;
	k *= UINT64CONST(0xc4ceb93fe1ac4ec1);
	k ^= k >> 33;
	return (uint32) k;
}

#define SH_PREFIX		ngnode
#define SH_ELEMENT_TYPE	NgNode
#define SH_KEY_TYPE		int64
#define SH_KEY			id
#define SH_HASH_KEY(tb, key)	ng_hash_int64(key)
#define SH_EQUAL(tb, a, b)		((a) == (b))
#define SH_SCOPE		static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* ---------------------------------------------------------------------
 * Growable arrays, doubled as needed (amortised O(1), no per-item palloc)
 * ---------------------------------------------------------------------
 */
typedef struct NgVec64
{
	int64	   *v;
	Size		n;
	Size		cap;
} NgVec64;

static void
vec64_push(NgVec64 *a, int64 x)
{
	if (a->n == a->cap)
	{
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = a->v ? repalloc_huge(a->v, a->cap * sizeof(int64))
			: MemoryContextAllocHuge(CurrentMemoryContext, a->cap * sizeof(int64));
	}
	a->v[a->n++] = x;
}

typedef struct NgVec32
{
	int32	   *v;
	Size		n;
	Size		cap;
} NgVec32;

static void
vec32_push(NgVec32 *a, int32 x)
{
	if (a->n == a->cap)
	{
		a->cap = a->cap ? a->cap * 2 : 1024;
		a->v = a->v ? repalloc_huge(a->v, a->cap * sizeof(int32))
			: MemoryContextAllocHuge(CurrentMemoryContext, a->cap * sizeof(int32));
	}
	a->v[a->n++] = x;
}

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

/* an int8[] Datum holding the ids of a frontier */
static Datum
ids_array(const NgVec64 *ids)
{
	Datum	   *d = palloc(Max(ids->n, 1) * sizeof(Datum));
	ArrayType  *arr;
	Size		i;

	for (i = 0; i < ids->n; i++)
		d[i] = Int64GetDatum(ids->v[i]);
	arr = construct_array(d, (int) ids->n, INT8OID, sizeof(int64),
						  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	pfree(d);
	return PointerGetDatum(arr);
}

static inline int64
spi_int8(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

static inline bool
spi_bool(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	return !isnull && DatumGetBool(d);
}

/* ---------------------------------------------------------------------
 * Saved plans.  The queries name the table, so a plan survives
 * DROP / CREATE EXTENSION in the same session: the plan cache re-parses.
 * ---------------------------------------------------------------------
 */
enum
{
	Q_HOLDS_UP,					/* H-successors of a frontier */
	Q_HELD_BY,					/* H-predecessors of a frontier */
	Q_BOTH,						/* H-successors of $1 and H-predecessors of $2 */
	Q_CHILDREN,					/* tasks deriving from a frontier */
	Q_LABELS,					/* directive and item of tasks */
	NUM_QUERIES
};

static const char *const ng_queries[NUM_QUERIES] = {
	/* X => Y: X derives from Y, or Y depends on X */
	"SELECT from_task, to_task, true FROM neongraph.task_link"
	" WHERE from_task OPERATOR(pg_catalog.=) ANY ($1)"
	"   AND kind OPERATOR(pg_catalog.=) 'derives'"
	" UNION ALL "
	"SELECT from_task, to_task, false FROM neongraph.task_link"
	" WHERE to_task OPERATOR(pg_catalog.=) ANY ($1)"
	"   AND kind OPERATOR(pg_catalog.=) 'depends'",

	"SELECT from_task, to_task, true FROM neongraph.task_link"
	" WHERE to_task OPERATOR(pg_catalog.=) ANY ($1)"
	"   AND kind OPERATOR(pg_catalog.=) 'derives'"
	" UNION ALL "
	"SELECT from_task, to_task, false FROM neongraph.task_link"
	" WHERE from_task OPERATOR(pg_catalog.=) ANY ($1)"
	"   AND kind OPERATOR(pg_catalog.=) 'depends'",

	"SELECT from_task, to_task, true, true FROM neongraph.task_link"
	" WHERE from_task OPERATOR(pg_catalog.=) ANY ($1)"
	"   AND kind OPERATOR(pg_catalog.=) 'derives'"
	" UNION ALL "
	"SELECT from_task, to_task, false, true FROM neongraph.task_link"
	" WHERE to_task OPERATOR(pg_catalog.=) ANY ($1)"
	"   AND kind OPERATOR(pg_catalog.=) 'depends'"
	" UNION ALL "
	"SELECT from_task, to_task, true, false FROM neongraph.task_link"
	" WHERE to_task OPERATOR(pg_catalog.=) ANY ($2)"
	"   AND kind OPERATOR(pg_catalog.=) 'derives'"
	" UNION ALL "
	"SELECT from_task, to_task, false, false FROM neongraph.task_link"
	" WHERE from_task OPERATOR(pg_catalog.=) ANY ($2)"
	"   AND kind OPERATOR(pg_catalog.=) 'depends'",

	"SELECT from_task, to_task FROM neongraph.task_link"
	" WHERE to_task OPERATOR(pg_catalog.=) ANY ($1)"
	"   AND kind OPERATOR(pg_catalog.=) 'derives'",

	"SELECT t.task_id, d.docref::pg_catalog.text, t.item_no"
	"  FROM neongraph.task t JOIN neongraph.directive d"
	"    ON d.directive_id OPERATOR(pg_catalog.=) t.directive_id"
	" WHERE t.task_id OPERATOR(pg_catalog.=) ANY ($1)",
};

static SPIPlanPtr ng_plans[NUM_QUERIES];

static SPIPlanPtr
ng_plan(int q)
{
	if (ng_plans[q] == NULL)
	{
		Oid			argtypes[2] = {INT8ARRAYOID, INT8ARRAYOID};
		SPIPlanPtr	plan;

		/*
		 * A generic plan (index scans for "= ANY ($1)") from the start:
		 * custom plans would be re-planned on every call, since a small
		 * array always looks cheaper than the generic estimate.
		 */
		plan = SPI_prepare_cursor(ng_queries[q], q == Q_BOTH ? 2 : 1, argtypes,
								  CURSOR_OPT_GENERIC_PLAN);

		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed for neongraph cascade query %d: %s",
				 q, SPI_result_code_string(SPI_result));
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "SPI_keepplan failed");
		ng_plans[q] = plan;
	}
	return ng_plans[q];
}

/*
 * Run query q over the ids of a frontier.  snap: the snapshot to read
 * through (the cycle check reads the latest one), or InvalidSnapshot for
 * the statement's.
 */
static void
run_query(int q, const NgVec64 *ids, const NgVec64 *ids2, Snapshot snap)
{
	Datum		args[2];
	int			rc;

	args[0] = ids_array(ids);
	if (ids2 != NULL)
		args[1] = ids_array(ids2);
	if (snap != InvalidSnapshot)
		rc = SPI_execute_snapshot(ng_plan(q), args, NULL, snap, InvalidSnapshot,
								  false, false, 0);
	else
		rc = SPI_execute_plan(ng_plan(q), args, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "neongraph cascade query %d failed: %s", q, SPI_result_code_string(rc));
	pfree(DatumGetPointer(args[0]));
	if (ids2 != NULL)
		pfree(DatumGetPointer(args[1]));
}

static inline void
run_frontier(int q, const NgVec64 *ids, Snapshot snap)
{
	run_query(q, ids, NULL, snap);
}

/* ---------------------------------------------------------------------
 * The cycle check
 * ---------------------------------------------------------------------
 */

/* the link the trigger must not see (the old version under UPDATE) */
typedef struct NgLink
{
	int64		from;
	int64		to;
	bool		derives;
	bool		valid;
} NgLink;

/* one step of a cycle, in H order: a => b through a link of a kind */
typedef struct NgStep
{
	int64		a;
	int64		b;
	bool		derives;
} NgStep;

/*
 * Search H for a path from start to goal, bidirectionally: a BFS forward
 * from start and one backward from goal, each round expanding both
 * frontiers by one level in one indexed query while they are small, else
 * the smaller one.  On success, fills steps[] in
 * order (start => ... => goal) and returns the number of steps; returns 0
 * when goal cannot be reached.
 */
static int
find_path(int64 start, int64 goal, const NgLink *skip, Snapshot snap, NgStep **steps_out)
{
	ngnode_hash *fwd = ngnode_create(CurrentMemoryContext, 64, NULL);
	ngnode_hash *bwd = ngnode_create(CurrentMemoryContext, 64, NULL);
	NgVec64		ff = {0},
				bf = {0};
	int64		meet = 0;
	bool		met = false;
	bool		found;
	NgNode	   *e;

	e = ngnode_insert(fwd, start, &found);
	e->other = start;
	e = ngnode_insert(bwd, goal, &found);
	e->other = goal;
	vec64_push(&ff, start);
	vec64_push(&bf, goal);

	while (!met && ff.n > 0 && bf.n > 0)
	{
		/*
		 * Small frontiers are both expanded by one query; otherwise only
		 * the smaller one, so that a wide side is not explored for nothing.
		 */
		bool		both = ff.n <= NG_BOTH_MAX && bf.n <= NG_BOTH_MAX;
		bool		fwd_only = !both && ff.n <= bf.n;
		NgVec64		fnext = {0},
					bnext = {0};
		uint64		i;

		CHECK_FOR_INTERRUPTS();
		if (both)
			run_query(Q_BOTH, &ff, &bf, snap);
		else
			run_frontier(fwd_only ? Q_HOLDS_UP : Q_HELD_BY, fwd_only ? &ff : &bf, snap);
		for (i = 0; i < SPI_processed && !met; i++)
		{
			HeapTuple	tup = SPI_tuptable->vals[i];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			int64		f = spi_int8(tup, desc, 1);
			int64		t = spi_int8(tup, desc, 2);
			bool		der = spi_bool(tup, desc, 3);
			bool		forward = both ? spi_bool(tup, desc, 4) : fwd_only;
			int64		x,		/* in the frontier */
						y;		/* reached through the link */

			if (skip->valid && skip->from == f && skip->to == t && skip->derives == der)
				continue;
			/* H edge: derives f => t, depends t => f */
			if (forward)
			{
				x = der ? f : t;
				y = der ? t : f;
			}
			else
			{
				x = der ? t : f;
				y = der ? f : t;
			}
			e = ngnode_insert(forward ? fwd : bwd, y, &found);
			if (found)
				continue;
			e->other = x;
			e->derives = der;
			vec64_push(forward ? &fnext : &bnext, y);
			if (ngnode_lookup(forward ? bwd : fwd, y) != NULL)
			{
				meet = y;
				met = true;
			}
		}
		SPI_freetuptable(SPI_tuptable);
		if (both || fwd_only)
		{
			if (ff.v)
				pfree(ff.v);
			ff = fnext;
		}
		if (both || !fwd_only)
		{
			if (bf.v)
				pfree(bf.v);
			bf = bnext;
		}
	}

	if (!met)
		return 0;

	{
		NgVec64		nodes = {0};
		NgStep	   *steps;
		int64		n;
		Size		i,
					k;

		/* start .. meet, walking forward parents back to start */
		for (n = meet;;)
		{
			vec64_push(&nodes, n);
			if (n == start)
				break;
			n = ngnode_lookup(fwd, n)->other;
		}
		/* reverse into start .. meet */
		for (i = 0; i < nodes.n / 2; i++)
		{
			int64		tmp = nodes.v[i];

			nodes.v[i] = nodes.v[nodes.n - 1 - i];
			nodes.v[nodes.n - 1 - i] = tmp;
		}
		/* meet .. goal, walking the backward "next" pointers */
		for (n = meet; n != goal;)
		{
			n = ngnode_lookup(bwd, n)->other;
			vec64_push(&nodes, n);
		}

		steps = palloc(sizeof(NgStep) * (nodes.n - 1));
		for (k = 0; k + 1 < nodes.n; k++)
		{
			int64		a = nodes.v[k];
			int64		b = nodes.v[k + 1];
			NgNode	   *fe = ngnode_lookup(fwd, b);

			steps[k].a = a;
			steps[k].b = b;
			/* the link a => b reached b from a in one of the searches */
			if (fe != NULL && fe->other == a && b != start)
				steps[k].derives = fe->derives;
			else
				steps[k].derives = ngnode_lookup(bwd, a)->derives;
		}
		*steps_out = steps;
		return (int) (nodes.n - 1);
	}
}

/* "12 (44-TB/TGV, item II.1)" for each task of the cycle, via one query */
static ngnode_hash *
cycle_labels(NgStep *steps, int nsteps, char ***labels_out)
{
	NgVec64		ids = {0};
	ngnode_hash *idx = ngnode_create(CurrentMemoryContext, 16, NULL);
	char	  **labels;
	int			i;
	uint64		r;
	bool		found;

	for (i = 0; i < nsteps; i++)
	{
		NgNode	   *e = ngnode_insert(idx, steps[i].a, &found);

		if (!found)
		{
			e->val = (int32) ids.n;
			vec64_push(&ids, steps[i].a);
		}
	}
	labels = palloc0(sizeof(char *) * Max(ids.n, 1));
	run_frontier(Q_LABELS, &ids, GetLatestSnapshot());
	for (r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		int64		id = spi_int8(tup, SPI_tuptable->tupdesc, 1);
		char	   *doc = SPI_getvalue(tup, SPI_tuptable->tupdesc, 2);
		char	   *item = SPI_getvalue(tup, SPI_tuptable->tupdesc, 3);
		NgNode	   *e = ngnode_lookup(idx, id);

		if (e != NULL)
			labels[e->val] = psprintf(INT64_FORMAT " (%s, item %s)", id,
									  doc ? doc : "?", item ? item : "?");
	}
	SPI_freetuptable(SPI_tuptable);
	for (i = 0; i < (int) ids.n; i++)
		if (labels[i] == NULL)
			labels[i] = psprintf(INT64_FORMAT, ids.v[i]);
	*labels_out = labels;
	return idx;
}

/*
 * Refuse the new link from -> to: the cycle, given in H order as steps[]
 * (the new link first), is shown in the direction of the new link.
 */
static void
report_cycle(Relation rel, int64 from, int64 to, bool derives, NgStep *steps, int nsteps)
{
	const char *kind = derives ? "derives from" : "depends on";
	StringInfoData chain,
				links;
	ngnode_hash *idx;
	char	  **labels;
	NgStep	   *seq;
	bool		mixed = false;
	int			i;

	/*
	 * Put the steps in the new link's reading order, starting at from: for
	 * derives that is H order from "from"; for depends, H order reversed.
	 * Each entry of seq is then (shown node, next shown node) with the link
	 * kind, and "derives" tells how the raw link between them runs.
	 */
	seq = palloc(sizeof(NgStep) * nsteps);
	for (i = 0; i < nsteps; i++)
	{
		if (derives)
			seq[i] = steps[i];
		else
		{
			/* H cycle: to => from => ... => to; reversed and rotated */
			NgStep		s = steps[(nsteps - i) % nsteps];

			seq[i].a = s.b;
			seq[i].b = s.a;
			seq[i].derives = s.derives;
		}
		if (seq[i].derives != derives)
			mixed = true;
	}

	idx = cycle_labels(steps, nsteps, &labels);

	initStringInfo(&chain);
	initStringInfo(&links);
	appendStringInfo(&chain, INT64_FORMAT, seq[0].a);
	for (i = 0; i < nsteps; i++)
	{
		const NgStep *s = &seq[i];
		/* raw link runs a -> b when (H a => b and derives) or (H b => a and depends) */
		bool		forward = derives ? s->derives : !s->derives;
		const char *la = labels[ngnode_lookup(idx, s->a)->val];
		const char *lb = labels[ngnode_lookup(idx, s->b)->val];

		if (!mixed)
			appendStringInfo(&chain, " -> " INT64_FORMAT, s->b);
		else if (forward)
			appendStringInfo(&chain, " -%s-> " INT64_FORMAT,
							 s->derives ? "derives" : "depends", s->b);
		else
			appendStringInfo(&chain, " <-%s- " INT64_FORMAT,
							 s->derives ? "derives" : "depends", s->b);

		if (i > 0)
			appendStringInfoString(&links, "; ");
		appendStringInfo(&links, "task %s %s task %s%s",
						 forward ? la : lb,
						 s->derives ? "derives from" : "depends on",
						 forward ? lb : la,
						 i == 0 ? " (the new link)" : "");
	}

	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("link \"task " INT64_FORMAT " %s task " INT64_FORMAT "\" would close a cycle: %s",
					from, kind, to, chain.data),
			 errdetail("The cycle has %d link%s: %s.", nsteps, nsteps == 1 ? "" : "s", links.data),
			 errhint(mixed
					 ? "No task may wait for itself: a task that derives from another cannot also depend on it, directly or through other tasks. Remove or reverse one of these links."
					 : "Links of one kind must not form a cycle: a task cannot derive from or depend on itself, directly or through other tasks. Remove or reverse one of these links."),
			 errtableconstraint(rel, "task_link_no_cycle")));
}

/* value of a column of the trigger's tuple, by name */
static Datum
tuple_value(HeapTuple tup, TupleDesc desc, const char *name, bool *isnull)
{
	int			col = SPI_fnumber(desc, name);

	if (col <= 0)
		elog(ERROR, "neongraph.task_link has no column \"%s\"", name);
	return heap_getattr(tup, col, desc, isnull);
}

/* read (from, to, derives) of a link row; false if a column is NULL or
 * the kind is neither: the table's constraints refuse such rows */
static bool
read_link(HeapTuple tup, TupleDesc desc, NgLink *l)
{
	bool		n1,
				n2,
				n3;
	Datum		f = tuple_value(tup, desc, "from_task", &n1);
	Datum		t = tuple_value(tup, desc, "to_task", &n2);
	Datum		k = tuple_value(tup, desc, "kind", &n3);
	char	   *ks;

	l->valid = false;
	if (n1 || n2 || n3)
		return false;
	ks = TextDatumGetCString(k);
	if (strcmp(ks, "derives") == 0)
		l->derives = true;
	else if (strcmp(ks, "depends") == 0)
		l->derives = false;
	else
		return false;
	l->from = DatumGetInt64(f);
	l->to = DatumGetInt64(t);
	l->valid = true;
	return true;
}

PG_FUNCTION_INFO_V1(task_link_no_cycle);
Datum
task_link_no_cycle(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	newtup;
	TupleDesc	desc;
	NgLink		link,
				old = {0};
	LOCKTAG		tag;
	Oid			save_userid;
	int			save_sec_context;
	MemoryContext ctx,
				oldctx;
	NgStep	   *steps = NULL;
	int			nsteps;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("task_link_no_cycle: not called by trigger manager")));
	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("task_link_no_cycle must be fired BEFORE INSERT OR UPDATE, FOR EACH ROW")));

	desc = RelationGetDescr(td->tg_relation);
	newtup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;

	if (!read_link(newtup, desc, &link))
		return PointerGetDatum(newtup);		/* NOT NULL / CHECK refuse it */
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		read_link(td->tg_trigtuple, desc, &old);
		if (old.valid && old.from == link.from && old.to == link.to &&
			old.derives == link.derives)
			return PointerGetDatum(newtup);		/* the link itself is unchanged */
	}

	if (link.from == link.to)
	{
		NgStep		self = {link.from, link.to, link.derives};

		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		report_cycle(td->tg_relation, link.from, link.to, link.derives, &self, 1);
	}

	/* one link check at a time, per database (see the top of the file) */
	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, RelationGetRelid(td->tg_relation),
						 NG_LINK_LOCK_KEY2, 2);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);

	ctx = AllocSetContextCreate(CurrentMemoryContext, "neongraph cycle check",
								ALLOCSET_DEFAULT_SIZES);

	/* read as the table's owner, row security off (like the RI triggers) */
	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(td->tg_relation->rd_rel->relowner,
						   save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	oldctx = MemoryContextSwitchTo(ctx);

	/*
	 * The new link adds u => v to H; it closes a cycle if v already reaches
	 * u.  derives from -> to: from => to; depends from -> to: to => from.
	 */
	{
		int64		u = link.derives ? link.from : link.to;
		int64		v = link.derives ? link.to : link.from;
		NgStep	   *path;
		int			i;

		nsteps = find_path(v, u, &old, GetLatestSnapshot(), &path);
		if (nsteps > 0)
		{
			/* the cycle in H order, the new link first: u => v => ... => u */
			steps = palloc(sizeof(NgStep) * (nsteps + 1));
			steps[0].a = u;
			steps[0].b = v;
			steps[0].derives = link.derives;
			for (i = 0; i < nsteps; i++)
				steps[i + 1] = path[i];
			report_cycle(td->tg_relation, link.from, link.to, link.derives,
						 steps, nsteps + 1);
		}
	}

	MemoryContextSwitchTo(oldctx);
	SPI_finish();
	SetUserIdAndSecContext(save_userid, save_sec_context);
	MemoryContextDelete(ctx);

	return PointerGetDatum(newtup);
}

/* ---------------------------------------------------------------------
 * Set-returning functions: materialise into a tuplestore
 * ---------------------------------------------------------------------
 */
static Tuplestorestate *
materialize_srf(FunctionCallInfo fcinfo, TupleDesc *desc_out)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext oldctx;
	TupleDesc	desc;
	Tuplestorestate *store;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	oldctx = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	store = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = desc;
	MemoryContextSwitchTo(oldctx);
	*desc_out = desc;
	return store;
}

/* ---------------------------------------------------------------------
 * cascade(root): BFS down the derives links, one indexed query per level
 * ---------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(ng_cascade);
Datum
ng_cascade(PG_FUNCTION_ARGS)
{
	int64		root = PG_GETARG_INT64(0);
	TupleDesc	desc;
	Tuplestorestate *store = materialize_srf(fcinfo, &desc);
	MemoryContext ctx,
				rowctx,
				oldctx;
	ngnode_hash *seen;
	NgVec64		frontier = {0},
				order = {0};
	int32		depth = 0;
	bool		found;
	NgNode	   *e;
	Size		i;

	ctx = AllocSetContextCreate(CurrentMemoryContext, "neongraph cascade",
								ALLOCSET_DEFAULT_SIZES);
	rowctx = AllocSetContextCreate(ctx, "neongraph cascade row",
								   ALLOCSET_SMALL_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	oldctx = MemoryContextSwitchTo(ctx);

	seen = ngnode_create(ctx, 256, NULL);
	e = ngnode_insert(seen, root, &found);
	e->other = root;
	e->val = 0;
	vec64_push(&frontier, root);

	while (frontier.n > 0)
	{
		NgVec64		next = {0};
		uint64		r;

		CHECK_FOR_INTERRUPTS();
		if (depth == PG_INT32_MAX - 1)
			break;
		run_frontier(Q_CHILDREN, &frontier, InvalidSnapshot);
		for (r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			int64		child = spi_int8(tup, SPI_tuptable->tupdesc, 1);
			int64		parent = spi_int8(tup, SPI_tuptable->tupdesc, 2);

			e = ngnode_insert(seen, child, &found);
			if (!found)
			{
				e->other = parent;
				e->val = depth + 1;
				vec64_push(&next, child);
			}
			else if (e->val == depth + 1 && parent < e->other)
				e->other = parent;	/* the smallest parent: paths are deterministic */
		}
		SPI_freetuptable(SPI_tuptable);
		if (next.n > 1)
			qsort(next.v, next.n, sizeof(int64), cmp_int64);
		for (i = 0; i < next.n; i++)
			vec64_push(&order, next.v[i]);
		if (frontier.v)
			pfree(frontier.v);
		frontier = next;
		depth++;
	}

	/* emit in order of depth, then task id */
	for (i = 0; i < order.n; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		int64		id = order.v[i];
		int32		d;
		Datum	   *path;
		int64		n;
		int			k;

		MemoryContextSwitchTo(rowctx);
		e = ngnode_lookup(seen, id);
		d = e->val;
		path = palloc(sizeof(Datum) * (d + 1));
		for (n = id, k = d; k >= 0; k--)
		{
			path[k] = Int64GetDatum(n);
			n = ngnode_lookup(seen, n)->other;
		}
		values[0] = Int64GetDatum(id);
		values[1] = Int32GetDatum(d);
		values[2] = PointerGetDatum(construct_array(path, d + 1, INT8OID, sizeof(int64),
													FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
		tuplestore_putvalues(store, desc, values, nulls);
		MemoryContextReset(rowctx);
	}

	MemoryContextSwitchTo(oldctx);
	SPI_finish();
	MemoryContextDelete(ctx);
	return (Datum) 0;
}

/* ---------------------------------------------------------------------
 * The held-up graph reachable from a set of seed tasks
 *
 * Nodes are numbered densely (int32) in the order they are met: the seeds
 * first (0 .. nseeds - 1), then the tasks the breadth-first reading reaches
 * from them.  A task id -> node number table (16-byte entries) serves only
 * while the links are read; the graph itself is a CSR adjacency (one int64
 * offset per node, one int32 target per edge) and a node -> task id array.
 * ---------------------------------------------------------------------
 */
typedef struct NgId
{
	int64		id;				/* task id */
	int32		node;			/* dense node number */
	char		status;			/* used by simplehash */
} NgId;

#define SH_PREFIX		ngid
#define SH_ELEMENT_TYPE	NgId
#define SH_KEY_TYPE		int64
#define SH_KEY			id
#define SH_HASH_KEY(tb, key)	ng_hash_int64(key)
#define SH_EQUAL(tb, a, b)		((a) == (b))
#define SH_SCOPE		static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/* task ids per query when reading the links out of the reached tasks */
#define NG_READ_CHUNK		8192

typedef struct NgReach
{
	ngid_hash  *ids;			/* task id -> node; NULL once the graph is read */
	NgVec64		node_id;		/* node -> task id */
	int32		nseeds;			/* nodes 0 .. nseeds - 1 are the seeds */
	NgVec32		src,			/* the edges as read (freed by reach_csr) */
				dst;
	int64		nedges;
	int64	   *off;			/* CSR: nnodes + 1 offsets into adj */
	int32	   *adj;			/* H-successors */
	uint32	   *mark;			/* BFS: visited in the current epoch */
	uint32		epoch;
	int32	   *queue;
} NgReach;

static inline int32
reach_nnodes(const NgReach *r)
{
	return (int32) r->node_id.n;
}

static void
reach_init(NgReach *r, Size expected)
{
	memset(r, 0, sizeof(NgReach));
	r->ids = ngid_create(CurrentMemoryContext, Max(expected, 1024), NULL);
}

/* the node of task id, numbered now if new (*isnew tells) */
static int32
reach_node(NgReach *r, int64 id, bool *isnew)
{
	bool		found;
	NgId	   *e = ngid_insert(r->ids, id, &found);

	*isnew = !found;
	if (!found)
	{
		if (r->node_id.n >= (Size) PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many linked tasks to count hold-ups: more than %d", PG_INT32_MAX),
					 errdetail("The held-up graph is numbered with 32-bit integers."),
					 errhint("Count the hold-ups of fewer tasks at a time.")));
		e->node = (int32) r->node_id.n;
		vec64_push(&r->node_id, id);
	}
	return e->node;
}

/*
 * Read the links out of every node, breadth-first: the nodes are a queue in
 * numbering order, read NG_READ_CHUNK at a time by one indexed query
 * (Q_HOLDS_UP through a cursor), and a task reached for the first time is
 * numbered, so it joins the queue.  Each link out of a reached task is read
 * once; links elsewhere in the graph are never read.
 */
static void
reach_read(NgReach *r)
{
	Size		next = 0;
	Datum	   *d = palloc(sizeof(Datum) * NG_READ_CHUNK);

	r->nseeds = reach_nnodes(r);
	while (next < r->node_id.n)
	{
		Size		hi = Min(next + NG_READ_CHUNK, r->node_id.n);
		Size		i;
		ArrayType  *arr;
		Datum		args[1];
		Portal		portal;

		CHECK_FOR_INTERRUPTS();
		for (i = next; i < hi; i++)
			d[i - next] = Int64GetDatum(r->node_id.v[i]);
		arr = construct_array(d, (int) (hi - next), INT8OID, sizeof(int64),
							  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
		args[0] = PointerGetDatum(arr);
		portal = SPI_cursor_open(NULL, ng_plan(Q_HOLDS_UP), args, NULL, true);
		for (;;)
		{
			uint64		k;

			SPI_cursor_fetch(portal, true, NG_FETCH_BATCH);
			if (SPI_processed == 0)
				break;
			for (k = 0; k < SPI_processed; k++)
			{
				HeapTuple	tup = SPI_tuptable->vals[k];
				TupleDesc	desc = SPI_tuptable->tupdesc;
				int64		f = spi_int8(tup, desc, 1);
				int64		t = spi_int8(tup, desc, 2);
				bool		der = spi_bool(tup, desc, 3);
				bool		isnew;
				int32		x,
							y;

				/* derives f => t; depends t => f; x is in this chunk */
				x = reach_node(r, der ? f : t, &isnew);
				y = reach_node(r, der ? t : f, &isnew);
				vec32_push(&r->src, x);
				vec32_push(&r->dst, y);
			}
			SPI_freetuptable(SPI_tuptable);
		}
		SPI_cursor_close(portal);
		pfree(arr);
		next = hi;
	}
	pfree(d);
	r->nedges = (int64) r->src.n;
}

/*
 * Turn the edges into CSR (a counting sort, in place on off[]) and drop what
 * only the reading needed; allocate the BFS arrays.
 */
static void
reach_csr(NgReach *r)
{
	int32		n = reach_nnodes(r);
	int64		i;

	ngid_destroy(r->ids);
	r->ids = NULL;
	r->off = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int64) * ((Size) n + 1));
	memset(r->off, 0, sizeof(int64) * ((Size) n + 1));
	for (i = 0; i < r->nedges; i++)
		r->off[r->src.v[i]]++;
	for (i = 1; i < n; i++)
		r->off[i] += r->off[i - 1];
	r->off[n] = r->nedges;
	/* off[x] is now the end of x's block; filling backwards leaves its start */
	r->adj = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int32) * Max(r->nedges, 1));
	for (i = r->nedges - 1; i >= 0; i--)
		r->adj[--r->off[r->src.v[i]]] = r->dst.v[i];
	if (r->src.v)
		pfree(r->src.v);
	if (r->dst.v)
		pfree(r->dst.v);
	r->src.v = r->dst.v = NULL;
	r->src.n = r->dst.n = 0;

	r->mark = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(uint32) * Max(n, 1));
	memset(r->mark, 0, sizeof(uint32) * Max(n, 1));
	r->queue = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int32) * Max(n, 1));
	r->epoch = 0;
}

/* one BFS from node s: the distinct tasks it holds up, in all and directly */
static void
reach_count(NgReach *r, int32 s, int64 *held, int32 *direct)
{
	int32		head = 0,
				tail = 0;

	*direct = 0;
	if (++r->epoch == 0)
	{
		/* wrapped after 4 billion searches: start the marks over */
		memset(r->mark, 0, sizeof(uint32) * Max(reach_nnodes(r), 1));
		r->epoch = 1;
	}
	r->mark[s] = r->epoch;
	r->queue[tail++] = s;
	while (head < tail)
	{
		int32		x = r->queue[head++];
		int64		k;

		for (k = r->off[x]; k < r->off[x + 1]; k++)
		{
			int32		y = r->adj[k];

			if (r->mark[y] != r->epoch)
			{
				r->mark[y] = r->epoch;
				r->queue[tail++] = y;
			}
		}
		if (head == 1)
			*direct = tail - 1;
	}
	*held = tail - 1;
}

/* ---------------------------------------------------------------------
 * hold_up_counts(tasks): the graph reachable from tasks, one BFS each
 * ---------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(hold_up_counts);
Datum
hold_up_counts(PG_FUNCTION_ARGS)
{
	ArrayType  *arr;
	TupleDesc	desc;
	Tuplestorestate *store;
	MemoryContext ctx,
				oldctx;
	Datum	   *elems;
	bool	   *enulls;
	int			nelems,
				i;
	NgReach		r;
	int32		s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	arr = PG_GETARG_ARRAYTYPE_P(0);
	if (ARR_ELEMTYPE(arr) != INT8OID)
		elog(ERROR, "hold_up_counts expects bigint[]");
	store = materialize_srf(fcinfo, &desc);

	deconstruct_array(arr, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &elems, &enulls, &nelems);
	if (nelems == 0)
		return (Datum) 0;
	ctx = AllocSetContextCreate(CurrentMemoryContext, "neongraph hold-up counts",
								ALLOCSET_DEFAULT_SIZES);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	oldctx = MemoryContextSwitchTo(ctx);

	/* the seeds, each task once, in the order of their first appearance */
	reach_init(&r, (Size) nelems);
	for (i = 0; i < nelems; i++)
	{
		bool		isnew;

		if (!enulls[i])
			(void) reach_node(&r, DatumGetInt64(elems[i]), &isnew);
	}
	reach_read(&r);
	reach_csr(&r);

	for (s = 0; s < r.nseeds; s++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		int64		held;
		int32		direct;

		CHECK_FOR_INTERRUPTS();
		reach_count(&r, s, &held, &direct);
		values[0] = Int64GetDatum(r.node_id.v[s]);
		values[1] = Int64GetDatum(held);
		values[2] = Int32GetDatum(direct);
		tuplestore_putvalues(store, desc, values, nulls);
	}

	MemoryContextSwitchTo(oldctx);
	SPI_finish();
	MemoryContextDelete(ctx);
	return (Datum) 0;
}

/* ---------------------------------------------------------------------
 * bottleneck_counts(as_of, lim): the late tasks, their hold-up counts and
 * the first lim of them, reading the late set through a cursor
 * ---------------------------------------------------------------------
 */

/*
 * The overdue assignments as of $1, one row each (a task comes once per
 * late lead): the rule of the status column of
 * neongraph.assignment_state(as_of) (57_views.sql) for 'overdue', with each
 * table's own part of it applied to that table: the task's deadline (the
 * assigned one, else the current one) past due on $1 and its directive
 * issued by $1 (the tasks of a later directive do not exist yet;
 * directive_id is a NOT NULL foreign key, so "no directive issued after $1"
 * is the same test); the assignment not cancelled as of $1 and not
 * completed by $1 (a completion by then is done, never overdue).  days_late
 * as assignment_state gives it.  The assignments of each past-due task are
 * one index lookup (OFFSET 0 keeps the subquery a per-task lookup), so the
 * plan holds no hash table or sort, however many rows there are.
 */
static const char *const ng_late_query =
	"SELECT t.task_id, x.days_late"
	"  FROM neongraph.task t"
	" CROSS JOIN LATERAL ("
	"       SELECT CASE WHEN NOT (a.cancelled AND a.cancelled_on OPERATOR(pg_catalog.<=) $1)"
	"                   THEN neongraph.days_late(COALESCE(t.assigned_deadline, t.deadline),"
	"                                            NULL::pg_catalog.date, $1) END AS days_late"
	"         FROM neongraph.assignment a"
	"        WHERE a.task_id OPERATOR(pg_catalog.=) t.task_id"
	"          AND (a.cancelled AND a.cancelled_on OPERATOR(pg_catalog.<=) $1) IS NOT TRUE"
	"          AND (a.completed_on IS NULL OR a.completed_on OPERATOR(pg_catalog.>) $1)"
	"       OFFSET 0) x"
	" WHERE neongraph.deadline_status(COALESCE(t.assigned_deadline, t.deadline),"
	"                                 NULL::pg_catalog.date, $1)"
	"       OPERATOR(pg_catalog.=) 'overdue'::neongraph.task_status"
	"   AND NOT EXISTS (SELECT FROM neongraph.directive d"
	"                    WHERE d.directive_id OPERATOR(pg_catalog.=) t.directive_id"
	"                      AND d.issued_on OPERATOR(pg_catalog.>) $1)";

/* days_late of a late task when every late assignment's is NULL */
#define NG_DAYS_NULL		PG_INT32_MIN

typedef struct NgScore
{
	int64		task_id;
	int64		held;
	int32		direct;
	int32		days_late;		/* NG_DAYS_NULL for NULL */
} NgScore;

/* a comes before b: more tasks held up, then more days late (NULL last), then the smaller id */
static inline bool
score_before(const NgScore *a, const NgScore *b)
{
	if (a->held != b->held)
		return a->held > b->held;
	if (a->days_late != b->days_late)
		return a->days_late > b->days_late;
	return a->task_id < b->task_id;
}

static int
cmp_score(const void *a, const void *b)
{
	const NgScore *x = (const NgScore *) a;
	const NgScore *y = (const NgScore *) b;

	return score_before(x, y) ? -1 : score_before(y, x) ? 1 : 0;
}

/*
 * The first k scores, kept in a binary heap whose root is the one that
 * comes last, so that a new score replaces it when it comes before.
 */
static void
heap_offer(NgScore *heap, int32 *n, int32 k, const NgScore *x)
{
	int32		i;

	if (*n < k)
	{
		/* sift up: a parent comes after its children */
		i = (*n)++;
		while (i > 0 && score_before(&heap[(i - 1) / 2], x))
		{
			heap[i] = heap[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		heap[i] = *x;
		return;
	}
	if (k == 0 || !score_before(x, &heap[0]))
		return;
	/* replace the root and sift down */
	i = 0;
	for (;;)
	{
		int32		c = 2 * i + 1;

		if (c >= *n)
			break;
		if (c + 1 < *n && score_before(&heap[c], &heap[c + 1]))
			c++;				/* the child that comes last */
		if (!score_before(x, &heap[c]))
			break;
		heap[i] = heap[c];
		i = c;
	}
	heap[i] = *x;
}

static void
put_score(Tuplestorestate *store, TupleDesc desc, const NgScore *x)
{
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	values[0] = Int64GetDatum(x->task_id);
	values[1] = Int32GetDatum(x->days_late);
	nulls[1] = x->days_late == NG_DAYS_NULL;
	values[2] = Int64GetDatum(x->held);
	values[3] = Int32GetDatum(x->direct);
	tuplestore_putvalues(store, desc, values, nulls);
}

PG_FUNCTION_INFO_V1(bottleneck_counts);
Datum
bottleneck_counts(PG_FUNCTION_ARGS)
{
	DateADT		as_of;
	bool		all = PG_ARGISNULL(1);
	int32		lim = all ? 0 : PG_GETARG_INT32(1);
	TupleDesc	desc;
	Tuplestorestate *store;
	MemoryContext ctx,
				oldctx;
	NgReach		r;
	NgVec32		days = {0};
	Oid			argtypes[1] = {DATEOID};
	Datum		args[1];
	Portal		portal;
	NgScore    *heap = NULL;
	int32		nheap = 0,
				k = 0,
				s;

	if (!all && lim < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_ROW_COUNT_IN_LIMIT_CLAUSE),
				 errmsg("lim must not be negative: %d", lim),
				 errdetail("lim is the number of late tasks to return, the most holding up first."),
				 errhint("Pass 0 or more, or NULL for every late task.")));
	store = materialize_srf(fcinfo, &desc);
	if (PG_ARGISNULL(0) || (!all && lim == 0))
		return (Datum) 0;
	as_of = PG_GETARG_DATEADT(0);

	ctx = AllocSetContextCreate(CurrentMemoryContext, "neongraph bottleneck counts",
								ALLOCSET_DEFAULT_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	oldctx = MemoryContextSwitchTo(ctx);

	/* the late tasks are the seeds; a task's days late: the largest of its leads' */
	reach_init(&r, 1024);
	args[0] = DateADTGetDatum(as_of);
	portal = SPI_cursor_open_with_args(NULL, ng_late_query, 1, argtypes, args, NULL, true, 0);
	for (;;)
	{
		uint64		i;

		CHECK_FOR_INTERRUPTS();
		SPI_cursor_fetch(portal, true, NG_FETCH_BATCH);
		if (SPI_processed == 0)
			break;
		for (i = 0; i < SPI_processed; i++)
		{
			HeapTuple	tup = SPI_tuptable->vals[i];
			TupleDesc	td = SPI_tuptable->tupdesc;
			bool		isnull,
						isnew;
			int64		id = spi_int8(tup, td, 1);
			Datum		dl = SPI_getbinval(tup, td, 2, &isnull);
			int32		dv = isnull ? NG_DAYS_NULL : DatumGetInt32(dl);
			int32		node = reach_node(&r, id, &isnew);

			if (isnew)
				vec32_push(&days, dv);
			else if (dv > days.v[node])
				days.v[node] = dv;
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);

	if (reach_nnodes(&r) > 0)
	{
		reach_read(&r);
		reach_csr(&r);
		if (!all)
		{
			k = Min(lim, r.nseeds);
			heap = MemoryContextAllocHuge(ctx, sizeof(NgScore) * Max(k, 1));
		}
		for (s = 0; s < r.nseeds; s++)
		{
			NgScore		x;

			CHECK_FOR_INTERRUPTS();
			x.task_id = r.node_id.v[s];
			x.days_late = days.v[s];
			reach_count(&r, s, &x.held, &x.direct);
			if (all)
				put_score(store, desc, &x);
			else
				heap_offer(heap, &nheap, k, &x);
		}
		if (!all)
		{
			qsort(heap, nheap, sizeof(NgScore), cmp_score);
			for (s = 0; s < nheap; s++)
				put_score(store, desc, &heap[s]);
		}
	}
	else
		ngid_destroy(r.ids);

	MemoryContextSwitchTo(oldctx);
	SPI_finish();
	MemoryContextDelete(ctx);
	return (Datum) 0;
}
