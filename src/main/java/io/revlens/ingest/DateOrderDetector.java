package io.revlens.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a file's slash dates are day-first or month-first by looking at the values of
 * its date columns in the first rows (a part over 12 settles it); else the profile's hint, else US.
 */
final class DateOrderDetector {

    private static final int SAMPLE_ROWS = 2_000;

    private DateOrderDetector() {
    }

    static ValueCoercer.DateOrder detect(Path file, FileMapping mapping) {
        ValueCoercer.DateOrder fallback = "day_first".equals(mapping.profile().dateOrder())
                ? ValueCoercer.DateOrder.DAY_FIRST : ValueCoercer.DateOrder.MONTH_FIRST;
        List<Integer> dateColumns = new ArrayList<>();
        CanonicalTable table = mapping.profile().table();
        for (var column : table.columns()) {
            Integer index = mapping.columns().get(column.name());
            if (column.type() == CanonicalTable.Type.DATE && index != null) {
                dateColumns.add(index);
            }
        }
        dateColumns.addAll(mapping.stageHistoryColumns().values());
        if (dateColumns.isEmpty()) {
            return fallback;
        }
        List<String> samples = new ArrayList<>();
        try (TabularSource source = ExportOpener.open(file, header -> header.equals(mapping.header()))) {
            RawRow row;
            int rows = 0;
            while (rows++ < SAMPLE_ROWS && (row = source.next()) != null) {
                for (int index : dateColumns) {
                    Object value = row.get(index);
                    if (value instanceof String s) {
                        samples.add(s);
                    }
                }
            }
        } catch (Exception e) {
            return fallback; // the load itself will report the problem with the file
        }
        return ValueCoercer.detectOrder(samples, fallback);
    }
}
