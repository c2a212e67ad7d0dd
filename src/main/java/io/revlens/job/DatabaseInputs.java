package io.revlens.job;

import io.revlens.model.SqlScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
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

    /** Deletes the run's database when it was built from other input folders; returns what to tell the user, or null. */
    static String startCleanIfOtherInputs(RunRequest request) throws IOException {
        Path database = request.databaseFile();
        if (!Files.exists(database) || request.keepHistory()) {
            return null;
        }
        TreeSet<String> recorded = recordedFolders(database);
        TreeSet<String> current = new TreeSet<>();
        request.job().inputs().forEach(input -> current.add(input.path().toAbsolutePath().normalize().toString()));
        if (recorded.isEmpty() || recorded.equals(current)) {
            return null;
        }
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

    private static TreeSet<String> recordedFolders(Path database) {
        TreeSet<String> folders = new TreeSet<>();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database, readOnly);
             Statement statement = connection.createStatement()) {
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
            // An unreadable database is DatabaseFileCheck's to report, with its own message.
        }
        return folders;
    }
}
