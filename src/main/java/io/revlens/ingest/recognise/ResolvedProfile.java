package io.revlens.ingest.recognise;

import io.revlens.model.CanonicalTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile applied to one concrete header: which header columns feed each canonical (or helper) column,
 * and which columns carry stage-entry dates.
 */
public record ResolvedProfile(ExportProfile profile, CanonicalTable table, List<String> header,
                              Map<String, List<Integer>> columnIndexes, List<StageColumn> stageColumns,
                              List<String> warnings) {

    /** A header column holding the date a deal entered {@code stage}. */
    public record StageColumn(int index, String stage) {
    }

    /** Profile name recorded in source_files; the generic profile is named by table, e.g. "generic-reps". */
    public String name() {
        return profile.isGeneric() ? genericName(table) : profile.name;
    }

    /** "generic-" plus the table name with dashes, e.g. generic-revenue-lines. */
    public static String genericName(CanonicalTable table) {
        return "generic-" + table.tableName().replace('_', '-');
    }

    /** Header columns of a mapped column (empty when unmapped). */
    public List<Integer> indexes(String column) {
        return columnIndexes.getOrDefault(column, List.of());
    }

    /**
     * The header columns a file's date order is read from: its mapped date columns, its stage-date columns, and the
     * other columns whose header names a date (a Xero export's DueDate). One export writes every date one way, so
     * a company that invoices on the 1st ("01/02/2025", which reads either way) shows its day-first order in the
     * due dates beside ("15/02/2025").
     */
    public List<Integer> dateOrderColumns() {
        java.util.Set<Integer> indexes = new java.util.LinkedHashSet<>();
        for (CanonicalTable.Column column : table.columns()) {
            if (column.type() == CanonicalTable.ColumnType.DATE) {
                indexes.addAll(indexes(column.name()));
            }
        }
        stageColumns.forEach(c -> indexes.add(c.index()));
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && DATE_HEADER.matcher(header.get(i)).find()) {
                indexes.add(i);
            }
        }
        return List.copyOf(indexes);
    }

    private static final java.util.regex.Pattern DATE_HEADER = java.util.regex.Pattern.compile("(?i)date");

    /** Header name of the first mapped source column, else the canonical name (used in rejects). */
    public String sourceName(String column) {
        List<Integer> indexes = indexes(column);
        return indexes.isEmpty() ? column : header.get(indexes.get(0));
    }

    /** "canonical <- header" lines for inspect. */
    public List<String> mappingLines() {
        List<String> lines = new ArrayList<>();
        Map<String, List<Integer>> sorted = new LinkedHashMap<>(columnIndexes);
        sorted.forEach((column, indexes) -> {
            List<String> names = indexes.stream().map(header::get).toList();
            lines.add(column + " <- " + String.join(" | ", names));
        });
        for (StageColumn stageColumn : stageColumns) {
            lines.add("stage history '" + stageColumn.stage() + "' <- " + header.get(stageColumn.index()));
        }
        return lines;
    }
}
