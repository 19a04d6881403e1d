/*
 * deadline_core.c — reading, writing and finding Vietnamese deadlines.
 *
 * Plain C99, no PostgreSQL headers: the type's input and output functions,
 * try_deadline, parse_deadline, extract_deadlines and the fuzz driver all
 * call into this file.  Nothing here allocates or raises; errors come back
 * as NG_PARSE_* codes with a detail sentence.
 *
 * How a text is read:
 *
 *  1. A lexer turns UTF-8 bytes into tokens: words, numbers and single
 *     punctuation marks.  Words are folded on the fly to lower-case ASCII
 *     without diacritics ("THÁNG", "tháng" and its NFD spelling all become
 *     "thang"; "đến" becomes "den"), since the deadline vocabulary is
 *     unambiguous without tones.  Combining marks (U+0300..U+036F) are
 *     dropped, which makes NFC and NFD equal.  Any Unicode space, NBSP
 *     included, separates tokens; tabs, line breaks and HTML tags also mark
 *     a cell boundary (used by the extractor).  Invalid UTF-8 is a symbol.
 *
 *  2. A recursive-descent parser over at most NG_MAX_TOKENS tokens reads
 *     leading words that carry no date (hoàn thành, thời hạn, trong, …),
 *     modifiers (trước, chậm nhất, đến hết, cuối, từ, phấn đấu), then one
 *     core form: a date, month, quarter, half year, year, a range of two of
 *     those, or a recurrence.
 *
 *  3. The parsed form is built into the packed value; a missing year is
 *     filled from the reference date when there is one.
 *
 * Decisions on ambiguous forms (see also the grammar comment above
 * parse_expr):
 *  - "trước" + a period (tháng, quý, năm, 6 tháng) is before the period's
 *    first day; "trước" with a time of day ("trước 17h00 ngày 20/10/2025")
 *    is due on that day, since the day itself is still on time.
 *  - "cuối tháng/quý/năm X" is the period X; "đầu tháng/quý/năm X" is
 *    refused: the beginning of a period has no exact last day.
 *  - "hằng ngày" is continuous; a weekday ("thứ Sáu", with or without
 *    "hằng tuần" and a time) is weekly.
 *  - In a range, a start without a year takes the end's year, or the year
 *    before when that would put the start after the end.
 */
#include "deadline_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define NG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define NG_PRINTF(a, b)
#endif

/* the input function reads at most this many tokens */
#define NG_MAX_TOKENS	64

/* ------------------------------------------------------------------------
 * Calendar
 * ------------------------------------------------------------------------
 */
#define NG_EPOCH_DAYS	10957	/* 2000-01-01 counted from 1970-01-01 */

NgDay
ng_days_from_civil(int y, int m, int d)
{
	long		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (NgDay) (era * 146097 + doe - 719468 - NG_EPOCH_DAYS);
}

void
ng_civil_from_days(NgDay day, int *y, int *m, int *d)
{
	long		z = (long) day + NG_EPOCH_DAYS + 719468;
	long		era = (z >= 0 ? z : z - 146096) / 146097;
	long		doe = z - era * 146097;
	long		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long		mp = (5 * doy + 2) / 153;

	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* days in month m of year y; y == 0 (unknown) allows 29 February */
static int
days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && (y == 0 || is_leap(y)))
		return 29;
	return dim[m - 1];
}

/* ------------------------------------------------------------------------
 * Lexer
 * ------------------------------------------------------------------------
 */
enum
{
	T_END = 0,
	T_WORD,
	T_NUM,
	T_PUNCT
};

#define F_SP	1				/* whitespace before the token */
#define F_BRK	2				/* line break, tab, tag or start of text before */

#define WORD_MAX 15

typedef struct Tok
{
	uint32_t	off;			/* byte offsets in the input */
	uint32_t	end;
	uint8_t		type;
	uint8_t		flags;
	uint8_t		ndig;			/* digits in a number, saturating */
	uint8_t		wlen;			/* letters in a word, saturating */
	char		p;				/* the mark, for T_PUNCT */
	int32_t		num;			/* value of a number, saturating */
	char		w[WORD_MAX + 1];	/* folded word, truncated */
} Tok;

typedef struct Lexer
{
	const unsigned char *s;
	size_t		len;
	size_t		pos;
	uint8_t		flags;			/* pending flags for the next token */
} Lexer;

#define CP_BAD		0xFFFD
#define FOLD_NONE	0			/* not a letter */
#define FOLD_COMB	1			/* combining mark: part of a word, no letter */

/* decode one code point at pos; invalid sequences are CP_BAD, 1 byte */
static uint32_t
utf8_at(const unsigned char *s, size_t len, size_t pos, size_t *adv)
{
	unsigned	c = s[pos];
	int			n,
				k;
	uint32_t	cp,
				min;

	*adv = 1;
	if (c < 0x80)
		return c;
	if ((c & 0xE0) == 0xC0)
	{
		n = 1;
		cp = c & 0x1F;
		min = 0x80;
	}
	else if ((c & 0xF0) == 0xE0)
	{
		n = 2;
		cp = c & 0x0F;
		min = 0x800;
	}
	else if ((c & 0xF8) == 0xF0)
	{
		n = 3;
		cp = c & 0x07;
		min = 0x10000;
	}
	else
		return CP_BAD;
	if (len - pos <= (size_t) n)
		return CP_BAD;
	for (k = 1; k <= n; k++)
	{
		unsigned	b = s[pos + k];

		if ((b & 0xC0) != 0x80)
			return CP_BAD;
		cp = (cp << 6) | (b & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return CP_BAD;
	*adv = (size_t) n + 1;
	return cp;
}

/* U+00C0..U+00FF */
static const char fold_latin1[65] =
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
	"aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

/* U+0100..U+017F */
static const char fold_latin_a[129] =
	"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
	"ii" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "oo" "rrrrrr"
	"ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

/* U+1EA0..U+1EF9: the Vietnamese letters with tone marks */
static const char fold_viet[91] =
	"aaaaaaaaaaaaaaaaaaaaaaaa" "eeeeeeeeeeeeeeee" "iiii"
	"oooooooooooooooooooooooo" "uuuuuuuuuuuuuu" "yyyyyyyy";

/* a code point as a folded ASCII letter, FOLD_COMB or FOLD_NONE */
static int
fold_cp(uint32_t cp)
{
	if (cp < 0x80)
	{
		if (cp >= 'A' && cp <= 'Z')
			return (int) (cp - 'A' + 'a');
		if (cp >= 'a' && cp <= 'z')
			return (int) cp;
		return FOLD_NONE;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		return fold_latin1[cp - 0xC0] ? fold_latin1[cp - 0xC0] : FOLD_NONE;
	if (cp >= 0x100 && cp <= 0x17F)
		return fold_latin_a[cp - 0x100];
	if (cp == 0x1A0 || cp == 0x1A1)
		return 'o';				/* Ơ ơ */
	if (cp == 0x1AF || cp == 0x1B0)
		return 'u';				/* Ư ư */
	if (cp >= 0x180 && cp <= 0x24F)
		return 'x';				/* other Latin letters: a letter, no keyword */
	if (cp >= 0x300 && cp <= 0x36F)
		return FOLD_COMB;
	if (cp >= 0x1EA0 && cp <= 0x1EF9)
		return fold_viet[cp - 0x1EA0];
	if ((cp >= 0x370 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1E9F))
		return 'x';
	return FOLD_NONE;
}

/* 0: not a space; F_SP: a space; F_SP|F_BRK: a line or cell break */
static int
space_kind(uint32_t cp)
{
	switch (cp)
	{
		case ' ':
		case 0xA0:
		case 0x1680:
		case 0x202F:
		case 0x205F:
		case 0x3000:
		case 0xFEFF:
			return F_SP;
		case '\t':
		case '\n':
		case '\r':
		case '\v':
		case '\f':
		case 0x85:
		case 0x2028:
		case 0x2029:
			return F_SP | F_BRK;
		default:
			if (cp >= 0x2000 && cp <= 0x200B)
				return F_SP;
			return 0;
	}
}

/* footnote marks (¹ ² ³ ⁴…) are dropped */
static bool
is_superscript(uint32_t cp)
{
	return cp == 0xB9 || cp == 0xB2 || cp == 0xB3 ||
		(cp >= 0x2070 && cp <= 0x209F);
}

/* punctuation as the ASCII mark the parser knows; 1 for any other symbol */
static char
punct_of(uint32_t cp)
{
	if (cp > 0x20 && cp < 0x7F)
		return (char) cp;
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
		return '-';
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D ||
		cp == 0xAB || cp == 0xBB)
		return '"';
	if (cp == 0x2026)
		return '.';
	if (cp == 0x2022)
		return '*';
	return 1;
}

/* an HTML tag starting at pos ("<p>", "</td>", "<ul …>"): its length */
static size_t
markup_len(const unsigned char *s, size_t len, size_t pos)
{
	size_t		k;

	if (pos + 2 >= len)
		return 0;
	if (!((s[pos + 1] >= 'a' && s[pos + 1] <= 'z') ||
		  (s[pos + 1] >= 'A' && s[pos + 1] <= 'Z') || s[pos + 1] == '/'))
		return 0;
	for (k = pos + 1; k < len && k < pos + 120; k++)
	{
		if (s[k] == '>')
			return k - pos + 1;
		if (s[k] == '<' || s[k] == '\n')
			return 0;
	}
	return 0;
}

static void
lex_init(Lexer *lx, const char *s, size_t len)
{
	lx->s = (const unsigned char *) s;
	lx->len = len;
	lx->pos = 0;
	lx->flags = F_SP | F_BRK;
}

static void
lex_next(Lexer *lx, Tok *t)
{
	const unsigned char *s = lx->s;
	size_t		len = lx->len;

	for (;;)
	{
		size_t		adv;
		uint32_t	cp;
		int			f,
					sk;

		if (lx->pos >= len)
		{
			t->type = T_END;
			t->off = t->end = (uint32_t) len;
			t->flags = lx->flags | F_SP | F_BRK;
			t->ndig = t->wlen = 0;
			t->num = 0;
			t->p = 0;
			t->w[0] = '\0';
			return;
		}
		if (s[lx->pos] == '<')
		{
			size_t		ml = markup_len(s, len, lx->pos);

			if (ml > 0)
			{
				lx->pos += ml;
				lx->flags |= F_SP | F_BRK;
				continue;
			}
		}
		cp = utf8_at(s, len, lx->pos, &adv);
		sk = space_kind(cp);
		if (sk)
		{
			lx->flags |= (uint8_t) sk;
			lx->pos += adv;
			continue;
		}
		if (is_superscript(cp))
		{
			lx->pos += adv;
			continue;
		}

		t->off = (uint32_t) lx->pos;
		t->flags = lx->flags;
		t->ndig = t->wlen = 0;
		t->num = 0;
		t->p = 0;
		t->w[0] = '\0';
		lx->flags = 0;

		if (cp >= '0' && cp <= '9')
		{
			t->type = T_NUM;
			while (lx->pos < len && s[lx->pos] >= '0' && s[lx->pos] <= '9')
			{
				if (t->num < 100000000)
					t->num = t->num * 10 + (s[lx->pos] - '0');
				if (t->ndig < 255)
					t->ndig++;
				lx->pos++;
			}
			t->end = (uint32_t) lx->pos;
			return;
		}
		f = fold_cp(cp);
		if (f == FOLD_COMB)
		{
			/* a stray combining mark: drop it */
			lx->pos += adv;
			lx->flags = t->flags;
			continue;
		}
		if (f != FOLD_NONE)
		{
			t->type = T_WORD;
			for (;;)
			{
				if (f != FOLD_COMB)
				{
					if (t->wlen < WORD_MAX)
						t->w[t->wlen] = (char) f;
					if (t->wlen < 255)
						t->wlen++;
				}
				lx->pos += adv;
				if (lx->pos >= len)
					break;
				cp = utf8_at(s, len, lx->pos, &adv);
				f = fold_cp(cp);
				if (f == FOLD_NONE)
					break;
			}
			t->w[t->wlen < WORD_MAX ? t->wlen : WORD_MAX] = '\0';
			t->end = (uint32_t) lx->pos;
			return;
		}
		t->type = T_PUNCT;
		t->p = punct_of(cp);
		lx->pos += adv;
		t->end = (uint32_t) lx->pos;
		return;
	}
}

/* ------------------------------------------------------------------------
 * Parser state and token tests
 * ------------------------------------------------------------------------
 */
typedef struct P
{
	const Tok  *t;
	int			n;
	Tok			endt;			/* returned for any index past the end */
	const char *src;
	size_t		srclen;
	char	   *detail;
	size_t		dlen;
	bool		err;			/* a detail has been written */
	bool		noyear;			/* the failure is a missing year */
	int			core_at;		/* where the core form was looked for */
} P;

enum
{
	PK_NONE = 0,
	PK_DATE,
	PK_MONTH,
	PK_QUARTER,
	PK_HALF,
	PK_YEAR
};

/* a date or period; y == 0 when the year is not written */
typedef struct Pt
{
	int			k;
	int			y;
	int			m;				/* month, quarter (1..4) or half (1..2) */
	int			d;
} Pt;

typedef struct Parsed
{
	bool		recurring;
	int			rec;
	bool		soft;
	bool		before;
	bool		timed;			/* a time of day was given */
	bool		range;
	Pt			a;
	Pt			b;
} Parsed;

static const Tok *
TK(const P *p, int i)
{
	if (i < 0 || i >= p->n)
		return &p->endt;
	return &p->t[i];
}

static bool
isw(const P *p, int i, const char *kw)
{
	const Tok  *t = TK(p, i);
	size_t		l = strlen(kw);

	return t->type == T_WORD && t->wlen == l && memcmp(t->w, kw, l) == 0;
}

static bool
isnum(const P *p, int i)
{
	return TK(p, i)->type == T_NUM;
}

static bool
ispc(const P *p, int i, char c)
{
	const Tok  *t = TK(p, i);

	return t->type == T_PUNCT && t->p == c;
}

static bool
spaced(const P *p, int i)
{
	return (TK(p, i)->flags & F_SP) != 0;
}

static int
tok_len(const Tok *t)
{
	size_t		l = t->end - t->off;

	return l > 40 ? 40 : (int) l;
}

#define TOKTXT(p, t) tok_len(t), (p)->src + (t)->off

static void fail(P *p, const char *fmt,...) NG_PRINTF(2, 3);

static void
fail(P *p, const char *fmt,...)
{
	va_list		ap;

	if (p->err)
		return;
	p->err = true;
	if (p->detail == NULL || p->dlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(p->detail, p->dlen, fmt, ap);
	va_end(ap);
}

/* the rest of the input from token i, at most ~40 bytes, cut on a character */
static void
fail_at(P *p, int i)
{
	size_t		off = TK(p, i)->off;
	size_t		l;
	bool		cut = false;

	if (off > p->srclen)
		off = p->srclen;
	l = p->srclen - off;
	if (l > 40)
	{
		l = 40;
		while (l > 0 && (((unsigned char) p->src[off + l]) & 0xC0) == 0x80)
			l--;
		cut = true;
	}
	if (l == 0)
		fail(p, "no deadline form recognised at the end of the text");
	else
		fail(p, "no deadline form recognised at \"%.*s%s\"",
			 (int) l, p->src + off, cut ? "…" : "");
}

/* '/' or '.' between parts of a date; '-' only when written tight */
static bool
sep_at(const P *p, int i)
{
	const Tok  *t = TK(p, i);

	if (t->type != T_PUNCT)
		return false;
	if (t->p == '/')
		return true;
	if (t->p == '.' || t->p == '-')
		return !spaced(p, i) && !spaced(p, i + 1);
	return false;
}

/* token i as a year; a number that is not one fails hard */
static bool
year_at(P *p, int i, int *y)
{
	const Tok  *t = TK(p, i);

	if (t->type != T_NUM)
		return false;
	if (t->ndig < 4)
	{
		fail(p, "the year \"%.*s\" must have four digits", TOKTXT(p, t));
		return false;
	}
	if (t->ndig > 4 || t->num < NG_MIN_YEAR)
	{
		fail(p, "year %.*s is out of range (%d..%d)", TOKTXT(p, t),
			 NG_MIN_YEAR, NG_MAX_YEAR);
		return false;
	}
	*y = t->num;
	return true;
}

static bool
check_month(P *p, int m)
{
	if (m < 1 || m > 12)
	{
		fail(p, "month %d does not exist", m);
		return false;
	}
	return true;
}

static bool
check_dm(P *p, int d, int m, int y)
{
	if (!check_month(p, m))
		return false;
	if (d < 1 || d > 31)
	{
		fail(p, "day %d does not exist", d);
		return false;
	}
	if (d > days_in_month(y, m))
	{
		if (y)
			fail(p, "%d/%d/%d is not a date", d, m, y);
		else
			fail(p, "%d/%d is not a date", d, m);
		return false;
	}
	return true;
}

/* ------------------------------------------------------------------------
 * Core forms
 * ------------------------------------------------------------------------
 */

/* optional year after a period: (sep | "năm") YYYY; returns next index */
static int
opt_year(P *p, int j, int *y)
{
	*y = 0;
	if ((sep_at(p, j) || isw(p, j, "nam")) && isnum(p, j + 1))
	{
		if (!year_at(p, j + 1, y))
			return -1;
		return j + 2;
	}
	return j;
}

/*
 * D sep M [sep YYYY] | D "tháng" M [("năm" | sep) YYYY]
 * | M sep YYYY (a month, when allow_my)
 */
static int
p_dmy(P *p, int i, Pt *pt, bool allow_my)
{
	const Tok  *a = TK(p, i);
	int			y = 0,
				j;

	if (a->type != T_NUM || a->ndig > 2)
		return -1;
	if (sep_at(p, i + 1) && isnum(p, i + 2))
	{
		const Tok  *b = TK(p, i + 2);

		if (b->ndig >= 3)
		{
			if (!allow_my)
				return -1;
			if (!check_month(p, a->num) || !year_at(p, i + 2, &y))
				return -1;
			pt->k = PK_MONTH;
			pt->m = a->num;
			pt->d = 0;
			pt->y = y;
			return i + 3;
		}
		j = i + 3;
		if (sep_at(p, j) && isnum(p, j + 1))
		{
			if (!year_at(p, j + 1, &y))
				return -1;
			j += 2;
		}
		if (!check_dm(p, a->num, b->num, y))
			return -1;
		pt->k = PK_DATE;
		pt->d = a->num;
		pt->m = b->num;
		pt->y = y;
		return j;
	}
	if (isw(p, i + 1, "thang") && isnum(p, i + 2) && TK(p, i + 2)->ndig <= 2)
	{
		const Tok  *b = TK(p, i + 2);

		j = opt_year(p, i + 3, &y);
		if (j < 0 || !check_dm(p, a->num, b->num, y))
			return -1;
		pt->k = PK_DATE;
		pt->d = a->num;
		pt->m = b->num;
		pt->y = y;
		return j;
	}
	return -1;
}

/* is the text over after token i (but for closing punctuation)? */
static bool
at_tail(const P *p, int i)
{
	for (;; i++)
	{
		const Tok  *t = TK(p, i);

		if (t->type == T_END)
			return true;
		if (t->type != T_PUNCT || strchr(".,;:!?)]*\"'", t->p) == NULL ||
			t->p == 0)
			return false;
	}
}

/* YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Qn | YYYY-Hn */
static int
p_iso(P *p, int i, Pt *pt)
{
	const Tok  *a = TK(p, i);
	int			y;

	if (a->type != T_NUM)
		return -1;
	if (a->ndig != 4 && !(a->ndig >= 3 && at_tail(p, i + 1)))
		return -1;
	if (!year_at(p, i, &y))
		return -1;
	pt->y = y;
	pt->d = 0;
	if (ispc(p, i + 1, '-') && !spaced(p, i + 1) && !spaced(p, i + 2))
	{
		const Tok  *b = TK(p, i + 2);

		if (b->type == T_NUM && b->ndig <= 2)
		{
			const Tok  *c = TK(p, i + 4);

			if (ispc(p, i + 3, '-') && !spaced(p, i + 3) && !spaced(p, i + 4) &&
				c->type == T_NUM && c->ndig <= 2)
			{
				if (!check_dm(p, c->num, b->num, y))
					return -1;
				pt->k = PK_DATE;
				pt->m = b->num;
				pt->d = c->num;
				return i + 5;
			}
			if (!check_month(p, b->num))
				return -1;
			pt->k = PK_MONTH;
			pt->m = b->num;
			return i + 3;
		}
		if ((isw(p, i + 2, "q") || isw(p, i + 2, "h")) && isnum(p, i + 3) &&
			!spaced(p, i + 3))
		{
			int			v = TK(p, i + 3)->num;

			if (isw(p, i + 2, "q"))
			{
				if (v < 1 || v > 4)
				{
					fail(p, "quarter %d does not exist", v);
					return -1;
				}
				pt->k = PK_QUARTER;
			}
			else
			{
				if (v < 1 || v > 2)
				{
					fail(p, "half %d does not exist (H1 or H2)", v);
					return -1;
				}
				pt->k = PK_HALF;
			}
			pt->m = v;
			return i + 4;
		}
	}
	pt->k = PK_YEAR;
	pt->m = 0;
	return i + 1;
}

/* a quarter number: I..IV or 1..4; 1 matched, 0 no, -1 failed hard */
static int
quarter_at(P *p, int i, int *q)
{
	static const char *const roman[] = {"i", "ii", "iii", "iv"};
	const Tok  *t = TK(p, i);
	int			k;

	if (t->type == T_NUM)
	{
		if (t->num < 1 || t->num > 4)
		{
			fail(p, "quarter %d does not exist", t->num);
			return -1;
		}
		*q = t->num;
		return 1;
	}
	if (t->type != T_WORD)
		return 0;
	for (k = 0; k < 4; k++)
		if (isw(p, i, roman[k]))
		{
			*q = k + 1;
			return 1;
		}
	if (t->wlen <= 6 && strspn(t->w, "ivxlcdm") == t->wlen)
	{
		fail(p, "quarter %.*s does not exist", TOKTXT(p, t));
		return -1;
	}
	return 0;
}

/*
 * One date or period, or a range written as one form ("tháng 9-10/2025",
 * "quý III-IV/2025", "giai đoạn 2026 - 2030").  Returns the next index or
 * -1; *rng says whether b was filled.
 */
static int	p_point(P *p, int i, Pt *a, Pt *b, bool *rng);

static int
p_range_tail(P *p, int j, Pt *b, bool need)
{
	Pt			b2;
	bool		r2;
	int			k;

	if (isw(p, j, "den") || isw(p, j, "toi"))
	{
		j++;
		if (isw(p, j, "het"))
			j++;
	}
	else if (ispc(p, j, '-'))
		j++;
	else
	{
		if (need)
			fail(p, "\"từ …\" gives only a start: write \"từ … đến …\"");
		return -1;
	}
	memset(&b2, 0, sizeof(b2));
	k = p_point(p, j, b, &b2, &r2);
	if (k < 0 || r2)
	{
		if (need && k >= 0)
			fail(p, "a range cannot end with another range");
		if (need)
			fail_at(p, j);
		return -1;
	}
	return k;
}

static int
p_point(P *p, int i, Pt *a, Pt *b, bool *rng)
{
	int			j,
				y,
				q,
				r;

	*rng = false;
	memset(a, 0, sizeof(*a));

	/* ngày D/M/YYYY, ngày D tháng M năm YYYY, ngày YYYY-MM-DD */
	if (isw(p, i, "ngay") && isnum(p, i + 1))
	{
		if (TK(p, i + 1)->ndig == 4)
		{
			j = p_iso(p, i + 1, a);
			return (j >= 0 && a->k == PK_DATE) ? j : -1;
		}
		return p_dmy(p, i + 1, a, false);
	}

	/* tháng M[-M2] [/YYYY | năm YYYY] */
	if (isw(p, i, "thang") && isnum(p, i + 1) && TK(p, i + 1)->ndig <= 2)
	{
		int			m2 = 0;

		if (!check_month(p, TK(p, i + 1)->num))
			return -1;
		j = i + 2;
		if (ispc(p, j, '-') && isnum(p, j + 1) && TK(p, j + 1)->ndig <= 2)
		{
			m2 = TK(p, j + 1)->num;
			if (!check_month(p, m2))
				return -1;
			j += 2;
		}
		j = opt_year(p, j, &y);
		if (j < 0)
			return -1;
		a->k = PK_MONTH;
		a->m = TK(p, i + 1)->num;
		a->y = y;
		if (m2)
		{
			/* one written year for both ends: no rolling back */
			*b = *a;
			b->m = m2;
			*rng = true;
		}
		return j;
	}

	/* quý R[-R2] [/YYYY | năm YYYY]; Q4/2025 */
	if (isw(p, i, "quy") || (isw(p, i, "q") && isnum(p, i + 1) && !spaced(p, i + 1)))
	{
		int			q2 = 0;

		r = quarter_at(p, i + 1, &q);
		if (r <= 0)
			return -1;
		j = i + 2;
		if (ispc(p, j, '-') && !(isnum(p, j + 1) && TK(p, j + 1)->ndig >= 3))
		{
			r = quarter_at(p, j + 1, &q2);
			if (r < 0)
				return -1;
			if (r > 0)
				j += 2;
		}
		j = opt_year(p, j, &y);
		if (j < 0)
			return -1;
		a->k = PK_QUARTER;
		a->m = q;
		a->y = y;
		if (q2)
		{
			*b = *a;
			b->m = q2;
			*rng = true;
		}
		return j;
	}

	/* 6 tháng đầu/cuối năm [YYYY], nửa đầu/cuối năm [YYYY] */
	if ((isnum(p, i) && isw(p, i + 1, "thang") &&
		 (isw(p, i + 2, "dau") || isw(p, i + 2, "cuoi")) && isw(p, i + 3, "nam")) ||
		(isw(p, i, "nua") && (isw(p, i + 1, "dau") || isw(p, i + 1, "cuoi")) &&
		 isw(p, i + 2, "nam")))
	{
		int			k = isnum(p, i) ? i + 2 : i + 1;

		if (isnum(p, i) && TK(p, i)->num != 6)
		{
			fail(p, "only \"6 tháng đầu năm\" and \"6 tháng cuối năm\" name a half year, not %d months",
				 TK(p, i)->num);
			return -1;
		}
		a->k = PK_HALF;
		a->m = isw(p, k, "dau") ? 1 : 2;
		j = k + 2;
		if (isnum(p, j))
		{
			if (!year_at(p, j, &y))
				return -1;
			a->y = y;
			j++;
		}
		return j;
	}

	/* năm YYYY; năm without a number only at the end ("trong năm") */
	if (isw(p, i, "nam"))
	{
		if (isnum(p, i + 1))
		{
			if (!year_at(p, i + 1, &y))
				return -1;
			a->k = PK_YEAR;
			a->y = y;
			return i + 2;
		}
		if (at_tail(p, i + 1))
		{
			a->k = PK_YEAR;
			return i + 1;
		}
		return -1;
	}

	/* giai đoạn [từ] A (-|đến) B */
	if (isw(p, i, "giai") && isw(p, i + 1, "doan"))
	{
		Pt			dummy;
		bool		r2;

		j = i + 2;
		if (isw(p, j, "tu"))
			j++;
		j = p_point(p, j, a, &dummy, &r2);
		if (j < 0)
			return -1;
		if (r2)
		{
			*b = dummy;
			*rng = true;
			return j;
		}
		j = p_range_tail(p, j, b, true);
		if (j < 0)
			return -1;
		*rng = true;
		return j;
	}

	if (isnum(p, i))
	{
		if (TK(p, i)->ndig <= 2)
			return p_dmy(p, i, a, true);
		return p_iso(p, i, a);
	}
	return -1;
}

/* "thứ Sáu", "thứ 6", "chủ nhật": tokens used, or 0 */
static int
weekday_at(const P *p, int i)
{
	static const char *const names[] = {"hai", "ba", "tu", "nam", "sau", "bay"};
	int			k;

	if (isw(p, i, "chu") && isw(p, i + 1, "nhat"))
		return 2;
	if (!isw(p, i, "thu"))
		return 0;
	if (isnum(p, i + 1) && TK(p, i + 1)->num >= 2 && TK(p, i + 1)->num <= 7)
		return 2;
	for (k = 0; k < 6; k++)
		if (isw(p, i + 1, names[k]))
			return 2;
	return 0;
}

/*
 * The period after "định kỳ" / "hằng": tuần, tháng, quý, năm, ngày,
 * N tháng [một lần], nửa năm.  Returns tokens used (0: none, -1: failed).
 */
static int
period_at(P *p, int i, int *rec)
{
	int			j = i;

	if (isw(p, j, "hang") || isw(p, j, "moi"))
		j++;
	if (isw(p, j, "tuan"))
		*rec = NG_REC_WEEKLY;
	else if (isw(p, j, "thang"))
		*rec = NG_REC_MONTHLY;
	else if (isw(p, j, "quy"))
		*rec = NG_REC_QUARTERLY;
	else if (isw(p, j, "nam"))
		*rec = NG_REC_YEARLY;
	else if (isw(p, j, "ngay"))
		*rec = NG_REC_CONTINUOUS;
	else if (isw(p, j, "nua") && isw(p, j + 1, "nam"))
	{
		*rec = NG_REC_HALFYEARLY;
		j++;
	}
	else if (isnum(p, j) && isw(p, j + 1, "thang"))
	{
		switch (TK(p, j)->num)
		{
			case 1:
				*rec = NG_REC_MONTHLY;
				break;
			case 3:
				*rec = NG_REC_QUARTERLY;
				break;
			case 6:
				*rec = NG_REC_HALFYEARLY;
				break;
			case 12:
				*rec = NG_REC_YEARLY;
				break;
			default:
				fail(p, "every %d months is not a recurrence (1, 3, 6 or 12 months are)",
					 TK(p, j)->num);
				return -1;
		}
		j++;
	}
	else
		return 0;
	j++;
	if (isw(p, j, "mot") && isw(p, j + 1, "lan"))
		j += 2;
	return j - i;
}

/* a recurrence at i: next index, -1 failed hard, 0 not one */
static int
p_recurring(P *p, int i, int *rec)
{
	int			k;

	if (isw(p, i, "thuong") && isw(p, i + 1, "xuyen"))
	{
		int			j = i + 2;

		if ((ispc(p, j, ',') || isw(p, j, "va")) && isw(p, j + 1, "lien") &&
			isw(p, j + 2, "tuc"))
			j += 3;
		else if (isw(p, j, "lien") && isw(p, j + 1, "tuc"))
			j += 2;
		*rec = NG_REC_CONTINUOUS;
		return j;
	}
	if (isw(p, i, "lien") && isw(p, i + 1, "tuc"))
	{
		*rec = NG_REC_CONTINUOUS;
		return i + 2;
	}
	if (isw(p, i, "dinh") && isw(p, i + 1, "ky"))
	{
		k = period_at(p, i + 2, rec);
		if (k < 0)
			return -1;
		if (k == 0)
		{
			fail(p, "the period of \"định kỳ\" is missing (hằng tuần, hằng tháng, hằng quý, 6 tháng, hằng năm)");
			return -1;
		}
		return i + 2 + k;
	}
	if ((isw(p, i, "hang") || isw(p, i, "moi")) || (isnum(p, i) && isw(p, i + 1, "thang") && isw(p, i + 2, "mot") && isw(p, i + 3, "lan")) ||
		(isw(p, i, "nua") && isw(p, i + 1, "nam") && isw(p, i + 2, "mot")))
	{
		k = period_at(p, i, rec);
		if (k <= 0)
			return k;
		/* "hằng tuần vào thứ Sáu" */
		if (*rec == NG_REC_WEEKLY)
		{
			int			j = i + k;

			if (isw(p, j, "vao"))
				j++;
			if (isw(p, j, "ngay"))
				j++;
			if (weekday_at(p, j))
				return j + weekday_at(p, j);
		}
		return i + k;
	}
	/* the English of the iso style */
	if (isw(p, i, "recurring") || isw(p, i, "continuous") ||
		isw(p, i, "weekly") || isw(p, i, "monthly") ||
		isw(p, i, "quarterly") || isw(p, i, "yearly") || isw(p, i, "half"))
	{
		int			j = i;

		if (isw(p, j, "recurring"))
			j++;
		*rec = NG_REC_CONTINUOUS;
		if (isw(p, j, "continuous"))
			j++;
		else if (isw(p, j, "weekly"))
			*rec = NG_REC_WEEKLY, j++;
		else if (isw(p, j, "monthly"))
			*rec = NG_REC_MONTHLY, j++;
		else if (isw(p, j, "quarterly"))
			*rec = NG_REC_QUARTERLY, j++;
		else if (isw(p, j, "yearly"))
			*rec = NG_REC_YEARLY, j++;
		else if (isw(p, j, "half") && ispc(p, j + 1, '-') && isw(p, j + 2, "yearly"))
			*rec = NG_REC_HALFYEARLY, j += 3;
		else if (j == i)
			return 0;
		return j;
	}
	return 0;
}

/*
 * The grammar (words folded: no diacritics, lower case):
 *
 *   expr     := prefix* [time] core
 *   prefix   := phấn đấu (soft) | ~ (soft) | hoàn thành | thời hạn |
 *               thời gian | hạn | thực hiện | ban hành | được giao |
 *               đề xuất | nhiệm vụ | trọng tâm | trong | vào | tới |
 *               ngay (not before a number) | từ nay đến | chậm nhất |
 *               trước | before | đến [hết] | hết | cuối | đầu | từ |
 *               * " ' ( [ : ,
 *   time     := N (h|g|giờ) [M] [phút] | N:M
 *   core     := recurring | [ngày] weekday [hằng tuần]   (weekly)
 *             | point [(- | đến [hết] | tới) point]     (range)
 *             | point / point                            (ISO range)
 *   point    := [ngày] D/M[/YYYY] | [ngày] D tháng M [năm YYYY]
 *             | tháng M[-M][/YYYY] | quý R[-R][/YYYY] | 6 tháng đầu|cuối năm [YYYY]
 *             | năm [YYYY] | giai đoạn [từ] point (-|đến) point | M/YYYY
 *             | YYYY | YYYY-MM | YYYY-MM-DD | YYYY-Qn | YYYY-Hn
 *   recurring:= thường xuyên [, liên tục] | định kỳ period | hằng|hàng|mỗi period
 *             | 6 tháng một lần | recurring [weekly|monthly|…]
 *   period   := tuần | tháng | quý | năm | ngày | N tháng [một lần] | nửa năm
 *
 * Returns the index after the core form, or -1.
 */
#define PREFIX_GUARD 12

static int
parse_expr(P *p, int i, Parsed *x)
{
	bool		from = false,
				begin = false;
	int			guard,
				j,
				rec = 0;
	bool		rng;

	memset(x, 0, sizeof(*x));
	for (guard = 0; guard < PREFIX_GUARD; guard++)
	{
		const Tok  *t = TK(p, i);

		if (t->type == T_PUNCT && t->p != 0 && strchr("*\"'([:,~", t->p))
		{
			if (t->p == '~')
				x->soft = true;
			i++;
			continue;
		}
		if (t->type != T_WORD)
			break;
		if (isw(p, i, "phan") && isw(p, i + 1, "dau"))
		{
			x->soft = true;
			i += 2;
		}
		else if ((isw(p, i, "hoan") && isw(p, i + 1, "thanh")) ||
				 (isw(p, i, "thoi") && (isw(p, i + 1, "han") || isw(p, i + 1, "gian"))) ||
				 (isw(p, i, "thuc") && isw(p, i + 1, "hien")) ||
				 (isw(p, i, "ban") && isw(p, i + 1, "hanh")) ||
				 (isw(p, i, "duoc") && isw(p, i + 1, "giao")) ||
				 (isw(p, i, "de") && isw(p, i + 1, "xuat")) ||
				 (isw(p, i, "nhiem") && isw(p, i + 1, "vu")) ||
				 (isw(p, i, "trong") && isw(p, i + 1, "tam")) ||
				 (isw(p, i, "cham") && isw(p, i + 1, "nhat")))
			i += 2;
		else if (isw(p, i, "tu") && isw(p, i + 1, "nay") &&
				 (isw(p, i + 2, "den") || isw(p, i + 2, "toi")))
			i += 3;
		else if (isw(p, i, "han") || isw(p, i, "trong") || isw(p, i, "vao") ||
				 isw(p, i, "toi") || isw(p, i, "het"))
			i++;
		else if (isw(p, i, "ngay") && !isnum(p, i + 1) && !weekday_at(p, i + 1))
			i++;
		else if (isw(p, i, "truoc") || isw(p, i, "before"))
		{
			x->before = true;
			i++;
		}
		else if (isw(p, i, "den"))
			i += isw(p, i + 1, "het") ? 2 : 1;
		else if (isw(p, i, "cuoi"))
			i++;
		else if (isw(p, i, "dau"))
		{
			begin = true;
			i++;
		}
		else if (isw(p, i, "tu"))
		{
			from = true;
			i++;
		}
		else
			break;
	}

	/* a time of day: 18h00, 18h, 18 giờ 00 phút, 18:00 */
	if (isnum(p, i) && TK(p, i)->ndig <= 2 &&
		((isw(p, i + 1, "h") || isw(p, i + 1, "g")) && !spaced(p, i + 1)))
	{
		j = i + 2;
		if (isnum(p, j) && !spaced(p, j) && TK(p, j)->ndig <= 2)
			j++;
		x->timed = true;
		i = j;
	}
	else if (isnum(p, i) && TK(p, i)->ndig <= 2 && isw(p, i + 1, "gio"))
	{
		j = i + 2;
		if (isnum(p, j) && TK(p, j)->ndig <= 2)
			j++;
		if (isw(p, j, "phut"))
			j++;
		x->timed = true;
		i = j;
	}
	else if (isnum(p, i) && TK(p, i)->ndig <= 2 && ispc(p, i + 1, ':') &&
			 !spaced(p, i + 1) && isnum(p, i + 2) && !spaced(p, i + 2) &&
			 TK(p, i + 2)->ndig == 2)
	{
		x->timed = true;
		i += 3;
	}
	if (x->timed && ispc(p, i, ','))
		i++;

	p->core_at = i;

	/* a weekday: weekly */
	j = i;
	if (isw(p, j, "ngay"))
		j++;
	if (weekday_at(p, j))
	{
		j += weekday_at(p, j);
		if ((isw(p, j, "hang") || isw(p, j, "moi")) && isw(p, j + 1, "tuan"))
			j += 2;
		x->recurring = true;
		x->rec = NG_REC_WEEKLY;
		return j;
	}

	j = p_recurring(p, i, &rec);
	if (j < 0)
		return -1;
	if (j > 0)
	{
		x->recurring = true;
		x->rec = rec;
		/* "Thường xuyên (nhiệm vụ thường xuyên)": the same said twice */
		if (rec == NG_REC_CONTINUOUS && ispc(p, j, '('))
		{
			int			k = j + 1;
			int			r2 = 0;

			if (isw(p, k, "nhiem") && isw(p, k + 1, "vu"))
				k += 2;
			k = p_recurring(p, k, &r2);
			if (k > 0 && r2 == NG_REC_CONTINUOUS && ispc(p, k, ')'))
				j = k + 1;
			p->err = false;
		}
		return j;
	}

	j = p_point(p, i, &x->a, &x->b, &rng);
	if (j < 0)
		return -1;
	if (!rng)
	{
		if (from)
		{
			j = p_range_tail(p, j, &x->b, true);
			if (j < 0)
				return -1;
			rng = true;
		}
		else if (x->a.k == PK_DATE && x->a.y && ispc(p, j, '/') &&
				 isnum(p, j + 1) && TK(p, j + 1)->ndig == 4)
		{
			Pt			d2;
			int			k = p_iso(p, j + 1, &d2);

			if (k < 0)
				return -1;
			if (d2.k != PK_DATE)
			{
				fail_at(p, j + 1);
				return -1;
			}
			x->b = d2;
			j = k;
			rng = true;
		}
		else if (ispc(p, j, '-') || isw(p, j, "den") || isw(p, j, "toi"))
		{
			/* an optional end: a range if a point follows */
			P			save = *p;
			int			k = p_range_tail(p, j, &x->b, false);

			if (k >= 0)
			{
				j = k;
				rng = true;
			}
			else if (p->err && TK(p, j)->type == T_PUNCT)
				return -1;		/* "11/4/2025 - 31/4/2025": say what is wrong */
			else
				*p = save;
		}
	}
	x->range = rng;
	if (begin)
	{
		fail(p, "\"đầu …\" (early in a period) has no exact last day: write the date or the whole period");
		return -1;
	}
	if (x->before && rng)
	{
		fail(p, "\"trước\" cannot introduce a range");
		return -1;
	}
	return j;
}

/* skip closing punctuation */
static int
skip_tail(const P *p, int j)
{
	while (TK(p, j)->type == T_PUNCT && TK(p, j)->p != 0 &&
		   strchr(".,;:!?)]*\"'", TK(p, j)->p))
		j++;
	return j;
}

/* ------------------------------------------------------------------------
 * Building the value
 * ------------------------------------------------------------------------
 */
static bool
window(P *p, const Pt *pt, int y, NgDay *start, NgDay *due)
{
	int			m1,
				m2;

	switch (pt->k)
	{
		case PK_DATE:
			if (pt->d > days_in_month(y, pt->m))
			{
				fail(p, "%d/%d/%d is not a date", pt->d, pt->m, y);
				return false;
			}
			*start = *due = ng_days_from_civil(y, pt->m, pt->d);
			return true;
		case PK_MONTH:
			m1 = m2 = pt->m;
			break;
		case PK_QUARTER:
			m1 = 3 * pt->m - 2;
			m2 = 3 * pt->m;
			break;
		case PK_HALF:
			m1 = pt->m == 1 ? 1 : 7;
			m2 = m1 + 5;
			break;
		case PK_YEAR:
			m1 = 1;
			m2 = 12;
			break;
		default:
			fail(p, "no deadline form recognised");
			return false;
	}
	*start = ng_days_from_civil(y, m1, 1);
	*due = ng_days_from_civil(y, m2, days_in_month(y, m2));
	return true;
}

static void
fmt_dmy(NgDay day, char *buf, size_t len)
{
	int			y,
				m,
				d;

	ng_civil_from_days(day, &y, &m, &d);
	snprintf(buf, len, "%d/%d/%04d", d, m, y);
}

static bool
needs_year(const Parsed *x)
{
	if (x->recurring)
		return false;
	if (x->range)
		return x->b.y == 0 && x->a.y == 0;
	return x->a.y == 0;
}

static int
build(P *p, const Parsed *x, int fill, NgDeadline *out)
{
	static const NgKind kinds[] = {0, NG_KIND_DATE, NG_KIND_MONTH,
	NG_KIND_QUARTER, NG_KIND_HALF, NG_KIND_YEAR};
	NgDay		sa,
				da,
				sb,
				db;

	if (x->recurring)
	{
		*out = ng_pack(NG_KIND_RECURRING, 0, false, 0, x->soft,
					   (NgRecurrence) x->rec);
		return NG_PARSE_OK;
	}
	if (!x->range)
	{
		int			y = x->a.y ? x->a.y : fill;

		if (y == 0)
		{
			fail(p, "the year is missing");
			return NG_PARSE_NO_YEAR;
		}
		if (!window(p, &x->a, y, &sa, &da))
			return NG_PARSE_BAD;
		if (x->before && !(x->timed && x->a.k == PK_DATE))
			*out = ng_pack(NG_KIND_BEFORE, sa - 1, false, 0, x->soft, NG_REC_NONE);
		else if (x->a.k == PK_DATE)
			*out = ng_pack(NG_KIND_DATE, da, false, 0, x->soft, NG_REC_NONE);
		else
			*out = ng_pack(kinds[x->a.k], da, true, sa, x->soft, NG_REC_NONE);
		return NG_PARSE_OK;
	}
	else
	{
		int			yb = x->b.y ? x->b.y : (x->a.y ? x->a.y : fill);
		int			ya = x->a.y ? x->a.y : yb;

		if (yb == 0)
		{
			fail(p, "the year is missing");
			return NG_PARSE_NO_YEAR;
		}
		if (!window(p, &x->b, yb, &sb, &db))
			return NG_PARSE_BAD;
		if (!window(p, &x->a, ya, &sa, &da))
		{
			if (x->a.y)
				return NG_PARSE_BAD;
			p->err = false;		/* 29/2 in the year before? */
			sa = db + 1;
		}
		if (!x->a.y && sa > db && ya > NG_MIN_YEAR)
		{
			p->err = false;
			if (!window(p, &x->a, ya - 1, &sa, &da))
				return NG_PARSE_BAD;
		}
		if (sa > db)
		{
			char		s1[32],
						s2[32];

			fmt_dmy(db, s1, sizeof(s1));
			fmt_dmy(sa, s2, sizeof(s2));
			fail(p, "the range ends (%s) before it starts (%s)", s1, s2);
			return NG_PARSE_BAD;
		}
		(void) da;
		(void) sb;
		*out = ng_pack(NG_KIND_RANGE, db, true, sa, x->soft, NG_REC_NONE);
		return NG_PARSE_OK;
	}
}

/* build, filling a missing year from the reference date */
static int
build_ref(P *p, const Parsed *x, bool have_ref, NgDay ref, NgDeadline *out)
{
	int			ry,
				rm,
				rd,
				y;

	if (!needs_year(x) || !have_ref)
		return build(p, x, 0, out);
	ng_civil_from_days(ref, &ry, &rm, &rd);
	for (y = ry - 1; y <= ry + 8; y++)
	{
		NgDeadline	d;

		if (y < NG_MIN_YEAR || y > NG_MAX_YEAR)
			continue;
		p->err = false;
		if (build(p, x, y, &d) == NG_PARSE_OK && ng_due_day(d) >= ref)
		{
			*out = d;
			return NG_PARSE_OK;
		}
	}
	p->err = false;
	fail(p, "no such deadline falls on or after the reference date");
	return NG_PARSE_BAD;
}

/* ------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------
 */
static void
set_detail(char *detail, size_t len, const char *msg)
{
	if (detail && len)
		snprintf(detail, len, "%s", msg);
}

int
ng_deadline_parse(const char *s, size_t len, bool have_ref, NgDay ref,
				  NgDeadline *out, char *detail, size_t detail_len)
{
	Tok			toks[NG_MAX_TOKENS];
	Lexer		lx;
	P			p;
	Parsed		x;
	int			n = 0,
				j,
				r;
	NgDeadline	d;

	if (detail && detail_len)
		detail[0] = '\0';
	if (len > UINT32_MAX / 2)
	{
		set_detail(detail, detail_len, "the text is too long to be a deadline");
		return NG_PARSE_BAD;
	}
	memset(&p, 0, sizeof(p));
	lex_init(&lx, s, len);
	for (;;)
	{
		lex_next(&lx, &p.endt);
		if (p.endt.type == T_END)
			break;
		if (n == NG_MAX_TOKENS)
		{
			if (detail && detail_len)
				snprintf(detail, detail_len,
						 "the text is too long to be a deadline (more than %d words, numbers and marks); neongraph.extract_deadlines finds deadlines in running text",
						 NG_MAX_TOKENS);
			return NG_PARSE_BAD;
		}
		toks[n++] = p.endt;
	}
	if (n == 0)
	{
		set_detail(detail, detail_len, "the text is empty");
		return NG_PARSE_BAD;
	}
	p.t = toks;
	p.n = n;
	p.src = s;
	p.srclen = len;
	p.detail = detail;
	p.dlen = detail_len;

	j = parse_expr(&p, 0, &x);
	if (j < 0)
	{
		fail_at(&p, p.core_at);
		return NG_PARSE_BAD;
	}
	j = skip_tail(&p, j);
	if (j < n)
	{
		fail_at(&p, j);
		return NG_PARSE_BAD;
	}
	r = build_ref(&p, &x, have_ref, ref, &d);
	if (r == NG_PARSE_OK)
		*out = d;
	return r;
}

/* ------------------------------------------------------------------------
 * Validation (for binary receive)
 * ------------------------------------------------------------------------
 */
#define VFAIL(...) do { if (detail && detail_len) snprintf(detail, detail_len, __VA_ARGS__); return false; } while (0)

bool
ng_deadline_valid(NgDeadline d, char *detail, size_t detail_len)
{
	NgKind		k = ng_kind(d);
	NgRecurrence rec = ng_recurrence(d);
	NgDay		lo = ng_days_from_civil(NG_MIN_YEAR, 1, 1);
	NgDay		hi = ng_days_from_civil(NG_MAX_YEAR, 12, 31);
	NgDay		due,
				start;
	int			y1,
				m1,
				d1,
				y2,
				m2,
				d2;

	if ((d & 0xFF) != 0)
		VFAIL("reserved bits 0..7 are not zero");
	if (k < NG_KIND_DATE || k > NG_KIND_RECURRING)
		VFAIL("kind %d does not exist", (int) k);
	if (k == NG_KIND_RECURRING)
	{
		if (ng_due_key(d) != NG_DUE_RECURRING || ng_start_key(d) != 0)
			VFAIL("a recurring deadline has no due or start day");
		if (rec < NG_REC_CONTINUOUS || rec > NG_REC_YEARLY)
			VFAIL("recurrence %d does not exist", (int) rec);
		return true;
	}
	if (rec != NG_REC_NONE)
		VFAIL("recurrence %d on a deadline that is not recurring", (int) rec);
	if (ng_due_key(d) == NG_DUE_RECURRING)
		VFAIL("the due day is out of range");
	due = ng_due_day(d);
	if (k == NG_KIND_BEFORE ? (due < lo - 1 || due > hi - 1) : (due < lo || due > hi))
		VFAIL("the due day is out of range (years %d..%d)", NG_MIN_YEAR, NG_MAX_YEAR);
	if (k == NG_KIND_DATE || k == NG_KIND_BEFORE)
	{
		if (ng_has_start(d))
			VFAIL("a deadline of kind %s has no start day",
				  k == NG_KIND_DATE ? "date" : "before");
		return true;
	}
	if (!ng_has_start(d))
		VFAIL("the start day is missing");
	start = ng_start_day(d);
	if (start < lo || start > hi)
		VFAIL("the start day is out of range (years %d..%d)", NG_MIN_YEAR, NG_MAX_YEAR);
	if (start > due)
		VFAIL("the start day is after the due day");
	if (k == NG_KIND_RANGE)
		return true;
	ng_civil_from_days(start, &y1, &m1, &d1);
	ng_civil_from_days(due, &y2, &m2, &d2);
	if (y1 != y2 || d1 != 1 || d2 != days_in_month(y2, m2))
		VFAIL("the start and due days are not the bounds of one period");
	if ((k == NG_KIND_MONTH && m1 != m2) ||
		(k == NG_KIND_QUARTER && (m1 % 3 != 1 || m2 != m1 + 2)) ||
		(k == NG_KIND_HALF && !((m1 == 1 && m2 == 6) || (m1 == 7 && m2 == 12))) ||
		(k == NG_KIND_YEAR && !(m1 == 1 && m2 == 12)))
		VFAIL("the start and due days are not the bounds of one period");
	return true;
}

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------
 */
static const char *const roman_q[] = {"", "I", "II", "III", "IV"};

size_t
ng_deadline_format(NgDeadline d, int style, char *buf, size_t len)
{
	static const char *const rec_iso[] = {"", "recurring", "recurring weekly",
		"recurring monthly", "recurring quarterly", "recurring half-yearly",
	"recurring yearly"};
	static const char *const rec_vi[] = {"", "thường xuyên", "hằng tuần",
	"hằng tháng", "hằng quý", "định kỳ 6 tháng", "hằng năm"};
	NgKind		k = ng_kind(d);
	bool		vi = (style == NG_FORMAT_VI);
	const char *soft = ng_is_soft(d) ? (vi ? "phấn đấu " : "~") : "";
	int			y,
				m,
				dd,
				y2,
				m2,
				d2,
				w;

	if (len == 0)
		return 0;
	buf[0] = '\0';
	if (!ng_deadline_valid(d, NULL, 0))
		w = snprintf(buf, len, "invalid");
	else if (k == NG_KIND_RECURRING)
		w = snprintf(buf, len, "%s%s", soft,
					 vi ? rec_vi[ng_recurrence(d)] : rec_iso[ng_recurrence(d)]);
	else
	{
		NgDay		due = ng_due_day(d);

		if (k == NG_KIND_BEFORE)
			due++;				/* the written date */
		ng_civil_from_days(due, &y2, &m2, &d2);
		if (ng_has_start(d))
			ng_civil_from_days(ng_start_day(d), &y, &m, &dd);
		else
			y = y2, m = m2, dd = d2;
		switch (k)
		{
			case NG_KIND_DATE:
				w = vi ? snprintf(buf, len, "%s%d/%d/%04d", soft, d2, m2, y2)
					: snprintf(buf, len, "%s%04d-%02d-%02d", soft, y2, m2, d2);
				break;
			case NG_KIND_BEFORE:
				w = vi ? snprintf(buf, len, "%strước ngày %d/%d/%04d", soft, d2, m2, y2)
					: snprintf(buf, len, "%sbefore %04d-%02d-%02d", soft, y2, m2, d2);
				break;
			case NG_KIND_MONTH:
				w = vi ? snprintf(buf, len, "%stháng %d/%04d", soft, m, y)
					: snprintf(buf, len, "%s%04d-%02d", soft, y, m);
				break;
			case NG_KIND_QUARTER:
				w = vi ? snprintf(buf, len, "%squý %s/%04d", soft, roman_q[(m + 2) / 3], y)
					: snprintf(buf, len, "%s%04d-Q%d", soft, y, (m + 2) / 3);
				break;
			case NG_KIND_HALF:
				w = vi ? snprintf(buf, len, "%s6 tháng %s năm %04d", soft,
								  m == 1 ? "đầu" : "cuối", y)
					: snprintf(buf, len, "%s%04d-H%d", soft, y, m == 1 ? 1 : 2);
				break;
			case NG_KIND_YEAR:
				w = vi ? snprintf(buf, len, "%snăm %04d", soft, y)
					: snprintf(buf, len, "%s%04d", soft, y);
				break;
			default:			/* NG_KIND_RANGE */
				w = vi ? snprintf(buf, len, "%stừ ngày %d/%d/%04d đến ngày %d/%d/%04d",
								  soft, dd, m, y, d2, m2, y2)
					: snprintf(buf, len, "%s%04d-%02d-%02d/%04d-%02d-%02d",
							   soft, y, m, dd, y2, m2, d2);
				break;
		}
	}
	if (w < 0)
		w = 0;
	return (size_t) w < len ? (size_t) w : len - 1;
}

/* ------------------------------------------------------------------------
 * Extraction from running text
 * ------------------------------------------------------------------------
 */
#define XWIN	256				/* tokens held at once */
#define XLOOK	72				/* lookahead kept before shifting */
#define XBACK	8				/* lookbehind kept when shifting */

enum
{
	CUE_NONE = 0,
	CUE_STRONG,					/* hoàn thành, trước, chậm nhất, đến, hạn, … */
	CUE_TRONG,					/* trong: needs a verb before or a clause end */
	CUE_TASK,					/* nhiệm vụ: only "nhiệm vụ thường xuyên" */
	CUE_CELL					/* anything else: only as a whole cell */
};

static bool
opening_punct(const Tok *t)
{
	return t->type == T_PUNCT && t->p != 0 && strchr("*\"'([-", t->p) != NULL;
}

/* token i begins a table cell or a line (after opening marks) */
static bool
cell_start(const P *p, int i)
{
	int			k;

	for (k = 0; k < 4; k++)
	{
		if (TK(p, i - k)->flags & F_BRK)
			return true;
		if (i - k - 1 < 0 || !opening_punct(TK(p, i - k - 1)))
			return false;
	}
	return false;
}

/* after index j (closing marks skipped): a cell or line ends */
static bool
cell_end(const P *p, int j)
{
	j = skip_tail(p, j);
	return TK(p, j)->type == T_END || (TK(p, j)->flags & F_BRK);
}

/* after index j a clause ends: . ; ) * : or a line (a comma does not) */
static bool
clause_end(const P *p, int j)
{
	const Tok  *t = TK(p, j);

	if (t->type == T_END || (t->flags & F_BRK))
		return true;
	return t->type == T_PUNCT && t->p != 0 && strchr(".;)*:!?\"", t->p);
}

/* a completion verb shortly before i, in the same clause */
static bool
verb_before(const P *p, int i)
{
	int			k;

	for (k = i - 1; k >= 0 && k >= i - 5; k--)
	{
		const Tok  *t = TK(p, k);

		if (t->type == T_PUNCT)
			return false;
		if ((isw(p, k - 1, "hoan") && isw(p, k, "thanh")) ||
			(isw(p, k - 1, "thuc") && isw(p, k, "hien")) ||
			(isw(p, k - 1, "ban") && isw(p, k, "hanh")) ||
			(isw(p, k - 1, "trien") && isw(p, k, "khai")) ||
			(isw(p, k - 1, "hoan") && isw(p, k, "tat")) ||
			isw(p, k, "xong"))
			return true;
		if (t->flags & F_BRK)
			return false;
	}
	return false;
}

static int
cue_at(const P *p, int i)
{
	if ((isw(p, i, "hoan") && isw(p, i + 1, "thanh")) ||
		isw(p, i, "truoc") ||
		(isw(p, i, "cham") && isw(p, i + 1, "nhat")) ||
		isw(p, i, "den") ||
		isw(p, i, "han") ||
		(isw(p, i, "thoi") && (isw(p, i + 1, "han") || isw(p, i + 1, "gian"))) ||
		(isw(p, i, "phan") && isw(p, i + 1, "dau")) ||
		isw(p, i, "tu") ||
		(isw(p, i, "giai") && isw(p, i + 1, "doan")) ||
		(isw(p, i, "dinh") && isw(p, i + 1, "ky")))
		return CUE_STRONG;
	if (isw(p, i, "trong") && !isw(p, i + 1, "tam"))
		return CUE_TRONG;
	if (isw(p, i, "nhiem") && isw(p, i + 1, "vu"))
		return CUE_TASK;
	return CUE_CELL;
}

size_t
ng_deadline_extract(const char *s, size_t len, bool have_ref, NgDay ref,
					NgFoundFn fn, void *arg)
{
	Tok			win[XWIN];
	Lexer		lx;
	P			p;
	bool		done = false;
	int			n = 0,
				i = 0;
	size_t		count = 0;
	char		scratch[NG_DETAIL_LEN];

	if (len > UINT32_MAX / 2)
		return 0;
	memset(&p, 0, sizeof(p));
	lex_init(&lx, s, len);
	p.t = win;
	p.src = s;
	p.srclen = len;
	p.detail = scratch;
	p.dlen = sizeof(scratch);
	p.endt.type = T_END;
	p.endt.flags = F_SP | F_BRK;

	for (;;)
	{
		int			cue,
					j;
		Parsed		x;
		NgDeadline	d;

		/* keep XLOOK tokens ahead of i, unless the text is all read */
		if (!done && n - i < XLOOK)
		{
			int			keep = i > XBACK ? i - XBACK : 0;

			if (keep > 0)
			{
				memmove(win, win + keep, (size_t) (n - keep) * sizeof(Tok));
				n -= keep;
				i -= keep;
			}
			while (n < XWIN)
			{
				lex_next(&lx, &win[n]);
				if (win[n].type == T_END)
				{
					p.endt = win[n];
					done = true;
					break;
				}
				n++;
			}
			p.n = n;
		}
		if (i >= n)
			break;

		if (TK(&p, i)->type == T_PUNCT)
		{
			i++;
			continue;
		}
		cue = cue_at(&p, i);
		if (cue == CUE_CELL && !cell_start(&p, i))
		{
			i++;
			continue;
		}
		p.err = false;
		j = parse_expr(&p, i, &x);
		if (j <= i)
		{
			i++;
			continue;
		}
		if ((cue == CUE_CELL && !cell_end(&p, j)) ||
			(cue == CUE_TASK && !x.recurring) ||
			(cue == CUE_TRONG && !verb_before(&p, i) && !cell_start(&p, i) &&
			 !clause_end(&p, j)))
		{
			i++;
			continue;
		}
		/* "thường xuyên", "hằng tuần" in prose are adverbs, not deadlines */
		if (x.recurring && cue == CUE_CELL && !cell_end(&p, j))
		{
			i++;
			continue;
		}
		p.err = false;
		if (build_ref(&p, &x, have_ref, ref, &d) != NG_PARSE_OK)
		{
			i = j;
			continue;
		}
		{
			NgFound		f;

			f.deadline = d;
			f.offset = TK(&p, i)->off;
			f.length = TK(&p, j - 1)->end - TK(&p, i)->off;
			count++;
			if (!fn(&f, arg))
				break;
		}
		i = j;
	}
	return count;
}
