package io.revlens.ingest.read;

import java.nio.file.Path;
import java.util.Locale;

/** File formats ingest reads, by extension. */
public enum ExportFormat {
    CSV, XLSX, XLS;

    /** The format of {@code file} by its extension (.csv .tsv .txt are CSV), or null. */
    public static ExportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return CSV;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return XLSX;
        }
        if (name.endsWith(".xls")) {
            return XLS;
        }
        return null;
    }

    /** Lower-case name recorded in source_files.format. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
