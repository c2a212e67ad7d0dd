package io.revlens.ingest;

import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Resolves exports that overlap after every file is loaded: where two files carry the same opportunity id
 * (or invoice number), the later export's rows win and the earlier file's are counted as skipped
 * ({@code sql/ingest/supersede_overlaps.sql}). Idempotent; runs in one transaction.
 */
public final class OverlapResolver {

    private OverlapResolver() {
    }

    public static void resolve(Connection connection) throws SQLException {
        Workspace.inTransaction(connection, () -> Workspace.runScript(connection, "sql/ingest/supersede_overlaps.sql"));
    }
}
