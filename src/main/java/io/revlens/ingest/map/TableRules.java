package io.revlens.ingest.map;

import io.revlens.ingest.recognise.ExportProfile;
import io.revlens.ingest.recognise.ResolvedProfile;
import io.revlens.ingest.read.ValueCoercer;
import io.revlens.ingest.read.CoercionException;
import io.revlens.model.CanonicalTable;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules one canonical table applies to a row once its columns are coerced: the currency default, a deal's id
 * taken from its name, deal status and type, the sign of credit notes, required columns, a rep listed once per
 * roster. Each rule is written here once, with its Java form (the row-by-row path, {@link RowMapper}) beside its SQL
 * form (the bulk CSV path, {@code BulkCsvLoad}); a decision SQL does not take itself is a Java function the bulk
 * path applies over the distinct values (a lookup), so both paths run the same code for it.
 * One instance per file: the roster rule remembers the names it has seen.
 */
public final class TableRules {

    /** A row on the row-by-row path: its coerced canonical values and its raw cells. */
    public interface JavaRow {
        long number();

        Object get(String column);

        void set(String column, Object value);

        /** The trimmed text of a profile column in this row (null when blank or unmapped). */
        String text(String column);
    }

    /** The bulk path's plan of a staged file: the SQL expression of each loaded value, and what SQL leaves to Java. */
    public interface SqlRow {
        /** The staged table every expression reads from. */
        String STAGED = "bulk_raw";

        String get(String column);

        void set(String column, String expression);

        /** The expression of a profile column's raw text. */
        String raw(String column);

        /**
         * The expression of {@code rule}'s result over the distinct values of {@code keys}: a lookup computed in
         * Java, or the key itself when the rule returns every distinct key unchanged.
         */
        String lookup(List<String> keys, Function<List<String>, String> rule) throws SQLException;

        /** Rows for which {@code condition} is not true are mapped by the row-by-row path instead. */
        void javaUnless(String condition);

        /** A SQL string literal of a profile's own text. */
        String literal(String text);
    }

    /** One rule in both forms. */
    private interface Rule {
        /** Applies the rule to a row: sets values, or returns the row's rejects (empty when it passes). */
        List<Reject> apply(JavaRow row);

        /** Sets the SQL expressions the rule decides, or sends the rows its SQL cannot decide to Java. */
        void plan(SqlRow row) throws SQLException;
    }

    private final ResolvedProfile profile;
    private final List<Rule> rules = new ArrayList<>();

    TableRules(ResolvedProfile profile) {
        this.profile = profile;
        CanonicalTable table = profile.table();
        if (table.indexOf("currency") >= 0) {
            rules.add(lookup("currency", List.of(Key.value("currency")), keys -> currencyOf(keys.get(0))));
        }
        if (table == CanonicalTable.OPPORTUNITIES) {
            rules.add(new NameAsId());
            rules.add(lookup("status", List.of(Key.value("status"), Key.value("stage"), Key.raw("is_won"),
                    Key.raw("is_closed"), Key.value("forecast_category"), Key.value("probability")),
                    keys -> status(keys.get(0), keys.get(1), keys.get(2), keys.get(3), keys.get(4), keys.get(5))));
            rules.add(lookup("opportunity_type", List.of(Key.value("opportunity_type")),
                    keys -> opportunityType(keys.get(0))));
        }
        if (table == CanonicalTable.REVENUE_LINES) {
            rules.add(new CreditNotes());
        }
        rules.add(new Required(table.requiredColumns()));
        if (table == CanonicalTable.REPS) {
            rules.add(new OneRowPerRep());
        }
    }

    /** Applies every rule in order; the first that rejects the row decides (its rejects, all of them). */
    public List<Reject> apply(JavaRow row) {
        for (Rule rule : rules) {
            List<Reject> rejects = rule.apply(row);
            if (!rejects.isEmpty()) {
                return rejects;
            }
        }
        return List.of();
    }

    /** Plans every rule's SQL form, in the same order. */
    public void plan(SqlRow row) throws SQLException {
        for (Rule rule : rules) {
            rule.plan(row);
        }
    }

    /** An input of a lookup rule: a canonical value as mapped so far, or a profile column's raw text. */
    private record Key(String column, boolean canonical) {
        static Key value(String column) {
            return new Key(column, true);
        }

        static Key raw(String column) {
            return new Key(column, false);
        }

        String java(JavaRow row) {
            return canonical ? (String) row.get(column) : row.text(column);
        }

        String sql(SqlRow row) {
            return canonical ? row.get(column) : row.raw(column);
        }
    }

    /** A value decided in Java from other values of the row; in SQL by a lookup over their distinct values. */
    private static Rule lookup(String target, List<Key> keys, Function<List<String>, String> decide) {
        return new Rule() {
            @Override
            public List<Reject> apply(JavaRow row) {
                List<String> values = new ArrayList<>(keys.size());
                keys.forEach(key -> values.add(key.java(row)));
                row.set(target, decide.apply(values));
                return List.of();
            }

            @Override
            public void plan(SqlRow row) throws SQLException {
                List<String> expressions = new ArrayList<>(keys.size());
                keys.forEach(key -> expressions.add(key.sql(row)));
                row.set(target, row.lookup(expressions, decide));
            }
        };
    }

    /** A deal without an id is known by its name. */
    private static final class NameAsId implements Rule {
        @Override
        public List<Reject> apply(JavaRow row) {
            if (row.get("opportunity_id") == null) {
                row.set("opportunity_id", row.get("opportunity_name"));
            }
            return List.of();
        }

        @Override
        public void plan(SqlRow row) {
            row.set("opportunity_id", "coalesce(" + row.get("opportunity_id") + ", " + row.get("opportunity_name") + ")");
        }
    }

    /**
     * Credit notes reduce revenue: a line marked as a credit (the profile's marker column or document-number prefix)
     * is stored negative whatever sign the export used, and any negative line counts as a credit.
     */
    private final class CreditNotes implements Rule {
        private final ExportProfile.Credit credit = profile.profile().credit;

        @Override
        public List<Reject> apply(JavaRow row) {
            boolean isCredit = false;
            if (credit != null) {
                isCredit = credit.column != null && isCreditMarker(row.text(credit.column));
                String document = (String) row.get("document_number");
                isCredit |= document != null && credit.prefixes.stream().anyMatch(document::startsWith);
            }
            Object amount = row.get("amount");
            if (isCredit && amount instanceof BigDecimal a && a.signum() > 0) {
                row.set("amount", a.negate());
                if (row.get("quantity") instanceof BigDecimal q && q.signum() > 0) {
                    row.set("quantity", q.negate());
                }
            }
            row.set("is_credit", isCredit || row.get("amount") instanceof BigDecimal a && a.signum() < 0);
            return List.of();
        }

        @Override
        public void plan(SqlRow row) throws SQLException {
            String isCredit = "false";
            if (credit != null) {
                List<String> parts = new ArrayList<>();
                if (credit.column != null) {
                    String marker = row.lookup(List.of(row.raw(credit.column)),
                            keys -> isCreditMarker(keys.get(0)) ? "true" : "false");
                    parts.add("cast(" + marker + " as boolean)");
                }
                for (String prefix : credit.prefixes) {
                    parts.add("coalesce(starts_with(" + row.get("document_number") + ", " + row.literal(prefix) + "), false)");
                }
                if (!parts.isEmpty()) {
                    isCredit = "(" + String.join(" or ", parts) + ")";
                }
            }
            String amount = row.get("amount");
            String quantity = row.get("quantity");
            String negate = isCredit + " and coalesce(" + amount + " > 0, false)";
            row.set("amount", "case when " + negate + " then -" + amount + " else " + amount + " end");
            row.set("quantity", "case when " + negate + " and coalesce(" + quantity + " > 0, false) then -"
                    + quantity + " else " + quantity + " end");
            row.set("is_credit", isCredit + " or coalesce(" + amount + " < 0, false)");
        }
    }

    /** A row without a value in one of the table's required columns is rejected, naming each missing column. */
    private final class Required implements Rule {
        private final List<String> columns;

        Required(List<String> columns) {
            this.columns = columns;
        }

        @Override
        public List<Reject> apply(JavaRow row) {
            List<Reject> rejects = new ArrayList<>();
            for (String column : columns) {
                if (row.get(column) == null) {
                    rejects.add(new Reject(row.number(), profile.sourceName(column), null,
                            "missing required value (" + column + ")"));
                }
            }
            return rejects;
        }

        @Override
        public void plan(SqlRow row) {
            columns.forEach(column -> row.javaUnless(row.get(column) + " is not null"));
        }
    }

    /**
     * A roster lists a person once: a rep name (case and surrounding spaces aside) seen on an earlier row of the file
     * rejects the row. SQL sends every row of a repeated name to Java, which keeps the first.
     */
    private final class OneRowPerRep implements Rule {
        /** Lower-cased rep name to the row that first named it. */
        private final Map<String, Long> firstRows = new HashMap<>();

        @Override
        public List<Reject> apply(JavaRow row) {
            String name = (String) row.get("rep_name");
            Long first = firstRows.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), row.number());
            if (first == null) {
                return List.of();
            }
            return List.of(new Reject(row.number(), profile.sourceName("rep_name"), name,
                    "duplicate rep: the same name is already on row " + first + " of this file (the first is kept)"));
        }

        @Override
        public void plan(SqlRow row) {
            String key = "lower(trim(" + row.raw("rep_name") + "))";
            row.javaUnless(key + " not in (select " + key + " from " + SqlRow.STAGED + " where " + row.raw("rep_name")
                    + " is not null group by 1 having count(*) > 1)");
        }
    }

    /** The currency a loaded row records: the profile's default when blank, upper case. */
    private String currencyOf(String currency) {
        String value = currency != null ? currency : profile.profile().currency;
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** Whether the credit marker column's text marks a credit note. */
    private boolean isCreditMarker(String marker) {
        String text = ValueCoercer.text(marker);
        ExportProfile.Credit credit = profile.profile().credit;
        return credit != null && text != null && RowMapper.containsIgnoreCase(credit.values, text);
    }

    /**
     * open | won | lost. A CRM's own won and closed flags (Salesforce IsWon, IsClosed) decide when the export has
     * them, whatever the org named its stages; a blank flag is false (Salesforce writes 1 or nothing). Else the
     * status column's mapped values, then the profile's won and lost stages, then a whole closed-deal label in the
     * stage or status ({@link StageVocabulary#outcome}), never a word inside a label, then Salesforce's forecast
     * category: a report carries no flags, but an org's own closed stages ("Disqualified") still say what they are,
     * "Closed" for a won stage and "Omitted" at 0% probability for a lost one (an open stage left out of the forecast
     * keeps its probability); last, where the profile says the CRM fixes closed stages' probabilities (HubSpot), a
     * deal at 100% is won and one at 0% lost.
     */
    private String status(String statusValue, String stage, String isWon, String isClosed, String forecastCategory,
                          String probability) {
        boolean hasWon = !profile.indexes("is_won").isEmpty();
        boolean hasClosed = !profile.indexes("is_closed").isEmpty();
        Boolean won = hasWon ? flag(ValueCoercer.text(isWon)) : null;
        Boolean closed = hasClosed ? flag(ValueCoercer.text(isClosed)) : null;
        if (Boolean.TRUE.equals(won)) {
            return "won";
        }
        if (Boolean.FALSE.equals(closed)) {
            return "open";
        }
        if (Boolean.TRUE.equals(closed) && hasWon && won != null) {
            return "lost";
        }
        if (statusValue != null) {
            for (Map.Entry<String, List<String>> entry : profile.profile().statusValues.entrySet()) {
                if (RowMapper.containsIgnoreCase(entry.getValue(), statusValue)) {
                    return entry.getKey();
                }
            }
        }
        if (stage != null) {
            ExportProfile.Stages stages = profile.profile().stages;
            if (RowMapper.containsIgnoreCase(stages.won, stage)) {
                return "won";
            }
            if (RowMapper.containsIgnoreCase(stages.lost, stage)) {
                return "lost";
            }
            // Only a whole closed-deal label ("Closed Won", "Lost"): "Won't buy" or "Not won yet" is not an outcome.
            String outcome = StageVocabulary.outcome(stage);
            if (outcome != null) {
                return outcome;
            }
        }
        if (forecastCategory != null) {
            // English, then as a French org exports them
            String category = forecastCategory.strip().toLowerCase(java.util.Locale.ROOT);
            if (category.equals("closed") || category.equals("conclu")) {
                return "won";
            }
            if ((category.equals("omitted") || category.equals("omis")) && isZero(probability)) {
                return "lost";
            }
        }
        if (profile.profile().closedByProbability && probability != null) {
            Double value = number(probability);
            if (value != null && (value == 1.0 || value == 100.0)) {
                return "won";
            }
            if (value != null && value == 0.0) {
                return "lost";
            }
        }
        if (statusValue != null) {
            String outcome = StageVocabulary.outcome(statusValue);
            if (outcome != null) {
                return outcome;
            }
        }
        return "open";
    }

    /** Whether a probability ("0", "0%", "0.00") is zero; false when blank or not a number. */
    private static boolean isZero(String probability) {
        Double value = number(probability);
        return value != null && value == 0;
    }

    /** A probability's number ("20", "20%", "0.2"); null when blank or not a number. */
    private static Double number(String probability) {
        if (probability == null) {
            return null;
        }
        try {
            return Double.parseDouble(probability.replace("%", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A flag's value: blank is false; null when it is not a boolean (then the stage decides). */
    private static Boolean flag(String value) {
        if (value == null) {
            return false;
        }
        try {
            return ValueCoercer.bool(value);
        } catch (CoercionException e) {
            return null;
        }
    }

    /** new | expansion | renewal, or null when the export's type says none of these. */
    private static String opportunityType(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("renew")) {
            return "renewal";
        }
        if (t.contains("expan") || t.contains("upsell") || t.contains("upgrade") || t.contains("existing")
                || t.contains("cross")) {
            return "expansion";
        }
        if (t.contains("new")) {
            return "new";
        }
        return null;
    }
}
