package io.revlens.ops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A schema of its own in the real PostgreSQL server the tests are given ({@code REVLENS_TEST_PG_URL},
 * {@code REVLENS_TEST_PG_USER}, {@code REVLENS_TEST_PG_PASSWORD}; {@code .ci/run} starts one), dropped on close.
 * The test is skipped, with what to set, when no server is given.
 */
final class TestPostgresSchema implements AutoCloseable {

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String schema;

    private TestPostgresSchema(String baseUrl, String user, String password, String schema) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    static TestPostgresSchema createOrSkip(String prefix) throws SQLException {
        String baseUrl = System.getenv("REVLENS_TEST_PG_URL");
        assumeTrue(baseUrl != null && !baseUrl.isBlank(),
                "REVLENS_TEST_PG_URL is not set (e.g. jdbc:postgresql://localhost:5432/revlens_test with"
                        + " REVLENS_TEST_PG_USER and REVLENS_TEST_PG_PASSWORD); .ci/run starts a PostgreSQL server and sets it");
        TestPostgresSchema created = new TestPostgresSchema(baseUrl,
                System.getenv().getOrDefault("REVLENS_TEST_PG_USER", "revlens"),
                System.getenv().getOrDefault("REVLENS_TEST_PG_PASSWORD", ""),
                prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000);
        created.execute("create schema " + created.schema);
        return created;
    }

    /** The JDBC URL that puts RevLens's tables in this schema. */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String name() {
        return schema;
    }

    /** The system properties that make a RevLens process keep its job history here. */
    Map<String, String> historyProperties() {
        return Map.of("revlens.history.url", url(), "revlens.history.user", user, "revlens.history.password", password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }
}
