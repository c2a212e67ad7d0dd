package io.revlens.job;

import io.revlens.metrics.PlanMetric;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Replaces the run's plan tables with the job's scorecard measurables and Rocks (read by the metric SQL). */
public final class PlanWriter {

    private PlanWriter() {
    }

    public static void write(Connection connection, Planning planning) throws SQLException {
        Workspace.inTransaction(connection, () -> {
            Workspace.runScript(connection, "sql/job/delete_plan.sql");
            try (PreparedStatement update = connection.prepareStatement(SqlScript.loadOne("sql/job/set_streak_alert.sql"))) {
                update.setInt(1, planning.streakAlert());
                update.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    Workspace.readResource("sql/job/insert_plan_measurable.sql"))) {
                int id = 1;
                for (Planning.Measurable m : planning.measurables()) {
                    insert.setInt(1, id++);
                    insert.setString(2, m.name());
                    int at = metric(insert, 3, m.metric());
                    insert.setString(at++, m.filter().by());
                    insert.setString(at++, m.filter().value());
                    insert.setString(at++, m.owner());
                    insert.setBigDecimal(at++, m.goal());
                    insert.setString(at++, m.direction());
                    insert.setString(at, m.cadence());
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    Workspace.readResource("sql/job/insert_plan_rock.sql"))) {
                int id = 1;
                for (Planning.Rock r : planning.rocks()) {
                    insert.setInt(1, id++);
                    insert.setString(2, r.name());
                    int at = metric(insert, 3, r.metric());
                    insert.setString(at++, r.filter().by());
                    insert.setString(at++, r.filter().value());
                    insert.setString(at++, r.owner());
                    insert.setBigDecimal(at++, r.baseline());
                    insert.setObject(at++, r.start());
                    insert.setBigDecimal(at++, r.target());
                    insert.setObject(at++, r.due());
                    insert.setString(at, r.direction());
                    insert.executeUpdate();
                }
            }
        });
    }

    /** Sets the metric's key, whether it accumulates, its source table and unit from {@code at}; the next position. */
    private static int metric(PreparedStatement insert, int at, String key) throws SQLException {
        PlanMetric metric = PlanMetric.of(key).orElseThrow();
        insert.setString(at, metric.key());
        insert.setBoolean(at + 1, metric.accumulates());
        insert.setString(at + 2, metric.sourceTable());
        insert.setString(at + 3, metric.unit());
        return at + 4;
    }
}
