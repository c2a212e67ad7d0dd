package io.revlens.job;

import io.revlens.metrics.MetricsRunner;
import io.revlens.model.Fingerprint;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Whether the metric tables in the run's database are the ones this run would compute: the key of everything the
 * metric SQL reads (the loaded data's state, the run's parameters and plan, the metric SQL bundled and the project's
 * own, the earlier reports' triggers) is stored with the results when the tables are computed ({@code metrics_state}).
 * The key is forgotten before the tables are computed again, so a computation that stops half way vouches for nothing.
 */
final class MetricsState {

    private static final String STATE = SqlScript.loadOne("sql/job/metrics_state.sql");
    private static final String FORGET = SqlScript.loadOne("sql/job/forget_metrics_state.sql");
    private static final String REMEMBER = SqlScript.loadOne("sql/job/remember_metrics_state.sql");
    private static final String TABLES_PRESENT = SqlScript.loadOne("sql/job/tables_present.sql");
    /** The loaded data's state as a step reads it: the files' records, the pipeline order, the rows per table. */
    static final List<String> LOADED_DATA = List.of("sql/job/metrics_inputs_data.sql", "sql/job/metrics_inputs_stages.sql",
            "sql/job/metrics_inputs_counts.sql");
    private static final String PARAMETERS = "sql/job/metrics_inputs_parameters.sql";

    private MetricsState() {
    }

    /** The key of this run's metrics; call it once run_parameters and the plan are written. */
    static String key(Connection connection, RunRequest request, TriggerMemory triggerMemory, LocalDate asOf)
            throws SQLException, IOException {
        JobDefinition job = request.job();
        Fingerprint key = new Fingerprint("metrics-1")
                .add(job.name()).add(job.company()).add(job.currency()).add(Integer.toString(job.fiscalYearStartMonth()))
                .add(String.valueOf(job.thresholds())).add(String.valueOf(job.targets())).add(String.valueOf(job.planning()))
                .add(Boolean.toString(job.pseudonymise())).add(asOf.toString())
                .add(request.outDir().toAbsolutePath().normalize().toString());
        for (String query : LOADED_DATA) {
            key.addQuery(connection, SqlScript.loadOne(query));
        }
        key.addQuery(connection, SqlScript.loadOne(PARAMETERS));
        key.add(Workspace.readResource("sql/metrics/ORDER"));
        for (String file : MetricsRunner.files()) {
            key.add(file).add(Workspace.readResource("sql/metrics/" + file));
        }
        key.add(Workspace.readResource("sql/job/trigger_persistence.sql"));
        key.addFolder(request.projectFolder("metrics"), ".sql");
        for (String row : triggerMemory.earlierReports(job.name(), request.outDir().toAbsolutePath().normalize().toString(), asOf)) {
            key.add(row);
        }
        return key.hex();
    }

    /**
     * The metric results stored with this key when every table they list is still in the database; else null
     * (the tables are computed again).
     */
    static String reusable(Connection connection, String key) throws SQLException {
        String results = null;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(STATE)) {
            while (rs.next()) {
                if (results != null) {
                    return null;
                }
                results = key.equals(rs.getString(1)) ? rs.getString(2) : null;
                if (results == null) {
                    return null;
                }
            }
        }
        if (results == null) {
            return null;
        }
        List<Map<String, Object>> listed;
        try {
            listed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(results,
                    new com.fasterxml.jackson.core.type.TypeReference<>() {
                    });
        } catch (IOException e) {
            return null;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(TABLES_PRESENT)) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        for (Map<String, Object> result : listed) {
            if (!"failed".equals(result.get("status")) && !present.contains(String.valueOf(result.get("table")))) {
                return null;
            }
        }
        return results;
    }

    static void forget(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(FORGET);
        }
    }

    static void remember(Connection connection, String key, String results) throws SQLException {
        Workspace.inTransaction(connection, () -> Workspace.replaceRow(connection, FORGET, REMEMBER, key, results));
    }
}
