package io.revlens.ingest.check;

import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Gives deals that reference their account or owner by id the name the accounts, users or reps export holds
 * for it ({@code sql/ingest/resolve_references.sql}), after every file is loaded: reports and triggers show
 * names while lineage keeps the ids. Idempotent; runs in one transaction.
 */
public final class ReferenceResolver {

    private ReferenceResolver() {
    }

    public static void resolve(Connection connection) throws SQLException {
        Workspace.inTransaction(connection, () -> Workspace.runScript(connection, "sql/ingest/resolve_references.sql"));
    }
}
