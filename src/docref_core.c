/*
 * docref_core.c — parse, normalise, split, compare and find Vietnamese
 * document numbers (số hiệu văn bản).  Plain C99, no PostgreSQL headers.
 *
 * Normalisation, in order:
 *   1. decode UTF-8 strictly (overlongs, surrogates and truncated sequences
 *      are errors); map every kind of space (NBSP, thin space, tab ...) to
 *      ' ', every dash (hyphen, en/em dash, minus) to '-', fraction and
 *      full-width slashes to '/', drop soft hyphens and zero-width characters;
 *   2. upper-case (ASCII, Đ and the Vietnamese vowels) and compose combining
 *      marks onto their vowel, whatever their order (NFD input becomes NFC);
 *   3. trim, collapse spaces, drop trailing '.', ',' and ';';
 *   4. drop a leading kind name ("Quyết định", "Thông báo kết luận", ...)
 *      and/or a leading "Số", "Số:", "Số hiệu", "No." — in either order of
 *      presence, kind name first;
 *   5. drop the spaces around '/' and '-', and read a space between the
 *      serial number and a letter as '-' ("02 KH/BCĐTW" is 02-KH/BCĐTW);
 *      any other space is an error;
 *   6. check the structure (see docref_core.h) and that every character is
 *      a digit, A-Z, Đ, a Vietnamese vowel, '-' or '/'.
 *
 * Telling state style from letter style.  After the last '/', state style
 * reads <kind>-<issuer> (12/CT-TTg, 193/2025/NQ-QH15) and letter style reads
 * <issuer>-<unit> (8434/VPCP-KSTT, 11725/BTC-QLĐT).  The two cannot be told
 * apart by shape, so the first code is a kind exactly when it is in
 * ng_kind_codes below: the abbreviations of Decree 30/2020/NĐ-CP (appendix
 * III) and of the Party's rules on documents, plus the legal-document kinds
 * (NĐ, TT, TTLT, NQLT, ...).  Party style (44-TB/TGV) always has a kind, in
 * its own position, so any code is accepted there.  A few issuers share an
 * abbreviation with a kind (the HCMC tax department's letters 123/CT-TTHT
 * read as kind CT); the list errs towards kinds because the directives this
 * extension tracks are mostly kinded documents.  The list is part of the
 * stored format: the sort order depends on it, so changing it needs a
 * REINDEX of docref indexes.
 */
#include "docref_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define NG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define NG_PRINTF(f, a)
#endif

/*
 * The Vietnamese vowels with diacritics, upper case (generated from
 * Unicode's NFD): modifier 1 circumflex U+0302, 2 breve U+0306, 3 horn U+031B;
 * tone 1 grave U+0300, 2 acute U+0301, 3 tilde U+0303, 4 hook above U+0309,
 * 5 dot below U+0323.
 */
typedef struct NgVnLetter
{
	uint32_t	upper;
	uint32_t	lower;
	char		root;
	uint8_t		mod;
	uint8_t		tone;
} NgVnLetter;

static const NgVnLetter ng_vn_letters[] = {
	{0x00C0, 0x00E0, 'A', 0, 1},	/* À */
	{0x00C1, 0x00E1, 'A', 0, 2},	/* Á */
	{0x00C2, 0x00E2, 'A', 1, 0},	/* Â */
	{0x00C3, 0x00E3, 'A', 0, 3},	/* Ã */
	{0x00C8, 0x00E8, 'E', 0, 1},	/* È */
	{0x00C9, 0x00E9, 'E', 0, 2},	/* É */
	{0x00CA, 0x00EA, 'E', 1, 0},	/* Ê */
	{0x00CC, 0x00EC, 'I', 0, 1},	/* Ì */
	{0x00CD, 0x00ED, 'I', 0, 2},	/* Í */
	{0x00D2, 0x00F2, 'O', 0, 1},	/* Ò */
	{0x00D3, 0x00F3, 'O', 0, 2},	/* Ó */
	{0x00D4, 0x00F4, 'O', 1, 0},	/* Ô */
	{0x00D5, 0x00F5, 'O', 0, 3},	/* Õ */
	{0x00D9, 0x00F9, 'U', 0, 1},	/* Ù */
	{0x00DA, 0x00FA, 'U', 0, 2},	/* Ú */
	{0x00DD, 0x00FD, 'Y', 0, 2},	/* Ý */
	{0x0102, 0x0103, 'A', 2, 0},	/* Ă */
	{0x0128, 0x0129, 'I', 0, 3},	/* Ĩ */
	{0x0168, 0x0169, 'U', 0, 3},	/* Ũ */
	{0x01A0, 0x01A1, 'O', 3, 0},	/* Ơ */
	{0x01AF, 0x01B0, 'U', 3, 0},	/* Ư */
	{0x1EA0, 0x1EA1, 'A', 0, 5},	/* Ạ */
	{0x1EA2, 0x1EA3, 'A', 0, 4},	/* Ả */
	{0x1EA4, 0x1EA5, 'A', 1, 2},	/* Ấ */
	{0x1EA6, 0x1EA7, 'A', 1, 1},	/* Ầ */
	{0x1EA8, 0x1EA9, 'A', 1, 4},	/* Ẩ */
	{0x1EAA, 0x1EAB, 'A', 1, 3},	/* Ẫ */
	{0x1EAC, 0x1EAD, 'A', 1, 5},	/* Ậ */
	{0x1EAE, 0x1EAF, 'A', 2, 2},	/* Ắ */
	{0x1EB0, 0x1EB1, 'A', 2, 1},	/* Ằ */
	{0x1EB2, 0x1EB3, 'A', 2, 4},	/* Ẳ */
	{0x1EB4, 0x1EB5, 'A', 2, 3},	/* Ẵ */
	{0x1EB6, 0x1EB7, 'A', 2, 5},	/* Ặ */
	{0x1EB8, 0x1EB9, 'E', 0, 5},	/* Ẹ */
	{0x1EBA, 0x1EBB, 'E', 0, 4},	/* Ẻ */
	{0x1EBC, 0x1EBD, 'E', 0, 3},	/* Ẽ */
	{0x1EBE, 0x1EBF, 'E', 1, 2},	/* Ế */
	{0x1EC0, 0x1EC1, 'E', 1, 1},	/* Ề */
	{0x1EC2, 0x1EC3, 'E', 1, 4},	/* Ể */
	{0x1EC4, 0x1EC5, 'E', 1, 3},	/* Ễ */
	{0x1EC6, 0x1EC7, 'E', 1, 5},	/* Ệ */
	{0x1EC8, 0x1EC9, 'I', 0, 4},	/* Ỉ */
	{0x1ECA, 0x1ECB, 'I', 0, 5},	/* Ị */
	{0x1ECC, 0x1ECD, 'O', 0, 5},	/* Ọ */
	{0x1ECE, 0x1ECF, 'O', 0, 4},	/* Ỏ */
	{0x1ED0, 0x1ED1, 'O', 1, 2},	/* Ố */
	{0x1ED2, 0x1ED3, 'O', 1, 1},	/* Ồ */
	{0x1ED4, 0x1ED5, 'O', 1, 4},	/* Ổ */
	{0x1ED6, 0x1ED7, 'O', 1, 3},	/* Ỗ */
	{0x1ED8, 0x1ED9, 'O', 1, 5},	/* Ộ */
	{0x1EDA, 0x1EDB, 'O', 3, 2},	/* Ớ */
	{0x1EDC, 0x1EDD, 'O', 3, 1},	/* Ờ */
	{0x1EDE, 0x1EDF, 'O', 3, 4},	/* Ở */
	{0x1EE0, 0x1EE1, 'O', 3, 3},	/* Ỡ */
	{0x1EE2, 0x1EE3, 'O', 3, 5},	/* Ợ */
	{0x1EE4, 0x1EE5, 'U', 0, 5},	/* Ụ */
	{0x1EE6, 0x1EE7, 'U', 0, 4},	/* Ủ */
	{0x1EE8, 0x1EE9, 'U', 3, 2},	/* Ứ */
	{0x1EEA, 0x1EEB, 'U', 3, 1},	/* Ừ */
	{0x1EEC, 0x1EED, 'U', 3, 4},	/* Ử */
	{0x1EEE, 0x1EEF, 'U', 3, 3},	/* Ữ */
	{0x1EF0, 0x1EF1, 'U', 3, 5},	/* Ự */
	{0x1EF2, 0x1EF3, 'Y', 0, 1},	/* Ỳ */
	{0x1EF4, 0x1EF5, 'Y', 0, 5},	/* Ỵ */
	{0x1EF6, 0x1EF7, 'Y', 0, 4},	/* Ỷ */
	{0x1EF8, 0x1EF9, 'Y', 0, 3},	/* Ỹ */
};

#define NG_VN_NLETTERS (sizeof(ng_vn_letters) / sizeof(ng_vn_letters[0]))

static const uint32_t ng_mod_marks[4] = {0, 0x0302, 0x0306, 0x031B};
static const uint32_t ng_tone_marks[6] = {0, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323};

/* state-style kind codes, upper case (see the top of the file) */
static const char *const ng_kind_codes[] = {
	"NQ", "NĐ", "QĐ", "QĐI", "CT", "TT", "TTLT", "NQLT", "TB", "KH", "KL",
	"CV", "BC", "TTR", "CTR", "QC", "HD", "QYĐ", "ĐA", "DA", "PA", "HĐ",
	"BB", "GM", "GP", "GGT", "GUQ", "TC", "CĐ", "TTH", "GN", "VBHN", "SL",
	"TTRI", "QYCH"
};

/* conventional spelling of codes that are not all upper case */
static const char *const ng_display_kinds[][2] = {
	{"CTR", "CTr"}, {"TTR", "TTr"}, {"TTH", "TTh"}, {"QYĐ", "QyĐ"},
	{"QĐI", "QĐi"}, {"TTRI", "TTri"}, {"QYCH", "QyCh"}
};

/* kind names that may precede the number, upper case, longest first */
static const char *const ng_kind_names[] = {
	"THÔNG BÁO KẾT LUẬN", "NGHỊ QUYẾT LIÊN TỊCH", "THÔNG TƯ LIÊN TỊCH",
	"CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH CÔNG TÁC", "VĂN BẢN HỢP NHẤT",
	"QUY CHẾ LÀM VIỆC", "CHƯƠNG TRÌNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH",
	"QUYẾT ĐỊNH", "THÔNG BÁO", "THÔNG CÁO", "THÔNG TRI", "KẾT LUẬN",
	"CHỈ THỊ", "THÔNG TƯ", "CÔNG VĂN", "CÔNG ĐIỆN", "KẾ HOẠCH", "QUY CHẾ",
	"QUY ĐỊNH", "HƯỚNG DẪN", "BÁO CÁO", "TỜ TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN",
	"DỰ ÁN", "BIÊN BẢN", "GIẤY MỜI", "GIẤY PHÉP", "HỢP ĐỒNG", "PHÁP LỆNH",
	"VĂN BẢN", "LUẬT", "LỆNH"
};

#define LENGTHOF(a) (sizeof(a) / sizeof((a)[0]))

static const char ng_hint[] =
"Write a document number as 44-TB/TGV or 02 KH/BCĐTW (Party style), "
"12/CT-TTg or 193/2025/NQ-QH15 (State style), or 8434/VPCP-KSTT (an official "
"letter without a kind), optionally after \"Số\", \"số:\", \"No.\" or a kind "
"name such as \"Quyết định số\".";

const char *
ng_docref_hint(void)
{
	return ng_hint;
}

static bool fail(NgDocrefResult *res, NgDocrefError e, const char *fmt,...) NG_PRINTF(3, 4);

static bool
fail(NgDocrefResult *res, NgDocrefError e, const char *fmt,...)
{
	va_list		ap;

	if (res == NULL)
		return false;
	res->error = e;
	va_start(ap, fmt);
	vsnprintf(res->detail, sizeof(res->detail), fmt, ap);
	va_end(ap);
	return false;
}

/*
 * Decode one UTF-8 character at s[i] (i < len).  Returns its length in bytes,
 * or 0 if the bytes there are not valid UTF-8.
 */
static int
utf8_decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
	unsigned char c = s[i];

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
	{
		if (len - i < 2 || (s[i + 1] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t) (c & 0x1F) << 6) | (s[i + 1] & 0x3F);
		return 2;
	}
	if (c < 0xF0)
	{
		uint32_t	v;

		if (len - i < 3 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
			return 0;
		v = ((uint32_t) (c & 0x0F) << 12) | ((uint32_t) (s[i + 1] & 0x3F) << 6) |
			(s[i + 2] & 0x3F);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return 3;
	}
	if (c < 0xF5)
	{
		uint32_t	v;

		if (len - i < 4 || (s[i + 1] & 0xC0) != 0x80 ||
			(s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
			return 0;
		v = ((uint32_t) (c & 0x07) << 18) | ((uint32_t) (s[i + 1] & 0x3F) << 12) |
			((uint32_t) (s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
		if (v < 0x10000 || v > 0x10FFFF)
			return 0;
		*cp = v;
		return 4;
	}
	return 0;
}

/* encode cp (a valid scalar value) into out, which has room for 4 bytes */
static int
utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

static inline bool
is_space_cp(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
		(c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
		c == 0x3000;
}

static inline bool
is_dash_cp(uint32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
		c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

static inline bool
is_slash_cp(uint32_t c)
{
	return c == '/' || c == 0x2044 || c == 0x2215 || c == 0xFF0F;
}

static inline bool
is_ignorable_cp(uint32_t c)
{
	return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 ||
		c == 0xFEFF;
}

static inline bool
is_mark_cp(uint32_t c)
{
	return c >= 0x0300 && c <= 0x036F;
}

/* letters that may stand next to digits in a token of running text */
static inline bool
is_word_cp(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		(c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
		(c >= 0x1E00 && c <= 0x1EFF) || is_mark_cp(c);
}

static int
vn_by_upper(uint32_t c)
{
	size_t		i;

	for (i = 0; i < NG_VN_NLETTERS; i++)
		if (ng_vn_letters[i].upper == c)
			return (int) i;
	return -1;
}

static int
vn_by_lower(uint32_t c)
{
	size_t		i;

	for (i = 0; i < NG_VN_NLETTERS; i++)
		if (ng_vn_letters[i].lower == c)
			return (int) i;
	return -1;
}

static uint32_t
to_upper_cp(uint32_t c)
{
	int			k;

	if (c >= 'a' && c <= 'z')
		return c - 'a' + 'A';
	if (c < 0x80)
		return c;
	if (c == 0x0111)			/* đ */
		return 0x0110;
	k = vn_by_lower(c);
	return k >= 0 ? ng_vn_letters[k].upper : c;
}

static inline bool
is_vowel_root(uint32_t c)
{
	return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
}

/* an allowed letter of a normalised document number */
static inline bool
is_code_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || c == 0x0110 || (c >= 0xC0 && vn_by_upper(c) >= 0);
}

/*
 * Add combining mark m to the upper-case letter *c.  Returns false when the
 * result is not a Vietnamese letter (no vowel under it, a second tone, an
 * unknown mark).
 */
static bool
compose_mark(uint32_t *c, uint32_t m)
{
	char		root;
	int			mod,
				tone,
				k;
	size_t		i;

	if (is_vowel_root(*c))
	{
		root = (char) *c;
		mod = tone = 0;
	}
	else if ((k = vn_by_upper(*c)) >= 0)
	{
		root = ng_vn_letters[k].root;
		mod = ng_vn_letters[k].mod;
		tone = ng_vn_letters[k].tone;
	}
	else
		return false;

	for (i = 1; i < LENGTHOF(ng_mod_marks); i++)
		if (ng_mod_marks[i] == m)
		{
			if (mod != 0)
				return false;
			mod = (int) i;
			break;
		}
	if (i == LENGTHOF(ng_mod_marks))
	{
		for (i = 1; i < LENGTHOF(ng_tone_marks); i++)
			if (ng_tone_marks[i] == m)
			{
				if (tone != 0)
					return false;
				tone = (int) i;
				break;
			}
		if (i == LENGTHOF(ng_tone_marks))
			return false;
	}
	for (i = 0; i < NG_VN_NLETTERS; i++)
		if (ng_vn_letters[i].root == root && ng_vn_letters[i].mod == mod &&
			ng_vn_letters[i].tone == tone)
		{
			*c = ng_vn_letters[i].upper;
			return true;
		}
	return false;
}

/* describe a character for an error detail */
static void
describe_cp(uint32_t c, char *buf, size_t bufsz)
{
	if (c < 0x20 || c == 0x7F || is_mark_cp(c) || (c >= 0x80 && c < 0xA0))
		snprintf(buf, bufsz, "U+%04X", (unsigned) c);
	else
	{
		char		u[5];
		int			n = utf8_encode(c, u);

		u[n] = '\0';
		snprintf(buf, bufsz, "\"%s\" (U+%04X)", u, (unsigned) c);
	}
}

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_kind_code(const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < LENGTHOF(ng_kind_codes); i++)
		if (strlen(ng_kind_codes[i]) == len && memcmp(ng_kind_codes[i], s, len) == 0)
			return true;
	return false;
}

bool
ng_docref_is_kind(const char *code, size_t len)
{
	return is_kind_code(code, len);
}

/*
 * Check the codes b[off, off+len) joined by '-': each non-empty, starting
 * with a letter, of letters and digits, at most NG_DOCREF_MAX_CODE long.
 * Characters were checked already.  *first gets the length of the first.
 */
static bool
check_codes(const char *b, size_t off, size_t len, size_t *first,
			NgDocrefResult *res)
{
	size_t		i = off,
				end = off + len;
	bool		is_first = true;

	while (i <= end)
	{
		size_t		j = i,
					nchars = 0;

		while (j < end && b[j] != '-')
		{
			if (((unsigned char) b[j] & 0xC0) != 0x80)
				nchars++;
			j++;
		}
		if (j == i)
			return fail(res, NG_DOCREF_EMPTY_PART,
						"\"%.*s\" has an empty code next to a \"-\"",
						(int) len, b + off);
		if (is_digit(b[i]))
			return fail(res, NG_DOCREF_BAD_CODE,
						"the code \"%.*s\" starts with a digit; kind and issuer codes start with a letter",
						(int) (j - i), b + i);
		if (nchars > NG_DOCREF_MAX_CODE)
			return fail(res, NG_DOCREF_BAD_CODE,
						"the code \"%.*s\" is longer than %d characters",
						(int) (j - i), b + i, NG_DOCREF_MAX_CODE);
		if (is_first)
			*first = j - i;
		is_first = false;
		i = j + 1;
	}
	return true;
}

/*
 * The structure of a compact, upper-case body (step 6).  res may be NULL.
 */
static bool
parse_body(const char *b, size_t n, NgDocrefParts *p, NgDocrefResult *res)
{
	size_t		i,
				slash[3],
				nslash = 0,
				seg0_end,
				d,
				first = 0;
	size_t		last_off,
				last_len;

	memset(p, 0, sizeof(*p));
	if (n == 0)
		return fail(res, NG_DOCREF_EMPTY, "the input has no document number");

	/* characters */
	for (i = 0; i < n;)
	{
		uint32_t	c;
		int			k = utf8_decode((const unsigned char *) b, n, i, &c);

		if (k == 0)
			return fail(res, NG_DOCREF_BAD_UTF8, "byte 0x%02X at offset %zu is not valid UTF-8",
						(unsigned) (unsigned char) b[i], i);
		if (!(is_digit((char) c) && c < 0x80) && c != '-' && c != '/' && !is_code_letter(c))
		{
			char		desc[48];

			describe_cp(c, desc, sizeof(desc));
			return fail(res, NG_DOCREF_BAD_CHAR,
						"character %s is not allowed in a document number, which has only digits, letters, \"-\" and \"/\"",
						desc);
		}
		if (c == '/')
		{
			if (nslash == 2)
				return fail(res, NG_DOCREF_TOO_MANY_PARTS,
							"\"%.*s\" has more than two \"/\"; the longest form is <number>/<year>/<kind>-<issuer>",
							(int) n, b);
			slash[nslash++] = i;
		}
		i += (size_t) k;
	}
	if (nslash == 0)
		return fail(res, NG_DOCREF_NO_SLASH,
					"\"%.*s\" has no \"/\"; the issuer follows a \"/\", as in 44-TB/TGV or 12/CT-TTg",
					(int) n, b);
	for (i = 0; i < nslash; i++)
	{
		size_t		prev_end = i == 0 ? 0 : slash[i - 1] + 1;

		if (slash[i] == prev_end)
			return fail(res, NG_DOCREF_EMPTY_PART,
						"\"%.*s\" has an empty part before a \"/\"", (int) n, b);
	}
	if (slash[nslash - 1] == n - 1)
		return fail(res, NG_DOCREF_NO_ISSUER,
					"\"%.*s\" ends with \"/\"; the issuer is missing", (int) n, b);

	/* the serial number */
	seg0_end = slash[0];
	for (d = 0; d < seg0_end && is_digit(b[d]); d++)
		;
	if (d == 0)
		return fail(res, NG_DOCREF_NO_NUMBER,
					"\"%.*s\" does not start with the serial number in digits",
					(int) n, b);
	if (d > NG_DOCREF_MAX_DIGITS)
		return fail(res, NG_DOCREF_NUMBER_TOO_LONG,
					"the serial number \"%.*s\" has more than %d digits",
					(int) d, b, NG_DOCREF_MAX_DIGITS);
	p->num_off = 0;
	p->num_len = (uint16_t) d;

	if (d < seg0_end)
	{
		/* Party style: <number>-<kind>/<issuer> */
		size_t		kfirst = 0;

		if (b[d] != '-')
			return fail(res, NG_DOCREF_BAD_CODE,
						"\"%.*s\": the serial number must be followed by \"-\" and a kind (44-TB/TGV) or by \"/\" (12/CT-TTg)",
						(int) seg0_end, b);
		if (d + 1 == seg0_end)
			return fail(res, NG_DOCREF_EMPTY_PART,
						"\"%.*s\" has no kind between \"-\" and \"/\"", (int) n, b);
		for (i = d + 1; i < seg0_end; i++)
			if (b[i] == '-')
				return fail(res, NG_DOCREF_BAD_CODE,
							"\"%.*s\": a Party-style number has one kind code between the number and \"/\", as in 44-TB/TGV",
							(int) seg0_end, b);
		if (!check_codes(b, d + 1, seg0_end - d - 1, &kfirst, res))
			return false;
		if (nslash > 1)
			return fail(res, NG_DOCREF_TOO_MANY_PARTS,
						"\"%.*s\": a Party-style number (44-TB/TGV) has one \"/\", before the issuer",
						(int) n, b);
		if (!check_codes(b, seg0_end + 1, n - seg0_end - 1, &first, res))
			return false;
		p->style = NG_DOCREF_PARTY;
		p->kind_off = (uint16_t) (d + 1);
		p->kind_len = (uint16_t) (seg0_end - d - 1);
		p->issuer_off = (uint16_t) (seg0_end + 1);
		p->issuer_len = (uint16_t) (n - seg0_end - 1);
		return true;
	}

	/* State or letter style: <number>[/<year>]/[<kind>-]<issuer> */
	p->style = NG_DOCREF_STATE;
	last_off = slash[nslash - 1] + 1;
	last_len = n - last_off;
	{
		bool		all_digits = true;

		for (i = 0; i < last_len; i++)
			if (!is_digit(b[last_off + i]))
				all_digits = false;
		if (all_digits)
			return fail(res, NG_DOCREF_BAD_CODE,
						"\"%.*s\" looks like a date, not a document number: the part after the last \"/\" must be the issuer",
						(int) n, b);
	}
	if (nslash == 2)
	{
		size_t		yo = slash[0] + 1,
					yl = slash[1] - yo;
		int			y = 0;

		for (i = 0; i < yl; i++)
			if (!is_digit(b[yo + i]))
				return fail(res, NG_DOCREF_BAD_YEAR,
							"the middle part \"%.*s\" is not a year; it must be a four-digit year, as in 193/2025/NQ-QH15",
							(int) yl, b + yo);
		if (yl != 4)
			return fail(res, NG_DOCREF_BAD_YEAR,
						"the year \"%.*s\" must have four digits, as in 193/2025/NQ-QH15",
						(int) yl, b + yo);
		for (i = 0; i < 4; i++)
			y = y * 10 + (b[yo + i] - '0');
		if (y < NG_DOCREF_YEAR_MIN || y > NG_DOCREF_YEAR_MAX)
			return fail(res, NG_DOCREF_BAD_YEAR,
						"the year %d is outside %d to %d", y,
						NG_DOCREF_YEAR_MIN, NG_DOCREF_YEAR_MAX);
		p->year = y;
	}
	if (!check_codes(b, last_off, last_len, &first, res))
		return false;
	if (is_kind_code(b + last_off, first))
	{
		if (first == last_len)
			return fail(res, NG_DOCREF_NO_ISSUER,
						"\"%.*s\" is a kind with no issuer; write <kind>-<issuer>, as in 12/CT-TTg",
						(int) last_len, b + last_off);
		p->kind_off = (uint16_t) last_off;
		p->kind_len = (uint16_t) first;
		p->issuer_off = (uint16_t) (last_off + first + 1);
		p->issuer_len = (uint16_t) (last_len - first - 1);
	}
	else
	{
		p->issuer_off = (uint16_t) last_off;
		p->issuer_len = (uint16_t) last_len;
	}
	return true;
}

/* does the phrase (upper-case UTF-8) start w[p..n) as whole words? */
static size_t
match_phrase(const char *w, size_t n, size_t p, const char *phrase)
{
	size_t		l = strlen(phrase);

	if (n - p < l || memcmp(w + p, phrase, l) != 0)
		return 0;
	return l;
}

bool
ng_docref_parse(const char *in, size_t len, NgDocrefResult *res)
{
	static const size_t WMAX = NG_DOCREF_MAX_INPUT * 4 + 8;
	uint32_t	cps[NG_DOCREF_MAX_INPUT];
	char		w[NG_DOCREF_MAX_INPUT * 4 + 8];
	char		b[NG_DOCREF_MAX_INPUT * 4 + 8];
	size_t		ncp = 0,
				wn = 0,
				bn = 0,
				i,
				p;
	const unsigned char *s = (const unsigned char *) in;
	bool		seen_sep;

	res->error = NG_DOCREF_OK;
	res->detail[0] = '\0';
	res->norm[0] = '\0';
	res->len = 0;
	memset(&res->parts, 0, sizeof(res->parts));

	if (len > NG_DOCREF_MAX_INPUT)
		return fail(res, NG_DOCREF_TOO_LONG,
					"the input is %zu bytes long; at most %d bytes are read",
					len, NG_DOCREF_MAX_INPUT);

	/* 1 and 2: decode, map, upper-case, compose */
	for (i = 0; i < len;)
	{
		uint32_t	c;
		int			k = utf8_decode(s, len, i, &c);

		if (k == 0)
			return fail(res, NG_DOCREF_BAD_UTF8,
						"byte 0x%02X at offset %zu is not valid UTF-8",
						(unsigned) s[i], i);
		i += (size_t) k;
		if (is_ignorable_cp(c))
			continue;
		if (is_space_cp(c))
			c = ' ';
		else if (is_dash_cp(c))
			c = '-';
		else if (is_slash_cp(c))
			c = '/';
		else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		{
			char		desc[48];

			describe_cp(c, desc, sizeof(desc));
			return fail(res, NG_DOCREF_BAD_CHAR,
						"control character %s is not allowed in a document number", desc);
		}
		else if (is_mark_cp(c))
		{
			if (ncp == 0 || !compose_mark(&cps[ncp - 1], c))
				return fail(res, NG_DOCREF_BAD_MARK,
							"combining mark U+%04X does not follow a Vietnamese vowel it can combine with",
							(unsigned) c);
			continue;
		}
		else
			c = to_upper_cp(c);
		cps[ncp++] = c;			/* ncp <= number of bytes read <= MAX_INPUT */
	}

	/* 3: encode, trimming and collapsing spaces */
	for (i = 0; i < ncp; i++)
	{
		if (cps[i] == ' ' && (wn == 0 || w[wn - 1] == ' '))
			continue;
		if (wn + 4 >= WMAX)
			break;				/* cannot happen: 4 bytes per code point */
		wn += (size_t) utf8_encode(cps[i], w + wn);
	}
	for (;;)
	{
		if (wn > 0 && (w[wn - 1] == ' ' || w[wn - 1] == '.' ||
					   w[wn - 1] == ',' || w[wn - 1] == ';'))
			wn--;
		else
			break;
	}
	w[wn] = '\0';
	if (wn == 0)
		return fail(res, NG_DOCREF_EMPTY, "the input has no document number");

	/* 4: a kind name, then "Số" / "No." */
	p = 0;
	{
		size_t		best = 0;

		for (i = 0; i < LENGTHOF(ng_kind_names); i++)
		{
			size_t		l = match_phrase(w, wn, 0, ng_kind_names[i]);

			if (l > best && l < wn && w[l] == ' ')
				best = l;
		}
		if (best > 0)
			p = best + 1;
	}
	{
		static const char *const numwords[] = {"SỐ HIỆU", "SỐ", "NO.", "NO", "Nº", "N°"};
		size_t		l = 0;

		for (i = 0; i < LENGTHOF(numwords) && l == 0; i++)
		{
			l = match_phrase(w, wn, p, numwords[i]);
			/* a word: followed by the end, a space, ':' or '.' or a digit */
			if (l > 0 && p + l < wn && !(w[p + l] == ' ' || w[p + l] == ':' ||
										 w[p + l] == '.' || is_digit(w[p + l])))
				l = 0;
		}
		if (l > 0)
		{
			p += l;
			if (p < wn && w[p] == '.')
				p++;
			if (p < wn && w[p] == ' ')
				p++;
			if (p < wn && w[p] == ':')
				p++;
			if (p < wn && w[p] == ' ')
				p++;
		}
	}
	if (p >= wn)
		return fail(res, NG_DOCREF_NO_NUMBER,
					"\"%s\" has no document number after its leading words", w);
	if (!is_digit(w[p]))
	{
		size_t		e = p;

		while (e < wn && w[e] != ' ' && e - p < 60)
			e++;
		return fail(res, NG_DOCREF_NO_NUMBER,
					"a document number starts with its serial number in digits, not with \"%.*s\"",
					(int) (e - p), w + p);
	}

	/* 5: spaces inside the number */
	seen_sep = false;
	for (i = p; i < wn; i++)
	{
		char		c = w[i];

		if (c == ' ')
		{
			char		prev = bn > 0 ? b[bn - 1] : '\0';
			char		next = i + 1 < wn ? w[i + 1] : '\0';

			if (prev == '/' || prev == '-' || next == '/' || next == '-')
				continue;
			if (!seen_sep && is_digit(prev) &&
				((next >= 'A' && next <= 'Z') || (unsigned char) next >= 0x80))
			{
				b[bn++] = '-';
				seen_sep = true;
				continue;
			}
			return fail(res, NG_DOCREF_BAD_SPACE,
						"unexpected space in \"%s\"; a document number is written as one word, such as 44-TB/TGV",
						w + p);
		}
		if (c == '/' || c == '-')
			seen_sep = true;
		b[bn++] = c;
	}
	b[bn] = '\0';

	/* 6: structure */
	if (!parse_body(b, bn, &res->parts, res))
		return false;
	if (bn > NG_DOCREF_MAX_LEN)
		return fail(res, NG_DOCREF_RESULT_TOO_LONG,
					"the document number is %zu bytes long; at most %d are allowed",
					bn, NG_DOCREF_MAX_LEN);
	memcpy(res->norm, b, bn);
	res->norm[bn] = '\0';
	res->len = bn;
	return true;
}

bool
ng_docref_split(const char *norm, size_t len, NgDocrefParts *parts)
{
	if (len == 0 || len > NG_DOCREF_MAX_LEN)
		return false;
	return parse_body(norm, len, parts, NULL);
}

static int
cmp_bytes(const char *a, size_t al, const char *b, size_t bl)
{
	size_t		m = al < bl ? al : bl;
	int			c = m > 0 ? memcmp(a, b, m) : 0;

	if (c != 0)
		return c < 0 ? -1 : 1;
	return al < bl ? -1 : al > bl ? 1 : 0;
}

int
ng_docref_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	NgDocrefParts pa,
				pb;
	int			c;

	if (ng_docref_split(a, alen, &pa) && ng_docref_split(b, blen, &pb))
	{
		const char *na = a + pa.num_off,
				   *nb = b + pb.num_off;
		size_t		la = pa.num_len,
					lb = pb.num_len;

		c = cmp_bytes(a + pa.issuer_off, pa.issuer_len, b + pb.issuer_off, pb.issuer_len);
		if (c != 0)
			return c;
		if (pa.kind_len == 0 || pb.kind_len == 0)
		{
			if (pa.kind_len != pb.kind_len)
				return pa.kind_len == 0 ? -1 : 1;
		}
		else if ((c = cmp_bytes(a + pa.kind_off, pa.kind_len, b + pb.kind_off, pb.kind_len)) != 0)
			return c;
		if (pa.year != pb.year)
			return pa.year < pb.year ? -1 : 1;
		while (la > 1 && *na == '0')
			na++, la--;
		while (lb > 1 && *nb == '0')
			nb++, lb--;
		if (la != lb)
			return la < lb ? -1 : 1;
		if ((c = memcmp(na, nb, la)) != 0)
			return c < 0 ? -1 : 1;
	}
	return cmp_bytes(a, alen, b, blen);
}

void
ng_docref_display(const char *norm, size_t len, char *out)
{
	NgDocrefParts p;
	size_t		i;

	memcpy(out, norm, len);
	out[len] = '\0';
	if (!ng_docref_split(norm, len, &p))
		return;
	if (p.kind_len > 0)
		for (i = 0; i < LENGTHOF(ng_display_kinds); i++)
			if (strlen(ng_display_kinds[i][0]) == p.kind_len &&
				memcmp(norm + p.kind_off, ng_display_kinds[i][0], p.kind_len) == 0)
			{
				memcpy(out + p.kind_off, ng_display_kinds[i][1], p.kind_len);
				break;
			}
	/* every issuer code ending in TTG: "Thủ tướng" is written TTg */
	for (i = p.issuer_off; i < (size_t) p.issuer_off + p.issuer_len; i++)
	{
		size_t		end = (size_t) p.issuer_off + p.issuer_len;

		if ((i + 1 == end || norm[i + 1] == '-') && i >= (size_t) p.issuer_off + 2 &&
			memcmp(norm + i - 2, "TTG", 3) == 0)
			out[i] = 'g';
	}
}

/*
 * Running text.  A candidate starts at an ASCII digit that does not continue
 * a word, and runs over letters, digits, marks, dashes and slashes; it spans
 * a space next to a dash or slash ("01 -KH/BCĐ"), and a space after the
 * leading digits before a letter ("02 KH/BCĐTW").  The longest candidate is
 * tried first, then the one that stops at the first space.
 */
#define NG_FIND_MAX 200

static bool
cp_at(const char *t, size_t len, size_t i, uint32_t *c, int *k)
{
	*k = utf8_decode((const unsigned char *) t, len, i, c);
	return *k > 0;
}

bool
ng_docref_find_next(const char *text, size_t len, size_t *cursor,
					size_t *start, NgDocrefResult *res)
{
	size_t		i = *cursor;

	while (i < len)
	{
		uint32_t	c;
		int			k;
		size_t		j,
					end_full,
					end_word = 0;
		bool		in_digits = true,
					prev_sep = false;

		if (!is_digit(text[i]))
		{
			i++;
			continue;
		}
		/* the previous character must not be part of a word */
		if (i > 0)
		{
			size_t		b = i - 1;
			uint32_t	pc = 0;
			int			pk;

			while (b > 0 && i - b < 4 && ((unsigned char) text[b] & 0xC0) == 0x80)
				b--;
			if (cp_at(text, len, b, &pc, &pk) && b + (size_t) pk == i &&
				(is_word_cp(pc) || is_dash_cp(pc) || is_slash_cp(pc) || pc == '.'))
			{
				i++;
				continue;
			}
		}
		/* scan the candidate */
		j = i;
		end_full = i;
		while (j < len && j - i < NG_FIND_MAX && cp_at(text, len, j, &c, &k))
		{
			if (is_word_cp(c) || is_dash_cp(c) || is_slash_cp(c))
			{
				if (in_digits && !(c >= '0' && c <= '9'))
					in_digits = false;
				prev_sep = is_dash_cp(c) || is_slash_cp(c);
				j += (size_t) k;
				end_full = j;
				continue;
			}
			if (is_space_cp(c))
			{
				size_t		q = j;
				uint32_t	nc = 0;
				int			nk = 0;

				if (end_word == 0)
					end_word = end_full;
				while (q < len && cp_at(text, len, q, &nc, &nk) && is_space_cp(nc) && q - j < 8)
					q += (size_t) nk;
				if (q < len && cp_at(text, len, q, &nc, &nk) &&
					(prev_sep || is_dash_cp(nc) || is_slash_cp(nc) ||
					 (in_digits && is_word_cp(nc) && !(nc >= '0' && nc <= '9'))))
				{
					in_digits = false;
					prev_sep = false;
					j = q;
					continue;
				}
			}
			break;
		}
		if (end_word == 0)
			end_word = end_full;
		if (ng_docref_parse(text + i, end_full - i, res) ||
			(end_word < end_full && ng_docref_parse(text + i, end_word - i, res)))
		{
			*start = i;
			*cursor = end_full;
			return true;
		}
		i = end_full > i ? end_full : i + 1;
	}
	*cursor = len;
	return false;
}
