/*
 * test/bench/gen.c — neongraph's national-scale data generator (issue 6, item 1).
 *
 * Builds a realistic national load in a database where `CREATE EXTENSION
 * neongraph` has run: for each of the 34 provinces ~20 departments and ~97
 * communes (≈3,300 communes), working groups N1..N5, directives cascading
 * central -> province -> commune (directive_link), tasks with the seeds' mix
 * of deadline forms written as text (the server's deadline parser reads them
 * during COPY), task_agency, one assignment per task x lead, task_link
 * `derives` edges commune task -> province task -> central task, progress
 * reports over a year, KPIs and monthly values.  Completions carry evidence
 * and dates <= the reference day (--today, default 2026-11-01).
 *
 * Rows are streamed with the COPY protocol (text format, PQputCopyData in
 * 1 MB buffers).  Everything is a pure function of (--seed, --scale), drawn
 * per entity from a hashed RNG, so each table is one independent pass over
 * the "families" (one central task and its cascade) and passes can run in
 * parallel connections (--jobs; only with --no-triggers, where foreign keys
 * are not checked).
 *
 *   gcc -O2 -Wall -Wextra -Werror -I$(pg_config --includedir) gen.c \
 *       -L$(pg_config --libdir) -lpq -o gen
 *   PGDATABASE=bench ./gen --scale 1000000 --no-triggers --jobs 2
 *
 * Options:
 *   --scale N        target number of assignments (default 10,000,000)
 *   --seed S         RNG seed (default 1)
 *   --today D        reference day, YYYY-MM-DD (default 2026-11-01); must not
 *                    be after the server's neongraph.today()
 *   --no-triggers    session_replication_role = replica on the COPY sessions
 *                    (no triggers, no FK checks: the bulk path), then
 *                    neongraph.rebuild_summaries() if it exists
 *   --jobs J         parallel COPY connections (default 1; >1 needs --no-triggers)
 *   --reports R      mean progress reports per assignment (default 1.0)
 *   --no-analyze     skip the final ANALYZE
 *   --quiet          no progress line
 * Connection: libpq environment (PGHOST, PGPORT, PGUSER, PGDATABASE, ...).
 * The task, assignment and directive tables must be empty.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

/* ------------------------------------------------------------------ options */

static long long opt_scale = 10000000LL;
static uint64_t opt_seed = 1;
static int opt_today;               /* days since 1970-01-01 */
static int opt_no_triggers = 0;
static int opt_jobs = 1;
static double opt_reports = 1.0;
static int opt_analyze = 1;
static int opt_quiet = 0;

#define N_PROV_DEPTS 20
#define N_PROV_COMMUNES 97

/* ------------------------------------------------------------------ utilities */

static void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "gen: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* splitmix64: the hash that seeds every entity's stream */
static uint64_t
mix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

typedef struct
{
	uint64_t	s;
} Rng;

static Rng
rng_for(uint64_t a, uint64_t b, uint64_t c)
{
	Rng			r;

	r.s = mix64(mix64(mix64(opt_seed ^ 0x6E656F6E67726170ULL) ^ a) ^ (b * 0x100000001B3ULL)) ^ c;
	return r;
}

static uint64_t
rnext(Rng *r)
{
	r->s += 0x9E3779B97F4A7C15ULL;
	uint64_t	z = r->s;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double
runif(Rng *r)
{
	return (rnext(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* integer in [lo, hi] */
static int
rint_(Rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int) (rnext(r) % (uint64_t) (hi - lo + 1));
}

/* ------------------------------------------------------------------ dates */

/* days since 1970-01-01 <-> civil (H. Hinnant's algorithms) */
static int
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int			era = (y >= 0 ? y : y - 399) / 400;
	unsigned	yoe = (unsigned) (y - era * 400);
	unsigned	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int) doe - 719468;
}

static void
civil_from_days(int z, int *y, int *m, int *d)
{
	z += 719468;
	int			era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned	doe = (unsigned) (z - era * 146097);
	unsigned	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int			yy = (int) yoe + era * 400;
	unsigned	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned	mp = (5 * doy + 2) / 153;
	unsigned	dd = doy - (153 * mp + 2) / 5 + 1;
	unsigned	mm = mp < 10 ? mp + 3 : mp - 9;

	*y = yy + (mm <= 2);
	*m = (int) mm;
	*d = (int) dd;
}

static int
month_end(int y, int m)
{
	return m == 12 ? days_from_civil(y + 1, 1, 1) - 1 : days_from_civil(y, m + 1, 1) - 1;
}

/* ------------------------------------------------------------------ COPY buffer */

typedef struct
{
	PGconn	   *conn;
	char	   *buf;
	size_t		len;
	size_t		cap;
	long long	rows;
	const char *table;
	double		t0;
	double		last_report;
	int			worker;
} Copy;

#define COPY_BUF (1 << 20)

static void
copy_flush(Copy *c)
{
	if (c->len == 0)
		return;
	if (PQputCopyData(c->conn, c->buf, (int) c->len) != 1)
		die("PQputCopyData(%s): %s", c->table, PQerrorMessage(c->conn));
	c->len = 0;
}

static void
cput(Copy *c, const char *s)
{
	size_t		n = strlen(s);

	if (c->len + n + 1 > c->cap)
		copy_flush(c);
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static void cprintf(Copy *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
cprintf(Copy *c, const char *fmt, ...)
{
	va_list		ap;
	int			n;

	if (c->cap - c->len < 4096)
		copy_flush(c);
	va_start(ap, fmt);
	n = vsnprintf(c->buf + c->len, c->cap - c->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t) n >= c->cap - c->len)
		die("row too long for the COPY buffer");
	c->len += (size_t) n;
}

/* date as YYYY-MM-DD into a copy buffer */
static void
cdate(Copy *c, int z)
{
	int			y,
				m,
				d;

	civil_from_days(z, &y, &m, &d);
	cprintf(c, "%04d-%02d-%02d", y, m, d);
}

static void
copy_end_row(Copy *c)
{
	cput(c, "\n");
	c->rows++;
}

static PGconn *
connect_db(void)
{
	PGconn	   *conn = PQconnectdb("");

	if (PQstatus(conn) != CONNECTION_OK)
		die("connection failed: %s", PQerrorMessage(conn));
	return conn;
}

static void
exec_ok(PGconn *conn, const char *sql)
{
	PGresult   *r = PQexec(conn, sql);

	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		die("%s\n  in: %.300s", PQerrorMessage(conn), sql);
	PQclear(r);
}

static char *
query1(PGconn *conn, const char *sql)
{
	PGresult   *r = PQexec(conn, sql);
	char	   *v;

	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		die("%s\n  in: %.300s", PQerrorMessage(conn), sql);
	v = strdup(PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return v;
}

static void
copy_begin(Copy *c, PGconn *conn, const char *table, const char *cols)
{
	char		sql[1024];
	PGresult   *r;

	c->conn = conn;
	if (!c->buf)
	{
		c->cap = COPY_BUF + 8192;
		c->buf = malloc(c->cap);
		if (!c->buf)
			die("out of memory");
	}
	c->len = 0;
	c->rows = 0;
	c->table = table;
	c->t0 = now_s();
	c->last_report = c->t0;
	snprintf(sql, sizeof sql, "COPY neongraph.%s (%s) FROM STDIN", table, cols);
	r = PQexec(conn, sql);
	if (PQresultStatus(r) != PGRES_COPY_IN)
		die("%s: %s", sql, PQerrorMessage(conn));
	PQclear(r);
}

static long long
copy_end(Copy *c)
{
	PGresult   *r;

	copy_flush(c);
	if (PQputCopyEnd(c->conn, NULL) != 1)
		die("PQputCopyEnd(%s): %s", c->table, PQerrorMessage(c->conn));
	r = PQgetResult(c->conn);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		die("COPY %s failed: %s", c->table, PQerrorMessage(c->conn));
	PQclear(r);
	while ((r = PQgetResult(c->conn)) != NULL)
		PQclear(r);
	return c->rows;
}

/* the progress line: table, rows, rate, share of the families done */
static void
progress(Copy *c, double frac, int final)
{
	double		t = now_s();

	if (opt_quiet || (!final && t - c->last_report < 2.0))
		return;
	c->last_report = t;
	fprintf(stderr, "[gen%s%.0d] %-16s %12lld rows %9.0f rows/s %5.1f%% %7.1f s%s\n",
			opt_jobs > 1 ? " w" : "", opt_jobs > 1 ? c->worker + 1 : 0,
			c->table, c->rows, c->rows / (t - c->t0 > 1e-9 ? t - c->t0 : 1e-9),
			100.0 * frac, t - c->t0, final ? " done" : "");
}

/* ------------------------------------------------------------------ the world */

typedef struct
{
	char		code[8];			/* HN, HCM, QNG: short, so "HCM.X001" fits in 16 */
	char		name[160];
	char		shortname[96];		/* "Tuyên Quang" */
} Province;

static Province *provs;
static int n_provs;
static char (*ministries)[16];
static int n_ministries;

#define N_CENTRAL_DIRECTIVES_MAX 8
static int n_cdir;					/* central directives */
static long long dir_id0;			/* first directive_id */
static int cdir_issued[N_CENTRAL_DIRECTIVES_MAX];

static const char *dept_fields[N_PROV_DEPTS] = {
	"Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương",
	"Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Văn hóa, Thể thao và Du lịch",
	"Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
	"Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Văn phòng Ủy ban nhân dân", "Thanh tra",
	"Công an", "Bộ Chỉ huy Quân sự", "Ban Quản lý các khu công nghiệp",
	"Trung tâm Phục vụ hành chính công", "Đài Phát thanh và Truyền hình", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân"
};
static const char *w1[20] = {
	"Tân", "Phú", "Bình", "An", "Hòa", "Vĩnh", "Long", "Thạnh", "Phước", "Hưng",
	"Thuận", "Đông", "Tây", "Nam", "Bắc", "Quang", "Minh", "Xuân", "Thái", "Hiệp"
};
static const char *w2[5] = {"Lợi", "Điền", "Sơn", "Thành", "Lộc"};

/* directive ids: central i; province (p, i); commune (p, k, i) */
static long long
dir_central(int i)
{
	return dir_id0 + i;
}

static long long
dir_prov(int p, int i)
{
	return dir_id0 + n_cdir + (long long) p * n_cdir + i;
}

static long long
dir_commune(int p, int k, int i)
{
	return dir_id0 + n_cdir + (long long) n_provs * n_cdir +
		((long long) p * N_PROV_COMMUNES + k) * n_cdir + i;
}

static int
dir_prov_issued(int p, int i)
{
	Rng			r = rng_for(11, p, i);

	return cdir_issued[i] + rint_(&r, 10, 30);
}

static int
dir_commune_issued(int p, int k, int i)
{
	Rng			r = rng_for(12, p * 1000 + k, i);

	return dir_prov_issued(p, i) + rint_(&r, 5, 20);
}

/* ------------------------------------------------------------------ deadlines */

enum
{
	DK_DATE, DK_BEFORE, DK_MONTH, DK_QUARTER, DK_HALF, DK_YEAR, DK_RANGE, DK_RECURRING, DK_NONE
};

typedef struct
{
	int			kind;
	int			due;				/* last on-time day; -1: none (recurring, undated) */
	char		text[96];
} Deadline;

static const char *roman[4] = {"I", "II", "III", "IV"};

/* A deadline due near `target` in one of the seeds' forms (weights like
 * test/bench/data.sql: dates, months and "trước" first, recurring 9%). */
static void
make_deadline(Rng *r, int target, Deadline *dl, int allow_open)
{
	int			u = rint_(r, 0, 99);
	int			v = rint_(r, 0, 11);
	int			y,
				m,
				d;

	civil_from_days(target, &y, &m, &d);
	if (u < 32)
		dl->kind = DK_DATE;
	else if (u < 46)
		dl->kind = DK_BEFORE;
	else if (u < 64)
		dl->kind = DK_MONTH;
	else if (u < 74)
		dl->kind = DK_QUARTER;
	else if (u < 76)
		dl->kind = DK_HALF;
	else if (u < 83)
		dl->kind = DK_YEAR;
	else if (u < 87)
		dl->kind = DK_RANGE;
	else if (u < 96)
		dl->kind = allow_open ? DK_RECURRING : DK_DATE;
	else
		dl->kind = allow_open ? DK_NONE : DK_MONTH;

	switch (dl->kind)
	{
		case DK_DATE:
			dl->due = target;
			switch (v % 8)
			{
				case 0: snprintf(dl->text, sizeof dl->text, "%02d/%02d/%d", d, m, y); break;
				case 1: snprintf(dl->text, sizeof dl->text, "%d/%d/%d", d, m, y); break;
				case 2: snprintf(dl->text, sizeof dl->text, "ngày %d/%d/%d", d, m, y); break;
				case 3: snprintf(dl->text, sizeof dl->text, "đến ngày %02d/%02d/%d", d, m, y); break;
				case 4: snprintf(dl->text, sizeof dl->text, "chậm nhất ngày %d/%d/%d", d, m, y); break;
				case 5: snprintf(dl->text, sizeof dl->text, "phấn đấu đến ngày %d/%d/%d", d, m, y); break;
				case 6: snprintf(dl->text, sizeof dl->text, "ngày %d tháng %d năm %d", d, m, y); break;
				default: snprintf(dl->text, sizeof dl->text, "%d.%d.%d", d, m, y); break;
			}
			break;
		case DK_BEFORE:
			dl->due = target - 1;
			switch (v % 4)
			{
				case 0: snprintf(dl->text, sizeof dl->text, "trước ngày %d/%d/%d", d, m, y); break;
				case 1: snprintf(dl->text, sizeof dl->text, "Trước %02d/%02d/%d", d, m, y); break;
				case 2: snprintf(dl->text, sizeof dl->text, "Hoàn thành trước ngày %02d/%02d/%d.", d, m, y); break;
				default: snprintf(dl->text, sizeof dl->text, "Hoàn thành trước %02d/%02d/%d", d, m, y); break;
			}
			break;
		case DK_MONTH:
			dl->due = month_end(y, m);
			switch (v % 5)
			{
				case 0: snprintf(dl->text, sizeof dl->text, "Hoàn thành trong tháng %d/%d", m, y); break;
				case 1: snprintf(dl->text, sizeof dl->text, "tháng %d/%d", m, y); break;
				case 2: snprintf(dl->text, sizeof dl->text, "trong tháng %02d/%d", m, y); break;
				case 3: snprintf(dl->text, sizeof dl->text, "đến hết tháng %d/%d", m, y); break;
				default: snprintf(dl->text, sizeof dl->text, "tháng %d năm %d", m, y); break;
			}
			break;
		case DK_QUARTER:
			{
				int			q = (m - 1) / 3;

				dl->due = month_end(y, q * 3 + 3);
				switch (v % 3)
				{
					case 0: snprintf(dl->text, sizeof dl->text, "Quý %s/%d", roman[q], y); break;
					case 1: snprintf(dl->text, sizeof dl->text, "quý %d/%d", q + 1, y); break;
					default: snprintf(dl->text, sizeof dl->text, "trong quý %s/%d", roman[q], y); break;
				}
			}
			break;
		case DK_HALF:
			dl->due = month_end(y, m <= 6 ? 6 : 12);
			snprintf(dl->text, sizeof dl->text, "6 tháng %s năm %d", m <= 6 ? "đầu" : "cuối", y);
			break;
		case DK_YEAR:
			dl->due = month_end(y, 12);
			switch (v % 3)
			{
				case 0: snprintf(dl->text, sizeof dl->text, "Năm %d", y); break;
				case 1: snprintf(dl->text, sizeof dl->text, "trong năm %d", y); break;
				default: snprintf(dl->text, sizeof dl->text, "cuối năm %d", y); break;
			}
			break;
		case DK_RANGE:
			{
				int			s = target - rint_(r, 5, 60),
							sy,
							sm,
							sd;

				civil_from_days(s, &sy, &sm, &sd);
				dl->due = target;
				snprintf(dl->text, sizeof dl->text, "từ ngày %d/%d/%d đến ngày %d/%d/%d",
						 sd, sm, sy, d, m, y);
			}
			break;
		case DK_RECURRING:
			{
				static const char *rec[4] = {"Thường xuyên", "Nhiệm vụ thường xuyên", "hằng quý", "định kỳ hằng tháng"};

				dl->due = -1;
				snprintf(dl->text, sizeof dl->text, "%s", rec[v % 4]);
			}
			break;
		default:
			dl->due = -1;
			dl->text[0] = 0;
			break;
	}
}

/* ------------------------------------------------------------------ families */

/* A family: one central task, its province tasks and their commune tasks. */
typedef struct
{
	long long	task_id;
	long long	parent;				/* task it derives from (0: none) */
	long long	directive_id;
	int			level;				/* 0 central, 1 province, 2 commune */
	int			prov;
	int			commune;
	int			issued;				/* directive's date */
	int			nleads;
	char		leads[3][16];
	int			ncoop;
	char		coop[2][16];
	long long	assignment_id0;
	Deadline	dl;					/* the current deadline */
	Deadline	adl;				/* the assigned deadline (restated tasks), kind DK_NONE + text "" if none */
	int			restated;
	int			group;				/* explicit working group 1..5, 0: none */
} Task;

typedef struct
{
	Task	   *t;
	int			n;
	int			cap;
} Family;


static Task *
fam_add(Family *f)
{
	if (f->n == f->cap)
	{
		f->cap = f->cap ? f->cap * 2 : 4096;
		f->t = realloc(f->t, sizeof(Task) * f->cap);
		if (!f->t)
			die("out of memory");
	}
	memset(&f->t[f->n], 0, sizeof(Task));
	return &f->t[f->n++];
}

/* Running ids; every pass walks the families from 0 with fresh counters. */
typedef struct
{
	long long	next_task;
	long long	next_assignment;
	long long	family;
	int			done;
} Walk;

static long long task_id0,
			assignment_id0;

static void
walk_init(Walk *w)
{
	w->next_task = task_id0;
	w->next_assignment = assignment_id0;
	w->family = 0;
	w->done = 0;
}

static double
walk_frac(Walk *w)
{
	return (double) (w->next_assignment - assignment_id0) / (double) opt_scale;
}

static void
set_deadline(Task *t, Rng *r, int target, int allow_open)
{
	make_deadline(r, target, &t->dl, allow_open);
	t->restated = 0;
	t->adl.kind = DK_NONE;
	t->adl.text[0] = 0;
	t->adl.due = -1;
	/* 8%: the deadline was re-stated later; the first one is the assigned one */
	if (t->dl.due >= 0 && runif(r) < 0.08)
	{
		t->adl = t->dl;
		make_deadline(r, t->dl.due + rint_(r, 30, 120), &t->dl, 0);
		t->restated = 1;
	}
}

/* the effective due day (assigned deadline first), -1 none */
static int
eff_due(const Task *t)
{
	return t->restated ? t->adl.due : t->dl.due;
}

static int
task_add_assignments(Task *t, Walk *w)
{
	t->assignment_id0 = w->next_assignment;
	w->next_assignment += t->nleads;
	return w->next_assignment - assignment_id0 >= opt_scale;
}

/* Builds family w->family; returns 0 when the scale is already reached. */
static int
build_family(Walk *w, Family *f)
{
	long long	fam = w->family;
	int			ci = (int) (fam % n_cdir);
	Rng			r = rng_for(1, fam, 0);
	Task	   *c;
	int			p,
				k;
	int			cdue;

	f->n = 0;
	if (w->done)
		return 0;

	c = fam_add(f);
	c->task_id = w->next_task++;
	c->level = 0;
	c->directive_id = dir_central(ci);
	c->issued = cdir_issued[ci];
	c->nleads = runif(&r) < 0.7 ? 1 : runif(&r) < 0.67 ? 2 : 3;
	{
		int			m0 = rint_(&r, 0, n_ministries - 1);

		for (k = 0; k < c->nleads; k++)
			snprintf(c->leads[k], 16, "%s", ministries[(m0 + k * 5) % n_ministries]);
		c->ncoop = rint_(&r, 0, 2);
		for (k = 0; k < c->ncoop; k++)
			snprintf(c->coop[k], 16, "%s", ministries[(m0 + 1 + k * 3) % n_ministries]);
	}
	c->group = runif(&r) < 0.15 ? rint_(&r, 1, 5) : 0;
	cdue = c->issued + rint_(&r, 90, 600);
	set_deadline(c, &r, cdue, 1);
	if (task_add_assignments(c, w))
		goto full;

	for (p = 0; p < n_provs; p++)
	{
		Rng			rp = rng_for(2, fam, p);
		Task	   *pt = fam_add(f);
		int			pdue;

		pt->task_id = w->next_task++;
		pt->parent = c->task_id;
		pt->level = 1;
		pt->prov = p;
		pt->directive_id = dir_prov(p, ci);
		pt->issued = dir_prov_issued(p, ci);
		if (runif(&rp) < 0.6)
		{
			pt->nleads = 1;
			snprintf(pt->leads[0], 16, "%s", provs[p].code);
		}
		else
		{
			int			d0 = rint_(&rp, 0, N_PROV_DEPTS - 1);

			pt->nleads = runif(&rp) < 0.7 ? 1 : runif(&rp) < 0.67 ? 2 : 3;
			for (k = 0; k < pt->nleads; k++)
				snprintf(pt->leads[k], 16, "%s.S%02d", provs[p].code, (d0 + k * 7) % N_PROV_DEPTS + 1);
		}
		pt->ncoop = rint_(&rp, 0, 1);
		if (pt->ncoop)
			snprintf(pt->coop[0], 16, "%s.S%02d", provs[p].code, rint_(&rp, 1, N_PROV_DEPTS));
		if (pt->ncoop && pt->nleads && strcmp(pt->coop[0], pt->leads[0]) == 0)
			pt->ncoop = 0;
		pt->group = runif(&rp) < 0.05 ? rint_(&rp, 1, 5) : 0;
		pdue = (c->dl.due >= 0 ? c->dl.due : cdue) - rint_(&rp, 0, 60);
		if (pdue < pt->issued + 30)
			pdue = pt->issued + 30;
		set_deadline(pt, &rp, pdue, 1);
		if (task_add_assignments(pt, w))
			goto full;

		for (k = 0; k < N_PROV_COMMUNES; k++)
		{
			Rng			rc = rng_for(3, fam, p * 1000 + k);
			Task	   *ct;
			int			xdue;

			if (runif(&rc) >= 0.85)
				continue;
			ct = fam_add(f);
			ct->task_id = w->next_task++;
			ct->parent = pt->task_id;
			ct->level = 2;
			ct->prov = p;
			ct->commune = k;
			ct->directive_id = dir_commune(p, k, ci);
			ct->issued = dir_commune_issued(p, k, ci);
			ct->nleads = 1;
			snprintf(ct->leads[0], 16, "%s.X%03d", provs[p].code, k + 1);
			ct->group = 0;
			xdue = (pt->dl.due >= 0 ? pt->dl.due : pdue) - rint_(&rc, 0, 30);
			if (xdue < ct->issued + 20)
				xdue = ct->issued + 20;
			set_deadline(ct, &rc, xdue, 1);
			if (task_add_assignments(ct, w))
				goto full;
		}
	}
	w->family++;
	return 1;
full:
	w->done = 1;
	w->family++;
	return 1;
}

/* ------------------------------------------------------------------ an assignment's fate */

typedef struct
{
	int			progress;
	int			completed;			/* day or -1 */
	int			cancelled;			/* day or -1 */
	int			blocked;			/* day or -1 */
	int			verified;			/* day or -1 */
	int			nreports;
	int			first_report;		/* day of the first report */
	int			last_report;		/* day of the last report */
} Fate;

static void
fate_of(const Task *t, int lead, Fate *fa)
{
	Rng			r = rng_for(4, t->task_id, lead);
	int			R = opt_today;
	int			due = eff_due(t);
	double		u = runif(&r);
	int			end;

	fa->completed = fa->cancelled = fa->blocked = fa->verified = -1;
	if (u < 0.015)
		fa->cancelled = rint_(&r, t->issued, R);
	else if (due < 0)
	{
		if (runif(&r) < 0.2)
			fa->completed = rint_(&r, t->issued, R);
	}
	else if (due <= R)
	{
		if (runif(&r) < 0.8)
		{
			if (runif(&r) < 0.78)
			{
				int			lo = due - 90 > t->issued ? due - 90 : t->issued;

				fa->completed = rint_(&r, lo, due);
			}
			else
				fa->completed = rint_(&r, due + 1, due + 90 < R ? due + 90 : R);
		}
	}
	else if (runif(&r) < 0.2)
		fa->completed = rint_(&r, t->issued, R);

	if (fa->completed >= 0)
	{
		fa->progress = 100;
		if (runif(&r) < 0.6)
			fa->verified = fa->completed + rint_(&r, 0, 20) < R ? fa->completed + rint_(&r, 0, 20) : R;
	}
	else
	{
		double		span = due > t->issued ? (double) (due - t->issued) : 365.0;
		double		el = (R - t->issued) / span;
		int			p = (int) (el * 100.0 * (0.5 + runif(&r)));

		fa->progress = p < 0 ? 0 : p > 95 ? 95 : p;
		if (fa->cancelled < 0 && runif(&r) < 0.04)
			fa->blocked = rint_(&r, t->issued, R);
	}
	/* reports: weekly-ish from the directive until the completion (or today) */
	end = fa->completed >= 0 ? fa->completed : fa->cancelled >= 0 ? fa->cancelled : R;
	if (end < t->issued)
		end = t->issued;
	fa->nreports = (int) (runif(&r) * 2.0 * opt_reports + 0.5);
	if (fa->progress == 0)
		fa->nreports = 0;
	if (fa->nreports == 0 && fa->completed < 0)
		fa->progress = 0;			/* never reported: nothing done that anyone knows of */
	fa->first_report = t->issued + (end - t->issued) / 4;
	fa->last_report = end;
	if (fa->nreports == 1)
		fa->first_report = end;
}

/* reported_at as text: day d at hh:mm Vietnam time */
static void
cts(Copy *c, int day, int minute_of_day)
{
	cdate(c, day);
	cprintf(c, " %02d:%02d:00+07", minute_of_day / 60, minute_of_day % 60);
}

static int
report_day(const Fate *fa, int j)
{
	if (fa->nreports <= 1)
		return fa->last_report;
	return fa->first_report + (int) ((long long) (fa->last_report - fa->first_report) * j / (fa->nreports - 1));
}

static int
report_progress(const Fate *fa, int j)
{
	if (j == fa->nreports - 1)
		return fa->progress;
	return fa->progress * (j + 1) / fa->nreports;
}

/* ------------------------------------------------------------------ passes */

typedef enum
{
	P_TASK, P_TASK_AGENCY, P_ASSIGNMENT, P_TASK_LINK, P_REPORT, P_KPI, P_KPI_VALUE, N_PASSES
} PassId;

static const char *pass_table[N_PASSES] = {
	"task", "task_agency", "assignment", "task_link", "progress_report", "kpi", "kpi_value"
};
static const char *pass_cols[N_PASSES] = {
	"task_id, directive_id, item_no, content, working_group, deadline, deadline_text, assigned_deadline, assigned_deadline_text, focus, output_product, note",
	"task_id, agency_code, role, position",
	"assignment_id, task_id, agency_code, progress, completed_on, evidence, verified, verified_on, verified_by, blocked, blocked_reason, blocked_since, cancelled, cancel_reason, cancelled_on, last_report_at",
	"from_task, to_task, kind, note",
	"report_id, assignment_id, task_id, agency_code, reported_at, reported_by, progress, task, results, evidence, focal_point, milestone",
	"kpi_id, code, name, task_id, owner_code, unit, direction, baseline, target, deadline",
	"kpi_id, measured_on, value, evidence, reported_at, reported_by"
};
/* relative cost, for spreading the passes over the jobs */
static const double pass_weight[N_PASSES] = {3.0, 1.2, 2.6, 1.0, 2.2, 0.05, 0.2};

static const char *topics[12] = {
	"xây dựng cơ sở dữ liệu chuyên ngành", "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
	"triển khai dịch vụ công trực tuyến toàn trình", "kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư",
	"đào tạo kỹ năng số cho cán bộ, công chức", "bảo đảm an toàn thông tin mạng",
	"phát triển hạ tầng số", "ứng dụng trí tuệ nhân tạo trong chỉ đạo, điều hành",
	"rà soát, cắt giảm thủ tục hành chính", "xây dựng kế hoạch triển khai Nghị quyết 57-NQ/TW",
	"thanh toán không dùng tiền mặt", "báo cáo định kỳ trên Hệ thống thông tin báo cáo"
};
static const char *level_word[3] = {"Trung ương", "cấp tỉnh", "cấp xã"};

static long long kpi_id0,
			report_id0;

static int
kpi_of(const Task *t)
{
	Rng			r = rng_for(5, t->task_id, 0);

	if (t->level == 0)
		return runif(&r) < 0.5;
	if (t->level == 1)
		return runif(&r) < 0.1;
	return 0;
}

static void
emit_task(Copy *c, const Task *t, long long fam)
{
	static const char *grp[6] = {"\\N", "N1", "N2", "N3", "N4", "N5"};
	const char *topic = topics[(fam + t->level) % 12];

	cprintf(c, "%lld\t%lld\t%lld\tTriển khai nhiệm vụ %lld %s: %s\t%s\t",
			t->task_id, t->directive_id, fam / n_cdir + 1,
			fam + 1, level_word[t->level], topic, grp[t->group]);
	if (t->dl.kind == DK_NONE)
		cput(c, "\\N\t\\N\t");
	else
		cprintf(c, "%s\t%s\t", t->dl.text, t->dl.text);
	if (t->restated)
		cprintf(c, "%s\t%s\t", t->adl.text, t->adl.text);
	else
		cput(c, "\\N\t\\N\t");
	cprintf(c, "%s\tBáo cáo kết quả %s\t", (fam % 10 == 0) ? "t" : "f", topic);
	if (t->parent)
		cprintf(c, "Triển khai nhiệm vụ %lld của cấp trên", fam + 1);
	else
		cput(c, "\\N");
	copy_end_row(c);
}

static void
emit_assignment(Copy *c, const Task *t, int k)
{
	Fate		fa;

	fate_of(t, k, &fa);
	cprintf(c, "%lld\t%lld\t%s\t%d\t", t->assignment_id0 + k, t->task_id, t->leads[k], fa.progress);
	if (fa.completed >= 0)
	{
		cdate(c, fa.completed);
		cprintf(c, "\tVăn bản số %lld/BC-%s ngày ", t->task_id % 9000 + 100, t->leads[k]);
		{
			int			y,
						m,
						d;

			civil_from_days(fa.completed, &y, &m, &d);
			cprintf(c, "%d/%d/%d\t", d, m, y);
		}
	}
	else
		cput(c, "\\N\t\\N\t");
	if (fa.verified >= 0)
	{
		cput(c, "t\t");
		cdate(c, fa.verified);
		cput(c, "\tgenerator\t");
	}
	else
		cput(c, "f\t\\N\t\\N\t");
	if (fa.blocked >= 0)
	{
		cput(c, "t\tVướng mắc về kinh phí, vượt thẩm quyền\t");
		cdate(c, fa.blocked);
		cput(c, "\t");
	}
	else
		cput(c, "f\t\\N\t\\N\t");
	if (fa.cancelled >= 0)
	{
		cput(c, "t\tDừng thực hiện theo chỉ đạo của cấp trên\t");
		cdate(c, fa.cancelled);
		cput(c, "\t");
	}
	else
		cput(c, "f\t\\N\t\\N\t");
	if (fa.nreports > 0)
		cts(c, fa.last_report, 16 * 60 + (int) (t->task_id % 120));
	else
		cput(c, "\\N");
	copy_end_row(c);
}

/* report ids are the running count over (assignment, j) in walk order */
static void
emit_reports(Copy *c, const Task *t, int k, long long *next_report)
{
	Fate		fa;
	int			j;

	fate_of(t, k, &fa);
	for (j = 0; j < fa.nreports; j++)
	{
		int			day = report_day(&fa, j);
		int			pr = report_progress(&fa, j);

		cprintf(c, "%lld\t%lld\t%lld\t%s\t", (*next_report)++, t->assignment_id0 + k, t->task_id, t->leads[k]);
		cts(c, day, j == fa.nreports - 1 ? 16 * 60 + (int) (t->task_id % 120) : 9 * 60 + (j * 37) % 480);
		cprintf(c, "\tgenerator\t%d\tNhiệm vụ %lld\tĐạt %d%% khối lượng công việc\t",
				pr, t->task_id, pr);
		if (pr >= 50)
			cprintf(c, "Báo cáo số %lld/BC-%s", t->task_id % 9000 + 100, t->leads[k]);
		else
			cput(c, "\\N");
		cprintf(c, "\tĐầu mối %s\t", t->leads[k]);
		if (t->dl.kind != DK_NONE)
			cput(c, t->dl.text);
		else
			cput(c, "\\N");
		copy_end_row(c);
	}
}

static void
emit_kpi(Copy *c, const Task *t, long long kid)
{
	Rng			r = rng_for(6, t->task_id, 0);
	int			dec = runif(&r) < 0.25;
	int			base = rint_(&r, 5, 60);
	int			target = dec ? rint_(&r, 0, base / 2) : rint_(&r, base + 10, 100);

	cprintf(c, "%lld\tKPI.%lld\t%s %lld\t%lld\t%s\t%%\t%s\t%d\t%d\t",
			kid, t->task_id, dec ? "Tỷ lệ hồ sơ trễ hạn, nhiệm vụ" : "Tỷ lệ hồ sơ được số hóa, nhiệm vụ",
			t->task_id, t->task_id, t->leads[0], dec ? "decrease" : "increase", base, target);
	if (t->dl.kind != DK_NONE && t->dl.kind != DK_RECURRING)
		cput(c, t->dl.text);
	else
		cput(c, "\\N");
	copy_end_row(c);
}

static void
emit_kpi_values(Copy *c, const Task *t, long long kid)
{
	Rng			r = rng_for(6, t->task_id, 0);
	int			dec = runif(&r) < 0.25;
	int			base = rint_(&r, 5, 60);
	int			target = dec ? rint_(&r, 0, base / 2) : rint_(&r, base + 10, 100);
	Rng			rv = rng_for(7, t->task_id, 0);
	int			y,
				m,
				d,
				i;

	/* monthly values, the last day of each month from the month after the directive to today */
	civil_from_days(t->issued, &y, &m, &d);
	for (i = 0; i < 24; i++)
	{
		int			day;
		double		frac,
					v;

		if (++m > 12)
		{
			m = 1;
			y++;
		}
		day = month_end(y, m);
		if (day > opt_today)
			break;
		frac = (i + 1) / 14.0 * (0.6 + 0.8 * runif(&rv));
		if (frac > 1.1)
			frac = 1.1;
		v = base + (target - base) * frac;
		if (v < 0)
			v = 0;
		if (v > 100)
			v = 100;
		cprintf(c, "%lld\t", kid);
		cdate(c, day);
		cprintf(c, "\t%.1f\tBáo cáo tháng %d/%d\t", v, m, y);
		cts(c, day, 17 * 60);
		cput(c, "\tgenerator");
		copy_end_row(c);
	}
}

static void
run_pass(PGconn *conn, Copy *c, PassId pass)
{
	Walk		w;
	Family		f = {0};
	long long	next_report = report_id0,
				next_kpi = kpi_id0;

	copy_begin(c, conn, pass_table[pass], pass_cols[pass]);
	walk_init(&w);
	while (build_family(&w, &f))
	{
		long long	fam = w.family - 1;
		int			i,
					k;

		for (i = 0; i < f.n; i++)
		{
			const Task *t = &f.t[i];

			switch (pass)
			{
				case P_TASK:
					emit_task(c, t, fam);
					break;
				case P_TASK_AGENCY:
					for (k = 0; k < t->nleads; k++)
						cprintf(c, "%lld\t%s\tlead\t%d\n", t->task_id, t->leads[k], k + 1), c->rows++;
					for (k = 0; k < t->ncoop; k++)
					{
						int			j,
									dup = 0;

						for (j = 0; j < t->nleads; j++)
							dup |= strcmp(t->coop[k], t->leads[j]) == 0;
						if (k == 1)
							dup |= strcmp(t->coop[1], t->coop[0]) == 0;
						if (!dup)
							cprintf(c, "%lld\t%s\tcooperating\t%d\n", t->task_id, t->coop[k], k + 1), c->rows++;
					}
					break;
				case P_ASSIGNMENT:
					for (k = 0; k < t->nleads; k++)
						emit_assignment(c, t, k);
					break;
				case P_TASK_LINK:
					if (t->parent)
					{
						cprintf(c, "%lld\t%lld\tderives\t\\N", t->task_id, t->parent);
						copy_end_row(c);
					}
					break;
				case P_REPORT:
					for (k = 0; k < t->nleads; k++)
						emit_reports(c, t, k, &next_report);
					break;
				case P_KPI:
					if (kpi_of(t))
						emit_kpi(c, t, next_kpi++);
					break;
				case P_KPI_VALUE:
					if (kpi_of(t))
						emit_kpi_values(c, t, next_kpi++);
					break;
				default:
					break;
			}
		}
		progress(c, walk_frac(&w), 0);
	}
	copy_end(c);
	progress(c, 1.0, 1);
	free(f.t);
}

/* counts of the last ids a full walk gives (for setval and the report) */
static void
walk_totals(long long *tasks, long long *assignments, long long *reports, long long *kpis, long long *fams)
{
	Walk		w;
	Family		f = {0};

	*reports = 0;
	*kpis = 0;
	walk_init(&w);
	while (build_family(&w, &f))
	{
		int			i,
					k;

		for (i = 0; i < f.n; i++)
		{
			for (k = 0; k < f.t[i].nleads; k++)
			{
				Fate		fa;

				fate_of(&f.t[i], k, &fa);
				*reports += fa.nreports;
			}
			*kpis += kpi_of(&f.t[i]);
		}
	}
	free(f.t);
	*tasks = w.next_task - task_id0;
	*assignments = w.next_assignment - assignment_id0;
	*fams = w.family;
}

/* ------------------------------------------------------------------ setup: agencies, groups, directives */

static void
session_setup(PGconn *conn)
{
	exec_ok(conn, "SET synchronous_commit = off");
	exec_ok(conn, "SET client_min_messages = warning");
	if (opt_no_triggers)
		exec_ok(conn, "SET session_replication_role = replica");
}

static void
load_world(PGconn *conn)
{
	PGresult   *r;
	int			i,
				p,
				k;
	Copy		c = {0};
	char		sql[512];

	r = PQexec(conn, "SELECT code, name FROM neongraph.agency WHERE kind = 'province' ORDER BY agency_id");
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) == 0)
		die("no provinces in neongraph.agency (is the extension installed?) %s", PQerrorMessage(conn));
	n_provs = PQntuples(r);
	provs = calloc(n_provs, sizeof(Province));
	for (i = 0; i < n_provs; i++)
	{
		const char *nm = PQgetvalue(r, i, 1);

		if (strlen(PQgetvalue(r, i, 0)) >= sizeof provs[i].code)
			die("province code too long: %s", PQgetvalue(r, i, 0));
		memcpy(provs[i].code, PQgetvalue(r, i, 0), strlen(PQgetvalue(r, i, 0)) + 1);
		snprintf(provs[i].name, sizeof provs[i].name, "%s", nm);
		if (strncmp(nm, "Thành phố ", strlen("Thành phố ")) == 0)
			nm += strlen("Thành phố ");
		else if (strncmp(nm, "Tỉnh ", strlen("Tỉnh ")) == 0)
			nm += strlen("Tỉnh ");
		snprintf(provs[i].shortname, sizeof provs[i].shortname, "%s", nm);
	}
	PQclear(r);
	r = PQexec(conn, "SELECT code FROM neongraph.agency WHERE kind = 'ministry' AND parent_code IS NULL ORDER BY agency_id");
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) == 0)
		die("no ministries in neongraph.agency");
	n_ministries = PQntuples(r);
	ministries = calloc(n_ministries, 16);
	for (i = 0; i < n_ministries; i++)
	{
		if (strlen(PQgetvalue(r, i, 0)) >= 16)
			die("ministry code too long: %s", PQgetvalue(r, i, 0));
		memcpy(ministries[i], PQgetvalue(r, i, 0), strlen(PQgetvalue(r, i, 0)) + 1);
	}
	PQclear(r);

	/* departments and communes (skipped when an earlier run added them) */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM neongraph.agency WHERE code = '%s.X001'", provs[0].code);
	if (atoi(query1(conn, sql)) == 0)
	{
		copy_begin(&c, conn, "agency", "code, name, kind, parent_code");
		for (p = 0; p < n_provs; p++)
		{
			for (k = 0; k < N_PROV_DEPTS; k++)
			{
				cprintf(&c, "%s.S%02d\t%s %s\tdepartment\t%s", provs[p].code, k + 1, dept_fields[k],
						provs[p].name, provs[p].code);
				copy_end_row(&c);
			}
			for (k = 0; k < N_PROV_COMMUNES; k++)
			{
				/* names unique within the province: (w1, w2) pairs; "Phường" for every third */
				cprintf(&c, "%s.X%03d\t%s %s %s (%s)\tcommune\t%s", provs[p].code, k + 1,
						k % 3 == 1 ? "Phường" : "Xã", w1[k % 20], w2[(k / 20 + p) % 5],
						provs[p].shortname, provs[p].code);
				copy_end_row(&c);
			}
		}
		copy_end(&c);
		progress(&c, 1.0, 1);
	}

	/* working groups N1..N5 (67-QĐ/TGV has five) with member agencies */
	exec_ok(conn,
			"INSERT INTO neongraph.working_group (code, name, leader) VALUES "
			"('N1', 'Nhóm 1: Phụ trách chuyển đổi số khối Chính phủ', 'Trưởng nhóm 1'), "
			"('N2', 'Nhóm 2: Phụ trách khối Đảng, Mặt trận và đoàn thể', 'Trưởng nhóm 2'), "
			"('N3', 'Nhóm 3: Phụ trách các địa phương miền Bắc', 'Trưởng nhóm 3'), "
			"('N4', 'Nhóm 4: Phụ trách các địa phương miền Trung và miền Nam', 'Trưởng nhóm 4'), "
			"('N5', 'Nhóm 5: Phụ trách các cơ quan nhà nước Trung ương khác', 'Trưởng nhóm 5') "
			"ON CONFLICT (code) DO NOTHING");
	snprintf(sql, sizeof sql,
			 "INSERT INTO neongraph.working_group_member (group_code, agency_code, role) "
			 "SELECT CASE WHEN kind = 'ministry' THEN 'N1' WHEN kind = 'party_central' THEN 'N2' "
			 "            WHEN kind = 'state_central' THEN 'N5' "
			 "            WHEN row_number() OVER (PARTITION BY kind ORDER BY agency_id) <= %d THEN 'N3' ELSE 'N4' END, "
			 "       code, 'member' FROM neongraph.agency "
			 "WHERE parent_code IS NULL AND kind IN ('ministry', 'party_central', 'state_central', 'province') "
			 "ON CONFLICT DO NOTHING", n_provs / 2);
	exec_ok(conn, sql);

	/* directives: central (n_cdir), one per province per central, one per commune per central */
	dir_id0 = atoll(query1(conn, "SELECT coalesce(max(directive_id), 0) + 1 FROM neongraph.directive"));
	copy_begin(&c, conn, "directive", "directive_id, docref, kind, issuer, issued_on, signer, title");
	for (i = 0; i < n_cdir; i++)
	{
		static const char *fmt[4] = {"%d-TB/TGV", "%d-KH/BCĐTW", "%d/CT-TTg", "%d/QĐ-TTg"};
		static const char *kind[4] = {"TB", "KH", "CT", "QĐ"};
		static const char *issuer[4] = {"Tổ Giúp việc Ban Chỉ đạo Trung ương", "Ban Chỉ đạo Trung ương",
		"Thủ tướng Chính phủ", "Thủ tướng Chính phủ"};
		char		docref[64];

		cdir_issued[i] = opt_today - 480 + i * 35;
		snprintf(docref, sizeof docref, fmt[i % 4], 900 + i);
		cprintf(&c, "%lld\t%s\t%s\t%s\t", dir_central(i), docref, kind[i % 4], issuer[i % 4]);
		cdate(&c, cdir_issued[i]);
		cprintf(&c, "\tNgười ký %d\tVề đẩy mạnh chuyển đổi số quốc gia, đợt %d", i + 1, i + 1);
		copy_end_row(&c);
	}
	for (p = 0; p < n_provs; p++)
		for (i = 0; i < n_cdir; i++)
		{
			cprintf(&c, "%lld\t%d/KH-UBND-%s\tKH\tỦy ban nhân dân %s\t", dir_prov(p, i), 900 + i,
					provs[p].code, provs[p].name);
			cdate(&c, dir_prov_issued(p, i));
			cprintf(&c, "\t\\N\tKế hoạch triển khai, đợt %d", i + 1);
			copy_end_row(&c);
		}
	for (p = 0; p < n_provs; p++)
		for (k = 0; k < N_PROV_COMMUNES; k++)
			for (i = 0; i < n_cdir; i++)
			{
				cprintf(&c, "%lld\t%d/KH-UBND-%sX%03d\tKH\tỦy ban nhân dân xã\t", dir_commune(p, k, i),
						900 + i, provs[p].code, k + 1);
				cdate(&c, dir_commune_issued(p, k, i));
				cprintf(&c, "\t\\N\tKế hoạch triển khai ở cấp xã, đợt %d", i + 1);
				copy_end_row(&c);
			}
	copy_end(&c);
	progress(&c, 1.0, 1);

	copy_begin(&c, conn, "directive_link", "directive, implements");
	for (p = 0; p < n_provs; p++)
		for (i = 0; i < n_cdir; i++)
		{
			static const char *fmt[4] = {"%d-TB/TGV", "%d-KH/BCĐTW", "%d/CT-TTg", "%d/QĐ-TTg"};
			char		docref[64];

			snprintf(docref, sizeof docref, fmt[i % 4], 900 + i);
			cprintf(&c, "%d/KH-UBND-%s\t%s", 900 + i, provs[p].code, docref);
			copy_end_row(&c);
			for (k = 0; k < N_PROV_COMMUNES; k++)
			{
				cprintf(&c, "%d/KH-UBND-%sX%03d\t%d/KH-UBND-%s", 900 + i, provs[p].code, k + 1, 900 + i, provs[p].code);
				copy_end_row(&c);
			}
		}
	copy_end(&c);
	progress(&c, 1.0, 1);
	free(c.buf);
}

/* ------------------------------------------------------------------ main */

static int
parse_date(const char *s)
{
	int			y,
				m,
				d;

	if (sscanf(s, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		die("bad date '%s' (want YYYY-MM-DD)", s);
	return days_from_civil(y, m, d);
}

static void
usage(void)
{
	fprintf(stderr,
			"usage: gen [--scale N] [--seed S] [--today YYYY-MM-DD] [--no-triggers] [--jobs J]\n"
			"           [--reports R] [--no-analyze] [--quiet]\n"
			"Connects with the libpq environment (PGHOST, PGPORT, PGUSER, PGDATABASE).\n");
	exit(2);
}

static double
cpu_s(int who)
{
	struct rusage ru;

	getrusage(who, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	PGconn	   *conn;
	int			i;
	double		t0 = now_s(),
				t_world,
				t_load;
	long long	n_tasks,
				n_assign,
				n_reports,
				n_kpis,
				n_fams;
	int			assign_to[N_PASSES];
	char	   *srv_today;

	opt_today = days_from_civil(2026, 11, 1);
	for (i = 1; i < argc; i++)
	{
		const char *a = argv[i];

		if (!strcmp(a, "--scale") && i + 1 < argc)
			opt_scale = atoll(argv[++i]);
		else if (!strcmp(a, "--seed") && i + 1 < argc)
			opt_seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(a, "--today") && i + 1 < argc)
			opt_today = parse_date(argv[++i]);
		else if (!strcmp(a, "--no-triggers"))
			opt_no_triggers = 1;
		else if (!strcmp(a, "--jobs") && i + 1 < argc)
			opt_jobs = atoi(argv[++i]);
		else if (!strcmp(a, "--reports") && i + 1 < argc)
			opt_reports = atof(argv[++i]);
		else if (!strcmp(a, "--no-analyze"))
			opt_analyze = 0;
		else if (!strcmp(a, "--quiet"))
			opt_quiet = 1;
		else
			usage();
	}
	if (opt_scale < 1)
		die("--scale must be positive");
	if (opt_jobs < 1 || opt_jobs > 16)
		die("--jobs must be 1..16");
	if (opt_jobs > 1 && !opt_no_triggers)
		die("--jobs > 1 needs --no-triggers (foreign keys are checked table by table otherwise)");
	if (opt_reports < 0 || opt_reports > 100)
		die("--reports must be 0..100");

	conn = connect_db();
	session_setup(conn);
	srv_today = query1(conn, "SELECT neongraph.today()");
	if (opt_today > parse_date(srv_today))
		die("--today is after the server's neongraph.today() (%s): completions would be in the future", srv_today);
	if (atoll(query1(conn, "SELECT count(*) FROM (SELECT 1 FROM neongraph.task LIMIT 1) s")) != 0 ||
		atoll(query1(conn, "SELECT count(*) FROM (SELECT 1 FROM neongraph.directive LIMIT 1) s")) != 0)
		die("neongraph.task or neongraph.directive is not empty: generate into a fresh database");
	task_id0 = atoll(query1(conn, "SELECT coalesce(max(task_id), 0) + 1 FROM neongraph.task"));
	assignment_id0 = atoll(query1(conn, "SELECT coalesce(max(assignment_id), 0) + 1 FROM neongraph.assignment"));
	report_id0 = atoll(query1(conn, "SELECT coalesce(max(report_id), 0) + 1 FROM neongraph.progress_report"));
	kpi_id0 = atoll(query1(conn, "SELECT coalesce(max(kpi_id), 0) + 1 FROM neongraph.kpi"));

	/* families of ~2,900 assignments; small scales use fewer central directives */
	n_cdir = (int) (opt_scale / 30000);
	if (n_cdir < 1)
		n_cdir = 1;
	if (n_cdir > N_CENTRAL_DIRECTIVES_MAX)
		n_cdir = N_CENTRAL_DIRECTIVES_MAX;

	if (!opt_quiet)
		fprintf(stderr, "[gen] scale %lld assignments, seed %llu, %s, %d job(s), %.2f reports/assignment\n",
				opt_scale, (unsigned long long) opt_seed,
				opt_no_triggers ? "no triggers (session_replication_role = replica)" : "with triggers",
				opt_jobs, opt_reports);
	{
		int			y,
					m,
					d;

		civil_from_days(opt_today, &y, &m, &d);
		if (!opt_quiet)
			fprintf(stderr, "[gen] reference day %04d-%02d-%02d (server today %s)\n", y, m, d, srv_today);
	}

	exec_ok(conn, "BEGIN");
	load_world(conn);
	exec_ok(conn, "COMMIT");
	t_world = now_s() - t0;

	/* the big passes, spread over the jobs by weight */
	{
		double		load[16] = {0};

		for (i = 0; i < N_PASSES; i++)
		{
			int			j,
						best = 0;

			for (j = 1; j < opt_jobs; j++)
				if (load[j] < load[best])
					best = j;
			assign_to[i] = best;
			load[best] += pass_weight[i];
		}
	}
	if (opt_jobs == 1)
	{
		Copy		c = {0};

		for (i = 0; i < N_PASSES; i++)
		{
			exec_ok(conn, "BEGIN");
			run_pass(conn, &c, (PassId) i);
			exec_ok(conn, "COMMIT");
		}
		free(c.buf);
	}
	else
	{
		int			j,
					failed = 0;
		pid_t		pids[16];

		fflush(stderr);
		for (j = 0; j < opt_jobs; j++)
		{
			pids[j] = fork();
			if (pids[j] < 0)
				die("fork: %s", strerror(errno));
			if (pids[j] == 0)
			{
				PGconn	   *wc = connect_db();
				Copy		c = {0};

				c.worker = j;
				session_setup(wc);
				for (i = 0; i < N_PASSES; i++)
					if (assign_to[i] == j)
					{
						exec_ok(wc, "BEGIN");
						run_pass(wc, &c, (PassId) i);
						exec_ok(wc, "COMMIT");
					}
				PQfinish(wc);
				_exit(0);
			}
		}
		for (j = 0; j < opt_jobs; j++)
		{
			int			st;

			if (waitpid(pids[j], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
				failed = 1;
		}
		if (failed)
			die("a worker failed");
	}
	t_load = now_s() - t0;

	walk_totals(&n_tasks, &n_assign, &n_reports, &n_kpis, &n_fams);

	/* identity sequences follow the explicit ids */
	exec_ok(conn, "SELECT setval(pg_get_serial_sequence('neongraph.' || t, c), greatest((SELECT 1), coalesce(m, 1)), m IS NOT NULL) "
			"FROM (VALUES ('directive', 'directive_id', (SELECT max(directive_id) FROM neongraph.directive)), "
			"             ('task', 'task_id', (SELECT max(task_id) FROM neongraph.task)), "
			"             ('assignment', 'assignment_id', (SELECT max(assignment_id) FROM neongraph.assignment)), "
			"             ('progress_report', 'report_id', (SELECT max(report_id) FROM neongraph.progress_report)), "
			"             ('kpi', 'kpi_id', (SELECT max(kpi_id) FROM neongraph.kpi))) v(t, c, m)");
	if (opt_no_triggers)
	{
		exec_ok(conn, "SET session_replication_role = origin");
		if (atoi(query1(conn, "SELECT count(*) FROM pg_proc WHERE proname = 'rebuild_summaries' "
						"AND pronamespace = 'neongraph'::regnamespace")) > 0)
		{
			double		ts = now_s();

			exec_ok(conn, "SELECT neongraph.rebuild_summaries()");
			if (!opt_quiet)
				fprintf(stderr, "[gen] neongraph.rebuild_summaries() %.1f s\n", now_s() - ts);
		}
	}
	if (opt_analyze)
	{
		double		ts = now_s();

		exec_ok(conn, "ANALYZE neongraph.agency, neongraph.directive, neongraph.directive_link, neongraph.task, "
				"neongraph.task_agency, neongraph.assignment, neongraph.task_link, neongraph.progress_report, "
				"neongraph.kpi, neongraph.kpi_value, neongraph.working_group_member");
		if (!opt_quiet)
			fprintf(stderr, "[gen] ANALYZE %.1f s\n", now_s() - ts);
	}
	{
		double		wall = now_s() - t0;
		double		cpu = cpu_s(RUSAGE_SELF) + cpu_s(RUSAGE_CHILDREN);

		printf("families=%lld tasks=%lld assignments=%lld progress_reports=%lld kpis=%lld "
			   "directives=%d wall_s=%.1f load_s=%.1f world_s=%.1f gen_cpu_s=%.1f gen_cpu_share=%.3f\n",
			   n_fams, n_tasks, n_assign, n_reports, n_kpis,
			   n_cdir * (1 + n_provs + n_provs * N_PROV_COMMUNES),
			   wall, t_load, t_world, cpu, cpu / (wall > 0 ? wall : 1));
	}
	PQfinish(conn);
	return 0;
}
