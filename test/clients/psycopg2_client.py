#!/usr/bin/env python3
"""neongraph through a real Python driver: psycopg2 (Debian's python3-psycopg2).

Connects over TCP like a BI tool or another system would, and checks that
  - every view in schema neongraph (found at run time) has plain column types
    only, and that every value of every row arrives as the Python type of its
    column (int, Decimal, datetime.date, bool, str, dict/list for jsonb...);
  - every column of a custom type (deadline, docref, task_status, rollup) in
    the tables and in function results arrives as a str equal to the server's
    ::text, and the views' deadline/docref/status text is the canonical form;
  - functions called with parameters work (dates, Vietnamese text in NFD,
    jsonb in and out), and a deadline survives a round trip through a text
    parameter and through binary COPY;
  - errors arrive with their SQLSTATE, detail and hint.

usage: psycopg2_client.py DBNAME PORT [HOST]
Prints a line per failed check and ends with "python: N checks, N failed".
"""
import datetime
import decimal
import os
import sys
import time
import traceback
import unicodedata

import psycopg2
import psycopg2.errors
import psycopg2.extras

DB = sys.argv[1]
PORT = int(sys.argv[2])
HOST = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"

checks = 0
failed = 0


def check(cond, what, got=None):
    global checks, failed
    checks += 1
    if not cond:
        failed += 1
        print("FAIL python: %s%s" % (what, "" if got is None else " -- got %r" % (got,)))
    return cond


def nfd(s):
    return unicodedata.normalize("NFD", s)


conn = psycopg2.connect(dbname=DB, host=HOST, port=PORT, user="postgres",
                        application_name="neongraph-clients-psycopg2")
conn.autocommit = True
cur = conn.cursor()


def q(sql, params=None):
    cur.execute(sql, params)
    return cur.fetchall()


def q1(sql, params=None):
    cur.execute(sql, params)
    return cur.fetchone()


print("python: psycopg2 %s, libpq %s, server %s" % (psycopg2.__version__.split()[0],
      psycopg2.extensions.libpq_version(), conn.server_version))
check(conn.encoding == "UTF8", "client encoding is UTF8", conn.encoding)

# the types of the database, by OID: (schema, name, typtype, array element oid)
TYPES = {oid: (nsp, name, typtype, elem) for oid, nsp, name, typtype, elem in q(
    "SELECT t.oid, n.nspname, t.typname, t.typtype, t.typelem "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace")}

INT = (int,)
PY_OF = {
    "int2": INT, "int4": INT, "int8": INT, "oid": INT,
    "numeric": (decimal.Decimal,), "float4": (float,), "float8": (float,),
    "text": (str,), "varchar": (str,), "bpchar": (str,), "name": (str,),
    "date": (datetime.date,), "timestamptz": (datetime.datetime,),
    "timestamp": (datetime.datetime,), "time": (datetime.time,),
    "interval": (datetime.timedelta,), "bool": (bool,),
    "jsonb": (dict, list), "json": (dict, list),
}


def plain(oid):
    """A core type (pg_catalog, base type) a BI tool knows; arrays of those."""
    t = TYPES.get(oid)
    if t is None:
        return False
    nsp, name, typtype, elem = t
    if nsp != "pg_catalog" or typtype != "b":
        return False
    if name.startswith("_") and elem:
        return plain(elem)
    return name in PY_OF


def value_ok(oid, v):
    nsp, name, typtype, elem = TYPES[oid]
    if name.startswith("_") and elem:
        return isinstance(v, list) and all(x is None or value_ok(elem, x) for x in v)
    if name == "bool":
        return type(v) is bool
    if name in ("int2", "int4", "int8", "oid"):
        return type(v) is int
    if name == "timestamptz":
        return isinstance(v, datetime.datetime) and v.tzinfo is not None
    if name == "date":
        return type(v) is datetime.date
    return isinstance(v, PY_OF[name])


def section(name, fn):
    """Run a group of checks; an unexpected exception counts as one failure."""
    global checks, failed
    t0 = time.time()
    try:
        fn()
    except Exception:
        checks += 1
        failed += 1
        print("FAIL python: %s raised:" % name)
        traceback.print_exc(file=sys.stdout)
        if conn.status != psycopg2.extensions.STATUS_READY:
            conn.rollback()
    if os.environ.get("NG_CLIENTS_TIMING"):
        print("python: %s %.2fs" % (name, time.time() - t0))


# ---- every view: plain types, values of the right Python type ---------------
def every_view():
    views = [r[0] for r in q("SELECT table_name FROM information_schema.views "
                             "WHERE table_schema = 'neongraph' ORDER BY table_name")]
    check(len(views) > 0, "schema neongraph has views")
    rows_seen = 0
    for v in views:
        cur.execute('SELECT * FROM neongraph."%s"' % v.replace('"', '""'))
        desc = cur.description
        rows = cur.fetchall()
        rows_seen += len(rows)
        odd = ["%s:%s.%s" % ((d.name,) + TYPES.get(d.type_code, ("?", "?"))[:2])
               for d in desc if not plain(d.type_code)]
        check(not odd, "view %s: every column of a plain core type" % v, odd)
        bad = []
        for i, d in enumerate(desc):
            if not plain(d.type_code):
                continue
            for r in rows:
                if r[i] is not None and not value_ok(d.type_code, r[i]):
                    bad.append((d.name, TYPES[d.type_code][1], type(r[i]).__name__, r[i]))
                    break
        check(not bad, "view %s: %d rows, every value arrives as its column's Python type"
              % (v, len(rows)), bad[:3])
        # text that stands for a custom type is that type's canonical text
        for i, d in enumerate(desc):
            if TYPES.get(d.type_code, (0, ""))[1] != "text":
                continue
            col = d.name
            vals = sorted({r[i] for r in rows if r[i] is not None})
            if not vals:
                continue
            # deadline columns hold the deadline as written in the source (any
            # wording), so only the docref and status texts have a canonical form
            if col == "directive":
                wrong = q("SELECT v FROM unnest(%s::text[]) v "
                          "WHERE neongraph.try_docref(v)::text IS DISTINCT FROM v", (vals,))
                check(not wrong, "view %s.%s: canonical docref text" % (v, col), wrong[:3])
            elif col in ("status", "status_current"):
                wrong = q("SELECT v FROM unnest(%s::text[]) v WHERE v <> ALL "
                          "(enum_range(NULL::neongraph.task_status)::text[])", (vals,))
                check(not wrong, "view %s.%s: task_status labels" % (v, col), wrong[:3])
    check(rows_seen > 0, "the views hold rows", rows_seen)


# ---- columns of custom types in the tables ----------------------------------
def custom_columns():
    cols = q("SELECT c.table_name, c.column_name, c.udt_name "
             "FROM information_schema.columns c JOIN information_schema.tables t "
             "  USING (table_schema, table_name) "
             "WHERE c.table_schema = 'neongraph' AND c.udt_schema = 'neongraph' "
             "  AND t.table_type = 'BASE TABLE' ORDER BY 1, 2")
    check(len(cols) > 0, "tables have columns of neongraph's types")
    for table, col, udt in cols:
        cur.execute('SELECT "%s", "%s"::text FROM neongraph."%s" WHERE "%s" IS NOT NULL'
                    % (col, col, table, col))
        rows = cur.fetchall()
        bad = [r for r in rows if not (type(r[0]) is str and r[0] == r[1])]
        check(not bad, "table %s.%s (%s): %d values arrive as str equal to ::text"
              % (table, col, udt, len(rows)), bad[:3])


# ---- custom types in expressions and function results -----------------------
def custom_values():
    samples = {"2025-12-31": "2025-12-31", "before 2025-09-20": "before 2025-09-20",
               "2025-Q4": "2025-Q4", "quý IV/2025": "2025-Q4", "tháng 9/2025": "2025-09",
               "6 tháng đầu năm 2026": "2026-H1", "thường xuyên": "recurring",
               "từ ngày 11/4/2025 đến ngày 20/4/2025": "2025-04-11/2025-04-20"}
    for given, want in samples.items():
        got = q1("SELECT %s::neongraph.deadline", (given,))[0]
        check(type(got) is str and got == want, "deadline parameter %r arrives as %r" % (given, want), got)
        # the canonical text is itself a valid input: round trip
        back = q1("SELECT %s::neongraph.deadline", (got,))[0]
        check(back == want, "deadline %r round-trips through a parameter" % want, back)
    # NFD-decomposed Vietnamese (as macOS, some editors and web forms send it)
    for given, want in (("trước ngày 20/9/2025", "before 2025-09-20"),
                        ("quý IV/2025", "2025-Q4"), ("thường xuyên", "recurring")):
        d = nfd(given)
        check(d != given, "test string %r is really decomposed in NFD" % given)
        got = q1("SELECT %s::neongraph.deadline, neongraph.try_deadline(%s)", (d, d))
        check(list(got) == [want, want], "NFD deadline %r parses as %r" % (given, want), got)
    # the Vietnamese style
    cur.execute("SET neongraph.deadline_style = 'vi'")
    got = q1("SELECT %s::neongraph.deadline, %s::neongraph.deadline",
             ("2025-12-31", "before 2025-09-20"))
    check(list(got) == ["31/12/2025", "trước ngày 20/9/2025"], "deadline_style vi output", got)
    check(unicodedata.is_normalized("NFC", got[1]), "vi output is NFC", got[1])
    cur.execute("RESET neongraph.deadline_style")
    got = q1("SELECT '44-TB/TGV'::neongraph.docref, %s::neongraph.docref",
             ("07-TB/CQTTBCĐ",))
    check(list(got) == ["44-TB/TGV", "07-TB/CQTTBCĐ"], "docref arrives as str", got)
    # enum and composite
    got = q1("SELECT 'overdue'::neongraph.task_status, "
             "       neongraph.status_rollup(s), (neongraph.status_rollup(s)).* "
             "FROM unnest(ARRAY['done_on_time','done_late','overdue','on_track']"
             "            ::neongraph.task_status[]) s")
    check(got[0] == "overdue", "task_status arrives as str", got[0])
    check(type(got[1]) is str and got[1].startswith("(") and got[1].endswith(")"),
          "rollup composite arrives as its text '(...)'", got[1])
    nums = got[2:]
    check(all(isinstance(x, (int, decimal.Decimal)) for x in nums if x is not None),
          "rollup fields (.*) arrive as int/Decimal", [type(x).__name__ for x in nums])
    check(any(type(x) is int for x in nums) and any(isinstance(x, decimal.Decimal) for x in nums),
          "rollup has counts (int) and rates (Decimal)", nums)
    names = [d.name for d in cur.description][2:]
    check("total" in names and "overdue" in names, "rollup field names", names)


# ---- functions with parameters ----------------------------------------------
def functions():
    D = datetime.date
    cases = [
        (("2025-12-31", None, D(2026, 1, 5)), "overdue"),
        (("2025-12-31", D(2025, 12, 30), D(2026, 1, 5)), "done_on_time"),
        (("2025-12-31", D(2026, 1, 2), D(2026, 1, 5)), "done_late"),
        (("2025-12-31", None, D(2025, 12, 28)), "due_soon"),
        (("2025-12-31", None, D(2025, 10, 1)), "on_track"),
        ((nfd("trước ngày 20/9/2025"), None, D(2025, 9, 25)), "overdue"),
        ((nfd("thường xuyên"), None, D(2025, 9, 25)), "recurring"),
    ]
    for params, want in cases:
        got = q1("SELECT neongraph.deadline_status(%s::neongraph.deadline, %s, %s)", params)[0]
        check(got == want, "deadline_status%r = %s" % (params, want), got)
    got = q1("SELECT neongraph.deadline_status(%s, %s, %s)",
             ("2025-12-31", None, D(2026, 1, 5)))[0]
    check(got == "overdue", "deadline_status with an untyped text parameter (no cast)", got)
    got = q1("SELECT neongraph.status_label(%s, %s), neongraph.status_label(%s, 'en')",
             ("overdue", "vi", "overdue"))
    check(type(got[0]) is str and got[0] == "Quá hạn" and got[1] and got[1] != got[0],
          "status_label vi/en", got)
    got = q1("SELECT neongraph.format_rate(%s)", (decimal.Decimal("0.8567"),))[0]
    check(type(got) is str and "85" in got and "%" in got, "format_rate(Decimal) is text", got)
    got = q1("SELECT neongraph.due_date(%s::neongraph.deadline), neongraph.is_soft(%s::neongraph.deadline)",
             ("2025-Q4", "2025-Q4"))
    check(got[0] == D(2025, 12, 31) and type(got[1]) is bool,
          "due_date -> datetime.date, is_soft -> bool", got)
    text = nfd("Hoàn thành trước ngày 20/9/2025 và báo cáo trong Quý IV/2025")
    rows = q("SELECT deadline, phrase, pos FROM neongraph.extract_deadlines(%s)", (text,))
    check([r[0] for r in rows] == ["before 2025-09-20", "2025-Q4"]
          and all(type(r[1]) is str and type(r[2]) is int for r in rows),
          "extract_deadlines on NFD text: str deadlines, int positions", rows)
    got = q1("SELECT neongraph.try_deadline(%s)", ("không rõ",))[0]
    check(got is None, "try_deadline of nonsense is None", got)
    got = q1("SELECT neongraph.deadline_of(%s)", (D(2025, 12, 31),))[0]
    check(got == "2025-12-31", "deadline_of(datetime.date)", got)
    arr = q1("SELECT ARRAY['2025-Q4', '2025-09']::neongraph.deadline[]")[0]
    check(arr in (["2025-Q4", "2025-09"], "{2025-Q4,2025-09}"),
          "deadline[] arrives as a list or its text", arr)


# ---- binary COPY round trip -------------------------------------------------
def binary_copy():
    import io
    vals = ["2025-12-31", "before 2025-09-20", "2025-Q4", "2025-09", "2026-H1", "2025",
            "2025-04-11/2025-04-20", "recurring", "recurring monthly", nfd("tháng 10/2025")]
    conn.autocommit = False
    try:
        cur.execute("CREATE TEMP TABLE ng_copy (i bigint, d neongraph.deadline, r neongraph.docref)")
        buf = io.BytesIO()
        cur.copy_expert(cur.mogrify(
            "COPY (SELECT i, v::neongraph.deadline, '44-TB/TGV'::neongraph.docref "
            "      FROM unnest(%s::text[]) WITH ORDINALITY u(v, i)) TO STDOUT (FORMAT binary)",
            (vals,)).decode(), buf)
        data = buf.getvalue()
        check(data.startswith(b"PGCOPY\n\xff\r\n\0"), "binary COPY out of deadlines", data[:11])
        buf.seek(0)
        cur.copy_expert("COPY ng_copy FROM STDIN (FORMAT binary)", buf)
        rows = q("SELECT c.d::text = u.v::neongraph.deadline::text, c.r::text, c.d "
                 "FROM ng_copy c JOIN unnest(%s::text[]) WITH ORDINALITY u(v, i) USING (i) "
                 "ORDER BY i", (vals,))
        check(len(rows) == len(vals) and all(r[0] and r[1] == "44-TB/TGV" for r in rows),
              "deadline and docref survive a binary COPY round trip", rows)
        check(rows[-1][2] == "2025-10", "NFD 'tháng 10/2025' stored as 2025-10", rows[-1][2])
    finally:
        conn.rollback()
        conn.autocommit = True


# ---- the write API and jsonb ------------------------------------------------
def api_and_json():
    row = q1("SELECT task_id, agency_code FROM neongraph.assignment_state "
             "WHERE completed_on IS NULL AND NOT cancelled AND NOT blocked "
             "ORDER BY task_id, agency_code LIMIT 1")
    if not check(row is not None, "an open assignment to report on"):
        return
    task_id, agency = row
    check(type(task_id) is int, "task_id arrives as int", task_id)
    conn.autocommit = False
    try:
        report = {"results": nfd("Đã hoàn thành 60% khối lượng"),
                  "focal_point": "Văn phòng", "milestone": "tháng 12/2025"}
        rid = q1("SELECT neongraph.report_progress(%s, %s, %s, %s)",
                 (task_id, agency, 60, psycopg2.extras.Json(report)))[0]
        check(type(rid) is int, "report_progress(jsonb param) returns an int report_id", rid)
        got = q1("SELECT progress, results FROM neongraph.progress_report WHERE report_id = %s", (rid,))
        check(got is not None and got[0] == 60 and got[1] is not None
              and unicodedata.normalize("NFC", got[1]) == "Đã hoàn thành 60% khối lượng",
              "the report's Vietnamese text is stored", got)
        st = q1("SELECT neongraph.complete_assignment(%s, %s, %s, %s)",
                (task_id, agency, datetime.date.today() - datetime.timedelta(days=1),
                 "Báo cáo số 1/BC"))[0]
        check(st in ("done_on_time", "done_late"), "complete_assignment returns a task_status str", st)
        got = q1("SELECT completed_on, progress, status FROM neongraph.assignment_state "
                 "WHERE task_id = %s AND agency_code = %s", (task_id, agency))
        check(got is not None and type(got[0]) is datetime.date and got[1] == 100 and got[2] == st,
              "the view shows the completion (date, 100, status)", got)
    finally:
        conn.rollback()
        conn.autocommit = True
    # the working group following the fewest assignments keeps the report quick
    scope = q1("SELECT w.code FROM neongraph.working_group w "
               "LEFT JOIN neongraph.assignment_group g ON g.group_code = w.code "
               "GROUP BY w.code ORDER BY count(g.assignment_id), w.code LIMIT 1")
    scope = scope[0] if scope else agency
    rep = q1("SELECT neongraph.weekly_report(%s, %s)", (scope, datetime.date.today()))[0]
    check(isinstance(rep, dict), "weekly_report jsonb decodes to a dict", type(rep).__name__)
    if isinstance(rep, dict):
        check(isinstance(rep.get("scope"), dict) and rep["scope"].get("code") == scope,
              "weekly_report scope.code", rep.get("scope"))
        check(isinstance(rep.get("tasks"), list) and isinstance(rep.get("reporting"), list),
              "weekly_report tasks/reporting are lists", {k: type(v).__name__ for k, v in rep.items()})
        s = rep.get("summary")
        check(isinstance(s, dict) and isinstance(s.get("total"), int),
              "weekly_report summary.total is a number", s)
        p = rep.get("period", {})
        check(isinstance(p, dict) and str(p.get("from", "")).endswith("+07:00"),
              "weekly_report period in Vietnamese time", p)


# ---- errors: SQLSTATE, detail, hint -----------------------------------------
def errors():
    def expect(sql, params, state, what, need_detail=True):
        try:
            cur.execute(sql, params)
            cur.fetchall()
        except psycopg2.Error as e:
            check(e.pgcode == state, "%s: SQLSTATE %s" % (what, state), (e.pgcode, e.pgerror))
            if need_detail:
                check(bool(e.diag.message_detail) and bool(e.diag.message_hint),
                      "%s: detail and hint" % what, (e.diag.message_detail, e.diag.message_hint))
            return e
        check(False, "%s: raises %s" % (what, state), "no error")
        return None

    e = expect("SELECT 'tháng 13/2025'::neongraph.deadline", None, "22P02", "bad deadline literal")
    if e is not None:
        check(isinstance(e, psycopg2.errors.InvalidTextRepresentation),
              "bad deadline raises psycopg2.errors.InvalidTextRepresentation", type(e).__name__)
        check("tháng 13/2025" in e.diag.message_primary, "message quotes the input (UTF-8 intact)",
              e.diag.message_primary)
    expect("SELECT %s::neongraph.deadline", (nfd("tháng 13/2025"),), "22P02",
           "bad NFD deadline parameter")
    expect("SELECT neongraph.deadline_status(%s::neongraph.deadline, NULL, %s)",
           ("ngày 32/1/2025", datetime.date(2025, 1, 1)), "22P02", "bad deadline in a function call")
    expect("SELECT %s::neongraph.docref", ("không phải số hiệu",), "22P02", "bad docref", False)
    row = q1("SELECT task_id, agency_code FROM neongraph.assignment_state "
             "WHERE completed_on IS NULL AND NOT cancelled ORDER BY 1, 2 LIMIT 1")
    if row:
        expect("SELECT neongraph.report_progress(%s, %s, %s)", (row[0], row[1], 150),
               "23514", "progress out of range")
        expect("SELECT neongraph.report_progress(%s, %s, %s, %s)",
               (row[0], row[1], 50, psycopg2.extras.Json({"colour": "blue"})),
               "22023", "unknown report field")
    got = q1("SELECT 1")[0]
    check(got == 1, "the connection is usable after the errors", got)


for name, fn in (("every_view", every_view), ("custom_columns", custom_columns),
                 ("custom_values", custom_values), ("functions", functions),
                 ("binary_copy", binary_copy), ("api_and_json", api_and_json),
                 ("errors", errors)):
    section(name, fn)

conn.close()
print("python: %d checks, %d failed" % (checks, failed))
sys.exit(1 if failed else 0)
