package io.revlens.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before a run starts, that no other process (a DuckDB shell, a BI tool, another program)
 * holds the run's DuckDB file open for writing: DuckDB allows one writer per file.
 */
final class DatabaseFileCheck {

    private static final Pattern HOLDER = Pattern.compile("\\(PID (\\d+)\\)");

    private DatabaseFileCheck() {
    }

    /**
     * Opens the run's existing DuckDB file for writing, which is also the check that no other process has it; null
     * when there is no file yet. {@link RunDatabase} holds the connection for the run.
     */
    static Connection openUnlessInUse(Path databaseFile) {
        if (!Files.exists(databaseFile)) {
            return null;
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath());
            connection.isValid(1);
            return connection;
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("lock")) {
                Matcher pid = HOLDER.matcher(message);
                throw new WorkingFolderLock.WorkingFolderBusyException("The DuckDB file " + databaseFile
                        + " is open in another process" + (pid.find() ? " (PID " + pid.group(1) + ")" : "")
                        + "; close it there (a DuckDB shell or BI tool) and run again, or choose another --out");
            }
            throw new BadInputException("Cannot open the DuckDB file " + databaseFile + ": " + message.strip()
                    + "; move it away to start from an empty database");
        }
    }
}
