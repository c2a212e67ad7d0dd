package io.revlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads files through the real load step ({@link LoadRun}) and reads back what it recorded, with typed values. */
final class IngestRun {

    /** A source_files row; construction checks read = loaded + rejected + skipped. */
    record FileRow(String name, String format, String encoding, String delimiter, String sheet, Integer headerRow,
                   String kind, String profile, long read, long loaded, long rejected, long skipped, String status,
                   String message) {
    }

    private IngestRun() {
    }

    static void load(Path db, List<Path> files, Map<String, String> overrides) throws Exception {
        LoadRun.run(db, files, overrides);
    }

    static Map<String, FileRow> files(Path db) throws Exception {
        Map<String, FileRow> rows = new LinkedHashMap<>();
        for (List<Object> r : query(db, "select regexp_extract(path, '[^/]+$'), format, encoding, delimiter, sheet, header_row,"
                + " kind, profile, rows_read, rows_loaded, rows_rejected, rows_skipped, status, message from source_files order by path")) {
            FileRow row = new FileRow((String) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3),
                    (String) r.get(4), (Integer) r.get(5), (String) r.get(6), (String) r.get(7), (Long) r.get(8),
                    (Long) r.get(9), (Long) r.get(10), (Long) r.get(11), (String) r.get(12), (String) r.get(13));
            assertThat(row.read()).as("rows read = loaded + rejected + skipped for %s", row.name())
                    .isEqualTo(row.loaded() + row.rejected() + row.skipped());
            rows.put(row.name(), row);
        }
        return rows;
    }

    static List<List<Object>> query(Path db, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = Workspace.open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.sql.Date d ? d.toLocalDate() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
