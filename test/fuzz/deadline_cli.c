/*
 * deadline_cli.c — deadline_core.c outside the server.
 *
 *   deadline_cli [-r YYYY-MM-DD] [--] TEXT...  parse each TEXT, print both
 *                                          styles ("--" before a TEXT that
 *                                          starts with a dash)
 *   deadline_cli -x [-r YYYY-MM-DD] FILE   extract the deadlines in FILE
 *   deadline_cli -f SECONDS [SEED]         random and mutated inputs, checking
 *                                          that parse/format/extract never
 *                                          crash and every output reads back
 *
 * Build (from the repository root):
 *   gcc -std=c99 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
 *       -Isrc src/deadline_core.c test/fuzz/deadline_cli.c -o test/fuzz/build/deadline_cli
 */
#include "deadline_core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int
roundtrip(NgDeadline d)
{
	char		buf[NG_FORMAT_LEN],
				det[NG_DETAIL_LEN];
	int			style;

	for (style = 0; style < 2; style++)
	{
		NgDeadline	e = 0;
		size_t		l = ng_deadline_format(d, style, buf, sizeof(buf));

		if (ng_deadline_parse(buf, l, false, 0, &e, det, sizeof(det)) != NG_PARSE_OK || e != d)
		{
			fprintf(stderr, "round trip failed: %016llx \"%s\" -> %016llx (%s)\n",
					(unsigned long long) d, buf, (unsigned long long) e, det);
			return 1;
		}
	}
	return 0;
}

static bool
print_found(const NgFound *f, void *arg)
{
	const char *s = arg;
	char		buf[NG_FORMAT_LEN];

	ng_deadline_format(f->deadline, NG_FORMAT_ISO, buf, sizeof(buf));
	printf("%zu\t%-28s\t%.*s\n", f->offset, buf, (int) f->length, s + f->offset);
	return true;
}

static bool
count_found(const NgFound *f, void *arg)
{
	size_t		len = *(size_t *) arg;

	if (f->offset + f->length > len || f->length == 0)
		abort();
	return roundtrip(f->deadline) == 0;
}

static const char *const corpus[] = {
	"31/12/2025", "ngày 15 tháng 12 năm 2025", "Trước 15/11/2025",
	"Hoàn thành trong tháng 9/2025.", "quý IV/2025", "6 tháng đầu năm 2026",
	"giai đoạn 2026 - 2030", "từ ngày 11/4/2025 đến ngày 20/4/2025",
	"Nhiệm vụ thường xuyên", "định kỳ 6 tháng", "2025-Q4", "2026-H1",
	"trước 18h00 ngày Thứ Sáu hằng tuần", "phấn đấu đến ngày 25/11/2025",
	"tháng 9-10/2025", "quý III-IV/2025", "2025-04-11/2025-04-20", "Trước 30/6",
	"**Hoàn thành chậm nhất trước ngày 31/3/2026.**", "Ngày 11/9/2025, đồng chí",
	"số 193/2025/NQ-QH15 ngày 01/7/2025", "<p>01/01/2026</p>\t",
	"- a) Tháng 10 và tháng 11/2025 (báo cáo kết quả)", "Trước ngày 10 hằng tháng",
	"Báo cáo định kỳ 6 tháng, hằng năm", "Tổ chức thực hiện trong năm 2026",
	"Tuần cuối tháng 2/2024", "Từ năm 2025 và những năm tiếp theo",
	"giai đoạn 2021 - 2025, định hướng đến năm 2030", "Trước 20/10/2025 (hạn cũ 15/10/2025)",
	"Sau khi Nghị định được ban hành", "Hằng tuần (trước 16h thứ Năm), tháng, quý",
	"tháng 10, 11 năm 2025", "Quý III, IV/2025", "T10/2025", "Trình tháng 12/2025",
};

static uint64_t rng = 88172645463325252ULL;

static uint64_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int
fuzz(double seconds)
{
	static const char alphabet[] = "0123456789/.-: ,()*tTđĐ\xcc\x81\xcc\x80 quýIVnămthángtrướcđếnhếthằnggiaiđoạn\xc2\xa0\xff\xfe\t\n<>~QH";
	clock_t		end = clock() + (clock_t) (seconds * CLOCKS_PER_SEC);
	unsigned long iters = 0,
				oks = 0;
	char		buf[600],
				det[NG_DETAIL_LEN];

	while (clock() < end)
	{
		size_t		len = 0,
					k,
					n;
		NgDeadline	d;
		int			mode = (int) (next_rand() % 4);

		if (mode == 0)
		{
			n = next_rand() % 80;
			for (k = 0; k < n; k++)
				buf[len++] = (char) (next_rand() & 0xFF);
		}
		else
		{
			const char *c = corpus[next_rand() % (sizeof(corpus) / sizeof(corpus[0]))];

			len = strlen(c);
			memcpy(buf, c, len);
			n = 1 + next_rand() % 6;
			for (k = 0; k < n && len > 0; k++)
			{
				size_t		at = next_rand() % len;

				switch (next_rand() % 4)
				{
					case 0:
						buf[at] = alphabet[next_rand() % (sizeof(alphabet) - 1)];
						break;
					case 1:
						if (len < sizeof(buf) - 1)
						{
							memmove(buf + at + 1, buf + at, len - at);
							buf[at] = alphabet[next_rand() % (sizeof(alphabet) - 1)];
							len++;
						}
						break;
					case 2:
						memmove(buf + at, buf + at + 1, len - at - 1);
						len--;
						break;
					default:
						buf[at] = (char) (next_rand() & 0xFF);
				}
			}
		}
		/* exact-size heap copy so ASan sees any overread */
		{
			char	   *s = malloc(len ? len : 1);
			size_t		lenv = len;

			memcpy(s, buf, len);
			if (ng_deadline_parse(s, len, mode == 3, (NgDay) (next_rand() % 20000) - 5000,
								  &d, det, sizeof(det)) == NG_PARSE_OK)
			{
				oks++;
				if (!ng_deadline_valid(d, det, sizeof(det)))
				{
					fprintf(stderr, "parse gave an invalid value for \"%.*s\": %s\n",
							(int) len, buf, det);
					return 1;
				}
				if (roundtrip(d))
				{
					fprintf(stderr, "  input \"%.*s\"\n", (int) len, buf);
					return 1;
				}
			}
			ng_deadline_extract(s, len, mode == 2, 9000, count_found, &lenv);
			free(s);
		}
		/* random packed values: format must never crash */
		{
			NgDeadline	r = next_rand();
			char		o[NG_FORMAT_LEN];

			ng_deadline_format(r, (int) (r & 1), o, sizeof(o));
			if (ng_deadline_valid(r, NULL, 0) && roundtrip(r))
				return 1;
		}
		iters++;
	}
	printf("fuzz: %lu inputs, %lu parsed, no failure\n", iters, oks);
	return 0;
}

int
main(int argc, char **argv)
{
	bool		have_ref = false,
				extract = false;
	NgDay		ref = 0;
	int			a = 1;

	if (argc > 2 && strcmp(argv[1], "-f") == 0)
	{
		if (argc > 3)
			rng = strtoull(argv[3], NULL, 10) | 1;
		return fuzz(atof(argv[2]));
	}
	for (; a < argc && argv[a][0] == '-' && argv[a][1] != '\0'; a++)
	{
		if (strcmp(argv[a], "--") == 0)
		{
			a++;				/* the texts follow, even "- Tháng 10/2025" */
			break;
		}
		if (strcmp(argv[a], "-x") == 0)
			extract = true;
		else if (strcmp(argv[a], "-r") == 0 && a + 1 < argc)
		{
			int			y,
						m,
						d;

			if (sscanf(argv[++a], "%d-%d-%d", &y, &m, &d) != 3)
				return 2;
			have_ref = true;
			ref = ng_days_from_civil(y, m, d);
		}
	}
	for (; a < argc; a++)
	{
		if (extract)
		{
			static char text[1 << 20];
			FILE	   *f = fopen(argv[a], "rb");
			size_t		l;

			if (!f)
				return 2;
			l = fread(text, 1, sizeof(text), f);
			fclose(f);
			ng_deadline_extract(text, l, have_ref, ref, print_found, text);
		}
		else
		{
			NgDeadline	d;
			char		det[NG_DETAIL_LEN],
						o1[NG_FORMAT_LEN],
						o2[NG_FORMAT_LEN];
			int			r = ng_deadline_parse(argv[a], strlen(argv[a]), have_ref, ref,
											  &d, det, sizeof(det));

			if (r == NG_PARSE_OK)
			{
				ng_deadline_format(d, NG_FORMAT_ISO, o1, sizeof(o1));
				ng_deadline_format(d, NG_FORMAT_VI, o2, sizeof(o2));
				printf("%-45s | %-24s | %s%s\n", argv[a], o1, o2,
					   roundtrip(d) ? "  ROUNDTRIP-FAIL" : "");
			}
			else
				printf("%-45s | %s: %s\n", argv[a],
					   r == NG_PARSE_NO_YEAR ? "NO_YEAR" : "BAD", det);
		}
	}
	return 0;
}
