package io.revlens.job;

import io.revlens.model.Workspace;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.TreeSet;

/**
 * The run's DuckDB file, held open by one connection from before the first step to after the last. DuckDB's driver
 * shares one open database per file within a process: each step's own open joins it instead of starting the
 * database from the file, and each step's close does not checkpoint it. Opening it is also the check that no other
 * process has the file ({@link DatabaseFileCheck}).
 */
final class RunDatabase implements AutoCloseable {

    private final RunRequest request;
    private Connection held;

    private RunDatabase(RunRequest request, Connection held) {
        this.request = request;
        this.held = held;
    }

    /** Opens the run's database when there is one (nothing is created yet). */
    static RunDatabase hold(RunRequest request) {
        return new RunDatabase(request, DatabaseFileCheck.openUnlessInUse(request.databaseFile()));
    }

    /**
     * Deletes the database when it was built from other input folders ({@link DatabaseInputs}); returns what to
     * tell the user, or null.
     */
    String startCleanIfOtherInputs() throws IOException, SQLException {
        TreeSet<String> other = held == null ? null : DatabaseInputs.otherInputs(request, held);
        if (other == null) {
            return null;
        }
        held.close();
        held = null;
        return DatabaseInputs.startClean(request, other);
    }

    /** Holds the database for the steps, creating it when there is none. */
    void holdForSteps() throws SQLException {
        if (held == null) {
            held = Workspace.open(request.databaseFile());
        }
    }

    @Override
    public void close() throws SQLException {
        if (held != null) {
            held.close();
            held = null;
        }
    }
}
