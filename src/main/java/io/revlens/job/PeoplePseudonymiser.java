package io.revlens.job;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces person names (reps, managers, opportunity owners) in the canonical tables with pseudonyms
 * ("Rep 01", ...) after loading and before metrics, so every metric, report, CSV and workbook shows the same
 * pseudonym for the same person; company names stay. The mapping stays in the run's DuckDB file only.
 */
public final class PeoplePseudonymiser {

    private PeoplePseudonymiser() {
    }

    /** Pseudonymises the loaded tables in one transaction; running it again changes nothing. */
    public static void apply(Connection connection) throws SQLException {
        Workspace.inTransaction(connection, () -> {
            Workspace.runScript(connection, "sql/job/pseudonymise_people.sql");
            List<String[]> mapping = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(SqlScript.loadOne("sql/job/person_pseudonyms.sql"))) {
                while (rs.next()) {
                    mapping.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String sql : SqlScript.statements(Workspace.readResource("sql/job/pseudonymise_text.sql"))) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (String[] person : mapping) {
                        if (person[0].isBlank()) {
                            continue;
                        }
                        statement.setString(1, person[0]);
                        statement.setString(2, person[1]);
                        statement.setString(3, person[0]);
                        statement.executeUpdate();
                    }
                }
            }
        });
    }
}
