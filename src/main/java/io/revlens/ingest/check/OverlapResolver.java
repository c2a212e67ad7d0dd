package io.revlens.ingest.check;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Resolves exports that overlap after every file is loaded: where two files carry the same opportunity id
 * (or invoice number), the later export's rows win and the earlier file's are counted as skipped
 * ({@code sql/ingest/supersede_overlaps.sql}). Idempotent; runs in one transaction.
 */
public final class OverlapResolver {

    private static final String OVERLAPPING_KINDS = SqlScript.loadOne("sql/ingest/overlapping_kinds.sql");
    private static final String CLEAR_CONFLICTS = SqlScript.loadOne("sql/ingest/clear_overlap_conflicts.sql");

    private OverlapResolver() {
    }

    public static void resolve(Connection connection) throws SQLException {
        // Rows can only be superseded by another file of the same kind; with one file per kind (the usual
        // folder) the script's scans over every opportunity and invoice line find nothing.
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(OVERLAPPING_KINDS)) {
            rs.next();
            if (rs.getLong(1) == 0) {
                try (Statement clear = connection.createStatement()) {
                    clear.execute(CLEAR_CONFLICTS);
                }
                return;
            }
        }
        Workspace.inTransaction(connection, () -> Workspace.runScript(connection, "sql/ingest/supersede_overlaps.sql"));
    }
}
