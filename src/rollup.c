/*
 * rollup.c — the status_rollup aggregate and the rate helpers.
 *
 * status_rollup(task_status) counts each status; its final function turns
 * the counts into the composite neongraph.rollup with the figures the
 * Government Office publishes:
 *   due             = done_on_time + done_late + overdue
 *   on_time_rate    = done_on_time / due
 *   completion_rate = (done_on_time + done_late) / due
 *   overdue_rate    = overdue / due
 *   overdue_share   = overdue / (total - cancelled)
 * each NULL when its denominator is 0.
 *
 * The state is eight int64 counters in the aggregate's memory context;
 * the combine, serial and deserial functions make it parallel and
 * partial-aggregation safe.
 */
#include "neongraph.h"

#include "funcapi.h"
#include "access/htup_details.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

typedef struct NgRollupState
{
	int64		count[NG_NUM_STATUS];
} NgRollupState;

#define ROLLUP_SERIAL_SIZE	(NG_NUM_STATUS * sizeof(int64))

static inline NgRollupState *
rollup_state_new(MemoryContext aggcxt)
{
	return (NgRollupState *) MemoryContextAllocZero(aggcxt, sizeof(NgRollupState));
}

static MemoryContext
rollup_agg_context(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", fn),
				 errhint("Call neongraph.status_rollup(task_status) as an aggregate.")));
	return aggcxt;
}

PG_FUNCTION_INFO_V1(status_rollup_trans);
Datum
status_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = rollup_agg_context(fcinfo, "status_rollup_trans");
	NgRollupState *state;
	NgStatusMap *map;
	int			i;

	state = PG_ARGISNULL(0) ? rollup_state_new(aggcxt)
		: (NgRollupState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);

	map = ng_status_map(fcinfo->flinfo);
	i = ng_status_index(map, PG_GETARG_OID(1));
	if (i < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("value %u is not a neongraph.task_status", PG_GETARG_OID(1)),
				 errhint("Pass a value of type neongraph.task_status.")));
	state->count[i]++;
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(status_rollup_combine);
Datum
status_rollup_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = rollup_agg_context(fcinfo, "status_rollup_combine");
	NgRollupState *a = PG_ARGISNULL(0) ? NULL : (NgRollupState *) PG_GETARG_POINTER(0);
	NgRollupState *b = PG_ARGISNULL(1) ? NULL : (NgRollupState *) PG_GETARG_POINTER(1);
	int			i;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		a = rollup_state_new(aggcxt);
		memcpy(a, b, sizeof(NgRollupState));
		PG_RETURN_POINTER(a);
	}
	for (i = 0; i < NG_NUM_STATUS; i++)
		a->count[i] += b->count[i];
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(status_rollup_serial);
Datum
status_rollup_serial(PG_FUNCTION_ARGS)
{
	NgRollupState *state = (NgRollupState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	for (i = 0; i < NG_NUM_STATUS; i++)
		pq_sendint64(&buf, state->count[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(status_rollup_deserial);
Datum
status_rollup_deserial(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = rollup_agg_context(fcinfo, "status_rollup_deserial");
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	NgRollupState *state;
	StringInfoData buf;
	int			i;

	if (VARSIZE_ANY_EXHDR(b) != ROLLUP_SERIAL_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid status_rollup state of %d bytes",
						(int) VARSIZE_ANY_EXHDR(b)),
				 errdetail("A serialized state holds %d bytes.", (int) ROLLUP_SERIAL_SIZE),
				 errhint("Serialized states come only from neongraph.status_rollup_serial.")));
	state = rollup_state_new(aggcxt);
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	for (i = 0; i < NG_NUM_STATUS; i++)
	{
		state->count[i] = pq_getmsgint64(&buf);
		if (state->count[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid status_rollup state: negative count %lld",
							(long long) state->count[i]),
					 errhint("Serialized states come only from neongraph.status_rollup_serial.")));
	}
	PG_RETURN_POINTER(state);
}

static Datum
int64_numeric(int64 v)
{
#if PG_VERSION_NUM >= 140000
	return NumericGetDatum(int64_to_numeric(v));
#else
	return DirectFunctionCall1(int8_numeric, Int64GetDatum(v));
#endif
}

/* num / den as numeric, or NULL (isnull) when den is 0 */
static Datum
ratio(int64 num, int64 den, bool *isnull)
{
	if (den == 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	return DirectFunctionCall2(numeric_div, int64_numeric(num), int64_numeric(den));
}

/* Build the neongraph.rollup composite from eight counts. */
static Datum
rollup_composite(FunctionCallInfo fcinfo, const int64 *c)
{
	TupleDesc	tupdesc;
	Datum		values[NG_NUM_STATUS + 6];
	bool		nulls[NG_NUM_STATUS + 6];
	int64		total = 0;
	int64		due;
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning neongraph.rollup called in a context that cannot accept it")));
	tupdesc = BlessTupleDesc(tupdesc);
	if (tupdesc->natts != NG_NUM_STATUS + 6)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("type neongraph.rollup has %d attributes, expected %d",
						tupdesc->natts, NG_NUM_STATUS + 6),
				 errhint("Update the extension with ALTER EXTENSION neongraph UPDATE.")));

	for (i = 0; i < NG_NUM_STATUS; i++)
		total += c[i];
	due = c[NG_DONE_ON_TIME] + c[NG_DONE_LATE] + c[NG_OVERDUE];

	memset(nulls, 0, sizeof(nulls));
	values[0] = Int64GetDatum(total);
	for (i = 0; i < NG_NUM_STATUS; i++)
		values[1 + i] = Int64GetDatum(c[i]);
	values[NG_NUM_STATUS + 1] = Int64GetDatum(due);
	values[NG_NUM_STATUS + 2] = ratio(c[NG_DONE_ON_TIME], due, &nulls[NG_NUM_STATUS + 2]);
	values[NG_NUM_STATUS + 3] = ratio(c[NG_DONE_ON_TIME] + c[NG_DONE_LATE], due,
									  &nulls[NG_NUM_STATUS + 3]);
	values[NG_NUM_STATUS + 4] = ratio(c[NG_OVERDUE], due, &nulls[NG_NUM_STATUS + 4]);
	values[NG_NUM_STATUS + 5] = ratio(c[NG_OVERDUE], total - c[NG_CANCELLED],
									  &nulls[NG_NUM_STATUS + 5]);

	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

PG_FUNCTION_INFO_V1(status_rollup_final);
Datum
status_rollup_final(PG_FUNCTION_ARGS)
{
	static const int64 zero[NG_NUM_STATUS];
	NgRollupState *state = PG_ARGISNULL(0) ? NULL : (NgRollupState *) PG_GETARG_POINTER(0);

	return rollup_composite(fcinfo, state ? state->count : zero);
}

/*
 * make_rollup(done_on_time, done_late, overdue, due_soon, on_track,
 *             recurring, no_deadline, cancelled) -> rollup
 * The same figures from counts kept elsewhere (summaries, other systems).
 */
PG_FUNCTION_INFO_V1(make_rollup);
Datum
make_rollup(PG_FUNCTION_ARGS)
{
	int64		c[NG_NUM_STATUS];
	int			i;

	for (i = 0; i < NG_NUM_STATUS; i++)
	{
		c[i] = PG_ARGISNULL(i) ? 0 : PG_GETARG_INT64(i);
		if (c[i] < 0)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("count of %s must not be negative: %lld",
							ng_status_names[i], (long long) c[i]),
					 errdetail("Rollups are built from counts of tasks."),
					 errhint("Pass counts of zero or more.")));
	}
	return rollup_composite(fcinfo, c);
}
