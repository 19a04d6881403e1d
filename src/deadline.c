/*
 * deadline.c — the neongraph.deadline type in the server: input, output,
 * binary send/receive, accessors, comparison and hashing support,
 * try_deadline, parse_deadline, extract_deadlines and to_text.
 *
 * All reading and writing is done by deadline_core.c; this file only turns
 * its error codes into ereport()s and its values into Datums.  A deadline
 * is a pass-by-value 8-byte integer whose unsigned order is the deadline
 * order (see deadline_core.h), so the comparison functions compare the
 * Datums as uint64.
 */
#include "neongraph.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/sortsupport.h"

#define DEADLINE_HINT \
	"Write a date (31/12/2025, ngày 15 tháng 12 năm 2025, 2025-12-31), " \
	"\"trước ngày 20/9/2025\", \"tháng 9/2025\", \"quý IV/2025\", " \
	"\"6 tháng đầu năm 2026\", \"năm 2025\", \"từ ngày 11/4/2025 đến ngày 20/4/2025\", " \
	"\"giai đoạn 2026 - 2030\", \"thường xuyên\" or \"hằng tuần/tháng/quý/năm\"; " \
	"or the ISO forms 2025-09, 2025-Q4, 2026-H1, 2025, 2025-04-11/2025-04-20."

#define NO_YEAR_HINT \
	"Write the year, as in \"Trước 30/6/2026\", or use " \
	"neongraph.parse_deadline(text, reference_date)."

/* raise the error for a failed parse of str */
static void
deadline_parse_error(const char *str, int code, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", "deadline", str),
			 errdetail("%s", detail[0] ? detail : "no deadline form recognised"),
			 errhint("%s", code == NG_PARSE_NO_YEAR ? NO_YEAR_HINT : DEADLINE_HINT)));
}

/* parse or raise; str must be NUL-terminated */
static NgDeadline
deadline_from_cstring(const char *str, size_t len, bool have_ref, NgDay ref)
{
	char		detail[NG_DETAIL_LEN];
	NgDeadline	d = 0;
	int			r = ng_deadline_parse(str, len, have_ref, ref, &d, detail,
									  sizeof(detail));

	if (r != NG_PARSE_OK)
		deadline_parse_error(str, r, detail);
	return d;
}

/*
 * parse a text value in place or raise: the cstring the error message
 * shows is only built on failure
 */
static NgDeadline
deadline_from_text(const text *t, bool have_ref, NgDay ref)
{
	char		detail[NG_DETAIL_LEN];
	NgDeadline	d = 0;
	int			r = ng_deadline_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
									  have_ref, ref, &d, detail, sizeof(detail));

	if (r != NG_PARSE_OK)
		deadline_parse_error(text_to_cstring(t), r, detail);
	return d;
}

static text *
deadline_to_text(NgDeadline d, int style)
{
	char		buf[NG_FORMAT_LEN];
	size_t		len = ng_deadline_format(d, style, buf, sizeof(buf));

	return cstring_to_text_with_len(buf, (int) len);
}

static inline int
deadline_cmp_internal(NgDeadline a, NgDeadline b)
{
	return a < b ? -1 : (a > b ? 1 : 0);
}

PG_FUNCTION_INFO_V1(deadline_in);
Datum
deadline_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);

	PG_RETURN_DEADLINE(deadline_from_cstring(str, strlen(str), false, 0));
}

PG_FUNCTION_INFO_V1(deadline_out);
Datum
deadline_out(PG_FUNCTION_ARGS)
{
	NgDeadline	d = PG_GETARG_DEADLINE(0);
	char		buf[NG_FORMAT_LEN];

	ng_deadline_format(d, ng_deadline_style == NG_STYLE_VI ? NG_FORMAT_VI : NG_FORMAT_ISO,
					   buf, sizeof(buf));
	PG_RETURN_CSTRING(pstrdup(buf));
}

PG_FUNCTION_INFO_V1(deadline_recv);
Datum
deadline_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	NgDeadline	d = (NgDeadline) pq_getmsgint64(buf);
	char		detail[NG_DETAIL_LEN];

	if (!ng_deadline_valid(d, detail, sizeof(detail)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external deadline value %016llx",
						(unsigned long long) d),
				 errdetail("%s", detail)));
	PG_RETURN_DEADLINE(d);
}

/*
 * the cast from text and varchar: like deadline_in, without the copy to a
 * cstring that a WITH INOUT cast makes for every value
 */
PG_FUNCTION_INFO_V1(deadline_from_text_cast);
Datum
deadline_from_text_cast(PG_FUNCTION_ARGS)
{
	PG_RETURN_DEADLINE(deadline_from_text(PG_GETARG_TEXT_PP(0), false, 0));
}

PG_FUNCTION_INFO_V1(deadline_send);
Datum
deadline_send(PG_FUNCTION_ARGS)
{
	NgDeadline	d = PG_GETARG_DEADLINE(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, (int64) d);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- accessors ---- */

PG_FUNCTION_INFO_V1(deadline_due_date);
Datum
deadline_due_date(PG_FUNCTION_ARGS)
{
	NgDeadline	d = PG_GETARG_DEADLINE(0);

	if (ng_is_recurring(d))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT((DateADT) ng_due_day(d));
}

PG_FUNCTION_INFO_V1(deadline_start_date);
Datum
deadline_start_date(PG_FUNCTION_ARGS)
{
	NgDeadline	d = PG_GETARG_DEADLINE(0);

	if (ng_is_recurring(d) || !ng_has_start(d))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT((DateADT) ng_start_day(d));
}

PG_FUNCTION_INFO_V1(deadline_kind);
Datum
deadline_kind(PG_FUNCTION_ARGS)
{
	static const char *const names[] = {"invalid", "date", "before", "month",
	"quarter", "half", "year", "range", "recurring"};
	NgKind		k = ng_kind(PG_GETARG_DEADLINE(0));

	PG_RETURN_TEXT_P(cstring_to_text(names[k <= NG_KIND_RECURRING ? k : 0]));
}

PG_FUNCTION_INFO_V1(deadline_recurrence);
Datum
deadline_recurrence(PG_FUNCTION_ARGS)
{
	static const char *const names[] = {NULL, "continuous", "weekly",
	"monthly", "quarterly", "half-yearly", "yearly"};
	NgDeadline	d = PG_GETARG_DEADLINE(0);
	NgRecurrence r = ng_recurrence(d);

	if (!ng_is_recurring(d) || r < NG_REC_CONTINUOUS || r > NG_REC_YEARLY)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(names[r]));
}

PG_FUNCTION_INFO_V1(deadline_is_soft);
Datum
deadline_is_soft(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ng_is_soft(PG_GETARG_DEADLINE(0)));
}

PG_FUNCTION_INFO_V1(deadline_of_date);
Datum
deadline_of_date(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	NgDeadline	d;

	if (DATE_NOT_FINITE(day) ||
		day < ng_days_from_civil(NG_MIN_YEAR, 1, 1) ||
		day > ng_days_from_civil(NG_MAX_YEAR, 12, 31))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range for type deadline"),
				 errdetail("A deadline names a day in the years %d to %d.",
						   NG_MIN_YEAR, NG_MAX_YEAR)));
	d = ng_pack(NG_KIND_DATE, (NgDay) day, false, 0, false, NG_REC_NONE);
	PG_RETURN_DEADLINE(d);
}

/* ---- text functions ---- */

PG_FUNCTION_INFO_V1(deadline_try);
Datum
deadline_try(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	NgDeadline	d;

	if (ng_deadline_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false, 0, &d,
						  NULL, 0) != NG_PARSE_OK)
		PG_RETURN_NULL();
	PG_RETURN_DEADLINE(d);
}

PG_FUNCTION_INFO_V1(deadline_parse_ref);
Datum
deadline_parse_ref(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	DateADT		ref = PG_GETARG_DATEADT(1);

	if (DATE_NOT_FINITE(ref))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the reference date must be finite")));
	PG_RETURN_DEADLINE(deadline_from_text(t, true, (NgDay) ref));
}

PG_FUNCTION_INFO_V1(deadline_to_text_style);
Datum
deadline_to_text_style(PG_FUNCTION_ARGS)
{
	NgDeadline	d = PG_GETARG_DEADLINE(0);
	char	   *style = text_to_cstring(PG_GETARG_TEXT_PP(1));

	if (pg_strcasecmp(style, "iso") == 0)
		PG_RETURN_TEXT_P(deadline_to_text(d, NG_FORMAT_ISO));
	if (pg_strcasecmp(style, "vi") == 0)
		PG_RETURN_TEXT_P(deadline_to_text(d, NG_FORMAT_VI));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown deadline style \"%s\"", style),
			 errhint("The styles are \"iso\" and \"vi\".")));
	PG_RETURN_NULL();			/* not reached */
}

/* ---- extract_deadlines ---- */

typedef struct ExtractState
{
	ReturnSetInfo *rsinfo;
	const char *src;
	size_t		chars_off;		/* byte offset counted so far */
	int64		chars;			/* characters before chars_off */
} ExtractState;

static bool
extract_emit(const NgFound *f, void *arg)
{
	ExtractState *st = (ExtractState *) arg;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	/* phrases come in text order: count characters incrementally */
	st->chars += pg_mbstrlen_with_len(st->src + st->chars_off,
									  (int) (f->offset - st->chars_off));
	st->chars_off = f->offset;

	values[0] = DeadlineGetDatum(f->deadline);
	values[1] = PointerGetDatum(cstring_to_text_with_len(st->src + f->offset,
														 (int) f->length));
	values[2] = Int32GetDatum((int32) (st->chars + 1));
	tuplestore_putvalues(st->rsinfo->setResult, st->rsinfo->setDesc,
						 values, nulls);
	return true;
}

PG_FUNCTION_INFO_V1(deadline_extract);
Datum
deadline_extract(PG_FUNCTION_ARGS)
{
	ExtractState st;
	text	   *t;
	bool		have_ref = !PG_ARGISNULL(1);
	DateADT		ref = have_ref ? PG_GETARG_DATEADT(1) : 0;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (have_ref && DATE_NOT_FINITE(ref))
		have_ref = false;
	t = PG_GETARG_TEXT_PP(0);
	st.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	st.src = VARDATA_ANY(t);
	st.chars_off = 0;
	st.chars = 0;
	ng_deadline_extract(st.src, VARSIZE_ANY_EXHDR(t), have_ref, (NgDay) ref,
						extract_emit, &st);
	PG_RETURN_NULL();
}

/* ---- comparison, sorting, hashing ---- */

#define DEADLINE_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(PG_GETARG_DEADLINE(0) op PG_GETARG_DEADLINE(1)); \
}

DEADLINE_CMP_FN(deadline_lt, <)
DEADLINE_CMP_FN(deadline_le, <=)
DEADLINE_CMP_FN(deadline_eq, ==)
DEADLINE_CMP_FN(deadline_ne, !=)
DEADLINE_CMP_FN(deadline_ge, >=)
DEADLINE_CMP_FN(deadline_gt, >)

PG_FUNCTION_INFO_V1(deadline_cmp);
Datum
deadline_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(deadline_cmp_internal(PG_GETARG_DEADLINE(0),
										  PG_GETARG_DEADLINE(1)));
}

static int
deadline_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	return deadline_cmp_internal(DatumGetDeadline(x), DatumGetDeadline(y));
}

PG_FUNCTION_INFO_V1(deadline_sortsupport);
Datum
deadline_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

#if SIZEOF_DATUM >= 8
	/* the Datum is the packed value: its unsigned order is the order */
	ssup->comparator = ssup_datum_unsigned_cmp;
#else
	ssup->comparator = deadline_fastcmp;
#endif
	(void) deadline_fastcmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(deadline_hash);
Datum
deadline_hash(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(hashint8, Int64GetDatum((int64) PG_GETARG_DEADLINE(0)));
}

PG_FUNCTION_INFO_V1(deadline_hash_extended);
Datum
deadline_hash_extended(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall2(hashint8extended,
							   Int64GetDatum((int64) PG_GETARG_DEADLINE(0)),
							   PG_GETARG_DATUM(1));
}

/* ---- min / max ---- */

PG_FUNCTION_INFO_V1(deadline_smaller);
Datum
deadline_smaller(PG_FUNCTION_ARGS)
{
	NgDeadline	a = PG_GETARG_DEADLINE(0);
	NgDeadline	b = PG_GETARG_DEADLINE(1);

	PG_RETURN_DEADLINE(a <= b ? a : b);
}

PG_FUNCTION_INFO_V1(deadline_larger);
Datum
deadline_larger(PG_FUNCTION_ARGS)
{
	NgDeadline	a = PG_GETARG_DEADLINE(0);
	NgDeadline	b = PG_GETARG_DEADLINE(1);

	PG_RETURN_DEADLINE(a >= b ? a : b);
}
