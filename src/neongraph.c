/*
 * neongraph.c — module entry: the GUCs and the Vietnamese calendar day.
 *
 * neongraph.deadline_style  output style of the deadline type (iso | vi)
 * neongraph.timezone        the zone whose calendar day is "today"
 *                           (default Asia/Ho_Chi_Minh): deadlines are
 *                           Vietnamese calendar days, whatever the
 *                           server's TimeZone.
 */
#include "neongraph.h"

#include "access/xact.h"
#include "datatype/timestamp.h"
#include "pgtime.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/timestamp.h"

PG_MODULE_MAGIC;

int			ng_deadline_style = NG_STYLE_ISO;
char	   *ng_timezone = NULL;

static const struct config_enum_entry deadline_style_options[] = {
	{"iso", NG_STYLE_ISO, false},
	{"vi", NG_STYLE_VI, false},
	{NULL, 0, false}
};

/* the zone of neongraph.timezone, looked up once per distinct setting */
static pg_tz *ng_tz = NULL;

static bool
check_ng_timezone(char **newval, void **extra, GucSource source)
{
	pg_tz	   *tz;

	if (*newval == NULL || **newval == '\0')
	{
		GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
		GUC_check_errmsg("neongraph.timezone must not be empty");
		GUC_check_errhint("Use a zone name such as \"Asia/Ho_Chi_Minh\".");
		return false;
	}
	tz = pg_tzset(*newval);
	if (tz == NULL || !pg_tz_acceptable(tz))
	{
		GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
		GUC_check_errmsg("time zone \"%s\" is not recognized", *newval);
		GUC_check_errdetail("neongraph.timezone takes a zone name from the IANA database.");
		GUC_check_errhint("Use a zone name such as \"Asia/Ho_Chi_Minh\".");
		return false;
	}
	return true;
}

static void
assign_ng_timezone(const char *newval, void *extra)
{
	/* pg_tzset caches zones, so this is cheap and never fails here */
	ng_tz = newval ? pg_tzset(newval) : NULL;
}

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomEnumVariable("neongraph.deadline_style",
							 "Output style of neongraph.deadline values.",
							 "iso: 2025-12-31, before 2025-09-20, 2025-Q4; "
							 "vi: 31/12/2025, trước ngày 20/9/2025, quý IV/2025.",
							 &ng_deadline_style,
							 NG_STYLE_ISO,
							 deadline_style_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);

	DefineCustomStringVariable("neongraph.timezone",
							   "Time zone whose calendar day neongraph.today() returns.",
							   "Deadlines are Vietnamese calendar days, whatever the server's TimeZone.",
							   &ng_timezone,
							   "Asia/Ho_Chi_Minh",
							   PGC_USERSET,
							   0,
							   check_ng_timezone, assign_ng_timezone, NULL);

	MarkGUCPrefixReserved("neongraph");
}

/*
 * The calendar day, in neongraph.timezone, of the current transaction's
 * start: stable within a statement, like CURRENT_DATE.
 */
DateADT
ng_today(void)
{
	TimestampTz ts = GetCurrentTransactionStartTimestamp();
	struct pg_tm tm;
	fsec_t		fsec;
	int			tzoff;
	pg_tz	   *tz = ng_tz ? ng_tz : pg_tzset("Asia/Ho_Chi_Minh");

	if (timestamp2tm(ts, &tzoff, &tm, &fsec, NULL, tz) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	return date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
}

PG_FUNCTION_INFO_V1(ng_today_fn);
Datum
ng_today_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(ng_today());
}
