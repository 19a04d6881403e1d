/*
 * fuzz_docref.c — libFuzzer target for the document-number parser
 * (src/docref_core.c, compiled outside the server).
 *
 * For every input it checks:
 *   - ng_docref_parse never crashes; on success the normalised form is
 *     NUL-terminated, at most NG_DOCREF_MAX_LEN bytes, splits again into the
 *     same parts (ng_docref_split), parses again to itself (idempotent),
 *     compares equal to itself and keeps its length in display form;
 *   - ng_docref_find_next over the input as running text reports numbers
 *     inside the input only, moves its cursor forward, and each number it
 *     finds is a valid normalised value.
 * A failed check calls __builtin_trap(), which libFuzzer reports as a crash.
 */
#include "docref_core.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "check failed: %s (line %d)\n", #c, __LINE__); __builtin_trap(); } } while (0)

static void
check_value(const NgDocrefResult *r)
{
	NgDocrefParts p;
	NgDocrefResult again;
	char		disp[NG_DOCREF_MAX_LEN + 1];

	CHECK(r->error == NG_DOCREF_OK);
	CHECK(r->len <= NG_DOCREF_MAX_LEN);
	CHECK(r->norm[r->len] == '\0');
	CHECK(strlen(r->norm) == r->len);
	CHECK(ng_docref_split(r->norm, r->len, &p));
	CHECK(p.style == r->parts.style);
	CHECK(p.num_off == r->parts.num_off && p.num_len == r->parts.num_len);
	CHECK(p.kind_len == r->parts.kind_len && p.issuer_len == r->parts.issuer_len);
	CHECK(p.year == r->parts.year);
	CHECK((size_t) p.num_off + p.num_len <= r->len);
	CHECK((size_t) p.kind_off + p.kind_len <= r->len);
	CHECK((size_t) p.issuer_off + p.issuer_len <= r->len);
	CHECK(p.year == 0 || (p.year >= NG_DOCREF_YEAR_MIN && p.year <= NG_DOCREF_YEAR_MAX));
	CHECK(ng_docref_parse(r->norm, r->len, &again));
	CHECK(again.len == r->len && memcmp(again.norm, r->norm, r->len) == 0);
	CHECK(ng_docref_cmp(r->norm, r->len, again.norm, again.len) == 0);
	ng_docref_display(r->norm, r->len, disp);
	CHECK(strlen(disp) == r->len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	NgDocrefResult r;
	size_t		cursor = 0,
				start = 0,
				n = 0;

	memset(&r, 0, sizeof(r));
	if (ng_docref_parse(s, size, &r))
		check_value(&r);
	else
	{
		CHECK(r.error != NG_DOCREF_OK);
		CHECK(memchr(r.detail, '\0', sizeof(r.detail)) != NULL);
	}

	while (n < 1000)
	{
		size_t		before = cursor;

		memset(&r, 0, sizeof(r));
		if (!ng_docref_find_next(s, size, &cursor, &start, &r))
			break;
		CHECK(start >= before);
		CHECK(start < size);
		CHECK(cursor > before && cursor <= size);
		CHECK(start < cursor);
		check_value(&r);
		n++;
	}
	return 0;
}
