package io.revlens.job;

import io.revlens.model.Fingerprint;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the loaded data is already as the profile step would leave it. The step's result is the state of the
 * loaded tables (source_files, the rows, the derived tables) plus what it records of the run's inputs; its inputs
 * are that state as the load step left it, the run's files, exclusions and folders, the pseudonymise setting and
 * the RevLens build. After the step, the key of its inputs and of the state it produced is stored
 * ({@code profile_state}). A later run whose load kept every file finds the data exactly in that state; with the
 * same inputs, the step would reproduce it, so it is kept. A file loaded again gets a new id in source_files, which
 * changes the key. The key is forgotten before the step changes anything, so a step that stops half way vouches
 * for nothing.
 */
final class ProfileState {

    private static final String STATE = SqlScript.loadOne("sql/job/profile_state.sql");
    private static final String FORGET = SqlScript.loadOne("sql/job/forget_profile_state.sql");
    private static final String REMEMBER = SqlScript.loadOne("sql/job/remember_profile_state.sql");

    private ProfileState() {
    }

    /** The key of the step's inputs and the data's current state. */
    static String key(Connection connection, RunRequest request, RunInputs inputs) throws SQLException {
        Fingerprint key = new Fingerprint("profile-1").add(Boolean.toString(request.job().pseudonymise()));
        for (JobDefinition.Input input : request.job().inputs()) {
            key.add("folder").add(input.path().toAbsolutePath().normalize().toString());
        }
        for (Path file : inputs.files()) {
            key.add("file").add(file.toAbsolutePath().normalize().toString());
        }
        addAll(key, "excluded", inputs.excluded());
        addAll(key, "refused", inputs.refused());
        for (String query : MetricsState.LOADED_DATA) {
            key.addQuery(connection, SqlScript.loadOne(query));
        }
        return key.hex();
    }

    private static void addAll(Fingerprint key, String what, Map<Path, String> files) {
        Map<String, String> sorted = new TreeMap<>();
        files.forEach((file, reason) -> sorted.put(file.toAbsolutePath().normalize().toString(), reason));
        sorted.forEach((file, reason) -> key.add(what).add(file).add(reason));
    }

    /** Whether the stored key is {@code key}. */
    static boolean current(Connection connection, String key) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(STATE)) {
            return rs.next() && key.equals(rs.getString(1)) && !rs.next();
        }
    }

    static void forget(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(FORGET);
        }
    }

    static void remember(Connection connection, String key) throws SQLException {
        Workspace.inTransaction(connection, () -> Workspace.replaceRow(connection, FORGET, REMEMBER, key));
    }
}
