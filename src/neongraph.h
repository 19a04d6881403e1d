/*
 * neongraph.h — shared declarations: the GUCs, version guards and the
 * packed representation of the deadline type, which several files read.
 */
#ifndef NEONGRAPH_H
#define NEONGRAPH_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/date.h"

#include "deadline_core.h"

#if PG_VERSION_NUM < 130000
#error "neongraph needs PostgreSQL 13 or later"
#endif

/* GUC neongraph.deadline_style */
typedef enum NgDeadlineStyle
{
	NG_STYLE_ISO = 0,
	NG_STYLE_VI = 1
} NgDeadlineStyle;

extern int	ng_deadline_style;
extern char *ng_timezone;

/* neongraph.c */
extern DateADT ng_today(void);

/*
 * A deadline is a uint64 packed as described in deadline_core.h; in the
 * server it is pass-by-value int8-sized.
 */
#define DatumGetDeadline(X)		((NgDeadline) DatumGetInt64(X))
#define DeadlineGetDatum(X)		Int64GetDatum((int64) (X))
#define PG_GETARG_DEADLINE(n)	DatumGetDeadline(PG_GETARG_DATUM(n))
#define PG_RETURN_DEADLINE(x)	return DeadlineGetDatum(x)

/* status.c: the task_status enum's positions, in declaration order */
typedef enum NgTaskStatus
{
	NG_DONE_ON_TIME = 0,
	NG_DONE_LATE,
	NG_OVERDUE,
	NG_DUE_SOON,
	NG_ON_TRACK,
	NG_RECURRING,
	NG_NO_DEADLINE,
	NG_CANCELLED,
	NG_NUM_STATUS
} NgTaskStatus;

/*
 * The OIDs of the task_status labels, looked up once per call site
 * (cached in fn_extra), so that dropping and re-creating the extension
 * within a session never leaves a stale cache behind.
 */
typedef struct NgStatusMap
{
	Oid			typoid;
	Oid			oids[NG_NUM_STATUS];
} NgStatusMap;

extern const char *const ng_status_names[NG_NUM_STATUS];
extern NgStatusMap *ng_status_map(FmgrInfo *flinfo);

static inline Datum
ng_status_datum(const NgStatusMap *map, NgTaskStatus s)
{
	return ObjectIdGetDatum(map->oids[s]);
}

/* position of an enum OID in task_status, or -1 */
static inline int
ng_status_index(const NgStatusMap *map, Oid val)
{
	int			i;

	for (i = 0; i < NG_NUM_STATUS; i++)
		if (map->oids[i] == val)
			return i;
	return -1;
}

#endif							/* NEONGRAPH_H */
