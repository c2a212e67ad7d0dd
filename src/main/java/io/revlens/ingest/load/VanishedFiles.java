package io.revlens.ingest.load;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's database holds exactly its input: a file an earlier run loaded from one of this run's input folders,
 * and that is no longer there (deleted, renamed, moved), is removed with everything loaded from it. Files of
 * other folders are only ever present when the user kept them ({@code --keep-history}), so they stay. Pipeline
 * stages that only removed or replaced files brought leave the pipeline order with them.
 */
public final class VanishedFiles {

    private static final String LOADED_PATHS = SqlScript.loadOne("sql/ingest/loaded_paths.sql");
    private static final String CLEAR_FOLDERS = SqlScript.loadOne("sql/ingest/clear_run_input_folders.sql");
    private static final String INSERT_FOLDER = SqlScript.loadOne("sql/ingest/insert_run_input_folder.sql");

    private VanishedFiles() {
    }

    /** @return the paths removed */
    public static List<String> remove(Connection connection, Collection<Path> current, Collection<Path> inputFolders)
            throws SQLException {
        Set<String> present = new HashSet<>();
        current.forEach(file -> present.add(file.toAbsolutePath().normalize().toString()));
        List<String> folders = inputFolders.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList();
        List<String> vanished = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(LOADED_PATHS)) {
            while (rs.next()) {
                String path = rs.getString(1);
                if (!present.contains(path) && folders.stream().anyMatch(folder -> path.startsWith(folder + "/"))) {
                    vanished.add(path);
                }
            }
        }
        if (vanished.isEmpty()) {
            pruneStages(connection);
            return vanished;
        }
        Workspace.inTransaction(connection, () -> {
            for (String path : vanished) {
                LoadedRows.remove(connection, path, null);
            }
        });
        pruneStages(connection);
        return vanished;
    }

    /** Stages only removed or replaced files brought leave the pipeline order (prune_pipeline_stages.sql). */
    private static void pruneStages(Connection connection) throws SQLException {
        Workspace.inTransaction(connection, () -> Workspace.runScript(connection, "sql/ingest/prune_pipeline_stages.sql"));
    }

    /** Records the input folders the database now holds the data of (read by the next run, DatabaseInputs). */
    public static void recordFolders(Connection connection, Collection<Path> inputFolders) throws SQLException {
        Workspace.inTransaction(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(CLEAR_FOLDERS);
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_FOLDER)) {
                for (Path folder : inputFolders) {
                    insert.setString(1, folder.toAbsolutePath().normalize().toString());
                    insert.executeUpdate();
                }
            }
        });
    }
}
