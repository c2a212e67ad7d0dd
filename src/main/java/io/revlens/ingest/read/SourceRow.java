package io.revlens.ingest.read;

import java.util.List;

/**
 * One physical row of an export: its 1-based row number in the file (CSV: the line the record starts
 * on; Excel: the sheet row) and its cells (String, Double, LocalDateTime, Boolean or null).
 */
public record SourceRow(long rowNumber, List<Object> cells) {

    /** True when every cell is null or blank text. */
    public boolean isBlank() {
        for (Object cell : cells) {
            if (ValueCoercer.text(cell) != null) {
                return false;
            }
        }
        return true;
    }

    /** The cell at {@code index}, or null beyond the row's end. */
    public Object cell(int index) {
        return index < cells.size() ? cells.get(index) : null;
    }

    /** Number of cells up to the last non-blank one. */
    public int filledWidth() {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (ValueCoercer.text(cells.get(i)) != null) {
                return i + 1;
            }
        }
        return 0;
    }
}
