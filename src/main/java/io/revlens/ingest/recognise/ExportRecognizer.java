package io.revlens.ingest.recognise;

import io.revlens.ingest.read.ValueCoercer;
import io.revlens.ingest.read.DateOrder;
import io.revlens.ingest.read.CoercionException;
import io.revlens.ingest.read.SourceRow;
import io.revlens.model.CanonicalTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Weighs each header reading ({@link ProfileCatalog#candidates}) against the file's first data rows: dates that
 * do not parse, amounts that are not numbers and ids that repeat count against a reading; a stage column holding
 * closed stages counts for a deals reading. Then {@link Recognition#decide} chooses, or declines to.
 */
public final class ExportRecognizer {

    /** Data rows looked at for value evidence. */
    public static final int SAMPLE_ROWS = 200;
    /** Below this share of parsable values a date or amount column counts against the reading. */
    static final double FIT = 0.8;
    /**
     * What dates or amounts that do not parse cost a reading: enough to tip a close call, not to refuse a file
     * whose header is clear (its bad values are then rejected row by row, with reasons).
     */
    static final double VALUE_MISFIT = 0.1;
    /** What a key that repeats costs: the file is not a list of such records at all. */
    static final double REPEATING_KEY = 0.5;
    /** Non-blank keys needed before repeats count as evidence. */
    static final int MIN_KEY_VALUES = 5;
    /** Non-blank values needed before values count as evidence at all. */
    static final int MIN_VALUES = 3;
    /**
     * Keys unique per row in a list of records, the first mapped one checked: a key that repeats means a history,
     * order lines or an activity log, not the list (an account's name repeats on every order line of it).
     */
    private static final Map<CanonicalTable, List<String>> KEYS = Map.of(
            CanonicalTable.OPPORTUNITIES, List.of("opportunity_id"),
            CanonicalTable.LEADS, List.of("lead_id"),
            CanonicalTable.ACCOUNTS, List.of("account_id", "account_name"),
            CanonicalTable.REPS, List.of("rep_name"),
            CanonicalTable.USERS, List.of("user_id"),
            CanonicalTable.ACTIVITIES, List.of("activity_id"));

    private ExportRecognizer() {
    }

    /** Scores every candidate on the sample's values and decides. */
    public static Recognition recognise(List<Recognition.Candidate> candidates, List<SourceRow> sample,
                                        boolean date1904) {
        List<SourceRow> rows = sample.stream().filter(r -> !r.isBlank()).limit(SAMPLE_ROWS).toList();
        List<Recognition.Candidate> scored = new ArrayList<>();
        for (Recognition.Candidate candidate : candidates) {
            scored.add(candidate.resolved() == null || rows.isEmpty() ? candidate
                    : withValueEvidence(candidate, rows, date1904));
        }
        return Recognition.decide(scored);
    }

    private static Recognition.Candidate withValueEvidence(Recognition.Candidate candidate, List<SourceRow> rows,
                                                           boolean date1904) {
        ResolvedProfile resolved = candidate.resolved();
        ExportProfile rules = resolved.profile();
        ValueCoercer monthFirst = new ValueCoercer(DateOrder.MDY, rules.decimalComma, date1904);
        ValueCoercer dayFirst = new ValueCoercer(DateOrder.DMY, rules.decimalComma, date1904);
        Recognition.Candidate result = candidate;
        Set<String> fitting = new LinkedHashSet<>();
        for (CanonicalTable.Column column : resolved.table().columns()) {
            List<Integer> indexes = resolved.indexes(column.name());
            if (indexes.isEmpty() || column.type() != CanonicalTable.ColumnType.DATE
                    && column.type() != CanonicalTable.ColumnType.AMOUNT) {
                continue;
            }
            int values = 0;
            int parsed = 0;
            for (SourceRow row : rows) {
                Object raw = row.cell(indexes.get(0));
                if (ValueCoercer.text(raw) == null) {
                    continue;
                }
                values++;
                if (column.type() == CanonicalTable.ColumnType.DATE
                        ? parsesAsDate(raw, monthFirst, dayFirst) : parsesAsAmount(raw, monthFirst)) {
                    parsed++;
                }
            }
            String header = resolved.sourceName(column.name());
            if (values < MIN_VALUES) {
                continue;
            }
            if (parsed < FIT * values) {
                result = result.adjusted(-VALUE_MISFIT, "- " + header + " (" + column.name() + "): " + parsed + " of " + values
                        + " values are " + (column.type() == CanonicalTable.ColumnType.DATE ? "dates" : "amounts"));
            } else {
                fitting.add(header);
            }
        }
        if (!fitting.isEmpty()) {
            result = result.noted("+ values fit: " + String.join(", ", fitting));
        }
        String key = KEYS.getOrDefault(resolved.table(), List.of()).stream()
                .filter(column -> !resolved.indexes(column).isEmpty()).findFirst().orElse(null);
        if (key != null) {
            int index = resolved.indexes(key).get(0);
            Set<String> distinct = new HashSet<>();
            int values = 0;
            for (SourceRow row : rows) {
                String value = ValueCoercer.text(row.cell(index));
                if (value != null) {
                    values++;
                    distinct.add(value);
                }
            }
            // A list names each record once: more than a tenth of its sample repeating says the rows are about
            // records (orders of a customer, changes of a deal), not the records. A few rows say too little (a
            // deals file with one duplicate id is still deals; data quality reports the duplicate).
            if (values >= MIN_KEY_VALUES && distinct.size() < 0.9 * values) {
                result = result.adjusted(-REPEATING_KEY, "- " + resolved.sourceName(key) + " repeats (" + distinct.size()
                        + " distinct in " + values + " rows): several rows per record, like a history or line items,"
                        + " not a list of " + resolved.table().tableName());
            }
        }
        if (resolved.table() == CanonicalTable.OPPORTUNITIES) {
            result = stageEvidence(result, rows);
        }
        return result;
    }

    /** A stage or status column holding closed stages is what deals look like. */
    private static Recognition.Candidate stageEvidence(Recognition.Candidate candidate, List<SourceRow> rows) {
        ResolvedProfile resolved = candidate.resolved();
        ExportProfile.Stages stages = resolved.profile().stages;
        for (String column : List.of("stage", "status")) {
            if (resolved.indexes(column).isEmpty()) {
                continue;
            }
            Set<String> closed = new LinkedHashSet<>();
            for (SourceRow row : rows) {
                String value = ValueCoercer.text(row.cell(resolved.indexes(column).get(0)));
                if (value == null) {
                    continue;
                }
                String lower = value.toLowerCase(Locale.ROOT);
                if (stages.won.stream().anyMatch(value::equalsIgnoreCase) || stages.lost.stream().anyMatch(value::equalsIgnoreCase)
                        || lower.contains("won") || lower.contains("lost") || lower.contains("closed")) {
                    closed.add(value);
                }
            }
            if (!closed.isEmpty()) {
                return candidate.adjusted(0.03, "+ " + resolved.sourceName(column) + " holds closed stages ("
                        + String.join(", ", closed.stream().limit(3).toList()) + ")");
            }
        }
        return candidate;
    }

    private static boolean parsesAsDate(Object raw, ValueCoercer monthFirst, ValueCoercer dayFirst) {
        try {
            return monthFirst.date(raw) != null;
        } catch (CoercionException e) {
            try {
                return dayFirst.date(raw) != null;
            } catch (CoercionException again) {
                return false;
            }
        }
    }

    private static boolean parsesAsAmount(Object raw, ValueCoercer coercer) {
        try {
            return coercer.money(raw) != null;
        } catch (CoercionException e) {
            return false;
        }
    }
}
