package io.revlens.ingest.load;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** What a file loaded, removed from every table (replace_file.sql): before it is loaded again, or once it is gone. */
final class LoadedRows {

    private static final List<String> REMOVALS = SqlScript.statements(Workspace.readResource("sql/ingest/replace_file.sql"));

    private LoadedRows() {
    }

    /**
     * Removes the rows loaded from {@code path}: of every sheet when {@code sheet} is null, else of that workbook
     * sheet only. Runs inside the caller's transaction.
     */
    static void remove(Connection connection, String path, String sheet) throws SQLException {
        for (String sql : REMOVALS) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, path);
                statement.setString(2, sheet);
                statement.executeUpdate();
            }
        }
    }
}
