package io.revlens.ingest;

import java.nio.charset.Charset;

/** What sniffing found out about a CSV file: its encoding, whether it had a BOM, and its delimiter. */
public record CsvLayout(Charset charset, boolean bom, char delimiter) {

    /** The delimiter as recorded in source_files ("," ";" "tab" "|"). */
    public String delimiterName() {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    /** The encoding as recorded in source_files, e.g. "UTF-8 (BOM)". */
    public String encodingName() {
        return charset.name() + (bom ? " (BOM)" : "");
    }
}
