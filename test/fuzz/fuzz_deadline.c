/*
 * fuzz_deadline.c — libFuzzer target for the deadline parser, formatter and
 * phrase extractor (src/deadline_core.c, compiled outside the server).
 *
 * For every input it checks:
 *   - ng_deadline_parse never crashes, with and without a reference date;
 *   - its fast path for common spellings changes nothing: the general
 *     parser (ng_deadline_parse_full) gives the same code, value and detail;
 *   - every accepted value is valid (ng_deadline_valid) and round-trips:
 *     format in each style (iso, vi) and parse again gives the same value;
 *   - ng_deadline_extract reports phrases inside the input only (non-empty,
 *     offset + length <= input length, in text order), each a valid value
 *     that round-trips in both styles and that parses from its own phrase
 *     bytes when the phrase carries its year.
 * A failed check calls __builtin_trap(), which libFuzzer reports as a crash.
 *
 * Build: see test/fuzz/build.sh.
 */
#include "deadline_core.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "check failed: %s (line %d)\n", #c, __LINE__); __builtin_trap(); } } while (0)

static void
roundtrip(NgDeadline d)
{
	char		buf[NG_FORMAT_LEN],
				det[NG_DETAIL_LEN];
	int			style;

	CHECK(ng_deadline_valid(d, det, sizeof(det)));
	for (style = NG_FORMAT_ISO; style <= NG_FORMAT_VI; style++)
	{
		NgDeadline	e = 0;
		size_t		l = ng_deadline_format(d, style, buf, sizeof(buf));

		CHECK(l < sizeof(buf));
		CHECK(strlen(buf) == l);
		CHECK(ng_deadline_parse(buf, l, false, 0, &e, det, sizeof(det)) == NG_PARSE_OK);
		CHECK(e == d);
	}
}

typedef struct
{
	size_t		len;
	size_t		last_end;
	size_t		n;
} ExtractState;

static bool
on_found(const NgFound *f, void *arg)
{
	ExtractState *st = arg;

	CHECK(f->length > 0);
	CHECK(f->offset <= st->len);
	CHECK(f->length <= st->len - f->offset);
	CHECK(f->offset >= st->last_end);	/* in text order, not overlapping */
	st->last_end = f->offset + f->length;
	st->n++;
	roundtrip(f->deadline);
	return st->n < 1000;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	char		det[NG_DETAIL_LEN];
	NgDeadline	d = 0;
	NgDay		ref = ng_days_from_civil(2025, 7, 1);
	int			rc;
	ExtractState st = {size, 0, 0};

	/* parse the whole input as a deadline */
	rc = ng_deadline_parse(s, size, false, 0, &d, det, sizeof(det));
	CHECK(rc == NG_PARSE_OK || rc == NG_PARSE_BAD || rc == NG_PARSE_NO_YEAR);
	{
		NgDeadline	full = 0;
		char		fdet[NG_DETAIL_LEN];
		int			frc = ng_deadline_parse_full(s, size, false, 0, &full, fdet, sizeof(fdet));

		CHECK(frc == rc);
		CHECK(rc != NG_PARSE_OK || full == d);
		CHECK(rc == NG_PARSE_OK || strcmp(fdet, det) == 0);
	}
	if (rc == NG_PARSE_OK)
		roundtrip(d);
	else
		CHECK(memchr(det, '\0', sizeof(det)) != NULL);

	/* with a reference date, forms without a year resolve */
	rc = ng_deadline_parse(s, size, true, ref, &d, det, sizeof(det));
	CHECK(rc == NG_PARSE_OK || rc == NG_PARSE_BAD);
	if (rc == NG_PARSE_OK)
		roundtrip(d);

	/* running text: every phrase inside the input */
	(void) ng_deadline_extract(s, size, true, ref, on_found, &st);
	st.last_end = 0;
	st.n = 0;
	(void) ng_deadline_extract(s, size, false, 0, on_found, &st);
	return 0;
}
