package io.revlens.ingest;

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
        if (excluded.isEmpty()) {
            return;
        }
        var removals = SqlScript.statements(Workspace.readResource("sql/ingest/replace_file.sql"));
        String insert = SqlScript.statements(Workspace.readResource("sql/ingest/record_excluded_file.sql")).get(0);
        Workspace.inTransaction(connection, () -> {
            for (Map.Entry<Path, String> file : excluded.entrySet()) {
                String path = file.getKey().toAbsolutePath().normalize().toString();
                for (String sql : removals) {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setString(1, path);
                        statement.executeUpdate();
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    statement.setString(1, path);
                    statement.setLong(2, size(file.getKey()));
                    ExportFormat format = ExportFormat.of(file.getKey());
                    statement.setString(3, format == null ? "unknown" : format.label());
                    statement.setString(4, file.getKey().getFileName() + " is excluded (" + file.getValue()
                            + "): not read");
                    statement.executeUpdate();
                }
            }
        });
    }

    /** Lists files that look like exports but are not read (InputScanner.refused), each with why. */
    public static void recordRefused(Connection connection, Map<Path, String> refused) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        var removals = SqlScript.statements(Workspace.readResource("sql/ingest/replace_file.sql"));
        String insert = SqlScript.statements(Workspace.readResource("sql/ingest/record_refused_file.sql")).get(0);
        Workspace.inTransaction(connection, () -> {
            for (Map.Entry<Path, String> file : refused.entrySet()) {
                String path = file.getKey().toAbsolutePath().normalize().toString();
                for (String sql : removals) {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setString(1, path);
                        statement.executeUpdate();
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    statement.setString(1, path);
                    ExportFormat format = ExportFormat.of(file.getKey());
                    statement.setString(2, format == null ? "unknown" : format.label());
                    statement.setString(3, file.getValue());
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
