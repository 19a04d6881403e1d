/*
 * docref_core.h — Vietnamese document numbers (số hiệu văn bản), independent
 * of the server.
 *
 * This header and docref_core.c are plain C99 without PostgreSQL headers, so
 * the parser can be fuzzed and tested outside the server.  They never read
 * outside the buffer they are given, whatever its bytes (invalid UTF-8
 * included), and every loop advances.
 *
 * A document number is stored as its normalised spelling, a UTF-8 string of
 * upper-case letters (A-Z, Đ and the Vietnamese vowels), digits, '-' and '/':
 *
 *   Party style    <number>-<kind>/<issuer>            44-TB/TGV, 02-KH/BCĐTW
 *   State style    <number>[/<year>]/<kind>-<issuer>   193/2025/NQ-QH15, 12/CT-TTG
 *   Letter style   <number>[/<year>]/<issuer>          8434/VPCP-KSTT, 59/2020/QH14
 *
 * where <issuer> is one or more codes joined by '-'.  State and letter style
 * differ only in whether the first code after the last '/' is a known kind
 * code (see ng_docref_is_kind): the normalised string alone determines the
 * parts, so stored values need no other metadata.
 */
#ifndef NEONGRAPH_DOCREF_CORE_H
#define NEONGRAPH_DOCREF_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* longest input accepted, in bytes (prose prefixes included) */
#define NG_DOCREF_MAX_INPUT		1024
/* longest normalised form, in bytes */
#define NG_DOCREF_MAX_LEN		128
/* at most this many digits in the serial number */
#define NG_DOCREF_MAX_DIGITS	9
/* at most this many characters in one code (kind, issuer or unit) */
#define NG_DOCREF_MAX_CODE		24
#define NG_DOCREF_YEAR_MIN		1900
#define NG_DOCREF_YEAR_MAX		2100

typedef enum NgDocrefStyle
{
	NG_DOCREF_PARTY = 1,		/* 44-TB/TGV */
	NG_DOCREF_STATE = 2			/* 12/CT-TTG, 8434/VPCP-KSTT (kind_len 0) */
} NgDocrefStyle;

/* byte ranges inside a normalised string */
typedef struct NgDocrefParts
{
	NgDocrefStyle style;
	uint16_t	num_off;
	uint16_t	num_len;
	uint16_t	kind_off;
	uint16_t	kind_len;		/* 0: the number has no kind */
	uint16_t	issuer_off;
	uint16_t	issuer_len;
	int			year;			/* 0: none */
} NgDocrefParts;

typedef enum NgDocrefError
{
	NG_DOCREF_OK = 0,
	NG_DOCREF_EMPTY,
	NG_DOCREF_TOO_LONG,
	NG_DOCREF_BAD_UTF8,
	NG_DOCREF_BAD_CHAR,
	NG_DOCREF_BAD_MARK,
	NG_DOCREF_NO_NUMBER,
	NG_DOCREF_NUMBER_TOO_LONG,
	NG_DOCREF_BAD_SPACE,
	NG_DOCREF_NO_SLASH,
	NG_DOCREF_EMPTY_PART,
	NG_DOCREF_TOO_MANY_PARTS,
	NG_DOCREF_BAD_YEAR,
	NG_DOCREF_BAD_CODE,
	NG_DOCREF_NO_ISSUER,
	NG_DOCREF_RESULT_TOO_LONG
} NgDocrefError;

typedef struct NgDocrefResult
{
	NgDocrefError error;
	char		detail[256];	/* what was wrong, in English, when error */
	char		norm[NG_DOCREF_MAX_LEN + 1];	/* NUL-terminated */
	size_t		len;
	NgDocrefParts parts;
} NgDocrefResult;

/*
 * Parse and normalise one document number.  Returns true and fills
 * res->norm/len/parts, or returns false with res->error and res->detail set.
 */
extern bool ng_docref_parse(const char *in, size_t len, NgDocrefResult *res);

/*
 * Split an already normalised string into its parts; false if it is not one
 * (a corrupt stored value).  Cheap: no Unicode work.
 */
extern bool ng_docref_split(const char *norm, size_t len, NgDocrefParts *parts);

/*
 * The sort order: issuer, then kind (none first), then year (none first),
 * then the number compared numerically, then the normalised bytes — so two
 * values compare 0 exactly when their normalised strings are equal.
 */
extern int	ng_docref_cmp(const char *a, size_t alen, const char *b, size_t blen);

/*
 * Display casing of a normalised string: the few codes whose conventional
 * spelling has lower-case letters (CTr, TTr, TTh, QyĐ, QĐi as kinds; a code
 * ending in TTg, "Thủ tướng", in the issuer).  out receives len bytes plus a
 * NUL; display and normalised forms have the same length.
 */
extern void ng_docref_display(const char *norm, size_t len, char *out);

/* is code (upper-case UTF-8, len bytes) a kind code of state style? */
extern bool ng_docref_is_kind(const char *code, size_t len);

/*
 * Find the next document number in running text, starting at byte *cursor.
 * On success returns true, sets *start to the byte offset where the number
 * begins, fills res, and moves *cursor past it.  Returns false at the end.
 */
extern bool ng_docref_find_next(const char *text, size_t len, size_t *cursor,
								size_t *start, NgDocrefResult *res);

/* the accepted forms, for error hints */
extern const char *ng_docref_hint(void);

#endif							/* NEONGRAPH_DOCREF_CORE_H */
