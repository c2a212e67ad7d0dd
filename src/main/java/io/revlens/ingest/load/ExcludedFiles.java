package io.revlens.ingest.load;

import io.revlens.ingest.read.ExportFormat;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Lists the files a run left out in {@code source_files} (status and kind {@code excluded}, 0 rows), after
 * removing whatever an earlier run loaded from them: an excluded file contributes nothing to the run.
 */
public final class ExcludedFiles {

    private ExcludedFiles() {
    }

    /** @param excluded each left-out file with the glob that matched it */
    public static void record(Connection connection, Map<Path, String> excluded) throws SQLException {
        Map<Path, String> messages = new java.util.LinkedHashMap<>();
        excluded.forEach((file, glob) -> messages.put(file, file.getFileName() + " is excluded (" + glob + "): not read"));
        list(connection, messages, "sql/ingest/record_excluded_file.sql", true);
    }

    /** Lists files that look like exports but are not read (InputScanner.refused), each with why. */
    public static void recordRefused(Connection connection, Map<Path, String> refused) throws SQLException {
        list(connection, refused, "sql/ingest/record_refused_file.sql", false);
    }

    /** Removes what earlier runs loaded from each file, then lists it with its message (and size when asked). */
    private static void list(Connection connection, Map<Path, String> messages, String insertSql, boolean withSize)
            throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        String insert = SqlScript.statements(Workspace.readResource(insertSql)).get(0);
        Workspace.inTransaction(connection, () -> {
            for (Map.Entry<Path, String> file : messages.entrySet()) {
                String path = file.getKey().toAbsolutePath().normalize().toString();
                LoadedRows.remove(connection, path, null);
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    int at = 1;
                    statement.setString(at++, path);
                    if (withSize) {
                        statement.setLong(at++, size(file.getKey()));
                    }
                    ExportFormat format = ExportFormat.of(file.getKey());
                    statement.setString(at++, format == null ? "unknown" : format.label());
                    statement.setString(at, file.getValue());
                    statement.executeUpdate();
                }
            }
        });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
