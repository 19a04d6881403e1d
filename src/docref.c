/*
 * docref.c — the neongraph.docref type: fmgr glue over docref_core.c.
 *
 * A docref is a varlena holding the normalised spelling (see docref_core.h),
 * UTF-8, upper case, without a trailing NUL: text-like, so it is TOASTable
 * and its binary form is just those bytes.  Output applies display casing
 * (TTg, CTr ...), which reads back to the same value.  Equality and hashing
 * are on the normalised bytes; ordering is issuer, kind, year, number
 * (numerically), then the bytes (ng_docref_cmp).
 */
#include "neongraph.h"
#include "docref_core.h"

#include "access/hash.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#define DatumGetDocrefP(X)		((struct varlena *) PG_DETOAST_DATUM(X))
#define PG_GETARG_DOCREF_P(n)	DatumGetDocrefP(PG_GETARG_DATUM(n))

/* server text to UTF-8 (a no-op in a UTF-8 database) */
static inline char *
docref_to_utf8(const char *s, int len)
{
	return (char *) pg_do_encoding_conversion((unsigned char *) unconstify(char *, s),
											  len, GetDatabaseEncoding(), PG_UTF8);
}

static inline char *
docref_from_utf8(const char *s, int len)
{
	return (char *) pg_do_encoding_conversion((unsigned char *) unconstify(char *, s),
											  len, PG_UTF8, GetDatabaseEncoding());
}

static struct varlena *
docref_make(const NgDocrefResult *r)
{
	struct varlena *v = (struct varlena *) palloc(VARHDRSZ + r->len);

	SET_VARSIZE(v, VARHDRSZ + r->len);
	memcpy(VARDATA(v), r->norm, r->len);
	return v;
}

/*
 * Parse str (len bytes, server encoding).  Returns NULL on bad input when
 * !raise; raises 22P02 otherwise.  orig is what the error message quotes.
 */
static struct varlena *
docref_parse(const char *str, int len, bool raise)
{
	NgDocrefResult r;
	char	   *u = docref_to_utf8(str, len);
	bool		ok;

	ok = ng_docref_parse(u, u == str ? (size_t) len : strlen(u), &r);
	if (ok)
		return docref_make(&r);
	if (!raise)
		return NULL;
	/* a detail is a sentence: capital first letter, final period */
	if (r.detail[0] >= 'a' && r.detail[0] <= 'z')
		r.detail[0] += 'A' - 'a';
	if (strlen(r.detail) + 1 < sizeof(r.detail))
		strcat(r.detail, ".");
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", "docref",
					pnstrdup(str, len)),
			 errdetail("%s", docref_from_utf8(r.detail, (int) strlen(r.detail))),
			 errhint("%s", ng_docref_hint())));
	return NULL;				/* keep compiler quiet */
}

/* the display spelling of a stored value, NUL-terminated, server encoding */
static char *
docref_display(struct varlena *v, NgDocrefParts *parts)
{
	int			len = VARSIZE_ANY_EXHDR(v);
	char	   *out = palloc(len + 1);

	if (!ng_docref_split(VARDATA_ANY(v), len, parts))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt docref value \"%s\"",
						pnstrdup(VARDATA_ANY(v), len))));
	ng_docref_display(VARDATA_ANY(v), len, out);
	return out;
}

static text *
docref_part_text(const char *disp, uint16 off, uint16 len)
{
	char	   *s = docref_from_utf8(disp + off, len);

	return s == disp + off ? cstring_to_text_with_len(s, len) : cstring_to_text(s);
}

PG_FUNCTION_INFO_V1(docref_in);
Datum
docref_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(docref_parse(str, strlen(str), true));
}

PG_FUNCTION_INFO_V1(docref_out);
Datum
docref_out(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_DOCREF_P(0);
	NgDocrefParts parts;
	char	   *disp = docref_display(v, &parts);

	PG_RETURN_CSTRING(docref_from_utf8(disp, strlen(disp)));
}

/* binary: the normalised bytes, UTF-8, re-parsed on receipt */
PG_FUNCTION_INFO_V1(docref_recv);
Datum
docref_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const char *data = pq_getmsgbytes(buf, len);
	NgDocrefResult r;

	if (!ng_docref_parse(data, len, &r))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external docref value"),
				 errdetail("%s", r.detail)));
	PG_RETURN_POINTER(docref_make(&r));
}

PG_FUNCTION_INFO_V1(docref_send);
Datum
docref_send(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_DOCREF_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(try_docref);
Datum
try_docref(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	struct varlena *v = docref_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false);

	if (v == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(v);
}

/* comparison */
static inline int
docref_cmp_internal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_DOCREF_P(0);
	struct varlena *b = PG_GETARG_DOCREF_P(1);

	return ng_docref_cmp(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
						 VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

static inline bool
docref_eq_internal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_DOCREF_P(0);
	struct varlena *b = PG_GETARG_DOCREF_P(1);
	Size		la = VARSIZE_ANY_EXHDR(a);

	return la == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), la) == 0;
}

PG_FUNCTION_INFO_V1(docref_cmp);
Datum
docref_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(docref_cmp_internal(fcinfo));
}

PG_FUNCTION_INFO_V1(docref_eq);
Datum
docref_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(docref_eq_internal(fcinfo));
}

PG_FUNCTION_INFO_V1(docref_ne);
Datum
docref_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!docref_eq_internal(fcinfo));
}

PG_FUNCTION_INFO_V1(docref_lt);
Datum
docref_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(docref_cmp_internal(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(docref_le);
Datum
docref_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(docref_cmp_internal(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(docref_gt);
Datum
docref_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(docref_cmp_internal(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(docref_ge);
Datum
docref_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(docref_cmp_internal(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(docref_hash);
Datum
docref_hash(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_DOCREF_P(0);

	return hash_any((const unsigned char *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
}

PG_FUNCTION_INFO_V1(docref_hash_extended);
Datum
docref_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_DOCREF_P(0);

	return hash_any_extended((const unsigned char *) VARDATA_ANY(v),
							 VARSIZE_ANY_EXHDR(v), PG_GETARG_INT64(1));
}

/* accessors */
PG_FUNCTION_INFO_V1(docref_number);
Datum
docref_number(PG_FUNCTION_ARGS)
{
	NgDocrefParts p;
	char	   *disp = docref_display(PG_GETARG_DOCREF_P(0), &p);

	PG_RETURN_TEXT_P(docref_part_text(disp, p.num_off, p.num_len));
}

PG_FUNCTION_INFO_V1(docref_kind);
Datum
docref_kind(PG_FUNCTION_ARGS)
{
	NgDocrefParts p;
	char	   *disp = docref_display(PG_GETARG_DOCREF_P(0), &p);

	if (p.kind_len == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(docref_part_text(disp, p.kind_off, p.kind_len));
}

PG_FUNCTION_INFO_V1(docref_issuer);
Datum
docref_issuer(PG_FUNCTION_ARGS)
{
	NgDocrefParts p;
	char	   *disp = docref_display(PG_GETARG_DOCREF_P(0), &p);

	PG_RETURN_TEXT_P(docref_part_text(disp, p.issuer_off, p.issuer_len));
}

PG_FUNCTION_INFO_V1(docref_year);
Datum
docref_year(PG_FUNCTION_ARGS)
{
	NgDocrefParts p;

	(void) docref_display(PG_GETARG_DOCREF_P(0), &p);
	if (p.year == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(p.year);
}

/*
 * extract_docrefs(text) → TABLE(docref, pos int): every document number in
 * running text, with the character position (1-based, like strpos) where
 * its serial number starts.  All matches are found on the first call.
 */
typedef struct DocrefMatches
{
	int			n;
	struct varlena **vals;
	int32	   *pos;
} DocrefMatches;

PG_FUNCTION_INFO_V1(extract_docrefs);
Datum
extract_docrefs(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	DocrefMatches *m;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcxt;
		text	   *t = PG_GETARG_TEXT_PP(0);
		int			tlen = VARSIZE_ANY_EXHDR(t);
		const char *src = VARDATA_ANY(t);
		char	   *u;
		size_t		ulen,
					cursor = 0,
					start,
					last_byte = 0;
		int32		last_char = 0;
		int			cap = 8;
		NgDocrefResult r;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcxt = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning record called in context that cannot accept type record")));
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);

		u = docref_to_utf8(src, tlen);
		ulen = (u == src) ? (size_t) tlen : strlen(u);
		m = palloc0(sizeof(DocrefMatches));
		m->vals = palloc(cap * sizeof(struct varlena *));
		m->pos = palloc(cap * sizeof(int32));
		while (ng_docref_find_next(u, ulen, &cursor, &start, &r))
		{
			if (m->n == cap)
			{
				cap *= 2;
				m->vals = repalloc(m->vals, cap * sizeof(struct varlena *));
				m->pos = repalloc(m->pos, cap * sizeof(int32));
			}
			/* characters between the previous match and this one */
			for (; last_byte < start; last_byte++)
				if (((unsigned char) u[last_byte] & 0xC0) != 0x80)
					last_char++;
			m->vals[m->n] = docref_make(&r);
			m->pos[m->n] = last_char + 1;
			m->n++;
			CHECK_FOR_INTERRUPTS();
		}
		funcctx->user_fctx = m;
		MemoryContextSwitchTo(oldcxt);
	}

	funcctx = SRF_PERCALL_SETUP();
	m = (DocrefMatches *) funcctx->user_fctx;
	if (funcctx->call_cntr < (uint64) m->n)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};
		HeapTuple	tuple;

		values[0] = PointerGetDatum(m->vals[funcctx->call_cntr]);
		values[1] = Int32GetDatum(m->pos[funcctx->call_cntr]);
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
