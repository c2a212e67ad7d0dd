package io.revlens.metrics;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real DuckDB file loaded with a hand-written fixture from src/test/resources/metrics/, and row readers. */
final class MetricFixture {

    private MetricFixture() {
    }

    /** Opens {@code db} with the canonical schema and runs the fixture's statements. */
    static Connection load(Path db, String fixture) throws Exception {
        Connection connection = Workspace.open(db);
        for (String sql : SqlScript.statements(Workspace.readResource("metrics/" + fixture))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
        return connection;
    }

    static List<Map<String, Object>> rows(Connection connection, String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String key) {
        Map<String, Map<String, Object>> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put((String) r.get(key), r));
        return map;
    }
}
