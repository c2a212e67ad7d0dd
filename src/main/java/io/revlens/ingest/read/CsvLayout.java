package io.revlens.ingest.read;

import java.nio.charset.Charset;

/**
 * What sniffing found out about a CSV file: its encoding, whether it had a BOM, and its delimiter.
 * {@code mixed}: not valid UTF-8 as a whole but with UTF-8 lines in it; read line by line (LineByLineDecoder).
 */
public record CsvLayout(Charset charset, boolean bom, char delimiter, boolean mixed) {

    public CsvLayout(Charset charset, boolean bom, char delimiter) {
        this(charset, bom, delimiter, false);
    }

    /** The delimiter as recorded in source_files ("," ";" "tab" "|"). */
    public String delimiterName() {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    /** The encoding as recorded in source_files, e.g. "UTF-8 (BOM)". */
    public String encodingName() {
        if (mixed) {
            return "windows-1252 and UTF-8, line by line";
        }
        return charset.name() + (bom ? " (BOM)" : "");
    }
}
