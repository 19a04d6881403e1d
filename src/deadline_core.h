/*
 * deadline_core.h — the deadline value, independent of the server.
 *
 * This header and deadline_core.c compile without PostgreSQL headers, so
 * the parser can be fuzzed and tested as a plain C program.
 *
 * A deadline packs into 64 bits, ordered so that comparing the packed
 * values as unsigned integers orders deadlines by due date, then start
 * date, then kind, with recurring deadlines last:
 *
 *   bits 63..40  due key   (24 bits): due day + 2^23, days counted from
 *                          2000-01-01 like PostgreSQL's DateADT;
 *                          0xFFFFFF for a recurring deadline (no due day)
 *   bits 39..16  start key (24 bits): start day + 2^23, or 0 for none
 *   bits 15..12  kind      (NG_KIND_*)
 *   bit  11      soft      ("phấn đấu": a target, kept and shown)
 *   bits 10..8   recurrence (NG_REC_*), non-zero only for recurring
 *   bits  7..0   zero
 *
 * For kind "before", the due day is the day before the date written.
 */
#ifndef NEONGRAPH_DEADLINE_CORE_H
#define NEONGRAPH_DEADLINE_CORE_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

typedef uint64_t NgDeadline;

typedef enum NgKind
{
	NG_KIND_DATE = 1,
	NG_KIND_BEFORE = 2,
	NG_KIND_MONTH = 3,
	NG_KIND_QUARTER = 4,
	NG_KIND_HALF = 5,
	NG_KIND_YEAR = 6,
	NG_KIND_RANGE = 7,
	NG_KIND_RECURRING = 8
} NgKind;

typedef enum NgRecurrence
{
	NG_REC_NONE = 0,
	NG_REC_CONTINUOUS = 1,
	NG_REC_WEEKLY = 2,
	NG_REC_MONTHLY = 3,
	NG_REC_QUARTERLY = 4,
	NG_REC_HALFYEARLY = 5,
	NG_REC_YEARLY = 6
} NgRecurrence;

#define NG_DAY_BIAS			(INT32_C(1) << 23)
#define NG_KEY_MASK			UINT64_C(0xFFFFFF)
#define NG_DUE_RECURRING	NG_KEY_MASK
#define NG_SOFT_BIT			(UINT64_C(1) << 11)

/* days since 2000-01-01, like DateADT */
typedef int32_t NgDay;

static inline uint32_t
ng_due_key(NgDeadline d)
{
	return (uint32_t) ((d >> 40) & NG_KEY_MASK);
}

static inline uint32_t
ng_start_key(NgDeadline d)
{
	return (uint32_t) ((d >> 16) & NG_KEY_MASK);
}

static inline NgKind
ng_kind(NgDeadline d)
{
	return (NgKind) ((d >> 12) & 0xF);
}

static inline bool
ng_is_soft(NgDeadline d)
{
	return (d & NG_SOFT_BIT) != 0;
}

static inline NgRecurrence
ng_recurrence(NgDeadline d)
{
	return (NgRecurrence) ((d >> 8) & 0x7);
}

static inline bool
ng_is_recurring(NgDeadline d)
{
	return ng_kind(d) == NG_KIND_RECURRING;
}

/* the last on-time day; only meaningful when !ng_is_recurring(d) */
static inline NgDay
ng_due_day(NgDeadline d)
{
	return (NgDay) ng_due_key(d) - NG_DAY_BIAS;
}

static inline bool
ng_has_start(NgDeadline d)
{
	return ng_start_key(d) != 0;
}

static inline NgDay
ng_start_day(NgDeadline d)
{
	return (NgDay) ng_start_key(d) - NG_DAY_BIAS;
}

static inline NgDeadline
ng_pack(NgKind kind, NgDay due, bool has_start, NgDay start, bool soft,
		NgRecurrence rec)
{
	uint64_t	dk = (kind == NG_KIND_RECURRING) ? NG_DUE_RECURRING
		: (uint64_t) (uint32_t) (due + NG_DAY_BIAS);
	uint64_t	sk = has_start ? (uint64_t) (uint32_t) (start + NG_DAY_BIAS) : 0;

	return (dk << 40) | (sk << 16) | ((uint64_t) kind << 12) |
		(soft ? NG_SOFT_BIT : 0) | ((uint64_t) rec << 8);
}


/* ------------------------------------------------------------------------
 * Reading, writing and finding deadlines (deadline_core.c).
 *
 * None of these raise or allocate: errors come back as a code and a
 * detail sentence, so the type's input function, try_deadline, the
 * extractor and the fuzzer share one parser.
 * ------------------------------------------------------------------------
 */
#define NG_PARSE_OK			0
#define NG_PARSE_BAD		1	/* not a deadline; the detail says why */
#define NG_PARSE_NO_YEAR	2	/* a deadline form without its year */

#define NG_FORMAT_ISO		0	/* same values as NG_STYLE_ISO / NG_STYLE_VI */
#define NG_FORMAT_VI		1

#define NG_DETAIL_LEN		256 /* enough for any detail sentence */
#define NG_FORMAT_LEN		80	/* enough for any formatted deadline */

/* the years a deadline may name */
#define NG_MIN_YEAR			1000
#define NG_MAX_YEAR			9999

extern NgDay ng_days_from_civil(int y, int m, int d);
extern void ng_civil_from_days(NgDay day, int *y, int *m, int *d);

/*
 * Parse s[0..len) (need not be NUL-terminated).  With have_ref, a form
 * without its year resolves to the first such deadline due on or after
 * ref; without, it is NG_PARSE_NO_YEAR.  On failure *out is untouched and
 * detail (if not NULL) receives a NUL-terminated sentence.
 */
extern int	ng_deadline_parse(const char *s, size_t len, bool have_ref,
							  NgDay ref, NgDeadline *out,
							  char *detail, size_t detail_len);
/* the same without the fast path for common spellings (for tests) */
extern int	ng_deadline_parse_full(const char *s, size_t len, bool have_ref,
								   NgDay ref, NgDeadline *out,
								   char *detail, size_t detail_len);

/* write d in the given style; returns the length (always NUL-terminated) */
extern size_t ng_deadline_format(NgDeadline d, int style, char *buf,
								 size_t len);

/* is d a value ng_deadline_parse could have produced?  detail says why not */
extern bool ng_deadline_valid(NgDeadline d, char *detail, size_t detail_len);

/* a deadline phrase found in running text: bytes [offset, offset+length) */
typedef struct NgFound
{
	NgDeadline	deadline;
	size_t		offset;
	size_t		length;
} NgFound;

/* called for each phrase in text order; return false to stop */
typedef bool (*NgFoundFn) (const NgFound *found, void *arg);

/* find the deadline phrases in s[0..len); returns how many were reported */
extern size_t ng_deadline_extract(const char *s, size_t len, bool have_ref,
								  NgDay ref, NgFoundFn fn, void *arg);

#endif							/* NEONGRAPH_DEADLINE_CORE_H */
