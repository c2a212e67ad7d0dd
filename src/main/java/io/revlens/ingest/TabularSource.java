package io.revlens.ingest;

import java.io.Closeable;
import java.util.List;

/**
 * An export opened for reading: how it was read (format, encoding, delimiter, sheet, header row)
 * and its rows after the header. Rows above the header (report titles) are not data.
 */
public interface TabularSource extends Closeable {

    /** How a file was read, for the inventory and {@code source_files}. */
    record Layout(String format, String encoding, String delimiter, String sheet, int headerRow) {
    }

    Layout layout();

    List<String> header();

    /** The next row after the header, or null at the end. */
    RawRow next() throws java.io.IOException;
}
