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
import javax.sql.DataSource;

/**
 * Remembers the triggers of each report across runs, in the job history database, so that a report can say which
 * of its triggers are new, which have been raised report after report without being resolved, and which the
 * previous report raised and this one no longer does. A client is the run's output folder: the same job writing to
 * the same folder is the same client's series of reports. A report run again for the same as-of date replaces its
 * record; earlier as-of dates are the history it is compared with.
 */
final class TriggerMemory {

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
     * Creates the history table when missing. PostgreSQL's {@code create table if not exists} is not safe against
     * another process creating the same table at the same moment (remote workers starting clients together): the
     * loser gets a unique violation on the catalog, and then finds the table there.
     */
    private static void createTable(Connection jobDb) throws SQLException {
        try (Statement statement = jobDb.createStatement()) {
            for (String sql : SqlScript.statements(Workspace.readResource("sql/history/trigger_history.sql"))) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            try (Statement statement = jobDb.createStatement()) {
                statement.executeQuery("select 1 from revlens_trigger_history where 1 = 0").close();
            } catch (SQLException stillMissing) {
                e.addSuppressed(stillMissing);
                throw e;
            }
        }
    }

    private static void copyEarlierReports(Connection jobDb, Connection duckdb, String jobName, String client,
                                           LocalDate asOf) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("create or replace temp table trigger_reports"
                    + " (as_of date, trigger_type varchar, subject varchar, sentence varchar)");
        }
        try (PreparedStatement read = jobDb.prepareStatement("select as_of, trigger_type, subject, sentence"
                + " from revlens_trigger_history where job_name = ? and client = ? and as_of < ?");
             PreparedStatement insert = duckdb.prepareStatement("insert into trigger_reports values (?, ?, ?, ?)")) {
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
        try (PreparedStatement delete = jobDb.prepareStatement(
                     "delete from revlens_trigger_history where job_name = ? and client = ? and as_of = ?");
             PreparedStatement insert = jobDb.prepareStatement("insert into revlens_trigger_history"
                     + " (job_name, client, as_of, trigger_type, subject, sentence, execution_id) values (?, ?, ?, ?, ?, ?, ?)");
             Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("select trigger_type, subject, min(sentence) from action_triggers group by all")) {
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
