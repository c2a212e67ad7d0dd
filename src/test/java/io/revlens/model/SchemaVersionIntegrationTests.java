package io.revlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a run's database applies the canonical schema unless the database records that it is at this version of
 * the schema scripts: a database from another build (another version recorded) or from before versions were recorded
 * gets the DDL again, and the record of this version.
 */
class SchemaVersionIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aDatabaseAtAnotherSchemaVersionGetsTheSchemaAgain() throws Exception {
        Path db = temp.resolve("revlens.duckdb");
        String current;
        try (Connection connection = Workspace.open(db); Statement statement = connection.createStatement()) {
            current = version(statement);
            assertThat(current).hasSize(64);
            // as another build left it: a table this build's schema has is missing, and another version is recorded
            statement.execute("drop table render_state");
            statement.execute("update schema_applied set scripts_sha256 = 'another build'");
        }
        try (Connection connection = Workspace.open(db); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from duckdb_tables() where table_name = 'render_state'")).isEqualTo(1);
            assertThat(version(statement)).isEqualTo(current);
            // written before versions were recorded
            statement.execute("drop table render_state");
            statement.execute("drop table schema_applied");
        }
        try (Connection connection = Workspace.open(db); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from duckdb_tables() where table_name = 'render_state'")).isEqualTo(1);
            assertThat(version(statement)).isEqualTo(current);
            assertThat(count(statement, "select count(*) from schema_applied")).isEqualTo(1);
        }
    }

    private static String version(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("select scripts_sha256 from schema_applied")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
