package io.revlens.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sheet's cells merged down one column: a formatted report (Salesforce's "Opportunity Pipeline by Owner" saved to
 * Excel) writes a group's value once, in a cell merged over the group's rows, and Excel shows it on each. Every row
 * of the range takes the value of its first cell, as a reader of the sheet sees it. Ranges over several columns
 * (a title across the page) are left alone: they head a sheet, they do not fill a column.
 */
public final class MergedColumns {

    private static final Pattern REF = Pattern.compile("ref=\"\\$?([A-Z]+)\\$?(\\d+):\\$?([A-Z]+)\\$?(\\d+)\"");
    private static final String ELEMENT = "mergeCell ";

    /** One range: its column (0-based) and first and last row (1-based, as SourceRow numbers rows). */
    private record Range(int column, long firstRow, long lastRow) {
    }

    /** The ranges by first row. */
    private final List<Range> ranges;
    private final Object[] firstValues;
    /** The next range whose first row is still to come, and the ranges the current row lies in. */
    private int next;
    private final List<Integer> active = new ArrayList<>();

    private MergedColumns(List<Range> ranges) {
        this.ranges = ranges.stream().sorted(java.util.Comparator.comparingLong(Range::firstRow)).toList();
        this.firstValues = new Object[ranges.size()];
    }

    /** No merged cells. */
    public static MergedColumns none() {
        return new MergedColumns(List.of());
    }

    /** From (column, first row, last row) triples, 0-based column and 1-based rows; single-row ranges are dropped. */
    public static MergedColumns of(List<long[]> columnRanges) {
        List<Range> ranges = new ArrayList<>();
        for (long[] r : columnRanges) {
            if (r[2] > r[1]) {
                ranges.add(new Range((int) r[0], r[1], r[2]));
            }
        }
        return new MergedColumns(ranges);
    }

    /**
     * The single-column ranges of a sheet's XML, found by scanning its bytes for {@code <mergeCell ref="A11:A150"/>}
     * (the merges follow the rows in the file, so the reader cannot learn them as it goes; a byte scan costs a fraction
     * of parsing the sheet).
     */
    public static MergedColumns scan(InputStream sheetXml) throws IOException {
        List<long[]> found = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        // the tail of the previous chunk, so an element split across two reads is still seen whole; one byte per char
        // (ISO-8859-1), so String.indexOf's vectorised search does the scanning
        String carry = "";
        int read;
        while ((read = sheetXml.readNBytes(buffer, 0, buffer.length)) > 0) {
            String chunk = carry + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
            int end = 0;
            for (int at = chunk.indexOf(ELEMENT); at >= 0; at = chunk.indexOf(ELEMENT, at + 1)) {
                int close = chunk.indexOf('>', at);
                if (close < 0) {
                    break;
                }
                Matcher ref = REF.matcher(chunk.substring(at, close));
                if (ref.find() && ref.group(1).equals(ref.group(3))) {
                    found.add(new long[] {XlsxExportReader.columnIndex(ref.group(1)), Long.parseLong(ref.group(2)),
                            Long.parseLong(ref.group(4))});
                }
                end = close + 1;
            }
            carry = chunk.substring(Math.max(end, chunk.length() - 256));
        }
        return of(found);
    }

    /** Whether the sheet has any range to fill. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Gives the row's cells under a range's first row that range's value (rows come in order). */
    public List<Object> fill(long rowNumber, List<Object> cells) {
        if (ranges.isEmpty()) {
            return cells;
        }
        active.removeIf(i -> ranges.get(i).lastRow() < rowNumber);
        while (next < ranges.size() && ranges.get(next).firstRow() <= rowNumber) {
            Range range = ranges.get(next);
            if (range.firstRow() == rowNumber) {
                firstValues[next] = range.column() < cells.size() ? cells.get(range.column()) : null;
            }
            if (range.lastRow() >= rowNumber) {
                active.add(next);
            }
            next++;
        }
        for (int i : active) {
            Range range = ranges.get(i);
            if (range.firstRow() < rowNumber && firstValues[i] != null) {
                while (cells.size() <= range.column()) {
                    cells.add(null);
                }
                if (ValueCoercer.text(cells.get(range.column())) == null) {
                    cells.set(range.column(), firstValues[i]);
                }
            }
        }
        return cells;
    }
}
