// neongraph through PgJDBC (Debian's libpostgresql-jdbc-java), the driver most
// BI tools (Metabase, Tableau, DBeaver, Power BI's gateway...) use.
//
// Checks that every view in schema neongraph (found at run time) has plain
// column types that DatabaseMetaData and ResultSetMetaData describe the same
// way, with comments (REMARKS), and that every value arrives as the Java type
// of its column (Long, Integer, BigDecimal, java.sql.Date, Boolean, String...);
// that columns of neongraph's own types report their type name and read as
// their text with getString; that PreparedStatement parameters work for
// deadlines (setString with ?::neongraph.deadline, and without a cast under
// stringtype=unspecified), dates and jsonb; and that errors arrive with their
// SQLSTATE, detail and hint.
//
// usage: java -cp postgresql.jar:. JdbcClient DBNAME PORT [HOST]
// Prints a line per failed check and ends with "java: N checks, N failed".

import java.math.BigDecimal;
import java.sql.*;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.*;

import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

public class JdbcClient {
    static int checks = 0, failed = 0;
    static Connection conn;

    static boolean check(boolean ok, String what, Object got) {
        checks++;
        if (!ok) {
            failed++;
            System.out.println("FAIL java: " + what + (got == null ? "" : " -- got " + got));
        }
        return ok;
    }

    static boolean check(boolean ok, String what) { return check(ok, what, null); }

    static String nfd(String s) { return Normalizer.normalize(s, Normalizer.Form.NFD); }

    static String q1s(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    interface Section { void run() throws Exception; }

    static void section(String name, Section s) {
        long t0 = System.nanoTime();
        try {
            s.run();
        } catch (Exception e) {
            checks++;
            failed++;
            System.out.println("FAIL java: " + name + " raised " + e);
            try { if (!conn.getAutoCommit()) conn.rollback(); conn.setAutoCommit(true); } catch (SQLException ignored) { }
        }
        if (System.getenv("NG_CLIENTS_TIMING") != null)
            System.out.printf("java: %s %.2fs%n", name, (System.nanoTime() - t0) / 1e9);
    }

    public static void main(String[] args) throws Exception {
        String db = args[0], port = args[1], host = args.length > 2 ? args[2] : "127.0.0.1";
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + db
                   + "?user=postgres&ApplicationName=neongraph-clients-pgjdbc";
        conn = DriverManager.getConnection(url);
        System.out.println("java: " + conn.getMetaData().getDriverName() + " " + conn.getMetaData().getDriverVersion()
                           + ", Java " + System.getProperty("java.version")
                           + ", server " + conn.getMetaData().getDatabaseProductVersion());
        check(conn.getMetaData().getDriverName().contains("PostgreSQL"), "PgJDBC driver",
              conn.getMetaData().getDriverName());

        section("views", JdbcClient::views);
        section("custom_columns", JdbcClient::customColumns);
        section("custom_values", JdbcClient::customValues);
        section("parameters", JdbcClient::parameters);
        section("unspecified", () -> unspecified(url));
        section("api_and_json", JdbcClient::apiAndJson);
        section("errors", JdbcClient::errors);

        conn.close();
        System.out.println("java: " + checks + " checks, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    // ---- every view -----------------------------------------------------------
    static final Set<Integer> OPAQUE = Set.of(Types.OTHER, Types.STRUCT, Types.DISTINCT,
                                              Types.JAVA_OBJECT, Types.NULL);

    /** Does a non-null value from getObject fit the column's java.sql.Types code? */
    static boolean fits(int type, String typeName, Object v) {
        switch (type) {
            case Types.BIGINT:   return v instanceof Long;
            case Types.INTEGER:  return v instanceof Integer;
            case Types.SMALLINT: return v instanceof Integer || v instanceof Short;
            case Types.NUMERIC: case Types.DECIMAL: return v instanceof BigDecimal;
            case Types.DOUBLE: case Types.FLOAT: return v instanceof Double;
            case Types.REAL:     return v instanceof Float;
            case Types.DATE:     return v instanceof java.sql.Date;
            case Types.TIMESTAMP: case Types.TIMESTAMP_WITH_TIMEZONE: return v instanceof Timestamp;
            case Types.BIT: case Types.BOOLEAN: return v instanceof Boolean;
            case Types.VARCHAR: case Types.CHAR: case Types.LONGVARCHAR: return v instanceof String;
            case Types.ARRAY:    return v instanceof java.sql.Array;
            case Types.OTHER:    // jsonb: a PGobject whose text is JSON
                return (typeName.equals("jsonb") || typeName.equals("json")) && v instanceof PGobject
                    && ((PGobject) v).getValue() != null && !((PGobject) v).getValue().isEmpty();
            default: return false;
        }
    }

    static void views() throws SQLException {
        List<String> views = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.views "
                     + "WHERE table_schema = 'neongraph' ORDER BY 1")) {
            while (rs.next()) views.add(rs.getString(1));
        }
        check(!views.isEmpty(), "schema neongraph has views");
        DatabaseMetaData md = conn.getMetaData();
        Map<String, String> listed = new TreeMap<>();
        try (ResultSet rs = md.getTables(null, "neongraph", "%", new String[] {"VIEW"})) {
            while (rs.next()) listed.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
        }
        check(listed.keySet().equals(new TreeSet<>(views)),
              "DatabaseMetaData.getTables(VIEW) lists the views", listed.keySet());
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, String> e : listed.entrySet())
            if (e.getValue() == null || e.getValue().isEmpty()) undocumented.add(e.getKey());
        check(undocumented.isEmpty(), "every view has REMARKS (COMMENT ON VIEW)", undocumented);

        long rowsSeen = 0;
        for (String v : views) {
            List<String> names = new ArrayList<>(), typeNames = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            List<String> odd = new ArrayList<>(), bad = new ArrayList<>();
            int rows = 0;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM neongraph.\"" + v.replace("\"", "\"\"") + "\"")) {
                ResultSetMetaData m = rs.getMetaData();
                int n = m.getColumnCount();
                for (int i = 1; i <= n; i++) {
                    names.add(m.getColumnName(i));
                    types.add(m.getColumnType(i));
                    typeNames.add(m.getColumnTypeName(i));
                    String tn = m.getColumnTypeName(i);
                    boolean json = tn.equals("jsonb") || tn.equals("json");
                    if (tn.isEmpty() || (OPAQUE.contains(m.getColumnType(i)) && !json) || tn.contains("neongraph"))
                        odd.add(m.getColumnName(i) + ":" + tn + "/" + m.getColumnType(i));
                }
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= n; i++) {
                        Object o = rs.getObject(i);
                        String s = rs.getString(i);
                        if (o == null) {
                            if (s != null) bad.add(names.get(i - 1) + ": getObject null, getString " + s);
                            continue;
                        }
                        if (s == null || !fits(types.get(i - 1), typeNames.get(i - 1), o)) {
                            if (bad.size() < 3)
                                bad.add(names.get(i - 1) + ":" + typeNames.get(i - 1) + " -> "
                                        + o.getClass().getName() + " " + s);
                        }
                    }
                }
            }
            rowsSeen += rows;
            check(odd.isEmpty(), "view " + v + ": ResultSetMetaData shows plain types", odd);
            check(bad.isEmpty(), "view " + v + ": " + rows + " rows, getObject gives each column's Java type, getString works", bad);

            // the same columns through DatabaseMetaData.getColumns, with comments
            List<String> mdNames = new ArrayList<>(), mismatch = new ArrayList<>(), noRemarks = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "neongraph", v, "%")) {
                while (rs.next()) {
                    String c = rs.getString("COLUMN_NAME");
                    int k = mdNames.size();
                    mdNames.add(c);
                    if (k < names.size() && (!rs.getString("TYPE_NAME").equals(typeNames.get(k))
                                             || rs.getInt("DATA_TYPE") != types.get(k)))
                        mismatch.add(c + ":" + rs.getString("TYPE_NAME") + "/" + rs.getInt("DATA_TYPE"));
                    String r = rs.getString("REMARKS");
                    if (r == null || r.isEmpty()) noRemarks.add(c);
                }
            }
            check(mdNames.equals(names) && mismatch.isEmpty(),
                  "view " + v + ": getColumns agrees with ResultSetMetaData", mdNames + " " + mismatch);
            check(noRemarks.isEmpty(), "view " + v + ": every column has REMARKS", noRemarks);
        }
        check(rowsSeen > 0, "the views hold rows", rowsSeen);
    }

    // ---- columns of neongraph's types in the tables ---------------------------
    static void customColumns() throws SQLException {
        List<String[]> cols = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(
                 "SELECT c.table_name, c.column_name, c.udt_name FROM information_schema.columns c "
                 + "JOIN information_schema.tables t USING (table_schema, table_name) "
                 + "WHERE c.table_schema = 'neongraph' AND c.udt_schema = 'neongraph' "
                 + "AND t.table_type = 'BASE TABLE' ORDER BY 1, 2")) {
            while (rs.next()) cols.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
        check(!cols.isEmpty(), "tables have columns of neongraph's types");
        for (String[] c : cols) {
            String sql = String.format("SELECT \"%s\", \"%s\"::text FROM neongraph.\"%s\" WHERE \"%s\" IS NOT NULL",
                                       c[1], c[1], c[0], c[1]);
            List<String> bad = new ArrayList<>();
            int n = 0;
            String typeName;
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                typeName = rs.getMetaData().getColumnTypeName(1);
                while (rs.next()) {
                    n++;
                    Object o = rs.getObject(1);
                    String s = rs.getString(1), t = rs.getString(2);
                    if (!t.equals(s) || o == null || !t.equals(o.toString())) bad.add(s + "/" + t + "/" + o);
                }
            }
            check(typeName.contains(c[2]), "table " + c[0] + "." + c[1] + ": type name reported", typeName);
            check(bad.isEmpty(), "table " + c[0] + "." + c[1] + ": " + n + " values, getString equals ::text", bad);
        }
    }

    // ---- custom types in expressions ------------------------------------------
    static void customValues() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(
                 "SELECT '2025-Q4'::neongraph.deadline, '44-TB/TGV'::neongraph.docref, "
                 + "'overdue'::neongraph.task_status, neongraph.status_rollup(s), (neongraph.status_rollup(s)).*, "
                 + "neongraph.due_date('2025-Q4'), neongraph.is_soft('2025-Q4'), neongraph.format_rate(0.8567) "
                 + "FROM unnest(ARRAY['done_on_time','done_late','overdue','on_track']::neongraph.task_status[]) s")) {
            rs.next();
            ResultSetMetaData m = rs.getMetaData();
            check("2025-Q4".equals(rs.getString(1)) && m.getColumnTypeName(1).contains("deadline"),
                  "deadline: getString and type name", rs.getString(1) + " " + m.getColumnTypeName(1));
            check("44-TB/TGV".equals(rs.getString(2)) && m.getColumnTypeName(2).contains("docref"),
                  "docref: getString and type name", rs.getString(2) + " " + m.getColumnTypeName(2));
            check("overdue".equals(rs.getString(3)) && "overdue".equals(String.valueOf(rs.getObject(3)))
                  && m.getColumnTypeName(3).contains("task_status"),
                  "task_status: getString/getObject and type name", rs.getObject(3) + " " + m.getColumnTypeName(3));
            String r = rs.getString(4);
            check(r != null && r.startsWith("(") && r.endsWith(")") && m.getColumnTypeName(4).contains("rollup"),
                  "rollup composite: getString gives its text", r + " " + m.getColumnTypeName(4));
            int total = rs.findColumn("total"), rate = rs.findColumn("on_time_rate");
            check(rs.getObject(total) instanceof Long && rs.getLong(total) == 4,
                  "rollup total: getObject is a Long", rs.getObject(total));
            check(rs.getObject(rate) instanceof BigDecimal, "rollup rate: getObject is a BigDecimal",
                  rs.getObject(rate) == null ? null : rs.getObject(rate).getClass());
            int n = m.getColumnCount();
            check(rs.getObject(n - 2) instanceof java.sql.Date
                  && rs.getObject(n - 2, LocalDate.class).equals(LocalDate.of(2025, 12, 31)),
                  "due_date: java.sql.Date / LocalDate", rs.getObject(n - 2));
            check(rs.getObject(n - 1) instanceof Boolean, "is_soft: Boolean", rs.getObject(n - 1));
            check(rs.getObject(n) instanceof String && rs.getString(n).contains("%"),
                  "format_rate: String", rs.getObject(n));
        }
        try (Statement st = conn.createStatement()) {
            st.execute("SET neongraph.deadline_style = 'vi'");
            check("31/12/2025".equals(q1s("SELECT '2025-12-31'::neongraph.deadline")),
                  "deadline_style vi", q1s("SELECT '2025-12-31'::neongraph.deadline"));
            st.execute("RESET neongraph.deadline_style");
        }
    }

    // ---- PreparedStatement parameters -----------------------------------------
    static void parameters() throws SQLException {
        String[][] samples = {
            {"quý IV/2025", "2025-Q4"}, {nfd("quý IV/2025"), "2025-Q4"},
            {nfd("trước ngày 20/9/2025"), "before 2025-09-20"}, {"2025-12-31", "2025-12-31"},
            {nfd("thường xuyên"), "recurring"}, {"before 2025-09-20", "before 2025-09-20"},
        };
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::neongraph.deadline, neongraph.try_deadline(?)")) {
            for (String[] s : samples) {
                ps.setString(1, s[0]);
                ps.setString(2, s[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    check(s[1].equals(rs.getString(1)) && s[1].equals(rs.getString(2)),
                          "setString(" + s[0] + ")::deadline = " + s[1], rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        Object[][] cases = {
            {"2025-12-31", null, LocalDate.of(2026, 1, 5), "overdue"},
            {"2025-12-31", LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 5), "done_on_time"},
            {nfd("trước ngày 20/9/2025"), null, LocalDate.of(2025, 9, 25), "overdue"},
            {"2025-12-31", null, LocalDate.of(2025, 10, 1), "on_track"},
        };
        // prepared several times: PgJDBC switches to a server-side prepared statement
        // (and binary transfer of the parameters it can) after prepareThreshold uses
        try (PreparedStatement ps = conn.prepareStatement(
                 "SELECT neongraph.deadline_status(?::neongraph.deadline, ?, ?)")) {
            for (int round = 0; round < 3; round++)
                for (Object[] c : cases) {
                    ps.setString(1, (String) c[0]);
                    if (c[1] == null) ps.setNull(2, Types.DATE); else ps.setObject(2, c[1]);
                    ps.setDate(3, java.sql.Date.valueOf((LocalDate) c[2]));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (round == 0 || !c[3].equals(rs.getString(1)))
                            check(c[3].equals(rs.getString(1)),
                                  "deadline_status(" + c[0] + ", " + c[1] + ", " + c[2] + ") round " + round, rs.getString(1));
                    }
                }
        }
        try (CallableStatement cs = conn.prepareCall("{? = call neongraph.format_rate(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setBigDecimal(2, new BigDecimal("0.5"));
            cs.execute();
            check(cs.getString(1) != null && cs.getString(1).contains("50"),
                  "CallableStatement {? = call format_rate(?)}", cs.getString(1));
        }
    }

    // ---- stringtype=unspecified: setString straight into a deadline -----------
    static void unspecified(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + "&stringtype=unspecified")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT neongraph.deadline_status(?, ?, ?)")) {
                ps.setString(1, nfd("quý IV/2025"));
                ps.setNull(2, Types.DATE);
                ps.setObject(3, LocalDate.of(2026, 1, 2));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    check("overdue".equals(rs.getString(1)),
                          "stringtype=unspecified: setString for a deadline without a cast", rs.getString(1));
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE ng_jdbc (d neongraph.deadline, r neongraph.docref)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ng_jdbc VALUES (?, ?)")) {
                ps.setString(1, nfd("tháng 10/2025"));
                ps.setString(2, "44-TB/TGV");
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT d, r FROM ng_jdbc")) {
                rs.next();
                check("2025-10".equals(rs.getString(1)) && "44-TB/TGV".equals(rs.getString(2)),
                      "stringtype=unspecified: INSERT with setString into deadline/docref columns",
                      rs.getString(1) + " " + rs.getString(2));
            }
            c.rollback();
        }
    }

    // ---- write API (rolled back) and jsonb ------------------------------------
    static void apiAndJson() throws SQLException {
        long taskId;
        String agency;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT task_id, agency_code FROM neongraph.assignment_state "
                     + "WHERE completed_on IS NULL AND NOT cancelled AND NOT blocked ORDER BY 1, 2 LIMIT 1")) {
            if (!check(rs.next(), "an open assignment to report on")) return;
            check(rs.getObject(1) instanceof Long, "task_id getObject is a Long", rs.getObject(1));
            taskId = rs.getLong(1);
            agency = rs.getString(2);
        }
        conn.setAutoCommit(false);
        try {
            PGobject report = new PGobject();
            report.setType("jsonb");
            report.setValue("{\"results\": \"" + nfd("Đã hoàn thành 60% khối lượng") + "\", \"milestone\": \"tháng 12/2025\"}");
            try (PreparedStatement ps = conn.prepareStatement("SELECT neongraph.report_progress(?, ?, ?, ?)")) {
                ps.setLong(1, taskId);
                ps.setString(2, agency);
                ps.setInt(3, 60);
                ps.setObject(4, report);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    check(rs.getObject(1) instanceof Long, "report_progress(PGobject jsonb) returns a Long", rs.getObject(1));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                     "SELECT neongraph.report_progress(?, ?, ?, ?::jsonb)")) {
                ps.setLong(1, taskId);
                ps.setString(2, agency);
                ps.setInt(3, 70);
                ps.setString(4, "{\"focal_point\": \"Văn phòng\"}");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    check(rs.getLong(1) > 0, "report_progress(setString ?::jsonb)", rs.getObject(1));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT neongraph.complete_assignment(?, ?, ?, ?)")) {
                ps.setLong(1, taskId);
                ps.setString(2, agency);
                ps.setObject(3, LocalDate.now().minusDays(1));
                ps.setString(4, "Báo cáo số 1/BC");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String s = rs.getString(1);
                    check("done_on_time".equals(s) || "done_late".equals(s),
                          "complete_assignment returns a task_status read with getString", s);
                }
            }
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
        // the working group following the fewest assignments keeps the report quick
        String scope = q1s("SELECT w.code FROM neongraph.working_group w "
                + "LEFT JOIN neongraph.assignment_group g ON g.group_code = w.code "
                + "GROUP BY w.code ORDER BY count(g.assignment_id), w.code LIMIT 1");
        if (scope == null) scope = agency;
        try (PreparedStatement ps = conn.prepareStatement("SELECT neongraph.weekly_report(?, ?)")) {
            ps.setString(1, scope);
            ps.setObject(2, LocalDate.now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object o = rs.getObject(1);
                String s = rs.getString(1);
                check(o instanceof PGobject && "jsonb".equals(((PGobject) o).getType()),
                      "weekly_report: getObject is a jsonb PGobject", o == null ? null : o.getClass());
                check(s != null && s.startsWith("{") && s.contains("\"scope\"") && s.contains("\"" + scope + "\""),
                      "weekly_report: getString is the JSON document", s == null ? null : s.substring(0, Math.min(80, s.length())));
            }
        }
    }

    // ---- errors ----------------------------------------------------------------
    static void expect(PreparedStatement ps, String state, String what, boolean detail) {
        try {
            ps.executeQuery().close();
            check(false, what + ": raises " + state, "no error");
        } catch (SQLException e) {
            check(state.equals(e.getSQLState()), what + ": getSQLState() = " + state, e.getSQLState() + " " + e.getMessage());
            if (detail) {
                ServerErrorMessage m = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
                check(m != null && m.getDetail() != null && !m.getDetail().isEmpty()
                      && m.getHint() != null && !m.getHint().isEmpty(),
                      what + ": ServerErrorMessage detail and hint",
                      m == null ? e.getClass() : m.getDetail() + " / " + m.getHint());
            }
        }
    }

    static void errors() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 'tháng 13/2025'::neongraph.deadline")) {
            expect(ps, "22P02", "bad deadline literal", true);
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::neongraph.deadline")) {
            ps.setString(1, nfd("tháng 13/2025"));
            expect(ps, "22P02", "bad NFD deadline parameter", true);
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?::neongraph.docref")) {
            ps.setString(1, "không phải số hiệu");
            expect(ps, "22P02", "bad docref parameter", false);
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT neongraph.report_progress(?, ?, ?)");
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT task_id, agency_code FROM neongraph.assignment_state "
                     + "WHERE completed_on IS NULL AND NOT cancelled ORDER BY 1, 2 LIMIT 1")) {
            if (rs.next()) {
                ps.setLong(1, rs.getLong(1));
                ps.setString(2, rs.getString(2));
                ps.setInt(3, 150);
                expect(ps, "23514", "progress out of range", true);
            }
        }
        check("1".equals(q1s("SELECT 1")), "the connection is usable after the errors");
    }
}
