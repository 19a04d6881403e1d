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
 *
 * The input function reads a whole text with more forms than the
 * extractor looks for (see parse_text and the section "Whole texts"):
 *  - A leading bullet or dash ("-", "+", "•", "–", any other symbol) and an
 *    enumerator ("a)", "1.", "(2)", "IV.") are skipped.
 *  - Up to 8 words without digits may come before a cue (trước, trong,
 *    đến, tới, từ, vào, hạn, thời hạn, chậm nhất, phấn đấu, giai đoạn, hoàn
 *    thành, cuối, hằng, mỗi, định kỳ, thường xuyên, liên tục, tiến độ, or a
 *    colon): "Tổ chức thực hiện trong năm 2026", "Xây dựng xong trước
 *    30/6/2026", "Thời điểm hoàn thành: quý II/2026".  Without a cue the
 *    words are refused ("Trình tháng 12/2025": the detail says to write a
 *    cue), since a bare date after words may be the task's subject
 *    ("nhiệm kỳ 2025 - 2030").  Words of a relative deadline (sau, khi,
 *    theo, Tết, kể từ, trong vòng) or a recurrence end the words.
 *  - A remark in brackets at the end is ignored ("Trước 20/10/2025 (báo
 *    cáo kết quả)") unless it names another date, which is ambiguous and
 *    an error; after a recurrence a date without a year in the remark is
 *    its day ("Hằng năm (trước ngày 15/12)").  Document numbers
 *    ("01/2025/NQ-CP") are not dates.
 *  - A recurrence may carry a day spec before or after it ("Trước ngày 10
 *    hằng tháng", "Quý I hằng năm", "Hằng tháng, trước ngày 25", "Hằng
 *    tuần (trước 16h thứ Năm)"); the day spec is dropped (the packed value
 *    has no room for it) and must name no year.  Several recurrences
 *    ("định kỳ 6 tháng, hằng năm", "hằng tuần, tháng, quý") keep the most
 *    frequent.
 *  - Periods joined by "và" or a comma, of any kinds, in order ("tháng 10,
 *    11/2025", "năm 2025 và năm 2026", "quý IV/2025 và năm 2026") are a
 *    range from the first one's start to the last one's end; the years of
 *    the earlier ones follow the range rule above.  Not after "trước".
 *  - "A và các năm (tháng, quý) tiếp theo", "từ A trở đi" are recurring
 *    with that period (yearly …): the start A is not kept.  "từ A" alone
 *    stays an error (no end).
 *  - "T10/2025", "Th10/2025" are months.  "tuần đầu|cuối [tiên|cùng]
 *    [của] tháng M/YYYY" is the range of its first or last 7 days, "N
 *    ngày đầu|cuối tháng …" of its first or last N days (N <= 28).
 *  - ", định hướng …", ", tầm nhìn …" after a deadline is an orientation
 *    and is ignored ("giai đoạn 2021 - 2025, định hướng đến năm 2030" is
 *    2021..2025).
 *  - A text that is no deadline and has a word of a relative deadline
 *    ("Sau khi Nghị định được ban hành", "Trước Tết Nguyên đán 2026") gets
 *    the detail "relative deadlines (after an event) have no calendar date".
 *
 * Speed: words get a keyword id as they are lexed (kw_lookup8 looks the
 * packed letters of a word of at most 8 letters up in a perfect hash
 * table), so the parser compares small integers; ASCII is classified by a
 * table and the two- and three-byte UTF-8 of Vietnamese is decoded inline;
 * the lexer is inlined into the token loop and lexes straight into the
 * token array, and a detail is only formatted on failure.  The server's
 * casts from text and varchar parse the text in place (deadline.c).
 */
#include "deadline_core.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define NG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define NG_INLINE inline __attribute__((always_inline))
#define NG_NOINLINE __attribute__((noinline))
#else
#define NG_PRINTF(a, b)
#define NG_INLINE inline
#define NG_NOINLINE
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
	if (y >= 0)
	{
		/* the years a deadline names: unsigned division is cheaper */
		unsigned	uy = (unsigned) y,
					uera = uy / 400,
					uyoe = uy - uera * 400,
					udoy = (153u * (unsigned) (m > 2 ? m - 3 : m + 9) + 2) / 5 + (unsigned) d - 1,
					udoe = uyoe * 365 + uyoe / 4 - uyoe / 100 + udoy;

		return (NgDay) ((long) uera * 146097 + (long) udoe - 719468 - NG_EPOCH_DAYS);
	}
	era = (y - 399) / 400;
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

/* BEGIN generated keyword table (words folded to ASCII) */
enum
{
	KW_NONE = 0,
	KW_ba,
	KW_ban,
	KW_bao,
	KW_bay,
	KW_before,
	KW_cac,
	KW_cao,
	KW_cham,
	KW_chu,
	KW_cong,
	KW_continuous,
	KW_cua,
	KW_cung,
	KW_cuoi,
	KW_dau,
	KW_de,
	KW_den,
	KW_di,
	KW_dinh,
	KW_do,
	KW_doan,
	KW_duoc,
	KW_g,
	KW_giai,
	KW_gian,
	KW_giao,
	KW_gio,
	KW_h,
	KW_hai,
	KW_half,
	KW_han,
	KW_hang,
	KW_hanh,
	KW_het,
	KW_hien,
	KW_hoac,
	KW_hoan,
	KW_huong,
	KW_i,
	KW_ii,
	KW_iii,
	KW_iv,
	KW_ke,
	KW_khai,
	KW_khi,
	KW_ky,
	KW_lam,
	KW_lan,
	KW_lien,
	KW_luc,
	KW_moi,
	KW_monthly,
	KW_mot,
	KW_nam,
	KW_nay,
	KW_ngay,
	KW_nhat,
	KW_nhiem,
	KW_nhin,
	KW_nhung,
	KW_nua,
	KW_phan,
	KW_phut,
	KW_q,
	KW_quarterly,
	KW_quy,
	KW_recurring,
	KW_sau,
	KW_t,
	KW_tac,
	KW_tam,
	KW_tat,
	KW_tet,
	KW_th,
	KW_thang,
	KW_thanh,
	KW_theo,
	KW_thoi,
	KW_thu,
	KW_thuc,
	KW_thuong,
	KW_tien,
	KW_tiep,
	KW_toi,
	KW_trien,
	KW_trinh,
	KW_tro,
	KW_trong,
	KW_truoc,
	KW_tu,
	KW_tuan,
	KW_tuc,
	KW_va,
	KW_vao,
	KW_viec,
	KW_vong,
	KW_vu,
	KW_weekly,
	KW_xong,
	KW_xuat,
	KW_xuyen,
	KW_yearly,
	KW_COUNT
};

/* the keyword id of the folded word w[0..len), or KW_NONE */
static int
kw_lookup(const char *w, int len)
{
	switch (len)
	{
		case 1:
			switch (w[0])
			{
				case 'g':
					return KW_g;
				case 'h':
					return KW_h;
				case 'i':
					return KW_i;
				case 'q':
					return KW_q;
				case 't':
					return KW_t;
			}
			return KW_NONE;
		case 2:
			switch (w[0])
			{
				case 'b':
					if (memcmp(w + 1, "a", 1) == 0)
						return KW_ba;
					return KW_NONE;
				case 'd':
					if (memcmp(w + 1, "e", 1) == 0)
						return KW_de;
					if (memcmp(w + 1, "i", 1) == 0)
						return KW_di;
					if (memcmp(w + 1, "o", 1) == 0)
						return KW_do;
					return KW_NONE;
				case 'i':
					if (memcmp(w + 1, "i", 1) == 0)
						return KW_ii;
					if (memcmp(w + 1, "v", 1) == 0)
						return KW_iv;
					return KW_NONE;
				case 'k':
					if (memcmp(w + 1, "e", 1) == 0)
						return KW_ke;
					if (memcmp(w + 1, "y", 1) == 0)
						return KW_ky;
					return KW_NONE;
				case 't':
					if (memcmp(w + 1, "h", 1) == 0)
						return KW_th;
					if (memcmp(w + 1, "u", 1) == 0)
						return KW_tu;
					return KW_NONE;
				case 'v':
					if (memcmp(w + 1, "a", 1) == 0)
						return KW_va;
					if (memcmp(w + 1, "u", 1) == 0)
						return KW_vu;
					return KW_NONE;
			}
			return KW_NONE;
		case 3:
			switch (w[0])
			{
				case 'b':
					if (memcmp(w + 1, "an", 2) == 0)
						return KW_ban;
					if (memcmp(w + 1, "ao", 2) == 0)
						return KW_bao;
					if (memcmp(w + 1, "ay", 2) == 0)
						return KW_bay;
					return KW_NONE;
				case 'c':
					if (memcmp(w + 1, "ac", 2) == 0)
						return KW_cac;
					if (memcmp(w + 1, "ao", 2) == 0)
						return KW_cao;
					if (memcmp(w + 1, "hu", 2) == 0)
						return KW_chu;
					if (memcmp(w + 1, "ua", 2) == 0)
						return KW_cua;
					return KW_NONE;
				case 'd':
					if (memcmp(w + 1, "au", 2) == 0)
						return KW_dau;
					if (memcmp(w + 1, "en", 2) == 0)
						return KW_den;
					return KW_NONE;
				case 'g':
					if (memcmp(w + 1, "io", 2) == 0)
						return KW_gio;
					return KW_NONE;
				case 'h':
					if (memcmp(w + 1, "ai", 2) == 0)
						return KW_hai;
					if (memcmp(w + 1, "an", 2) == 0)
						return KW_han;
					if (memcmp(w + 1, "et", 2) == 0)
						return KW_het;
					return KW_NONE;
				case 'i':
					if (memcmp(w + 1, "ii", 2) == 0)
						return KW_iii;
					return KW_NONE;
				case 'k':
					if (memcmp(w + 1, "hi", 2) == 0)
						return KW_khi;
					return KW_NONE;
				case 'l':
					if (memcmp(w + 1, "am", 2) == 0)
						return KW_lam;
					if (memcmp(w + 1, "an", 2) == 0)
						return KW_lan;
					if (memcmp(w + 1, "uc", 2) == 0)
						return KW_luc;
					return KW_NONE;
				case 'm':
					if (memcmp(w + 1, "oi", 2) == 0)
						return KW_moi;
					if (memcmp(w + 1, "ot", 2) == 0)
						return KW_mot;
					return KW_NONE;
				case 'n':
					if (memcmp(w + 1, "am", 2) == 0)
						return KW_nam;
					if (memcmp(w + 1, "ay", 2) == 0)
						return KW_nay;
					if (memcmp(w + 1, "ua", 2) == 0)
						return KW_nua;
					return KW_NONE;
				case 'q':
					if (memcmp(w + 1, "uy", 2) == 0)
						return KW_quy;
					return KW_NONE;
				case 's':
					if (memcmp(w + 1, "au", 2) == 0)
						return KW_sau;
					return KW_NONE;
				case 't':
					if (memcmp(w + 1, "ac", 2) == 0)
						return KW_tac;
					if (memcmp(w + 1, "am", 2) == 0)
						return KW_tam;
					if (memcmp(w + 1, "at", 2) == 0)
						return KW_tat;
					if (memcmp(w + 1, "et", 2) == 0)
						return KW_tet;
					if (memcmp(w + 1, "hu", 2) == 0)
						return KW_thu;
					if (memcmp(w + 1, "oi", 2) == 0)
						return KW_toi;
					if (memcmp(w + 1, "ro", 2) == 0)
						return KW_tro;
					if (memcmp(w + 1, "uc", 2) == 0)
						return KW_tuc;
					return KW_NONE;
				case 'v':
					if (memcmp(w + 1, "ao", 2) == 0)
						return KW_vao;
					return KW_NONE;
			}
			return KW_NONE;
		case 4:
			switch (w[0])
			{
				case 'c':
					if (memcmp(w + 1, "ham", 3) == 0)
						return KW_cham;
					if (memcmp(w + 1, "ong", 3) == 0)
						return KW_cong;
					if (memcmp(w + 1, "ung", 3) == 0)
						return KW_cung;
					if (memcmp(w + 1, "uoi", 3) == 0)
						return KW_cuoi;
					return KW_NONE;
				case 'd':
					if (memcmp(w + 1, "inh", 3) == 0)
						return KW_dinh;
					if (memcmp(w + 1, "oan", 3) == 0)
						return KW_doan;
					if (memcmp(w + 1, "uoc", 3) == 0)
						return KW_duoc;
					return KW_NONE;
				case 'g':
					if (memcmp(w + 1, "iai", 3) == 0)
						return KW_giai;
					if (memcmp(w + 1, "ian", 3) == 0)
						return KW_gian;
					if (memcmp(w + 1, "iao", 3) == 0)
						return KW_giao;
					return KW_NONE;
				case 'h':
					if (memcmp(w + 1, "alf", 3) == 0)
						return KW_half;
					if (memcmp(w + 1, "ang", 3) == 0)
						return KW_hang;
					if (memcmp(w + 1, "anh", 3) == 0)
						return KW_hanh;
					if (memcmp(w + 1, "ien", 3) == 0)
						return KW_hien;
					if (memcmp(w + 1, "oac", 3) == 0)
						return KW_hoac;
					if (memcmp(w + 1, "oan", 3) == 0)
						return KW_hoan;
					return KW_NONE;
				case 'k':
					if (memcmp(w + 1, "hai", 3) == 0)
						return KW_khai;
					return KW_NONE;
				case 'l':
					if (memcmp(w + 1, "ien", 3) == 0)
						return KW_lien;
					return KW_NONE;
				case 'n':
					if (memcmp(w + 1, "gay", 3) == 0)
						return KW_ngay;
					if (memcmp(w + 1, "hat", 3) == 0)
						return KW_nhat;
					if (memcmp(w + 1, "hin", 3) == 0)
						return KW_nhin;
					return KW_NONE;
				case 'p':
					if (memcmp(w + 1, "han", 3) == 0)
						return KW_phan;
					if (memcmp(w + 1, "hut", 3) == 0)
						return KW_phut;
					return KW_NONE;
				case 't':
					if (memcmp(w + 1, "heo", 3) == 0)
						return KW_theo;
					if (memcmp(w + 1, "hoi", 3) == 0)
						return KW_thoi;
					if (memcmp(w + 1, "huc", 3) == 0)
						return KW_thuc;
					if (memcmp(w + 1, "ien", 3) == 0)
						return KW_tien;
					if (memcmp(w + 1, "iep", 3) == 0)
						return KW_tiep;
					if (memcmp(w + 1, "uan", 3) == 0)
						return KW_tuan;
					return KW_NONE;
				case 'v':
					if (memcmp(w + 1, "iec", 3) == 0)
						return KW_viec;
					if (memcmp(w + 1, "ong", 3) == 0)
						return KW_vong;
					return KW_NONE;
				case 'x':
					if (memcmp(w + 1, "ong", 3) == 0)
						return KW_xong;
					if (memcmp(w + 1, "uat", 3) == 0)
						return KW_xuat;
					return KW_NONE;
			}
			return KW_NONE;
		case 5:
			switch (w[0])
			{
				case 'h':
					if (memcmp(w + 1, "uong", 4) == 0)
						return KW_huong;
					return KW_NONE;
				case 'n':
					if (memcmp(w + 1, "hiem", 4) == 0)
						return KW_nhiem;
					if (memcmp(w + 1, "hung", 4) == 0)
						return KW_nhung;
					return KW_NONE;
				case 't':
					if (memcmp(w + 1, "hang", 4) == 0)
						return KW_thang;
					if (memcmp(w + 1, "hanh", 4) == 0)
						return KW_thanh;
					if (memcmp(w + 1, "rien", 4) == 0)
						return KW_trien;
					if (memcmp(w + 1, "rinh", 4) == 0)
						return KW_trinh;
					if (memcmp(w + 1, "rong", 4) == 0)
						return KW_trong;
					if (memcmp(w + 1, "ruoc", 4) == 0)
						return KW_truoc;
					return KW_NONE;
				case 'x':
					if (memcmp(w + 1, "uyen", 4) == 0)
						return KW_xuyen;
					return KW_NONE;
			}
			return KW_NONE;
		case 6:
			switch (w[0])
			{
				case 'b':
					if (memcmp(w + 1, "efore", 5) == 0)
						return KW_before;
					return KW_NONE;
				case 't':
					if (memcmp(w + 1, "huong", 5) == 0)
						return KW_thuong;
					return KW_NONE;
				case 'w':
					if (memcmp(w + 1, "eekly", 5) == 0)
						return KW_weekly;
					return KW_NONE;
				case 'y':
					if (memcmp(w + 1, "early", 5) == 0)
						return KW_yearly;
					return KW_NONE;
			}
			return KW_NONE;
		case 7:
			switch (w[0])
			{
				case 'm':
					if (memcmp(w + 1, "onthly", 6) == 0)
						return KW_monthly;
					return KW_NONE;
			}
			return KW_NONE;
		case 9:
			switch (w[0])
			{
				case 'q':
					if (memcmp(w + 1, "uarterly", 8) == 0)
						return KW_quarterly;
					return KW_NONE;
				case 'r':
					if (memcmp(w + 1, "ecurring", 8) == 0)
						return KW_recurring;
					return KW_NONE;
			}
			return KW_NONE;
		case 10:
			switch (w[0])
			{
				case 'c':
					if (memcmp(w + 1, "ontinuous", 9) == 0)
						return KW_continuous;
					return KW_NONE;
			}
			return KW_NONE;
	}
	return KW_NONE;
}

/* the letters of a word of at most 8 letters packed little-endian */
#define KW_PACK(a, n) ((uint64_t) (a) << (8 * (n)))

/*
 * The keywords of at most 7 letters by a multiplicative hash of their
 * letters packed little-endian (KW_PACK): each slot holds the packed word
 * in its low 7 bytes and its keyword id in the top byte; the multiplier
 * puts every keyword in a slot of its own.  A word of 8 letters (top byte
 * set) or a word that is not a keyword never equals a slot's low 7 bytes.
 */
#define KW8_HASH_MUL	UINT64_C(0x24d519b2bb826f4d)
#define KW8_HASH_BITS	9
#define KW8_ENTRY(packed, kw) ((packed) | ((uint64_t) (kw) << 56))
#define KW8_WORD_MASK	UINT64_C(0x00FFFFFFFFFFFFFF)

static const uint64_t kw8_table[1 << KW8_HASH_BITS] = {
	[3] = KW8_ENTRY(UINT64_C(0x756874), KW_thu),	/* thu */
	[6] = KW8_ENTRY(UINT64_C(0x6961686b), KW_khai),	/* khai */
	[10] = KW8_ENTRY(UINT64_C(0x637574), KW_tuc),	/* tuc */
	[16] = KW8_ENTRY(UINT64_C(0x6e656974), KW_tien),	/* tien */
	[18] = KW8_ENTRY(UINT64_C(0x756173), KW_sau),	/* sau */
	[21] = KW8_ENTRY(UINT64_C(0x636f7564), KW_duoc),	/* duoc */
	[26] = KW8_ENTRY(UINT64_C(0x696969), KW_iii),	/* iii */
	[40] = KW8_ENTRY(UINT64_C(0x746174), KW_tat),	/* tat */
	[42] = KW8_ENTRY(UINT64_C(0x7574), KW_tu),	/* tu */
	[45] = KW8_ENTRY(UINT64_C(0x696f7563), KW_cuoi),	/* cuoi */
	[51] = KW8_ENTRY(UINT64_C(0x686e697274), KW_trinh),	/* trinh */
	[54] = KW8_ENTRY(UINT64_C(0x69), KW_i),	/* i */
	[60] = KW8_ENTRY(UINT64_C(0x796b), KW_ky),	/* ky */
	[63] = KW8_ENTRY(UINT64_C(0x7461686e), KW_nhat),	/* nhat */
	[64] = KW8_ENTRY(UINT64_C(0x63756874), KW_thuc),	/* thuc */
	[67] = KW8_ENTRY(UINT64_C(0x6f6163), KW_cao),	/* cao */
	[108] = KW8_ENTRY(UINT64_C(0x6e65697274), KW_trien),	/* trien */
	[111] = KW8_ENTRY(UINT64_C(0x63616f68), KW_hoac),	/* hoac */
	[113] = KW8_ENTRY(UINT64_C(0x6e616870), KW_phan),	/* phan */
	[115] = KW8_ENTRY(UINT64_C(0x6d616c), KW_lam),	/* lam */
	[123] = KW8_ENTRY(UINT64_C(0x676e616874), KW_thang),	/* thang */
	[127] = KW8_ENTRY(UINT64_C(0x696168), KW_hai),	/* hai */
	[132] = KW8_ENTRY(UINT64_C(0x71), KW_q),	/* q */
	[134] = KW8_ENTRY(UINT64_C(0x6874), KW_th),	/* th */
	[137] = KW8_ENTRY(UINT64_C(0x69616967), KW_giai),	/* giai */
	[149] = KW8_ENTRY(UINT64_C(0x6d6569686e), KW_nhiem),	/* nhiem */
	[156] = KW8_ENTRY(UINT64_C(0x6e656968), KW_hien),	/* hien */
	[165] = KW8_ENTRY(UINT64_C(0x6e616f64), KW_doan),	/* doan */
	[166] = KW8_ENTRY(UINT64_C(0x6e616c), KW_lan),	/* lan */
	[169] = KW8_ENTRY(UINT64_C(0x676e6f76), KW_vong),	/* vong */
	[170] = KW8_ENTRY(UINT64_C(0x7669), KW_iv),	/* iv */
	[174] = KW8_ENTRY(UINT64_C(0x636f757274), KW_truoc),	/* truoc */
	[184] = KW8_ENTRY(UINT64_C(0x686e6168), KW_hanh),	/* hanh */
	[187] = KW8_ENTRY(UINT64_C(0x6f6967), KW_gio),	/* gio */
	[189] = KW8_ENTRY(UINT64_C(0x7576), KW_vu),	/* vu */
	[190] = KW8_ENTRY(UINT64_C(0x636174), KW_tac),	/* tac */
	[191] = KW8_ENTRY(UINT64_C(0x617563), KW_cua),	/* cua */
	[192] = KW8_ENTRY(UINT64_C(0x6d6174), KW_tam),	/* tam */
	[196] = KW8_ENTRY(UINT64_C(0x74617578), KW_xuat),	/* xuat */
	[197] = KW8_ENTRY(UINT64_C(0x676e75686e), KW_nhung),	/* nhung */
	[209] = KW8_ENTRY(UINT64_C(0x746574), KW_tet),	/* tet */
	[214] = KW8_ENTRY(UINT64_C(0x74756870), KW_phut),	/* phut */
	[219] = KW8_ENTRY(UINT64_C(0x70656974), KW_tiep),	/* tiep */
	[227] = KW8_ENTRY(UINT64_C(0x686e6964), KW_dinh),	/* dinh */
	[234] = KW8_ENTRY(UINT64_C(0x6f616967), KW_giao),	/* giao */
	[236] = KW8_ENTRY(UINT64_C(0x6564), KW_de),	/* de */
	[240] = KW8_ENTRY(UINT64_C(0x656b), KW_ke),	/* ke */
	[258] = KW8_ENTRY(UINT64_C(0x6e6564), KW_den),	/* den */
	[259] = KW8_ENTRY(UINT64_C(0x69686b), KW_khi),	/* khi */
	[261] = KW8_ENTRY(UINT64_C(0x6969), KW_ii),	/* ii */
	[262] = KW8_ENTRY(UINT64_C(0x6d616e), KW_nam),	/* nam */
	[283] = KW8_ENTRY(UINT64_C(0x676e6f756874), KW_thuong),	/* thuong */
	[287] = KW8_ENTRY(UINT64_C(0x756863), KW_chu),	/* chu */
	[291] = KW8_ENTRY(UINT64_C(0x796c72616579), KW_yearly),	/* yearly */
	[302] = KW8_ENTRY(UINT64_C(0x676e7563), KW_cung),	/* cung */
	[305] = KW8_ENTRY(UINT64_C(0x676e6f63), KW_cong),	/* cong */
	[316] = KW8_ENTRY(UINT64_C(0x676e6f78), KW_xong),	/* xong */
	[317] = KW8_ENTRY(UINT64_C(0x6e617574), KW_tuan),	/* tuan */
	[318] = KW8_ENTRY(UINT64_C(0x696f6d), KW_moi),	/* moi */
	[322] = KW8_ENTRY(UINT64_C(0x696f74), KW_toi),	/* toi */
	[327] = KW8_ENTRY(UINT64_C(0x63656976), KW_viec),	/* viec */
	[334] = KW8_ENTRY(UINT64_C(0x6d616863), KW_cham),	/* cham */
	[339] = KW8_ENTRY(UINT64_C(0x676e6168), KW_hang),	/* hang */
	[349] = KW8_ENTRY(UINT64_C(0x746568), KW_het),	/* het */
	[353] = KW8_ENTRY(UINT64_C(0x74), KW_t),	/* t */
	[364] = KW8_ENTRY(UINT64_C(0x696f6874), KW_thoi),	/* thoi */
	[367] = KW8_ENTRY(UINT64_C(0x79616e), KW_nay),	/* nay */
	[369] = KW8_ENTRY(UINT64_C(0x6176), KW_va),	/* va */
	[371] = KW8_ENTRY(UINT64_C(0x746f6d), KW_mot),	/* mot */
	[373] = KW8_ENTRY(UINT64_C(0x6f7274), KW_tro),	/* tro */
	[377] = KW8_ENTRY(UINT64_C(0x6e69686e), KW_nhin),	/* nhin */
	[379] = KW8_ENTRY(UINT64_C(0x676e6f7568), KW_huong),	/* huong */
	[384] = KW8_ENTRY(UINT64_C(0x6e6168), KW_han),	/* han */
	[389] = KW8_ENTRY(UINT64_C(0x6e616967), KW_gian),	/* gian */
	[390] = KW8_ENTRY(UINT64_C(0x666c6168), KW_half),	/* half */
	[400] = KW8_ENTRY(UINT64_C(0x7961676e), KW_ngay),	/* ngay */
	[402] = KW8_ENTRY(UINT64_C(0x6f64), KW_do),	/* do */
	[405] = KW8_ENTRY(UINT64_C(0x6964), KW_di),	/* di */
	[407] = KW8_ENTRY(UINT64_C(0x796c6b656577), KW_weekly),	/* weekly */
	[408] = KW8_ENTRY(UINT64_C(0x797571), KW_quy),	/* quy */
	[419] = KW8_ENTRY(UINT64_C(0x67), KW_g),	/* g */
	[432] = KW8_ENTRY(UINT64_C(0x6162), KW_ba),	/* ba */
	[442] = KW8_ENTRY(UINT64_C(0x6f6176), KW_vao),	/* vao */
	[445] = KW8_ENTRY(UINT64_C(0x63756c), KW_luc),	/* luc */
	[446] = KW8_ENTRY(UINT64_C(0x65726f666562), KW_before),	/* before */
	[449] = KW8_ENTRY(UINT64_C(0x756164), KW_dau),	/* dau */
	[451] = KW8_ENTRY(UINT64_C(0x6e65696c), KW_lien),	/* lien */
	[454] = KW8_ENTRY(UINT64_C(0x6e6162), KW_ban),	/* ban */
	[456] = KW8_ENTRY(UINT64_C(0x6e65797578), KW_xuyen),	/* xuyen */
	[459] = KW8_ENTRY(UINT64_C(0x6f656874), KW_theo),	/* theo */
	[460] = KW8_ENTRY(UINT64_C(0x6e616f68), KW_hoan),	/* hoan */
	[471] = KW8_ENTRY(UINT64_C(0x796c68746e6f6d), KW_monthly),	/* monthly */
	[474] = KW8_ENTRY(UINT64_C(0x636163), KW_cac),	/* cac */
	[490] = KW8_ENTRY(UINT64_C(0x61756e), KW_nua),	/* nua */
	[493] = KW8_ENTRY(UINT64_C(0x68), KW_h),	/* h */
	[497] = KW8_ENTRY(UINT64_C(0x676e6f7274), KW_trong),	/* trong */
	[498] = KW8_ENTRY(UINT64_C(0x686e616874), KW_thanh),	/* thanh */
	[505] = KW8_ENTRY(UINT64_C(0x6f6162), KW_bao),	/* bao */
	[507] = KW8_ENTRY(UINT64_C(0x796162), KW_bay),	/* bay */
};

/* the keyword id of a word of at most 8 letters, given packed */
static inline int
kw_lookup8(uint64_t packed)
{
	uint64_t	e = kw8_table[(packed * KW8_HASH_MUL) >> (64 - KW8_HASH_BITS)];

	return (e & KW8_WORD_MASK) == packed && e != 0 ? (int) (e >> 56) : KW_NONE;
}
/* END generated keyword table */

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

#define WORD_MAX 15			/* longer words are no keyword */

typedef struct Tok
{
	uint32_t	off;			/* byte offsets in the input */
	uint32_t	end;
	uint8_t		type;
	uint8_t		flags;
	uint8_t		ndig;			/* digits in a number, saturating */
	uint8_t		kw;				/* keyword id of a word (KW_*), or KW_NONE */
	uint8_t		wlen;			/* letters in a word, saturating */
	bool		roman;			/* a word of at most 6 letters of ivxlcdm */
	char		p;				/* the mark, for T_PUNCT */
	int32_t		num;			/* value of a number, saturating */
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

/*
 * utf8_at, inline for the two-byte sequences (Latin letters, combining
 * marks) and the three-byte ones of U+1000..U+1FFF (the Vietnamese letters
 * with tone marks) that Vietnamese text is made of
 */
static inline uint32_t
utf8_fast(const unsigned char *s, size_t len, size_t pos, size_t *adv)
{
	unsigned	c = s[pos];

	if (c >= 0xC2 && c <= 0xDF && pos + 1 < len && (s[pos + 1] & 0xC0) == 0x80)
	{
		*adv = 2;
		return ((uint32_t) (c & 0x1F) << 6) | (s[pos + 1] & 0x3F);
	}
	if (c == 0xE1 && pos + 2 < len && (s[pos + 1] & 0xC0) == 0x80 &&
		(s[pos + 2] & 0xC0) == 0x80)
	{
		*adv = 3;
		return 0x1000 | ((uint32_t) (s[pos + 1] & 0x3F) << 6) | (s[pos + 2] & 0x3F);
	}
	return utf8_at(s, len, pos, adv);
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
static inline int
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

/*
 * ASCII bytes by class: a folded letter, or one of the classes below.
 * The lexer's hot loops read this table instead of decoding UTF-8.
 */
#define AC_OTHER	0			/* punctuation and controls */
#define AC_SPACE	1
#define AC_BREAK	2			/* tab, line break */
#define AC_DIGIT	3
#define AC_LT		4			/* '<': perhaps a tag */
#define AC_HIGH		5			/* a UTF-8 lead or continuation byte */

static const unsigned char ascii_class[256] = {
	/* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, AC_BREAK, AC_BREAK, AC_BREAK, AC_BREAK, AC_BREAK, 0, 0,
	/* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x20 */ AC_SPACE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x30 */ AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT,
	AC_DIGIT, AC_DIGIT, 0, 0, AC_LT, 0, 0, 0,
	/* 0x40 */ 0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	/* 0x50 */ 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
	/* 0x60 */ 0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	/* 0x70 */ 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
	/* 0x80.. */
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
	AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH, AC_HIGH,
};

/* the letters of Roman numerals, as bits from 'a' */
#define ROMAN_LETTERS ((1u << ('i' - 'a')) | (1u << ('v' - 'a')) | (1u << ('x' - 'a')) | \
					   (1u << ('l' - 'a')) | (1u << ('c' - 'a')) | (1u << ('d' - 'a')) | \
					   (1u << ('m' - 'a')))

/*
 * the keyword id of a word of 9 to WORD_MAX letters, given its letters
 * packed 8 to a uint64 (out of the lexer's loop: no array on its stack)
 */
static NG_NOINLINE int
kw_lookup_long(uint64_t lo, uint64_t hi, unsigned wl)
{
	char		w[WORD_MAX + 1];
	unsigned	k;

	for (k = 0; k < wl; k++)
		w[k] = (char) ((k < 8 ? lo >> (8 * k) : hi >> (8 * (k - 8))) & 0xFF);
	return kw_lookup(w, (int) wl);
}

/* inlined into the callers' token loops: one call per text, not per token */
static NG_INLINE void
lex_next(Lexer *lx, Tok *t)
{
	const unsigned char *s = lx->s;
	size_t		len = lx->len;
	size_t		pos = lx->pos;

	for (;;)
	{
		size_t		adv;
		uint32_t	cp;
		int			f,
					sk,
					c;

		if (pos >= len)
		{
			lx->pos = pos;
			t->type = T_END;
			t->off = t->end = (uint32_t) len;
			t->flags = lx->flags | F_SP | F_BRK;
			t->ndig = t->wlen = t->kw = 0;
			t->roman = false;
			t->num = 0;
			t->p = 0;
			return;
		}
		c = ascii_class[s[pos]];
		if (c == AC_SPACE || c == AC_BREAK)
		{
			lx->flags |= (c == AC_SPACE) ? F_SP : (F_SP | F_BRK);
			pos++;
			continue;
		}
		if (c == AC_LT)
		{
			size_t		ml = markup_len(s, len, pos);

			if (ml > 0)
			{
				pos += ml;
				lx->flags |= F_SP | F_BRK;
				continue;
			}
		}
		if (c == AC_HIGH)
		{
			cp = utf8_fast(s, len, pos, &adv);
			sk = space_kind(cp);
			if (sk)
			{
				lx->flags |= (uint8_t) sk;
				pos += adv;
				continue;
			}
			if (is_superscript(cp))
			{
				pos += adv;
				continue;
			}
			f = fold_cp(cp);
			if (f == FOLD_COMB)
			{
				/* a stray combining mark: drop it */
				pos += adv;
				continue;
			}
		}
		else
		{
			cp = s[pos];
			adv = 1;
			f = c >= 'a' ? c : FOLD_NONE;
		}

		t->off = (uint32_t) pos;
		t->flags = lx->flags;
		t->ndig = t->wlen = t->kw = 0;
		t->roman = false;
		t->num = 0;
		t->p = 0;
		lx->flags = 0;

		if (c == AC_DIGIT)
		{
			int32_t		num = 0;
			unsigned	nd = 0;

			t->type = T_NUM;
			while (pos < len && s[pos] >= '0' && s[pos] <= '9')
			{
				if (num < 100000000)
					num = num * 10 + (s[pos] - '0');
				nd++;
				pos++;
			}
			t->num = num;
			t->ndig = (uint8_t) (nd > 255 ? 255 : nd);
			t->end = (uint32_t) pos;
			lx->pos = pos;
			return;
		}
		if (f != FOLD_NONE)
		{
			unsigned	wl = 0;
			uint64_t	packed = 0,
						packed_hi = 0;
			uint32_t	letters = 0;	/* the letters seen, as bits from 'a' */

/* append folded letter l to the word */
#define WORD_ADD(l) \
	do { \
		if (wl < 8) \
			packed |= KW_PACK(l, wl); \
		else if (wl < WORD_MAX) \
			packed_hi |= KW_PACK(l, wl - 8); \
		letters |= UINT32_C(1) << ((l) - 'a'); \
		wl++; \
	} while (0)

			t->type = T_WORD;
			for (;;)
			{
				if (f != FOLD_COMB)
					WORD_ADD(f);
				pos += adv;
				/* ASCII letters, the most of a word: table lookups only */
				while (pos < len && (c = ascii_class[s[pos]]) >= 'a')
				{
					WORD_ADD(c);
					pos++;
				}
				if (pos >= len || c != AC_HIGH)
					break;
				cp = utf8_fast(s, len, pos, &adv);
				f = fold_cp(cp);
				if (f == FOLD_NONE)
					break;
			}
#undef WORD_ADD
			t->wlen = (uint8_t) (wl > 255 ? 255 : wl);
			t->roman = (letters & ~ROMAN_LETTERS) == 0 && wl <= 6;
			t->kw = (uint8_t) (wl <= 8 ? kw_lookup8(packed) :
							   wl <= WORD_MAX ? kw_lookup_long(packed, packed_hi, wl) : KW_NONE);
			t->end = (uint32_t) pos;
			lx->pos = pos;
			return;
		}
		t->type = T_PUNCT;
		/* punct_of for ASCII, inline */
		t->p = cp < 0x80 ? (cp > 0x20 && cp < 0x7F ? (char) cp : 1) : punct_of(cp);
		pos += adv;
		t->end = (uint32_t) pos;
		lx->pos = pos;
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
	bool		generic;		/* the detail is "no deadline form recognised" */
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
	int			sub;			/* of a month: the first sub days (> 0), the
								 * last -sub days (< 0), or all (0) */
} Pt;

typedef struct Parsed
{
	bool		recurring;
	int			rec;
	bool		soft;
	bool		before;
	bool		timed;			/* a time of day was given */
	bool		range;
	bool		open;			/* "từ A" followed by "trở đi" / "và các … tiếp
								 * theo": no end (the caller decides) */
	Pt			a;
	Pt			b;
} Parsed;

static inline const Tok *
TK(const P *p, int i)
{
	/* one unsigned comparison for both bounds */
	if ((unsigned) i >= (unsigned) p->n)
		return &p->endt;
	return &p->t[i];
}

static inline bool
isw(const P *p, int i, int kw)
{
	return TK(p, i)->kw == kw;
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

	if (p->err)
		return;
	p->generic = true;
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
	if ((sep_at(p, j) || isw(p, j, KW_nam)) && isnum(p, j + 1))
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
	if (isw(p, i + 1, KW_thang) && isnum(p, i + 2) && TK(p, i + 2)->ndig <= 2)
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
		if ((isw(p, i + 2, KW_q) || isw(p, i + 2, KW_h)) && isnum(p, i + 3) &&
			!spaced(p, i + 3))
		{
			int			v = TK(p, i + 3)->num;

			if (isw(p, i + 2, KW_q))
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
	static const uint8_t roman[] = {KW_i, KW_ii, KW_iii, KW_iv};
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
	if (t->roman)
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

	if (isw(p, j, KW_den) || isw(p, j, KW_toi))
	{
		j++;
		if (isw(p, j, KW_het))
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
	if (isw(p, i, KW_ngay) && isnum(p, i + 1))
	{
		if (TK(p, i + 1)->ndig == 4)
		{
			j = p_iso(p, i + 1, a);
			return (j >= 0 && a->k == PK_DATE) ? j : -1;
		}
		return p_dmy(p, i + 1, a, false);
	}

	/* tháng M[-M2] [/YYYY | năm YYYY]; T10/2025, Th10/2025 */
	if ((isw(p, i, KW_thang) ||
		 ((isw(p, i, KW_t) || isw(p, i, KW_th)) && !spaced(p, i + 1))) &&
		isnum(p, i + 1) && TK(p, i + 1)->ndig <= 2)
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
	if (isw(p, i, KW_quy) || (isw(p, i, KW_q) && isnum(p, i + 1) && !spaced(p, i + 1)))
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

	/*
	 * tuần đầu|cuối [tiên|cùng] [của] tháng M…: the first or last 7 days;
	 * N ngày đầu|cuối [của] tháng M…: the first or last N days (N <= 28)
	 */
	if ((isw(p, i, KW_tuan) || (isnum(p, i) && TK(p, i)->ndig <= 2 &&
								  isw(p, i + 1, KW_ngay))) &&
		(isw(p, i + 1 + isnum(p, i), KW_dau) || isw(p, i + 1 + isnum(p, i), KW_cuoi)))
	{
		int			k = i + 1 + isnum(p, i);
		int			nd = isnum(p, i) ? TK(p, i)->num : 7;
		bool		first = isw(p, k, KW_dau);
		Pt			dummy;
		bool		r2;

		k++;
		if (isw(p, k, first ? KW_tien : KW_cung))
			k++;
		if (isw(p, k, KW_cua))
			k++;
		if (!isw(p, k, KW_thang))
			return -1;
		if (nd < 1 || nd > 28)
		{
			fail(p, "%d days is not a part of a month (1 to 28 days are)", nd);
			return -1;
		}
		j = p_point(p, k, a, &dummy, &r2);
		if (j < 0 || r2 || a->k != PK_MONTH)
			return -1;
		a->sub = first ? nd : -nd;
		return j;
	}

	/* 6 tháng đầu/cuối năm [YYYY], nửa đầu/cuối năm [YYYY] */
	if ((isnum(p, i) && isw(p, i + 1, KW_thang) &&
		 (isw(p, i + 2, KW_dau) || isw(p, i + 2, KW_cuoi)) && isw(p, i + 3, KW_nam)) ||
		(isw(p, i, KW_nua) && (isw(p, i + 1, KW_dau) || isw(p, i + 1, KW_cuoi)) &&
		 isw(p, i + 2, KW_nam)))
	{
		int			k = isnum(p, i) ? i + 2 : i + 1;

		if (isnum(p, i) && TK(p, i)->num != 6)
		{
			fail(p, "only \"6 tháng đầu năm\" and \"6 tháng cuối năm\" name a half year, not %d months",
				 TK(p, i)->num);
			return -1;
		}
		a->k = PK_HALF;
		a->m = isw(p, k, KW_dau) ? 1 : 2;
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
	if (isw(p, i, KW_nam))
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
	if (isw(p, i, KW_giai) && isw(p, i + 1, KW_doan))
	{
		Pt			dummy;
		bool		r2;

		j = i + 2;
		if (isw(p, j, KW_tu))
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
	static const uint8_t names[] = {KW_hai, KW_ba, KW_tu, KW_nam, KW_sau, KW_bay};
	int			k;

	if (isw(p, i, KW_chu) && isw(p, i + 1, KW_nhat))
		return 2;
	if (!isw(p, i, KW_thu))
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

	if (isw(p, j, KW_hang) || isw(p, j, KW_moi))
		j++;
	if (isw(p, j, KW_tuan))
		*rec = NG_REC_WEEKLY;
	else if (isw(p, j, KW_thang))
		*rec = NG_REC_MONTHLY;
	else if (isw(p, j, KW_quy))
		*rec = NG_REC_QUARTERLY;
	else if (isw(p, j, KW_nam))
		*rec = NG_REC_YEARLY;
	else if (isw(p, j, KW_ngay))
		*rec = NG_REC_CONTINUOUS;
	else if (isw(p, j, KW_nua) && isw(p, j + 1, KW_nam))
	{
		*rec = NG_REC_HALFYEARLY;
		j++;
	}
	else if (isnum(p, j) && isw(p, j + 1, KW_thang))
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
	if (isw(p, j, KW_mot) && isw(p, j + 1, KW_lan))
		j += 2;
	return j - i;
}

/* a recurrence at i: next index, -1 failed hard, 0 not one */
static int
p_recurring(P *p, int i, int *rec)
{
	int			k;

	if (isw(p, i, KW_thuong) && isw(p, i + 1, KW_xuyen))
	{
		int			j = i + 2;

		if ((ispc(p, j, ',') || isw(p, j, KW_va)) && isw(p, j + 1, KW_lien) &&
			isw(p, j + 2, KW_tuc))
			j += 3;
		else if (isw(p, j, KW_lien) && isw(p, j + 1, KW_tuc))
			j += 2;
		*rec = NG_REC_CONTINUOUS;
		return j;
	}
	if (isw(p, i, KW_lien) && isw(p, i + 1, KW_tuc))
	{
		*rec = NG_REC_CONTINUOUS;
		return i + 2;
	}
	if (isw(p, i, KW_dinh) && isw(p, i + 1, KW_ky))
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
	if ((isw(p, i, KW_hang) || isw(p, i, KW_moi)) || (isnum(p, i) && isw(p, i + 1, KW_thang) && isw(p, i + 2, KW_mot) && isw(p, i + 3, KW_lan)) ||
		(isw(p, i, KW_nua) && isw(p, i + 1, KW_nam) && isw(p, i + 2, KW_mot)))
	{
		k = period_at(p, i, rec);
		if (k <= 0)
			return k;
		/* "hằng tuần vào thứ Sáu" */
		if (*rec == NG_REC_WEEKLY)
		{
			int			j = i + k;

			if (isw(p, j, KW_vao))
				j++;
			if (isw(p, j, KW_ngay))
				j++;
			if (weekday_at(p, j))
				return j + weekday_at(p, j);
		}
		return i + k;
	}
	/* the English of the iso style */
	if (isw(p, i, KW_recurring) || isw(p, i, KW_continuous) ||
		isw(p, i, KW_weekly) || isw(p, i, KW_monthly) ||
		isw(p, i, KW_quarterly) || isw(p, i, KW_yearly) || isw(p, i, KW_half))
	{
		int			j = i;

		if (isw(p, j, KW_recurring))
			j++;
		*rec = NG_REC_CONTINUOUS;
		if (isw(p, j, KW_continuous))
			j++;
		else if (isw(p, j, KW_weekly))
			*rec = NG_REC_WEEKLY, j++;
		else if (isw(p, j, KW_monthly))
			*rec = NG_REC_MONTHLY, j++;
		else if (isw(p, j, KW_quarterly))
			*rec = NG_REC_QUARTERLY, j++;
		else if (isw(p, j, KW_yearly))
			*rec = NG_REC_YEARLY, j++;
		else if (isw(p, j, KW_half) && ispc(p, j + 1, '-') && isw(p, j + 2, KW_yearly))
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
		if (isw(p, i, KW_phan) && isw(p, i + 1, KW_dau))
		{
			x->soft = true;
			i += 2;
		}
		else if ((isw(p, i, KW_hoan) && isw(p, i + 1, KW_thanh)) ||
				 (isw(p, i, KW_thoi) && (isw(p, i + 1, KW_han) || isw(p, i + 1, KW_gian))) ||
				 (isw(p, i, KW_thuc) && isw(p, i + 1, KW_hien)) ||
				 (isw(p, i, KW_ban) && isw(p, i + 1, KW_hanh)) ||
				 (isw(p, i, KW_duoc) && isw(p, i + 1, KW_giao)) ||
				 (isw(p, i, KW_de) && isw(p, i + 1, KW_xuat)) ||
				 (isw(p, i, KW_nhiem) && isw(p, i + 1, KW_vu)) ||
				 (isw(p, i, KW_trong) && isw(p, i + 1, KW_tam)) ||
				 (isw(p, i, KW_cham) && isw(p, i + 1, KW_nhat)))
			i += 2;
		else if (isw(p, i, KW_tu) && isw(p, i + 1, KW_nay) &&
				 (isw(p, i + 2, KW_den) || isw(p, i + 2, KW_toi)))
			i += 3;
		else if (isw(p, i, KW_han) || isw(p, i, KW_trong) || isw(p, i, KW_vao) ||
				 isw(p, i, KW_toi) || isw(p, i, KW_het))
			i++;
		else if (isw(p, i, KW_ngay) && !isnum(p, i + 1) && !weekday_at(p, i + 1))
			i++;
		else if (isw(p, i, KW_truoc) || isw(p, i, KW_before))
		{
			x->before = true;
			i++;
		}
		else if (isw(p, i, KW_den))
			i += isw(p, i + 1, KW_het) ? 2 : 1;
		else if (isw(p, i, KW_cuoi))
			i++;
		else if (isw(p, i, KW_dau))
		{
			begin = true;
			i++;
		}
		else if (isw(p, i, KW_tu))
		{
			from = true;
			i++;
		}
		else
			break;
	}

	/* a time of day: 18h00, 18h, 18 giờ 00 phút, 18:00 */
	if (isnum(p, i) && TK(p, i)->ndig <= 2 &&
		((isw(p, i + 1, KW_h) || isw(p, i + 1, KW_g)) && !spaced(p, i + 1)))
	{
		j = i + 2;
		if (isnum(p, j) && !spaced(p, j) && TK(p, j)->ndig <= 2)
			j++;
		x->timed = true;
		i = j;
	}
	else if (isnum(p, i) && TK(p, i)->ndig <= 2 && isw(p, i + 1, KW_gio))
	{
		j = i + 2;
		if (isnum(p, j) && TK(p, j)->ndig <= 2)
			j++;
		if (isw(p, j, KW_phut))
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
	if (isw(p, j, KW_ngay))
		j++;
	if (weekday_at(p, j))
	{
		j += weekday_at(p, j);
		if ((isw(p, j, KW_hang) || isw(p, j, KW_moi)) && isw(p, j + 1, KW_tuan))
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

			if (isw(p, k, KW_nhiem) && isw(p, k + 1, KW_vu))
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
		if (from && ((isw(p, j, KW_tro) && isw(p, j + 1, KW_di)) ||
					 (isw(p, j, KW_va) && (isw(p, j + 1, KW_cac) ||
										   isw(p, j + 1, KW_nhung)))))
			x->open = true;		/* "từ năm 2025 trở đi": see the caller */
		else if (from)
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
		else if (ispc(p, j, '-') || isw(p, j, KW_den) || isw(p, j, KW_toi))
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
			if (pt->sub != 0)
			{
				int			dim = days_in_month(y, pt->m);

				*start = ng_days_from_civil(y, pt->m, pt->sub > 0 ? 1 : dim + pt->sub + 1);
				*due = ng_days_from_civil(y, pt->m, pt->sub > 0 ? pt->sub : dim);
				return true;
			}
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
		else if (x->a.sub != 0)		/* part of a month: a range */
			*out = ng_pack(NG_KIND_RANGE, da, true, sa, x->soft, NG_REC_NONE);
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
 * Whole texts (the input function only; the extractor reads parse_expr
 * alone): bullets and enumerators, task words before a cue, a day spec
 * around a recurrence, periods joined by "và" or a comma, an open end
 * ("trở đi", "và các năm tiếp theo"), an orientation ("định hướng",
 * "tầm nhìn") and a trailing remark in brackets.
 * ------------------------------------------------------------------------
 */

/* at most this many words before a cue ("Tổ chức thực hiện trong …") */
#define LEAD_WORDS	8

/* a period word (tuần, tháng, quý, năm) as the recurrence it names, or 0 */
static int
rec_of_word(const P *p, int i)
{
	switch (TK(p, i)->kw)
	{
		case KW_tuan:
			return NG_REC_WEEKLY;
		case KW_thang:
			return NG_REC_MONTHLY;
		case KW_quy:
			return NG_REC_QUARTERLY;
		case KW_nam:
			return NG_REC_YEARLY;
		default:
			return 0;
	}
}

/* the recurrence "A trở đi" implies: A's own period */
static int
rec_of_point(const Pt *a)
{
	switch (a->k)
	{
		case PK_MONTH:
			return a->sub ? NG_REC_CONTINUOUS : NG_REC_MONTHLY;
		case PK_QUARTER:
			return NG_REC_QUARTERLY;
		case PK_HALF:
			return NG_REC_HALFYEARLY;
		case PK_YEAR:
			return NG_REC_YEARLY;
		default:
			return NG_REC_CONTINUOUS;
	}
}

/*
 * "trở đi" | "và các|những <period> tiếp theo|kế tiếp|sau|tiếp": an open
 * end, read as the recurrence; tokens used, or 0
 */
static int
ongoing_at(const P *p, int j, const Pt *a, int *rec)
{
	int			k;

	if (isw(p, j, KW_tro) && isw(p, j + 1, KW_di))
	{
		*rec = rec_of_point(a);
		return 2;
	}
	if (!isw(p, j, KW_va) || !(isw(p, j + 1, KW_cac) || isw(p, j + 1, KW_nhung)))
		return 0;
	k = j + 2;
	if (!rec_of_word(p, k))
		return 0;
	*rec = rec_of_word(p, k);
	k++;
	if ((isw(p, k, KW_tiep) && isw(p, k + 1, KW_theo)) ||
		(isw(p, k, KW_ke) && isw(p, k + 1, KW_tiep)))
		k += 2;
	else if (isw(p, k, KW_sau) || isw(p, k, KW_tiep))
		k++;
	else
		return 0;
	return k - j;
}

/* a recurrence at i, tried without writing a detail: next index or 0 */
static int
try_recurring(P *p, int i, int *rec)
{
	char	   *dsave = p->detail;
	bool		esave = p->err;
	int			k;

	p->detail = NULL;
	k = p_recurring(p, i, rec);
	p->detail = dsave;
	p->err = esave;
	return k > 0 ? k : 0;
}

/* a point at i, tried without writing a detail: next index or -1 */
static int
try_point(P *p, int i, Pt *a, Pt *b, bool *rng)
{
	char	   *dsave = p->detail;
	bool		esave = p->err;
	int			k;

	p->detail = NULL;
	k = p_point(p, i, a, b, rng);
	p->detail = dsave;
	p->err = esave;
	return k;
}

/*
 * A day spec and then a recurrence marker: "ngày 10 hằng tháng", "quý I
 * hằng năm", "trước ngày 20/12 hằng năm".  The index of the marker, at most
 * 12 tokens after i with no year, bracket or second marker between; or -1.
 */
static int
rec_marker_after(P *p, int i, int *rec)
{
	int			k;

	for (k = i; k < i + 12 && k < p->n; k++)
	{
		const Tok  *t = TK(p, k);

		if ((t->type == T_NUM && t->ndig >= 4) || ispc(p, k, '(') || ispc(p, k, '['))
			return -1;
		if ((isw(p, k, KW_hang) || isw(p, k, KW_moi) ||
			 (isw(p, k, KW_dinh) && isw(p, k + 1, KW_ky))) &&
			try_recurring(p, k, rec) > 0)
			return k;
	}
	return -1;
}

/* a word that starts the day spec after a recurrence */
static bool
day_lead(const P *p, int k)
{
	switch (TK(p, k)->kw)
	{
		case KW_truoc:
		case KW_vao:
		case KW_cham:
		case KW_trong:
		case KW_den:
		case KW_han:
		case KW_ngay:
		case KW_luc:
		case KW_thu:
		case KW_chu:
		case KW_tu:
		case KW_cuoi:
		case KW_dau:
			return true;
		default:
			return isnum(p, k) && TK(p, k)->ndig <= 2;
	}
}

/*
 * After a recurrence: more recurrences (", hằng năm", "và hằng quý", ",
 * quý") keep the most frequent; a day spec (", trước ngày 25", "vào ngày
 * 15 của tháng cuối quý", "trước 16h thứ Năm") is dropped, the packed value
 * having no room for it, as long as it names no year.
 */
static int
rec_tail(P *p, int j, Parsed *x)
{
	int			guard;

	for (guard = 0; guard < 8; guard++)
	{
		int			k = j,
					e,
					r2 = 0;

		while (ispc(p, k, ',') || ispc(p, k, ';') || ispc(p, k, ':') ||
			   ispc(p, k, '-') || isw(p, k, KW_va) || isw(p, k, KW_hoac))
			k++;
		if ((e = try_recurring(p, k, &r2)) > 0 ||
			(k > j && (r2 = rec_of_word(p, k)) != 0 &&
			 (at_tail(p, k + 1) || isw(p, k + 1, KW_va) || ispc(p, k + 1, ',') ||
			  ispc(p, k + 1, '('))))
		{
			if (e <= 0)
				e = k + 1;
			if (r2 < x->rec)
				x->rec = r2;
			j = e;
			continue;
		}
		if (day_lead(p, k))
		{
			for (e = k; TK(p, e)->type != T_END && !ispc(p, e, '(') && !ispc(p, e, '['); e++)
				if (isnum(p, e) && TK(p, e)->ndig >= 4)
					return j;
			return e;
		}
		break;
	}
	return j;
}

/*
 * A month or quarter written bare after "và" or a comma: "tháng 10, 11 năm
 * 2025", "quý III, IV/2025".  Next index or -1.
 */
static int
p_bare(P *p, int k, int kind, Pt *a)
{
	int			q,
				y,
				e;

	memset(a, 0, sizeof(*a));
	if (kind == PK_MONTH && isnum(p, k) && TK(p, k)->ndig <= 2)
	{
		if (TK(p, k)->num < 1 || TK(p, k)->num > 12)
			return -1;
		e = opt_year(p, k + 1, &y);
		if (e < 0)
			return -1;
		a->k = PK_MONTH;
		a->m = TK(p, k)->num;
		a->y = y;
		return e;
	}
	if (kind == PK_QUARTER && quarter_at(p, k, &q) > 0)
	{
		e = opt_year(p, k + 1, &y);
		if (e < 0)
			return -1;
		a->k = PK_QUARTER;
		a->m = q;
		a->y = y;
		return e;
	}
	return -1;
}

/*
 * Periods joined by "và" or a comma ("tháng 10 và tháng 11/2025", "năm
 * 2025, 2026", "quý IV/2025 và năm 2026"): a range from the first one's
 * start to the last one's end, whatever their kinds.
 */
static int
join_tail(P *p, int j, Parsed *x)
{
	int			guard;

	for (guard = 0; guard < 12; guard++)
	{
		int			k = j,
					e;
		Pt			a2,
					b2;
		bool		r2 = false;

		if (ispc(p, k, ','))
		{
			k++;
			if (isw(p, k, KW_va))
				k++;
		}
		else if (isw(p, k, KW_va))
			k++;
		else
			break;
		if (rec_of_word(p, k) || isw(p, k, KW_ngay))
		{
			/* "và tháng 13/2025": a period is named, say what is wrong */
			e = p_point(p, k, &a2, &b2, &r2);
			if (e < 0 && p->err)
				return -1;
		}
		else
			e = try_point(p, k, &a2, &b2, &r2);
		if (e < 0)
		{
			char	   *dsave = p->detail;

			p->detail = NULL;
			r2 = false;
			e = p_bare(p, k, x->range ? x->b.k : x->a.k, &a2);
			p->detail = dsave;
			p->err = false;
		}
		if (e < 0)
			break;
		x->b = r2 ? b2 : a2;
		x->range = true;
		j = e;
	}
	return j;
}

/* index after the bracket that closes the one at i, or -1 */
static int
remark_end(const P *p, int i)
{
	char		close = ispc(p, i, '(') ? ')' : ']';
	int			k;

	for (k = i + 1; k < p->n; k++)
	{
		if (ispc(p, k, close))
			return k + 1;
		if (ispc(p, k, '(') || ispc(p, k, '['))
			return -1;
	}
	return -1;
}

/*
 * Does [i, e) name a date?  2 with a year, 1 without, 0 none.  Document
 * numbers ("số 01/2025/NQ-CP", "8434/VPCP-KSTT") are not dates.
 */
static int
remark_dates(P *p, int i, int e)
{
	int			k,
				found = 0;

	for (k = i; k < e; k++)
	{
		Pt			a,
					b;
		bool		r;
		int			j;

		if (TK(p, k)->type == T_PUNCT || (TK(p, k)->type == T_WORD && !TK(p, k)->kw))
			continue;
		if (k > i && (ispc(p, k - 1, '/') || ispc(p, k - 1, '-')) && !spaced(p, k))
			continue;
		j = try_point(p, k, &a, &b, &r);
		if (j <= k || j > e)
			continue;
		if ((ispc(p, j, '/') || ispc(p, j, '-')) && TK(p, j + 1)->type == T_WORD &&
			!spaced(p, j) && !spaced(p, j + 1))
			continue;			/* 01/2025/NQ-CP */
		if (a.y || (r && b.y))
			return 2;
		found = 1;
	}
	return found;
}

/*
 * A remark in brackets at the end: ignored ("Trước 20/10/2025 (báo cáo kết
 * quả)"), unless it names another date, which makes the text ambiguous;
 * for a recurrence a date without a year is its day ("Hằng năm (trước
 * ngày 15/12)").
 */
static int
remark_tail(P *p, int j, const Parsed *x)
{
	int			e,
				dates;

	if (!ispc(p, j, '(') && !ispc(p, j, '['))
		return j;
	e = remark_end(p, j);
	if (e < 0 || !at_tail(p, e))
		return j;
	dates = remark_dates(p, j + 1, e - 1);
	if (dates == 2 || (dates == 1 && !x->recurring))
	{
		const Tok  *a = TK(p, j),
				   *z = TK(p, e - 1);
		int			l = (int) (z->end - a->off);

		fail(p, "the remark %.*s%s names another date: write one deadline",
			 l > 60 ? 60 : l, p->src + a->off, l > 60 ? "…)" : "");
		return -1;
	}
	return e;
}

/* ", định hướng đến năm 2030", ", tầm nhìn đến năm 2045": ignored */
static int
orientation_tail(const P *p, int j)
{
	int			k = j;

	if (ispc(p, k, ',') || ispc(p, k, ';') || ispc(p, k, '-'))
		k++;
	if ((isw(p, k, KW_dinh) && isw(p, k + 1, KW_huong)) ||
		(isw(p, k, KW_tam) && isw(p, k + 1, KW_nhin)))
		return p->n;
	return j;
}

/* parse_expr and the tails above; the index after, or -1 */
static int
parse_whole(P *p, int i, Parsed *x)
{
	int			j = parse_expr(p, i, x),
				k,
				rec = 0;

	if (j < 0 && p->err)
		return -1;				/* a form was recognised and is wrong */
	if (j < 0 || (!x->recurring && !x->open && needs_year(x) &&
				  TK(p, skip_tail(p, j))->type != T_END))
	{
		bool		soft = x->soft;

		k = rec_marker_after(p, p->core_at, &rec);
		if (k >= 0)
		{
			memset(x, 0, sizeof(*x));
			x->soft = soft;
			x->recurring = true;
			x->rec = rec;
			j = try_recurring(p, k, &rec);
		}
	}
	if (j < 0)
		return -1;
	if (!x->recurring)
	{
		int			e = x->range ? 0 : ongoing_at(p, j, &x->a, &rec);

		if (e > 0 && !x->before)
		{
			x->recurring = true;
			x->rec = rec;
			j += e;
		}
		else if (x->open)
		{
			fail(p, "\"từ …\" gives only a start: write \"từ … đến …\"");
			return -1;
		}
		else
		{
			if (!x->before && !x->timed)
				j = join_tail(p, j, x);
			if (j < 0)
				return -1;
			j = orientation_tail(p, j);
		}
	}
	if (x->recurring)
		j = rec_tail(p, j, x);
	return remark_tail(p, j, x);
}

/* a bullet, a dash or an enumerator ("a)", "1.", "(2)", "IV.") at i */
static int
skip_bullets(const P *p, int i)
{
	int			guard;

	for (guard = 0; guard < 3; guard++)
	{
		const Tok  *t = TK(p, i);
		int			e = i;

		if (t->type == T_PUNCT && (t->p == '-' || t->p == '+' || t->p == '*' ||
								   t->p == '>' || t->p == 1) &&
			TK(p, i + 1)->type != T_END)
		{
			i++;
			continue;
		}
		if (ispc(p, e, '('))
			e++;
		t = TK(p, e);
		if ((t->type == T_WORD && (t->wlen == 1 || (t->roman && t->wlen <= 4))) ||
			(t->type == T_NUM && t->ndig <= 2))
		{
			if (ispc(p, e + 1, ')') && TK(p, e + 2)->type != T_END)
			{
				i = e + 2;
				continue;
			}
			if (e == i && ispc(p, e + 1, '.') && spaced(p, e + 2) &&
				TK(p, e + 2)->type == T_WORD)
			{
				i = e + 2;
				continue;
			}
		}
		break;
	}
	return i;
}

/* a word (or mark) after which the deadline itself may start */
static bool
is_cue(const P *p, int k)
{
	switch (TK(p, k)->kw)
	{
		case KW_truoc:
		case KW_den:
		case KW_toi:
		case KW_tu:
		case KW_vao:
		case KW_han:
		case KW_cuoi:
		case KW_hang:
		case KW_moi:
		case KW_before:
			return true;
		case KW_trong:
			return !isw(p, k + 1, KW_tam);
		case KW_cham:
			return isw(p, k + 1, KW_nhat);
		case KW_phan:
			return isw(p, k + 1, KW_dau);
		case KW_giai:
			return isw(p, k + 1, KW_doan);
		case KW_hoan:
			return isw(p, k + 1, KW_thanh);
		case KW_thoi:
			return isw(p, k + 1, KW_han) || isw(p, k + 1, KW_gian);
		case KW_dinh:
			return isw(p, k + 1, KW_ky);
		case KW_thuong:
			return isw(p, k + 1, KW_xuyen);
		case KW_lien:
			return isw(p, k + 1, KW_tuc);
		case KW_tien:
			return isw(p, k + 1, KW_do);
		default:
			return ispc(p, k, ':');
	}
}

/* a word of a relative deadline: sau (not "thứ Sáu"), khi, Tết, theo, kể từ, trong vòng */
static bool
relative_at(const P *p, int k)
{
	return (isw(p, k, KW_sau) && !isw(p, k - 1, KW_thu)) || isw(p, k, KW_khi) ||
		isw(p, k, KW_tet) || isw(p, k, KW_theo) ||
		(isw(p, k, KW_ke) && isw(p, k + 1, KW_tu)) ||
		(isw(p, k, KW_trong) && isw(p, k + 1, KW_vong));
}

/* the whole text from i, to its end: the index of the end, or -1 */
static int
parse_to_end(P *p, int i, Parsed *x)
{
	int			j = parse_whole(p, i, x);

	if (j < 0)
	{
		fail_at(p, p->core_at);
		return -1;
	}
	j = skip_tail(p, j);
	if (j < p->n)
	{
		fail_at(p, j);
		return -1;
	}
	return j;
}

/*
 * The input function's grammar:
 *
 *   text := bullet* (expr | words[<= 8] cue expr) tail*
 *
 * where words are words without digits (no relative word among them) and
 * a cue is a deadline word: trước, trong, đến, tới, từ, vào, hạn, thời
 * hạn, chậm nhất, phấn đấu, giai đoạn, hoàn thành, cuối, hằng, mỗi, định
 * kỳ, thường xuyên, liên tục, tiến độ, or a colon.  Without a cue the
 * words are refused ("Trình tháng 12/2025"): a cue is what tells a
 * deadline from a date that belongs to the task's subject.
 */
static int
parse_text(P *p, Parsed *x)
{
	char		buf[NG_DETAIL_LEN];
	bool		specific;
	int			i = skip_bullets(p, 0),
				k,
				words = 0;

	if (parse_to_end(p, i, x) >= 0)
		return p->n;
	specific = !p->generic;
	/* a form was recognised and is wrong ("trước giai đoạn 2025-2030") */
	for (k = i; !specific && k < p->n && k <= i + LEAD_WORDS + 2; k++)
	{
		if (k > i && is_cue(p, k))
		{
			P			q = *p;
			Parsed		y;

			q.err = q.generic = false;
			q.detail = p->detail ? buf : NULL;
			q.dlen = sizeof(buf);
			if (parse_to_end(&q, k, &y) >= 0)
			{
				*x = y;
				p->err = false;
				return p->n;
			}
			if (!specific && !q.generic)
			{
				specific = true;
				p->generic = false;
				if (p->detail && p->dlen)
					snprintf(p->detail, p->dlen, "%s", buf);
			}
		}
		/* no relative word, and no recurrence ("Hằng năm, trước 15/12/2025") */
		if (relative_at(p, k) || !(TK(p, k)->type == T_WORD || ispc(p, k, ',')) ||
			isw(p, k, KW_hang) || isw(p, k, KW_moi) ||
			(isw(p, k, KW_dinh) && isw(p, k + 1, KW_ky)) ||
			(isw(p, k, KW_thuong) && isw(p, k + 1, KW_xuyen)))
			break;
		if (TK(p, k)->type == T_WORD && ++words > LEAD_WORDS)
			break;
	}
	if (!specific)
	{
		for (k = 0; k < p->n; k++)
			if (relative_at(p, k))
			{
				if (p->detail && p->dlen)
					snprintf(p->detail, p->dlen,
							 "relative deadlines (after an event) have no calendar date");
				return -1;
			}
		/* words without a cue before a deadline: say so */
		for (k = i + 1; k < p->n && k <= i + LEAD_WORDS; k++)
		{
			P			q = *p;
			Parsed		y;

			if (TK(p, k - 1)->type != T_WORD || is_cue(p, k - 1) ||
				(k >= i + 2 && is_cue(p, k - 2)))
				break;
			q.err = q.generic = false;
			q.detail = NULL;
			if (parse_to_end(&q, k, &y) >= 0)
			{
				const Tok  *a = TK(p, i),
						   *z = TK(p, k - 1);
				int			l = (int) (z->end - a->off);

				if (p->detail && p->dlen)
					snprintf(p->detail, p->dlen,
							 "\"%.*s\" before the deadline is not a deadline word: write \"trong\", \"trước\" or \"đến\" before the deadline, or the deadline alone",
							 l > 60 ? 60 : l, p->src + a->off);
				return -1;
			}
		}
	}
	return -1;
}

/* ------------------------------------------------------------------------
 * Fast path: the most frequent whole texts, read straight from the bytes
 *
 * A text made only of the prefixes, forms and spellings below (precomposed
 * Vietnamese, single spaces) is read here without tokens; anything else,
 * and any failure, goes to the full parser.  Each form accepted here is
 * one the full parser reads to the same value with no detail written, so
 * the two agree (checked by a differential test against the full parser):
 *
 *   prefix* (date | ngày date | tháng M (/ | " năm ") YYYY
 *            | quý (I|II|III|IV|1..4) (/ | " năm ") YYYY | năm YYYY
 *            | 6 tháng đầu|cuối năm YYYY) ["."]
 *   prefix* recurrence        (thường xuyên, hằng tuần|tháng|quý|năm,
 *                              định kỳ hằng tháng|quý|năm)
 *   date   := D{1,2} (/|.|-) M{1,2} (/|.|-) YYYY | D " tháng " M " năm " YYYY
 *   prefix := hoàn thành | chậm nhất | nhiệm vụ | trong | đến | hết | cuối
 *           | phấn đấu (soft) | trước (before), each followed by one space
 * ------------------------------------------------------------------------
 */

/* the literal lit (a string constant) at *pos: advance past it */
#define FP_LIT(lit) \
	(len - pos >= sizeof(lit) - 1 && memcmp(s + pos, lit, sizeof(lit) - 1) == 0 ? \
	 (pos += sizeof(lit) - 1, true) : false)

/* digits at *pos: their value, and how many (0 when more than 4) */
static inline int
fp_num(const unsigned char *s, size_t len, size_t *pos, int *v)
{
	size_t		p = *pos;
	int			n = 0;

	while (p < len && (unsigned) (s[p] - '0') <= 9u)
	{
		if (p - *pos >= 4)
			return 0;
		n = n * 10 + (s[p] - '0');
		p++;
	}
	*v = n;
	n = (int) (p - *pos);
	*pos = p;
	return n;
}

/* a four-digit year (1000..9999) at *pos */
static inline bool
fp_year(const unsigned char *s, size_t len, size_t *pos, int *y)
{
	return fp_num(s, len, pos, y) == 4 && *y >= NG_MIN_YEAR;
}

static inline bool
fp_sep(unsigned char c)
{
	return c == '/' || c == '.' || c == '-';
}

/* 1: *out set; 0: not a text of the fast path (read it in full) */
static int
fast_parse(const unsigned char *s, size_t len, NgDeadline *out)
{
	size_t		pos = 0,
				core;
	bool		soft = false,
				before = false;
	int			k,
				nd,
				d,
				m,
				y,
				m1,
				m2,
				rec,
				pk;
	NgDay		start,
				due;

	/* prefixes */
	for (k = 0; k < 6; k++)
	{
		if (pos >= len)
			return 0;
		switch (s[pos])
		{
			case 'H':
			case 'h':
				pos++;
				if (FP_LIT("o\xc3\xa0n th\xc3\xa0nh ") || FP_LIT("\xe1\xba\xbft "))
					continue;	/* hoàn thành, hết */
				pos--;
				break;
			case 'c':
			case 'C':
				pos++;
				if (FP_LIT("h\xe1\xba\xadm nh\xe1\xba\xa5t ") || FP_LIT("u\xe1\xbb\x91i "))
					continue;	/* chậm nhất, cuối */
				pos--;
				break;
			case 'N':
			case 'n':
				pos++;
				if (FP_LIT("hi\xe1\xbb\x87m v\xe1\xbb\xa5 "))
					continue;	/* nhiệm vụ */
				pos--;
				break;
			case 'T':
			case 't':
				pos++;
				if (FP_LIT("rong "))
					continue;
				if (FP_LIT("r\xc6\xb0\xe1\xbb\x9b" "c "))
				{
					before = true;	/* trước */
					continue;
				}
				pos--;
				break;
			case 0xC4:			/* Đ đ */
				if (pos + 1 < len && (s[pos + 1] == 0x90 || s[pos + 1] == 0x91))
				{
					pos += 2;
					if (FP_LIT("\xe1\xba\xbfn "))
						continue;	/* đến */
					pos -= 2;
				}
				break;
			case 'P':
			case 'p':
				pos++;
				if (FP_LIT("h\xe1\xba\xa5n \xc4\x91\xe1\xba\xa5u "))
				{
					soft = true;	/* phấn đấu */
					continue;
				}
				pos--;
				break;
		}
		break;
	}
	if (pos >= len)
		return 0;

	/* recurrences: the whole rest */
	rec = 0;
	core = pos;
	switch (s[pos])
	{
		case 'T':
		case 't':
			pos++;
			if (FP_LIT("h\xc6\xb0\xe1\xbb\x9dng xuy\xc3\xaan"))
				rec = NG_REC_CONTINUOUS;	/* thường xuyên */
			break;
		case 'H':
		case 'h':
			pos++;
			if (FP_LIT("\xe1\xba\xb1ng "))	/* hằng */
			{
				if (FP_LIT("tu\xe1\xba\xa7n"))
					rec = NG_REC_WEEKLY;
				else if (FP_LIT("th\xc3\xa1ng"))
					rec = NG_REC_MONTHLY;
				else if (FP_LIT("qu\xc3\xbd"))
					rec = NG_REC_QUARTERLY;
				else if (FP_LIT("n\xc4\x83m"))
					rec = NG_REC_YEARLY;
			}
			break;
		case 0xC4:
			if (pos + 1 < len && (s[pos + 1] == 0x90 || s[pos + 1] == 0x91))
			{
				pos += 2;
				/* định kỳ hằng */
				if (FP_LIT("\xe1\xbb\x8bnh k\xe1\xbb\xb3 h\xe1\xba\xb1ng "))
				{
					if (FP_LIT("th\xc3\xa1ng"))
						rec = NG_REC_MONTHLY;
					else if (FP_LIT("qu\xc3\xbd"))
						rec = NG_REC_QUARTERLY;
					else if (FP_LIT("n\xc4\x83m"))
						rec = NG_REC_YEARLY;
				}
			}
			break;
		default:
			break;
	}
	if (rec)
	{
		if (pos != len)
			return 0;
		*out = ng_pack(NG_KIND_RECURRING, 0, false, 0, soft, (NgRecurrence) rec);
		return 1;
	}
	pos = core;

	/* the core form */
	d = m = y = 0;
	switch (s[pos])
	{
		case 'N':
		case 'n':
			pos++;
			if (FP_LIT("g\xc3\xa0y "))	/* ngày */
			{
				if (pos >= len || (unsigned) (s[pos] - '0') > 9u)
					return 0;
				goto date;
			}
			if (!FP_LIT("\xc4\x83m "))	/* năm */
				return 0;
			if (!fp_year(s, len, &pos, &y))
				return 0;
			pk = PK_YEAR;
			break;
		case 'T':
		case 't':
			pos++;
			if (!FP_LIT("h\xc3\xa1ng "))	/* tháng */
				return 0;
			nd = fp_num(s, len, &pos, &m);
			if (nd < 1 || nd > 2 || m < 1 || m > 12)
				return 0;
			if (!(FP_LIT("/") || FP_LIT(" n\xc4\x83m ")) || !fp_year(s, len, &pos, &y))
				return 0;
			pk = PK_MONTH;
			break;
		case 'Q':
		case 'q':
			pos++;
			if (!FP_LIT("u\xc3\xbd "))	/* quý */
				return 0;
			if (FP_LIT("IV") || FP_LIT("iv"))
				m = 4;
			else if (FP_LIT("III") || FP_LIT("iii"))
				m = 3;
			else if (FP_LIT("II") || FP_LIT("ii"))
				m = 2;
			else if (FP_LIT("I") || FP_LIT("i"))
				m = 1;
			else if (pos < len && s[pos] >= '1' && s[pos] <= '4')
				m = s[pos++] - '0';
			else
				return 0;
			if (!(FP_LIT("/") || FP_LIT(" n\xc4\x83m ")) || !fp_year(s, len, &pos, &y))
				return 0;
			pk = PK_QUARTER;
			break;
		case '6':
			/* 6 tháng đầu|cuối năm; else a date ("6 tháng 7 năm 2025") */
			if (FP_LIT("6 th\xc3\xa1ng \xc4\x91\xe1\xba\xa7u n\xc4\x83m "))
				m = 1;
			else if (FP_LIT("6 th\xc3\xa1ng cu\xe1\xbb\x91i n\xc4\x83m "))
				m = 2;
			else
				goto date;
			if (!fp_year(s, len, &pos, &y))
				return 0;
			pk = PK_HALF;
			break;
		default:
			goto date;
	}
	goto done;

date:
	nd = fp_num(s, len, &pos, &d);
	if (nd < 1 || nd > 2 || pos >= len)
		return 0;
	if (fp_sep(s[pos]))
	{
		pos++;
		nd = fp_num(s, len, &pos, &m);
		if (nd < 1 || nd > 2 || pos >= len || !fp_sep(s[pos]))
			return 0;
		pos++;
	}
	else
	{
		if (!FP_LIT(" th\xc3\xa1ng "))
			return 0;
		nd = fp_num(s, len, &pos, &m);
		if (nd < 1 || nd > 2 || !FP_LIT(" n\xc4\x83m "))
			return 0;
	}
	if (!fp_year(s, len, &pos, &y))
		return 0;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return 0;
	pk = PK_DATE;

done:
	/* at most a full stop after the form */
	if (pos < len && s[pos] == '.')
		pos++;
	if (pos != len)
		return 0;
	switch (pk)
	{
		case PK_DATE:
			due = ng_days_from_civil(y, m, d);
			*out = before ? ng_pack(NG_KIND_BEFORE, due - 1, false, 0, soft, NG_REC_NONE)
				: ng_pack(NG_KIND_DATE, due, false, 0, soft, NG_REC_NONE);
			return 1;
		case PK_MONTH:
			m1 = m2 = m;
			break;
		case PK_QUARTER:
			m1 = 3 * m - 2;
			m2 = 3 * m;
			break;
		case PK_HALF:
			m1 = m == 1 ? 1 : 7;
			m2 = m1 + 5;
			break;
		default:				/* PK_YEAR */
			m1 = 1;
			m2 = 12;
			break;
	}
	start = ng_days_from_civil(y, m1, 1);
	if (before)
	{
		*out = ng_pack(NG_KIND_BEFORE, start - 1, false, 0, soft, NG_REC_NONE);
		return 1;
	}
	due = ng_days_from_civil(y, m2, days_in_month(y, m2));
	*out = ng_pack(pk == PK_MONTH ? NG_KIND_MONTH : pk == PK_QUARTER ? NG_KIND_QUARTER :
				   pk == PK_HALF ? NG_KIND_HALF : NG_KIND_YEAR,
				   due, true, start, soft, NG_REC_NONE);
	return 1;
}

#undef FP_LIT

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
	if (detail && detail_len)
		detail[0] = '\0';
	if (len > UINT32_MAX / 2)
	{
		set_detail(detail, detail_len, "the text is too long to be a deadline");
		return NG_PARSE_BAD;
	}
	if (fast_parse((const unsigned char *) s, len, out))
		return NG_PARSE_OK;
	return ng_deadline_parse_full(s, len, have_ref, ref, out, detail, detail_len);
}

/*
 * The general parser, without the fast path for common spellings:
 * ng_deadline_parse must give exactly what this gives (the fuzz target
 * test/fuzz/fuzz_deadline.c checks it on every input).
 */
int
ng_deadline_parse_full(const char *s, size_t len, bool have_ref, NgDay ref,
					   NgDeadline *out, char *detail, size_t detail_len)
{
	Tok			toks[NG_MAX_TOKENS + 1];	/* and the end, or one too many */
	Lexer		lx;
	P			p;
	Parsed		x;
	int			n = 0,
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
		/* straight into the array: no copy per token */
		lex_next(&lx, &toks[n]);
		if (toks[n].type == T_END)
		{
			p.endt = toks[n];
			break;
		}
		if (n == NG_MAX_TOKENS)
		{
			if (detail && detail_len)
				snprintf(detail, detail_len,
						 "the text is too long to be a deadline (more than %d words, numbers and marks); neongraph.extract_deadlines finds deadlines in running text",
						 NG_MAX_TOKENS);
			return NG_PARSE_BAD;
		}
		n++;
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

	if (parse_text(&p, &x) < 0)
		return NG_PARSE_BAD;
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
		if ((isw(p, k - 1, KW_hoan) && isw(p, k, KW_thanh)) ||
			(isw(p, k - 1, KW_thuc) && isw(p, k, KW_hien)) ||
			(isw(p, k - 1, KW_ban) && isw(p, k, KW_hanh)) ||
			(isw(p, k - 1, KW_trien) && isw(p, k, KW_khai)) ||
			(isw(p, k - 1, KW_hoan) && isw(p, k, KW_tat)) ||
			isw(p, k, KW_xong))
			return true;
		if (t->flags & F_BRK)
			return false;
	}
	return false;
}

static int
cue_at(const P *p, int i)
{
	if ((isw(p, i, KW_hoan) && isw(p, i + 1, KW_thanh)) ||
		isw(p, i, KW_truoc) ||
		(isw(p, i, KW_cham) && isw(p, i + 1, KW_nhat)) ||
		isw(p, i, KW_den) ||
		isw(p, i, KW_han) ||
		(isw(p, i, KW_thoi) && (isw(p, i + 1, KW_han) || isw(p, i + 1, KW_gian))) ||
		(isw(p, i, KW_phan) && isw(p, i + 1, KW_dau)) ||
		isw(p, i, KW_tu) ||
		(isw(p, i, KW_giai) && isw(p, i + 1, KW_doan)) ||
		(isw(p, i, KW_dinh) && isw(p, i + 1, KW_ky)))
		return CUE_STRONG;
	if (isw(p, i, KW_trong) && !isw(p, i + 1, KW_tam))
		return CUE_TRONG;
	if (isw(p, i, KW_nhiem) && isw(p, i + 1, KW_vu))
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
		if (j <= i || x.open)
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
