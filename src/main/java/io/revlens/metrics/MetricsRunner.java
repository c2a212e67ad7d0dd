package io.revlens.metrics;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the metric SQL files of {@code sql/metrics/} in the order of {@code sql/metrics/ORDER}.
 * Each file creates the table(s) it is named after from the canonical tables and
 * {@code run_parameters}; {@code metric_status} says which could not be computed and why.
 */
public final class MetricsRunner {

    // Not in sql/metrics/ itself: the files there that ORDER names are the metrics.
    private static final String SET_ROW_COUNT = SqlScript.loadOne("sql/metrics/status/set_row_count.sql");
    private static final String INSERT_PROJECT_METRIC = SqlScript.loadOne("sql/metrics/status/insert_project_metric.sql");
    private static final String BASE_TABLE_COUNT = SqlScript.loadOne("sql/metrics/status/base_table_count.sql");
    private static final String STATUSES = SqlScript.loadOne("sql/metrics/status/statuses.sql");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MetricsRunner.class);

    private static final Pattern CREATES = Pattern.compile("(?i)create\\s+or\\s+replace\\s+(table|view)\\s+([a-z_][a-z0-9_]*)");

    /** The metric files in run order. */
    public static List<String> files() {
        List<String> files = new ArrayList<>();
        for (String line : Workspace.readResource("sql/metrics/ORDER").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.add(name);
            }
        }
        return files;
    }

    /**
     * What one row of each metric table is, from the header comment of the SQL file that makes it
     * ("-- customer_concentration: one row per customer with positive T12M revenue (docs/...)"): the one definition,
     * shown where the table is (the workbook's Contents sheet). {@code more} names further SQL files with such a header.
     */
    public static Map<String, String> descriptions(String... more) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        List<String> resources = new ArrayList<>();
        files().forEach(file -> resources.add("sql/metrics/" + file));
        resources.addAll(List.of(more));
        Pattern first = Pattern.compile("(?s)^([a-z_][a-z0-9_]*):\\s*(.*)");
        for (String resource : resources) {
            String header = Workspace.readResource(resource).lines().takeWhile(l -> l.startsWith("--"))
                    .map(l -> l.substring(2).strip()).reduce((a, b) -> a + " " + b).orElse("");
            Matcher m = first.matcher(header);
            if (m.matches()) {
                String text = m.group(2);
                int end = text.length();
                for (String stop : List.of(" (docs/", ". ", ": ", "; ")) {
                    int at = text.indexOf(stop);
                    if (at > 0) {
                        end = Math.min(end, at);
                    }
                }
                descriptions.put(m.group(1), text.substring(0, end).replaceAll("[.,;:]$", ""));
            }
        }
        return descriptions;
    }

    public List<MetricResult> run(Connection connection) throws SQLException {
        Map<String, Duration> tables = new LinkedHashMap<>();
        for (String file : files()) {
            String script = Workspace.readResource("sql/metrics/" + file);
            long started = System.nanoTime();
            dropTablesNowViews(connection, script);
            for (String sql : SqlScript.statements(script)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("Metric file sql/metrics/" + file + " failed: " + e.getMessage(), e);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            log.debug("{}: {} ms", file, elapsed.toMillis());
            Matcher m = CREATES.matcher(script);
            while (m.find()) {
                tables.put(m.group(2), elapsed);
            }
        }
        Map<String, String[]> statuses = readStatuses(connection);
        List<MetricResult> results = new ArrayList<>();
        for (var entry : tables.entrySet()) {
            String table = entry.getKey();
            long rows = count(connection, table);
            String[] status = statuses.getOrDefault(table, new String[] {"computed", null});
            try (PreparedStatement update = connection.prepareStatement(SET_ROW_COUNT)) {
                update.setLong(1, rows);
                update.setString(2, table);
                update.executeUpdate();
            }
            results.add(new MetricResult(table, status[0], rows, status[1], entry.getValue()));
        }
        return results;
    }

    /**
     * The project's own metric SQL files ({@code metrics/*.sql} beside {@code jobs/}, in name order), run after the
     * bundled ones so they can read every bundled table: each creates one table, which gets its CSV and workbook sheet
     * like the bundled ones. A file that fails is reported with its name and line (status "failed", no table) and
     * the others still run; one that would replace a bundled table, or creates none, is refused with why.
     */
    public List<MetricResult> runProjectFiles(Connection connection, java.nio.file.Path folder) throws SQLException {
        List<MetricResult> results = new ArrayList<>();
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            return results;
        }
        java.util.Set<String> bundled = new java.util.HashSet<>(descriptions().keySet());
        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
        for (java.nio.file.Path file : files) {
            String name = "metrics/" + file.getFileName();
            long started = System.nanoTime();
            String script;
            try {
                script = java.nio.file.Files.readString(file);
            } catch (java.io.IOException e) {
                results.add(failed(file, name + ": cannot be read (" + e.getMessage() + ")"));
                continue;
            }
            Matcher creates = CREATES.matcher(script);
            if (!creates.find()) {
                results.add(failed(file, name + ": creates no table; start it with create or replace table <name> as"));
                continue;
            }
            String table = creates.group(2).toLowerCase(java.util.Locale.ROOT);
            if (bundled.contains(table) || table.equals("metric_status")) {
                results.add(failed(file, name + ": would replace the bundled table " + table + "; give its table another name"));
                continue;
            }
            try {
                for (String sql : SqlScript.statements(script)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                }
            } catch (SQLException e) {
                Matcher line = Pattern.compile("LINE (\\d+):").matcher(String.valueOf(e.getMessage()));
                String where = line.find() ? " line " + line.group(1) : "";
                results.add(failed(file, name + where + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                        + " (the other metrics are not affected)"));
                continue;
            }
            long rows = count(connection, table);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_PROJECT_METRIC)) {
                insert.setString(1, table);
                insert.setLong(2, rows);
                insert.setString(3, "the project's own metric (" + name + ")");
                insert.executeUpdate();
            }
            results.add(new MetricResult(table, "computed", rows, "the project's own metric (" + name + ")",
                    Duration.ofNanos(System.nanoTime() - started)));
        }
        return results;
    }

    private static MetricResult failed(java.nio.file.Path file, String note) {
        String stem = file.getFileName().toString().replaceFirst("\\.sql$", "");
        return new MetricResult(stem, "failed", 0, note, Duration.ZERO);
    }

    /**
     * A metric that became a view (revenue_events) is a table in a database an earlier version wrote, and
     * DuckDB will not replace a table with a view: drop the old table first.
     */
    private static void dropTablesNowViews(Connection connection, String script) throws SQLException {
        Matcher m = CREATES.matcher(script);
        while (m.find()) {
            if (!m.group(1).equalsIgnoreCase("view")) {
                continue;
            }
            try (PreparedStatement query = connection.prepareStatement(BASE_TABLE_COUNT)) {
                query.setString(1, m.group(2));
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        continue;
                    }
                }
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("drop table " + m.group(2));
            }
        }
    }

    private static Map<String, String[]> readStatuses(Connection connection) throws SQLException {
        Map<String, String[]> statuses = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(STATUSES)) {
            while (rs.next()) {
                statuses.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return statuses;
    }

    private static long count(Connection connection, String table) throws SQLException {
        // table comes from our own SQL files (matched by a strict identifier pattern), never from input
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
