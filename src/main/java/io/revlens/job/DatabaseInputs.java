package io.revlens.job;

import io.revlens.model.SqlScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeSet;

/**
 * One run's database holds exactly that run's input set: a database built from other input folders (another
 * client's exports analysed into the same output folder) is set aside before the run starts, unless the user
 * asks to keep it ({@code --keep-history}). The folders a database was built from are recorded in
 * {@code run_input_folders} by the run ({@link ProfileDataTasklet}).
 */
final class DatabaseInputs {

    private static final String HAS_FOLDERS = SqlScript.loadOne("sql/job/has_run_input_folders.sql");
    private static final String RECORDED_FOLDERS = SqlScript.loadOne("sql/job/recorded_input_folders.sql");

    private DatabaseInputs() {
    }

    /**
     * The folders the run's database was built from when they are not this run's, so that it must start clean;
     * null when they are the same, when none are recorded, or when the user keeps the history.
     */
    static TreeSet<String> otherInputs(RunRequest request, Connection connection) {
        if (request.keepHistory()) {
            return null;
        }
        TreeSet<String> recorded = recordedFolders(connection);
        return recorded.isEmpty() || recorded.equals(currentFolders(request)) ? null : recorded;
    }

    /** Deletes the run's database (closed by then), built from {@code recorded}; returns what to tell the user. */
    static String startClean(RunRequest request, TreeSet<String> recorded) throws IOException {
        Path database = request.databaseFile();
        TreeSet<String> current = currentFolders(request);
        Files.delete(database);
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
        if (recorded.stream().noneMatch(folder -> Files.isDirectory(Path.of(folder)))) {
            return "The database in " + request.outDir() + " was built from " + String.join(", ", recorded)
                    + ", which no longer exists (moved or renamed?); loading " + String.join(", ", current)
                    + " into a clean one.";
        }
        return "The database in " + request.outDir() + " held the data of other input folders (" + String.join(", ", recorded)
                + "); starting a clean one so that nothing of theirs reaches this run's outputs (--keep-history keeps it).";
    }

    private static TreeSet<String> currentFolders(RunRequest request) {
        TreeSet<String> current = new TreeSet<>();
        request.job().inputs().forEach(input -> current.add(input.path().toAbsolutePath().normalize().toString()));
        return current;
    }

    private static TreeSet<String> recordedFolders(Connection connection) {
        TreeSet<String> folders = new TreeSet<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(HAS_FOLDERS)) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return folders;
                }
            }
            try (ResultSet rs = statement.executeQuery(RECORDED_FOLDERS)) {
                while (rs.next()) {
                    folders.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            // An unreadable database fails the run's first step, which says why.
        }
        return folders;
    }
}
