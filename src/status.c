/*
 * status.c — task status: the rule of SPEC "Task status".
 *
 * Owns deadline_status(), days_late(), status_label() and the mapping
 * between the task_status enum's labels and their OIDs.
 *
 * The rule, evaluated as the task stood on as_of:
 *   1. a completion after as_of is not yet known: the task is open;
 *   2. completed: done_on_time if completed_on <= due, else done_late
 *      (a completed recurring or undated task is done_on_time);
 *   3. open, no deadline: no_deadline; open, recurring: recurring;
 *   4. open, as_of > due: overdue;
 *   5. open, due - as_of <= due_soon_days: due_soon;
 *   6. otherwise on_track.
 */
#include "neongraph.h"

#include "catalog/namespace.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/syscache.h"

const char *const ng_status_names[NG_NUM_STATUS] = {
	"done_on_time", "done_late", "overdue", "due_soon", "on_track",
	"recurring", "no_deadline", "cancelled"
};

static const char *const status_labels_vi[NG_NUM_STATUS] = {
	"Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Quá hạn", "Sắp đến hạn",
	"Đang thực hiện trong hạn", "Thường xuyên", "Chưa xác định thời hạn",
	"Dừng thực hiện"
};

static const char *const status_labels_en[NG_NUM_STATUS] = {
	"Done on time", "Done late", "Overdue", "Due soon", "On track",
	"Recurring", "No deadline", "Cancelled"
};

static void
load_status_map(NgStatusMap *map)
{
	Oid			nsp = get_namespace_oid("neongraph", false);
	int			i;

	map->typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
								  CStringGetDatum("task_status"),
								  ObjectIdGetDatum(nsp));
	if (!OidIsValid(map->typoid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type \"neongraph.task_status\" does not exist"),
				 errhint("Install the extension with CREATE EXTENSION neongraph.")));
	for (i = 0; i < NG_NUM_STATUS; i++)
	{
		map->oids[i] = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
									   ObjectIdGetDatum(map->typoid),
									   CStringGetDatum(ng_status_names[i]));
		if (!OidIsValid(map->oids[i]))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("label \"%s\" of type neongraph.task_status does not exist",
							ng_status_names[i]),
					 errhint("Update the extension with ALTER EXTENSION neongraph UPDATE.")));
	}
}

NgStatusMap *
ng_status_map(FmgrInfo *flinfo)
{
	NgStatusMap *map;

	if (flinfo == NULL)
	{
		/* no call site to cache on: look up each time (rare) */
		map = palloc(sizeof(NgStatusMap));
		load_status_map(map);
		return map;
	}
	map = (NgStatusMap *) flinfo->fn_extra;
	if (map == NULL)
	{
		map = MemoryContextAlloc(flinfo->fn_mcxt, sizeof(NgStatusMap));
		load_status_map(map);
		flinfo->fn_extra = map;
	}
	return map;
}

/* the rule above; completed_on == NULL when the task is open */
static inline NgTaskStatus
compute_status(bool has_deadline, NgDeadline d, bool completed,
			   DateADT completed_on, DateADT as_of, int32 due_soon_days)
{
	int64		due;

	if (completed && completed_on > as_of)
		completed = false;

	if (completed)
	{
		if (!has_deadline || ng_is_recurring(d))
			return NG_DONE_ON_TIME;
		return completed_on <= ng_due_day(d) ? NG_DONE_ON_TIME : NG_DONE_LATE;
	}
	if (!has_deadline)
		return NG_NO_DEADLINE;
	if (ng_is_recurring(d))
		return NG_RECURRING;
	due = ng_due_day(d);
	if ((int64) as_of > due)
		return NG_OVERDUE;
	if (due - (int64) as_of <= (int64) due_soon_days)
		return NG_DUE_SOON;
	return NG_ON_TRACK;
}

/*
 * deadline_status(d deadline, completed_on date, as_of date,
 *                 due_soon_days int) -> task_status
 * Not strict: a NULL deadline means "no deadline", a NULL completion
 * "open"; a NULL as_of or due_soon_days gives NULL.
 */
PG_FUNCTION_INFO_V1(deadline_status);
Datum
deadline_status(PG_FUNCTION_ARGS)
{
	NgStatusMap *map;
	NgTaskStatus s;
	int32		due_soon_days = 7;

	if (PG_ARGISNULL(2) || (PG_NARGS() > 3 && PG_ARGISNULL(3)))
		PG_RETURN_NULL();
	if (PG_NARGS() > 3)
		due_soon_days = PG_GETARG_INT32(3);

	s = compute_status(!PG_ARGISNULL(0),
					   PG_ARGISNULL(0) ? 0 : PG_GETARG_DEADLINE(0),
					   !PG_ARGISNULL(1),
					   PG_ARGISNULL(1) ? 0 : PG_GETARG_DATEADT(1),
					   PG_GETARG_DATEADT(2),
					   due_soon_days);
	map = ng_status_map(fcinfo->flinfo);
	return ng_status_datum(map, s);
}

/* deadline_status(d, completed_on) as of neongraph.today(): STABLE */
PG_FUNCTION_INFO_V1(deadline_status_today);
Datum
deadline_status_today(PG_FUNCTION_ARGS)
{
	NgStatusMap *map;
	NgTaskStatus s;

	s = compute_status(!PG_ARGISNULL(0),
					   PG_ARGISNULL(0) ? 0 : PG_GETARG_DEADLINE(0),
					   !PG_ARGISNULL(1),
					   PG_ARGISNULL(1) ? 0 : PG_GETARG_DATEADT(1),
					   ng_today(), 7);
	map = ng_status_map(fcinfo->flinfo);
	return ng_status_datum(map, s);
}

/*
 * days_late(d, completed_on, as_of) -> int: for done-late, completion - due;
 * for overdue, as_of - due; 0 otherwise; NULL for recurring and undated.
 */
static Datum
days_late_common(FunctionCallInfo fcinfo, DateADT as_of)
{
	NgDeadline	d;
	int64		late;
	DateADT		done;
	bool		completed = !PG_ARGISNULL(1);

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	d = PG_GETARG_DEADLINE(0);
	if (ng_is_recurring(d))
		PG_RETURN_NULL();
	done = completed ? PG_GETARG_DATEADT(1) : 0;
	if (completed && done > as_of)
		completed = false;
	late = (completed ? (int64) done : (int64) as_of) - (int64) ng_due_day(d);
	if (late <= 0)
		PG_RETURN_INT32(0);
	if (DATE_NOT_FINITE(completed ? done : as_of) || late > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("days late out of range for date \"%s\"",
						DatumGetCString(DirectFunctionCall1(date_out,
															DateADTGetDatum(completed ? done : as_of)))),
				 errdetail("Days late are counted between two finite dates."),
				 errhint("Pass a finite completion date and as_of date.")));
	PG_RETURN_INT32((int32) late);
}

PG_FUNCTION_INFO_V1(days_late);
Datum
days_late(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(2))
		PG_RETURN_NULL();
	return days_late_common(fcinfo, PG_GETARG_DATEADT(2));
}

PG_FUNCTION_INFO_V1(days_late_today);
Datum
days_late_today(PG_FUNCTION_ARGS)
{
	return days_late_common(fcinfo, ng_today());
}

/* status_label(s task_status, lang text) -> text */
PG_FUNCTION_INFO_V1(status_label);
Datum
status_label(PG_FUNCTION_ARGS)
{
	Oid			val = PG_GETARG_OID(0);
	char	   *lang = text_to_cstring(PG_GETARG_TEXT_PP(1));
	NgStatusMap *map = ng_status_map(fcinfo->flinfo);
	int			i = ng_status_index(map, val);
	const char *const *labels;

	if (pg_strcasecmp(lang, "vi") == 0)
		labels = status_labels_vi;
	else if (pg_strcasecmp(lang, "en") == 0)
		labels = status_labels_en;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported language for status labels: \"%s\"", lang),
				 errdetail("Labels exist in Vietnamese and English only."),
				 errhint("Use 'vi' or 'en'.")));
	if (i < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("value %u is not a neongraph.task_status", val),
				 errhint("Pass a value of type neongraph.task_status.")));
	PG_RETURN_TEXT_P(cstring_to_text(labels[i]));
}
