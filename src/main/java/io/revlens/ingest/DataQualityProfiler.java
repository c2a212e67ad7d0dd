package io.revlens.ingest;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds the data-quality tables of the loaded data from {@code sql/quality/data_quality.sql}. */
public final class DataQualityProfiler {

    private DataQualityProfiler() {
    }

    public static void profile(Connection connection) throws SQLException {
        for (String sql : SqlScript.statements(Workspace.readResource("sql/quality/data_quality.sql"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
