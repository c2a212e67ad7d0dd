package io.revlens.ingest;

import java.util.List;

/**
 * One physical row of an export, as read: its 1-based row number in the file (the sheet row for
 * Excel, the record number for CSV) and its cell values — {@code String} for CSV; {@code String},
 * {@code Double}, {@code Boolean} or {@code LocalDateTime} for Excel cells.
 */
public record RawRow(long rowNumber, List<Object> values) {

    /** True when every cell is empty or blank. */
    public boolean isBlank() {
        for (Object value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return false;
            }
        }
        return true;
    }

    public Object get(int index) {
        return index < values.size() ? values.get(index) : null;
    }
}
