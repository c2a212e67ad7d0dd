package io.revlens.ingest.recognise;

import io.revlens.ingest.read.DateOrder;
import io.revlens.ingest.read.ExportFormat;
import io.revlens.ingest.read.RowSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One export after detection: where its header is, which profile maps it, the recognition behind that choice
 * (null when a profile was named for the file or nothing could be read), and its data rows (those after the
 * header). {@code status} is "ok" when it can be loaded, else "failed" or "ignored" with a message; an ignored
 * file still yields its rows so they are counted as skipped.
 */
public record OpenedExport(Path file, ExportFormat format, String encoding, String delimiter, String sheet,
                           Integer headerRow, List<String> header, ResolvedProfile profile, DateOrder dateOrder,
                           boolean date1904, String status, String message, RowSource rows,
                           Recognition recognition) implements AutoCloseable {

    public OpenedExport(Path file, ExportFormat format, String encoding, String delimiter, String sheet,
                        Integer headerRow, List<String> header, ResolvedProfile profile, DateOrder dateOrder,
                        boolean date1904, String status, String message, RowSource rows) {
        this(file, format, encoding, delimiter, sheet, headerRow, header, profile, dateOrder, date1904, status,
                message, rows, null);
    }

    /** Kind recorded in source_files: the table, "unused" for a known export no metric reads, else "unknown". */
    public String kind() {
        if (profile != null) {
            return profile.table().tableName();
        }
        return recognition != null && recognition.unused() ? ExportProfile.UNUSED : "unknown";
    }

    /** Profile name recorded in source_files (the known export's, when it is not loaded), or null. */
    public String profileName() {
        if (profile != null) {
            return profile.name();
        }
        return recognition != null && recognition.unused() ? recognition.chosen().profile().name : null;
    }

    /** The same export with another message. */
    public OpenedExport withMessage(String newMessage) {
        return new OpenedExport(file, format, encoding, delimiter, sheet, headerRow, header, profile, dateOrder,
                date1904, status, newMessage, rows, recognition);
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
