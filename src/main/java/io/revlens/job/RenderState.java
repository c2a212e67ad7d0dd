package io.revlens.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the reports, workbook and metric CSVs in the output folder are the ones this run would write: the key of
 * what they were rendered from (the metrics' key, the templates, the report settings) is stored in the run's database
 * with the CSVs' hashes when they are written ({@code render_state}); the documents' hashes are those of the last
 * run-summary.json ({@link OutputsCheck}). Forgotten before they are written again.
 */
final class RenderState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = SqlScript.loadOne("sql/job/render_state.sql");
    private static final String FORGET = SqlScript.loadOne("sql/job/forget_render_state.sql");
    private static final String REMEMBER = SqlScript.loadOne("sql/job/remember_render_state.sql");

    private RenderState() {
    }

    /**
     * Whether the outputs on disk are those rendered with this key: the key stored matches, every metric CSV is
     * there with the hash it was written with, and every document is there as the last run summary lists it.
     */
    static boolean reusable(Connection connection, String key, RunRequest request, List<String> tables,
                            List<String> documents) throws SQLException {
        Map<String, String> hashes = null;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(STATE)) {
            while (rs.next()) {
                if (hashes != null || !key.equals(rs.getString(1))) {
                    return false;
                }
                try {
                    hashes = JSON.readValue(rs.getString(2), new TypeReference<>() {
                    });
                } catch (IOException e) {
                    return false;
                }
            }
        }
        if (hashes == null || !hashes.keySet().equals(new java.util.HashSet<>(tables))) {
            return false;
        }
        try {
            for (String table : tables) {
                Path csv = request.metricsDir().resolve(table + ".csv");
                if (!Files.isRegularFile(csv) || !hashes.get(table).equals(OutputsCheck.sha256(csv))) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return OutputsCheck.documentsIntact(request, documents);
    }

    static void forget(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(FORGET);
        }
    }

    /** Records the key the outputs were just written with, and the metric CSVs' hashes as written. */
    static void remember(Connection connection, String key, RunRequest request, List<String> tables)
            throws SQLException, IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String table : tables) {
            hashes.put(table, OutputsCheck.sha256(request.metricsDir().resolve(table + ".csv")));
        }
        String csvHashes = JSON.writeValueAsString(hashes);
        Workspace.inTransaction(connection, () -> Workspace.replaceRow(connection, FORGET, REMEMBER, key, csvHashes));
    }
}
