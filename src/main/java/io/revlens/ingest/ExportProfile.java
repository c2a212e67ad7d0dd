package io.revlens.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mapping profile (one YAML file in {@code profiles/}): which export it recognises by its
 * headers, and how its columns map onto a canonical table. Profiles are data, so users can add
 * their own without code.
 *
 * @param columns canonical column (or helper input {@code unit_price}, {@code type}, {@code status})
 *                → candidate header names, first present wins; matched case- and space-insensitively
 * @param required canonical columns that must all be found for the profile to match
 * @param priority higher wins when several profiles match (specific exports above generic ones)
 * @param groupColumn canonical column filled from group rows (a row with only its first cell set, as
 *                    QuickBooks prints the customer above its lines); such rows are counted as skipped
 */
public record ExportProfile(
        String name,
        String description,
        String kind,
        int priority,
        List<String> required,
        Map<String, List<String>> columns,
        Stages stages,
        @JsonProperty("stage_history") StageHistory stageHistory,
        Map<String, Map<String, String>> values,
        Credit credit,
        @JsonProperty("date_order") String dateOrder,
        @JsonProperty("group_column") String groupColumn) {

    /** Stage labels in pipeline order and the labels that mean won or lost (case-insensitive). */
    public record Stages(List<String> order, List<String> won, List<String> lost) {
    }

    /** Columns whose header names a stage and whose values are the date the deal entered it. */
    public record StageHistory(@JsonProperty("header_pattern") String headerPattern) {
    }

    /** How a revenue line is recognised as a credit note. */
    public record Credit(@JsonProperty("document_prefix") String documentPrefix,
                         @JsonProperty("type_contains") String typeContains) {
    }

    public CanonicalTable table() {
        return CanonicalTable.ofKind(kind);
    }

    /** Normalises a header for matching: lower case, trimmed, inner whitespace and underscores collapsed. */
    public static String normalise(String header) {
        return header == null ? "" : header.replace('\uFEFF', ' ').replace('_', ' ').trim()
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
