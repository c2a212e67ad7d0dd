package io.revlens.ingest.check;

import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.SQLException;

/** Builds the data-quality tables of the loaded data from {@code sql/quality/data_quality.sql}. */
public final class DataQualityProfiler {

    private DataQualityProfiler() {
    }

    public static void profile(Connection connection) throws SQLException {
        Workspace.runScript(connection, "sql/quality/data_quality.sql");
    }
}
