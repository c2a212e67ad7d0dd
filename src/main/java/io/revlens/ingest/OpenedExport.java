package io.revlens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One export after detection: where its header is, which profile maps it, and its data rows (those after
 * the header). {@code status} is "ok" when it can be loaded, else "failed" or "ignored" with a message;
 * an ignored file still yields its rows so they are counted as skipped.
 */
public record OpenedExport(Path file, ExportFormat format, String encoding, String delimiter, String sheet,
                           Integer headerRow, List<String> header, ResolvedProfile profile, DateOrder dateOrder,
                           boolean date1904, String status, String message, RowSource rows) implements AutoCloseable {

    /** Kind recorded in source_files. */
    public String kind() {
        return profile == null ? "unknown" : profile.table().tableName();
    }

    /** Whether rows are mapped and loaded. */
    public boolean loadable() {
        return "ok".equals(status) && profile != null;
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
    }
}
