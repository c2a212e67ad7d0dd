package io.revlens.job;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * Remembers the triggers of each report across runs, in the job history database, so that a report can say which
 * of its triggers are new, which have been raised report after report without being resolved, and which the
 * previous report raised and this one no longer does. A client is the run's output folder: the same job writing to
 * the same folder is the same client's series of reports. A report run again for the same as-of date replaces its
 * record; earlier as-of dates are the history it is compared with.
 */
final class TriggerMemory {

    private static final List<String> CREATE_HISTORY = SqlScript.load("sql/history/trigger_history.sql");
    private static final String HISTORY_EXISTS = SqlScript.loadOne("sql/history/trigger_history_exists.sql");
    private static final String CREATE_REPORTS = SqlScript.loadOne("sql/history/create_trigger_reports.sql");
    private static final String EARLIER_REPORTS = SqlScript.loadOne("sql/history/earlier_trigger_reports.sql");
    private static final String INSERT_REPORT = SqlScript.loadOne("sql/history/insert_trigger_report.sql");
    private static final String DELETE_REPORT = SqlScript.loadOne("sql/history/delete_report_triggers.sql");
    private static final String INSERT_TRIGGER = SqlScript.loadOne("sql/history/insert_report_trigger.sql");
    private static final String REPORT_TRIGGERS = SqlScript.loadOne("sql/history/report_triggers.sql");

    private final DataSource history;

    TriggerMemory(DataSource history) {
        this.history = history;
    }

    /** Builds trigger_persistence in the run's database from the earlier reports, then records this report's triggers. */
    void apply(Connection duckdb, String jobName, String client, LocalDate asOf, long executionId) throws SQLException {
        try (Connection jobDb = history.getConnection()) {
            createTable(jobDb);
            copyEarlierReports(jobDb, duckdb, jobName, client, asOf);
            Workspace.runScript(duckdb, "sql/job/trigger_persistence.sql");
            record(jobDb, duckdb, jobName, client, asOf, executionId);
        }
    }

    /**
     * The triggers of the same job's earlier reports for this client, one line per trigger in a fixed order: what
     * trigger_persistence reads from the history besides this report's own triggers (part of the metrics' key).
     */
    List<String> earlierReports(String jobName, String client, LocalDate asOf) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection jobDb = history.getConnection()) {
            createTable(jobDb);
            try (PreparedStatement read = jobDb.prepareStatement(EARLIER_REPORTS)) {
                read.setString(1, jobName);
                read.setString(2, client);
                read.setDate(3, Date.valueOf(asOf));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getDate(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3) + "\u0000"
                                + rs.getString(4));
                    }
                }
            }
        }
        java.util.Collections.sort(rows);
        return rows;
    }

    /**
     * Records this report's triggers again (by this execution) from the trigger_persistence an earlier run of the
     * same inputs computed: the metrics were kept, the report is this run's.
     */
    void recordAgain(Connection duckdb, String jobName, String client, LocalDate asOf, long executionId) throws SQLException {
        try (Connection jobDb = history.getConnection()) {
            createTable(jobDb);
            record(jobDb, duckdb, jobName, client, asOf, executionId);
        }
    }

    /**
     * Creates the history table when missing. PostgreSQL's {@code create table if not exists} is not safe against
     * another process creating the same table at the same moment (remote workers starting clients together): the
     * loser gets a unique violation on the catalog, and then finds the table there.
     */
    private static void createTable(Connection jobDb) throws SQLException {
        try (Statement statement = jobDb.createStatement()) {
            for (String sql : CREATE_HISTORY) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            try (Statement statement = jobDb.createStatement()) {
                statement.executeQuery(HISTORY_EXISTS).close();
            } catch (SQLException stillMissing) {
                e.addSuppressed(stillMissing);
                throw e;
            }
        }
    }

    private static void copyEarlierReports(Connection jobDb, Connection duckdb, String jobName, String client,
                                           LocalDate asOf) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute(CREATE_REPORTS);
        }
        try (PreparedStatement read = jobDb.prepareStatement(EARLIER_REPORTS);
             PreparedStatement insert = duckdb.prepareStatement(INSERT_REPORT)) {
            read.setString(1, jobName);
            read.setString(2, client);
            read.setDate(3, Date.valueOf(asOf));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    insert.setDate(1, rs.getDate(1));
                    insert.setString(2, rs.getString(2));
                    insert.setString(3, rs.getString(3));
                    insert.setString(4, rs.getString(4));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void record(Connection jobDb, Connection duckdb, String jobName, String client, LocalDate asOf,
                               long executionId) throws SQLException {
        boolean autoCommit = jobDb.getAutoCommit();
        jobDb.setAutoCommit(false);
        try (PreparedStatement delete = jobDb.prepareStatement(DELETE_REPORT);
             PreparedStatement insert = jobDb.prepareStatement(INSERT_TRIGGER);
             Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery(REPORT_TRIGGERS)) {
            delete.setString(1, jobName);
            delete.setString(2, client);
            delete.setDate(3, Date.valueOf(asOf));
            delete.executeUpdate();
            while (rs.next()) {
                insert.setString(1, jobName);
                insert.setString(2, client);
                insert.setDate(3, Date.valueOf(asOf));
                insert.setString(4, rs.getString(1));
                insert.setString(5, rs.getString(2));
                insert.setString(6, truncate(rs.getString(3)));
                insert.setLong(7, executionId);
                insert.addBatch();
            }
            insert.executeBatch();
            jobDb.commit();
        } catch (SQLException | RuntimeException e) {
            jobDb.rollback();
            throw e;
        } finally {
            jobDb.setAutoCommit(autoCommit);
        }
    }

    private static String truncate(String sentence) {
        return sentence == null || sentence.length() <= 4000 ? sentence : sentence.substring(0, 4000);
    }
}
