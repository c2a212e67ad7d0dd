package io.revlens.ingest;

import java.util.List;

/**
 * Finds the header among the first rows of a report-shaped export: the first row whose filled
 * cells reach half of the widest row seen (title rows above it hold one or two cells).
 */
final class HeaderLocator {

    static final int LOOKAHEAD = 30;

    private HeaderLocator() {
    }

    /** Index into {@code rows} of the header row, or -1 when no row has two filled cells. */
    static int locate(List<List<Object>> rows) {
        int widest = 0;
        for (List<Object> row : rows) {
            widest = Math.max(widest, filled(row));
        }
        int threshold = Math.max(2, (widest + 1) / 2);
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (filled(row) >= threshold && allText(row)) {
                return i;
            }
        }
        return -1;
    }

    private static int filled(List<Object> row) {
        int count = 0;
        for (Object value : row) {
            if (value != null && !value.toString().isBlank()) {
                count++;
            }
        }
        return count;
    }

    /** Headers are text: a row of numbers or dates is data, not a header. */
    private static boolean allText(List<Object> row) {
        for (Object value : row) {
            if (value != null && !(value instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
