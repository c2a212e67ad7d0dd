package io.revlens.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps one raw row of a recognised export onto its canonical table: skips non-data rows
 * (blank, subtotal, total, report footers), coerces every mapped value, derives status, credit
 * flags and stage history, and rejects the row with a reason when a value does not fit.
 */
public final class RowMapper {

    /** Inputs a profile may map that are not canonical columns but feed derived values. */
    static final Set<String> HELPER_INPUTS = Set.of("unit_price", "type", "status", "balance");

    private static final Pattern NON_DATA = Pattern.compile(
            "(?i)^(total\\b.*|grand total.*|totals?:?|confidential information.*|copyright \\(c\\).*|"
                    + "(accrual|cash) basis.*|generated (at|on).*)$");

    /** What became of a row. */
    public sealed interface Outcome permits Skipped, Rejected, Mapped {
    }

    /** Not a data row (blank, subtotal, total, footer); counted as skipped. */
    public record Skipped(String reason) implements Outcome {
    }

    /** A data row that cannot be loaded; one reason per row (the first failing column). */
    public record Rejected(String column, String rawValue, String reason) implements Outcome {
    }

    /** A stage the opportunity entered, from a stage-history column. */
    public record StageEntry(String stage, LocalDate enteredDate) {
    }

    /** A loaded row: values in the canonical table's column order, plus stage history. */
    public record Mapped(CanonicalTable table, Object[] values, List<StageEntry> stageHistory) implements Outcome {
    }

    private final FileMapping mapping;
    private final CanonicalTable table;
    private final ValueCoercer.DateOrder dateOrder;
    private final boolean strictWidth;
    /** The current group (e.g. QuickBooks customer) for profiles with a group column; one mapper per file. */
    private String currentGroup;

    public RowMapper(FileMapping mapping, ValueCoercer.DateOrder dateOrder, boolean strictWidth) {
        this.mapping = mapping;
        this.table = mapping.profile().table();
        this.dateOrder = dateOrder;
        this.strictWidth = strictWidth;
    }

    public Outcome map(RawRow row) {
        if (row.isBlank()) {
            return new Skipped("blank row");
        }
        int width = mapping.header().size();
        String first = firstText(row);
        // A subtotal or footer fills a few cells; a customer called "Total Quality Corp" fills a whole row.
        if (first != null && NON_DATA.matcher(first).matches() && filled(row) <= Math.max(2, width / 2)) {
            return new Skipped("total or footer row");
        }
        if (mapping.profile().groupColumn() != null && filled(row) == 1 && row.get(0) != null
                && !row.get(0).toString().isBlank()) {
            currentGroup = ValueCoercer.text(row.get(0));
            return new Skipped("group row (" + mapping.profile().groupColumn() + ")");
        }
        if (row.values().size() > width && hasValueBeyond(row, width)) {
            return new Rejected(null, null, "row has " + row.values().size() + " fields but the header has " + width
                    + " (an unquoted delimiter inside a value?)");
        }
        if (strictWidth && row.values().size() < width) {
            return new Rejected(null, null, "row has " + row.values().size() + " fields but the header has " + width);
        }
        Object[] values = new Object[table.columns().size()];
        String symbolCurrency = null;
        for (int i = 0; i < table.columns().size(); i++) {
            CanonicalTable.Column column = table.columns().get(i);
            Integer source = mapping.columns().get(column.name());
            if (source == null) {
                continue;
            }
            Object raw = row.get(source);
            try {
                values[i] = switch (column.type()) {
                    case TEXT -> ValueCoercer.text(raw);
                    case MONEY -> {
                        ValueCoercer.Money money = ValueCoercer.money(raw);
                        if (money != null && money.currency() != null) {
                            symbolCurrency = money.currency();
                        }
                        yield money == null ? null : money.amount();
                    }
                    case QUANTITY -> ValueCoercer.decimal(raw, 4);
                    case INTEGER -> ValueCoercer.integer(raw);
                    case DATE -> ValueCoercer.date(raw, dateOrder);
                    case BOOLEAN -> ValueCoercer.bool(raw);
                };
            } catch (ValueCoercer.CoercionException e) {
                return new Rejected(mapping.header().get(source), ValueCoercer.text(raw), e.getMessage());
            }
        }
        if (mapping.profile().groupColumn() != null) {
            int group = table.indexOf(mapping.profile().groupColumn());
            if (group >= 0 && values[group] == null) {
                values[group] = currentGroup;
            }
        }
        List<StageEntry> history = new ArrayList<>();
        try {
            Rejected derived = derive(row, values, symbolCurrency, history);
            if (derived != null) {
                return derived;
            }
        } catch (ValueCoercer.CoercionException e) {
            return new Rejected("derived value", null, e.getMessage());
        }
        for (String required : mapping.profile().required()) {
            int index = table.indexOf(required);
            if (index >= 0 && values[index] == null) {
                Integer source = mapping.columns().get(required);
                return new Rejected(source == null ? required : mapping.header().get(source), null,
                        "missing required value (" + required + ")");
            }
        }
        return new Mapped(table, values, history);
    }

    private Rejected derive(RawRow row, Object[] values, String symbolCurrency, List<StageEntry> history)
            throws ValueCoercer.CoercionException {
        int currency = table.indexOf("currency");
        if (currency >= 0 && values[currency] == null && symbolCurrency != null) {
            values[currency] = symbolCurrency;
        }
        if (currency >= 0 && values[currency] != null) {
            values[currency] = values[currency].toString().toUpperCase(Locale.ROOT);
        }
        return switch (table) {
            case OPPORTUNITIES -> deriveOpportunity(row, values, history);
            case REVENUE_LINES -> deriveRevenueLine(row, values);
            default -> null;
        };
    }

    private Rejected deriveOpportunity(RawRow row, Object[] values, List<StageEntry> history)
            throws ValueCoercer.CoercionException {
        ExportProfile profile = mapping.profile();
        String stage = (String) values[table.indexOf("stage")];
        String explicit = helperText(row, "status");
        String status = "open";
        if (explicit != null) {
            String s = explicit.toLowerCase(Locale.ROOT);
            status = s.startsWith("won") ? "won" : s.startsWith("lost") ? "lost" : s.equals("open") ? "open" : null;
            if (status == null) {
                return new Rejected(mapping.header().get(mapping.columns().get("status")), explicit,
                        "unknown status: expected open, won or lost");
            }
        } else if (stage != null && profile.stages() != null) {
            if (matchesAny(stage, profile.stages().won())) {
                status = "won";
            } else if (matchesAny(stage, profile.stages().lost())) {
                status = "lost";
            }
        }
        values[table.indexOf("status")] = status;
        int type = table.indexOf("opportunity_type");
        if (values[type] != null) {
            var dictionary = profile.values() == null ? null : profile.values().get("opportunity_type");
            String mapped = dictionary == null ? null : dictionary.get(values[type].toString().toLowerCase(Locale.ROOT));
            values[type] = mapped;
        }
        for (var entry : mapping.stageHistoryColumns().entrySet()) {
            LocalDate entered;
            try {
                entered = ValueCoercer.date(row.get(entry.getValue()), dateOrder);
            } catch (ValueCoercer.CoercionException e) {
                return new Rejected(mapping.header().get(entry.getValue()), ValueCoercer.text(row.get(entry.getValue())),
                        e.getMessage());
            }
            if (entered != null) {
                history.add(new StageEntry(entry.getKey(), entered));
            }
        }
        return null;
    }

    private Rejected deriveRevenueLine(RawRow row, Object[] values) throws ValueCoercer.CoercionException {
        int amount = table.indexOf("amount");
        int quantity = table.indexOf("quantity");
        if (values[amount] == null && mapping.columns().containsKey("unit_price") && values[quantity] != null) {
            BigDecimal unitPrice = ValueCoercer.decimal(row.get(mapping.columns().get("unit_price")), 4);
            if (unitPrice != null) {
                values[amount] = ((BigDecimal) values[quantity]).multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            }
        }
        ExportProfile.Credit credit = mapping.profile().credit();
        String document = (String) values[table.indexOf("document_number")];
        String type = helperText(row, "type");
        boolean isCredit = values[amount] != null && ((BigDecimal) values[amount]).signum() < 0;
        if (credit != null) {
            if (credit.typeContains() != null && type != null
                    && type.toLowerCase(Locale.ROOT).contains(credit.typeContains().toLowerCase(Locale.ROOT))) {
                isCredit = true;
            }
            if (credit.documentPrefix() != null && document != null && document.startsWith(credit.documentPrefix())
                    && document.length() > credit.documentPrefix().length()
                    && Character.isDigit(document.charAt(credit.documentPrefix().length()))) {
                isCredit = true;
            }
        }
        values[table.indexOf("is_credit")] = isCredit;
        return null;
    }

    private String helperText(RawRow row, String helper) {
        Integer index = mapping.columns().get(helper);
        return index == null ? null : ValueCoercer.text(row.get(index));
    }

    private static boolean matchesAny(String value, List<String> candidates) {
        if (candidates == null) {
            return false;
        }
        String normal = ExportProfile.normalise(value);
        return candidates.stream().anyMatch(c -> ExportProfile.normalise(c).equals(normal));
    }

    private static String firstText(RawRow row) {
        for (Object value : row.values()) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString().strip();
            }
        }
        return null;
    }

    private static int filled(RawRow row) {
        int count = 0;
        for (Object value : row.values()) {
            if (value != null && !value.toString().isBlank()) {
                count++;
            }
        }
        return count;
    }

    private static boolean hasValueBeyond(RawRow row, int width) {
        for (int i = width; i < row.values().size(); i++) {
            Object value = row.values().get(i);
            if (value != null && !value.toString().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
