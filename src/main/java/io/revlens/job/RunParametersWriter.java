package io.revlens.job;

import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;

/** Writes the single {@code run_parameters} row and finds the data's own as-of date. */
final class RunParametersWriter {

    private RunParametersWriter() {
    }

    /** The latest transaction date in the loaded data, if any row has a date. */
    static Optional<LocalDate> latestTransactionDate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(Workspace.readResource("sql/job/latest_transaction_date.sql"))) {
            if (rs.next()) {
                Date date = rs.getDate(1);
                return Optional.ofNullable(date).map(Date::toLocalDate);
            }
            return Optional.empty();
        }
    }

    /** Replaces the run parameters with this run's as-of date, company, currency and thresholds. */
    static void write(Connection connection, JobDefinition job, LocalDate asOfDate) throws SQLException {
        Workspace.runScript(connection, "sql/job/delete_run_parameters.sql");
        JobDefinition.Thresholds t = job.thresholds();
        try (PreparedStatement insert = connection.prepareStatement(
                Workspace.readResource("sql/job/write_run_parameters.sql"))) {
            insert.setObject(1, asOfDate);
            insert.setString(2, job.company());
            insert.setString(3, job.currency());
            insert.setBigDecimal(4, t.concentrationThreshold());
            insert.setBigDecimal(5, t.majorCustomerShare());
            insert.setBigDecimal(6, t.declineThreshold());
            insert.setBigDecimal(7, t.rampThreshold());
            insert.setInt(8, t.stalledDays());
            insert.setInt(9, t.inactiveWeeks());
            JobDefinition.Targets targets = job.targets() == null ? JobDefinition.Targets.none() : job.targets();
            insert.setBigDecimal(10, targets.t12mRevenue());
            insert.setBigDecimal(11, targets.bookingsMonth());
            insert.setBigDecimal(12, targets.winRate());
            insert.setInt(13, t.staleAfterDays());
            insert.setObject(14, latestTransactionDate(connection).orElse(null));
            insert.executeUpdate();
        }
    }
}
