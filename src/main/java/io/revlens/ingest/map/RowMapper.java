package io.revlens.ingest.map;

import io.revlens.ingest.recognise.ExportProfile;
import io.revlens.ingest.recognise.ResolvedProfile;
import io.revlens.ingest.read.FileConventions;
import io.revlens.ingest.read.ValueCoercer;
import io.revlens.ingest.read.Money;
import io.revlens.ingest.read.DateOrder;
import io.revlens.ingest.read.CoercionException;
import io.revlens.ingest.read.SourceRow;
import io.revlens.model.CanonicalTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the data rows of one export onto its canonical table with its profile: skip rules, coercion per
 * column type, derived columns, then the table's own rules ({@link TableRules}: ids, status and type, currency,
 * credit notes, required columns), stage history. Stateful (group headings carry a customer name down, a roster
 * remembers its names), so one instance per file, fed rows in order.
 */
public final class RowMapper {

    /** Totals and report footers, skipped in every profile (matched on the first non-blank cell). */
    private static final BoundedPattern GRAND_TOTAL = new BoundedPattern("(?i)^grand totals?\\b.*");
    static final List<BoundedPattern> DEFAULT_SKIPS = List.of(
            new BoundedPattern("(?i)^(total|totals|grand totals?)(\\s+for\\s.*|\\s*\\(.*\\)|\\s*:)?$"), GRAND_TOTAL);

    /** A report's footer naming its basis. */
    private static final Pattern CASH_BASIS = Pattern.compile("(?i)^cash basis\\s+(mon|tues|wednes|thurs|fri|satur|sun)day\\b.*");
    /** A grouped report's heading line: "Stage: Discovery (16 records)". */
    private static final Pattern GROUP_LINE = Pattern.compile("(?i)^(.+?):\\s*(.*?)\\s*\\((\\d[\\d,]*) records?\\)$");
    /** A group's total line and the heading it closes. */
    private static final Pattern TOTAL_OF = Pattern.compile("(?i)^\\s*total(?:\\s+for)?\\s+(.+)$");
    /**
     * Subtotal and total rows announced in a label column rather than the first cell (a report grouped by stage or
     * owner: "Subtotal", "Sum", "Total Closed Won" as the deal's id or name). A whole-cell total word is never a
     * deal, account or invoice; "Total ..." or "Sum of ..." is one only when the row has no key of its own (or the
     * label is the key): "Total Quality Corp" with a deal id is a customer.
     */
    static final Pattern TOTAL_LABEL = Pattern.compile(
            "(?i)^\\s*(sub[- ]?totals?|totals?|grand[- ]totals?|sum|summe|gesamt(summe)?|zwischensumme)\\s*:?\\s*$");
    static final Pattern TOTAL_PREFIX = Pattern.compile(
            "(?i)^\\s*(sub[- ]?totals?|totals?|grand[- ]totals?|sum of|sum|summe|gesamt)\\b.*");
    /**
     * The same labels for DuckDB's regular expressions (RE2), for the bulk path to send the rows that may be totals
     * to this class: a label starting with a total word. It matches wherever {@link #TOTAL_LABEL} or
     * {@link #TOTAL_PREFIX} do (RE2's ASCII word boundary and the control characters Java's trim removes make it
     * match at least as often), so no total row stays in the fast path; a customer called "Summit" does not match.
     */
    public static final String TOTAL_START_RE2 =
            "(?i)^[\\x00-\\x20]*(sub[- ]?totals?|totals?|grand[- ]totals?|sum of|sum|summe|gesamt(summe)?|zwischensumme)\\b";

    /** The columns a subtotal label may stand in, and per table the key that a real row has. */
    public static final List<String> LABEL_COLUMNS = List.of("opportunity_id", "opportunity_name", "account_name",
            "customer_name", "document_number", "rep_name");
    private static final Map<CanonicalTable, String> ROW_KEYS = Map.of(
            CanonicalTable.OPPORTUNITIES, "opportunity_id", CanonicalTable.REVENUE_LINES, "document_number");

    /**
     * Amounts at or above this size (either sign) are rejected: no deal or invoice line of a small B2B company
     * is a million million, and DECIMAL(18,2) overflows at 10^16 (docs/bad-inputs.md).
     */
    public static final BigDecimal MAX_ABS_AMOUNT = new BigDecimal("1000000000000");
    /** Dates before this are rejected: Excel's day zero (an empty date cell) reads as 1899-12-31. */
    static final LocalDate EARLIEST_PLAUSIBLE_DATE = LocalDate.of(1900, 1, 1);
    /** Dates more than this many years after today are rejected as typos (2999, 20026). */
    public static final int MAX_YEARS_AHEAD = 10;

    private final ResolvedProfile profile;
    private final CanonicalTable table;
    private ValueCoercer coercer;
    private final boolean date1904;
    private final boolean checkWidth;
    private final List<BoundedPattern> skipPatterns = new ArrayList<>(DEFAULT_SKIPS);
    /** What skips a line holding only its first cell in a report with group headings; anything else heads a group. */
    private final List<BoundedPattern> loneCellSkips = new ArrayList<>(DEFAULT_SKIPS);
    private final String groupColumn;
    /** {@link ExportProfile#keep}'s pattern, or null. */
    private final BoundedPattern keepPattern;
    private final LocalDate latestPlausibleDate;
    /** The table's own rules (ids, status, currency, credit notes, required columns), shared with the bulk path. */
    private final TableRules rules;
    /**
     * The group headings open at the current line, outermost first: a customer, then its sub-customers while their
     * blocks last (a heading's block ends at its total line, "Total for X" or "Total X").
     */
    private final List<String> openHeadings = new ArrayList<>();
    /** Whether a line came under the innermost open heading (a heading right under a heading is nested in it). */
    private boolean linesUnderHeading;
    private boolean afterGrandTotal;
    /** {@link ExportProfile#carryDown}'s columns, with the value of the last row that had one. */
    private final Map<String, Object> carried = new java.util.HashMap<>();
    /** Values a grouped report's heading lines give their group's rows, by canonical column. */
    private final Map<String, Object> groupLineValues = new java.util.HashMap<>();
    /** Whether the report's footer says it was run on cash basis (QuickBooks: "Cash Basis Monday, ..."). */
    private boolean cashBasis;

    /**
     * @param checkWidth whether rows with more or fewer fields than the header are rejected (CSV: yes;
     *                   Excel rows end at their last filled cell, so no)
     */
    public RowMapper(ResolvedProfile profile, DateOrder dateOrder, boolean date1904, boolean checkWidth) {
        this.profile = profile;
        this.table = profile.table();
        this.coercer = new ValueCoercer(dateOrder, profile.profile().decimalComma, date1904);
        this.date1904 = date1904;
        this.checkWidth = checkWidth;
        profile.profile().skip.firstCell.forEach(p -> skipPatterns.add(new BoundedPattern(p)));
        profile.profile().skip.footer.forEach(p -> {
            BoundedPattern footer = new BoundedPattern(p);
            skipPatterns.add(footer);
            loneCellSkips.add(footer);
        });
        this.groupColumn = profile.profile().skip.groupHeading;
        this.keepPattern = profile.profile().keep == null ? null : new BoundedPattern(profile.profile().keep.pattern);
        this.latestPlausibleDate = LocalDate.now().plusYears(MAX_YEARS_AHEAD);
        this.rules = new TableRules(profile);
    }

    /** Reads dates and amounts the way the whole file writes them (decided before any row is mapped). */
    public void useConventions(FileConventions conventions) {
        this.coercer = new ValueCoercer(conventions.dateOrder(), conventions.decimalComma(), conventions.mixedMarks(), date1904);
    }

    /**
     * Whether a row of a report with group headings is a heading: its one value stands in the indent columns before
     * the first headed one (QuickBooks Online's customer in column A; Desktop's customer in column A and its
     * sub-customer, indented, in column B).
     */
    private boolean isHeading(SourceRow row) {
        int last = row.filledWidth() - 1;
        if (last < 0 || ValueCoercer.text(row.cell(last)) == null) {
            return false;
        }
        List<String> header = profile.header();
        for (int i = 0; i <= last; i++) {
            if (i < header.size() && header.get(i) != null && !header.get(i).isBlank()) {
                return false;
            }
            if (i < last && ValueCoercer.text(row.cell(i)) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens the block a heading row starts. It is nested in the open heading when it stands in a deeper indent column
     * (Desktop), is indented with spaces, or comes before any line of the open heading's block (Online lists a
     * customer's sub-customer blocks, each closed by its total, inside the customer's); otherwise it starts a new
     * customer. A customer whose own lines come before its sub-customers' blocks, with nothing indented, cannot be
     * told from the next customer: its sub-customers then count as customers.
     */
    private void openHeading(SourceRow row) {
        int column = row.filledWidth() - 1;
        Object cell = row.cell(column);
        String name = ValueCoercer.text(cell);
        if (column > 0) {
            while (openHeadings.size() > column) {
                openHeadings.remove(openHeadings.size() - 1);
            }
        } else {
            boolean indented = cell instanceof String s && !s.isEmpty() && Character.isWhitespace(s.charAt(0));
            if (!indented && linesUnderHeading) {
                openHeadings.clear();
            }
        }
        openHeadings.add(name);
        linesUnderHeading = false;
    }

    /**
     * Closes the heading a total line names ("Total for X", "Total X") and the ones nested in it: the lines after it
     * belong to the enclosing heading again, or to no heading.
     */
    private void closeHeading(String totalLine) {
        if (openHeadings.isEmpty()) {
            return;
        }
        Matcher total = TOTAL_OF.matcher(totalLine);
        if (!total.matches()) {
            return;
        }
        String named = total.group(1).trim();
        for (int i = openHeadings.size() - 1; i >= 0; i--) {
            if (openHeadings.get(i).equalsIgnoreCase(named)) {
                openHeadings.subList(i, openHeadings.size()).clear();
                linesUnderHeading = false;
                return;
            }
        }
    }

    /**
     * What the file's report says of itself that its figures depend on, for the inventory; null when nothing. A
     * cash-basis sales report lists what was paid, when it was paid: its revenue is cash collected, not invoiced.
     */
    public String reportNote() {
        return cashBasis ? "a cash-basis report: its lines are what customers paid, dated when paid, so revenue here is"
                + " cash collected, not invoiced (run the report on accrual basis for invoiced revenue)" : null;
    }

    /**
     * An invoice's text line ("Thank you for your business", a heading between its lines): in an export of invoice
     * lines with quantities or unit prices, a document's line with no quantity, no unit price and no amount. It
     * carries no revenue; it is not a line whose amount is missing (that, where the export has no such columns, is
     * a reject).
     */
    private boolean isTextLine(SourceRow row, Object[] values) {
        return table == CanonicalTable.REVENUE_LINES
                && (!profile.indexes("quantity").isEmpty() || !profile.indexes("unit_price").isEmpty())
                && values[table.indexOf("document_number")] != null
                && values[table.indexOf("amount")] == null
                && values[table.indexOf("quantity")] == null
                && text(row, "unit_price") == null;
    }

    /** Maps one data row. */
    public MappedRow map(SourceRow row) {
        try {
            return mapBounded(row);
        } catch (BoundedPattern.TooSlow e) {
            return MappedRow.rejected(row.rowNumber(), List.of(new Reject(row.rowNumber(), null, null, e.getMessage())));
        }
    }

    private MappedRow mapBounded(SourceRow row) {
        long n = row.rowNumber();
        if (row.isBlank()) {
            return MappedRow.skipped(n, "blank row");
        }
        if (afterGrandTotal && row.filledWidth() <= 1) {
            return MappedRow.skipped(n, "footer under the grand total");
        }
        String first = firstText(row);
        boolean loneFirstCell = groupColumn != null && isHeading(row);
        for (BoundedPattern pattern : loneFirstCell ? loneCellSkips : skipPatterns) {
            if (pattern.matches(first)) {
                // A Salesforce report ends "Grand Totals (N records)", then its name, copyright, confidentiality
                // line, who generated it and the company: single cells of any text, the report's footer, not rows.
                // Asked of total rows only, not of every row.
                afterGrandTotal |= GRAND_TOTAL.matches(first);
                closeHeading(first);
                cashBasis |= table == CanonicalTable.REVENUE_LINES && CASH_BASIS.matcher(first).matches();
                return MappedRow.skipped(n, "total or footer row");
            }
        }
        if (loneFirstCell) {
            openHeading(row);
            return MappedRow.skipped(n, "group heading");
        }
        if (isTotalLabelRow(row, first)) {
            return MappedRow.skipped(n, "subtotal or total row");
        }
        if (!profile.profile().carryDown.isEmpty() && row.filledWidth() == 1 && groupLine(first)) {
            return MappedRow.skipped(n, "group heading");
        }
        int width = profile.header().size();
        if (checkWidth && row.cells().size() != width
                && !(row.cells().size() > width && row.filledWidth() <= width)) {
            return MappedRow.rejected(n, List.of(new Reject(n, null, null,
                    "row has " + row.cells().size() + " fields but the header has " + width
                            + (row.cells().size() > width ? " (an unquoted delimiter inside a value?)" : ""))));
        }
        for (Map.Entry<String, List<String>> skip : profile.profile().skip.values.entrySet()) {
            String value = text(row, skip.getKey());
            if (value != null && containsIgnoreCase(skip.getValue(), value)) {
                String document = table == CanonicalTable.REVENUE_LINES ? text(row, "document_number") : null;
                return document == null ? MappedRow.skipped(n, "not revenue: " + value)
                        : MappedRow.skippedDocument(n, "not revenue: " + value,
                                new MappedRow.SkippedDocument(document, text(row, "customer_name")));
            }
        }
        if (keepPattern != null) {
            List<String> keys = new ArrayList<>();
            for (String column : profile.profile().keep.columns) {
                keys.add(text(row, column));
            }
            if (!keeps(keys)) {
                return MappedRow.skipped(n, "not kept: " + profile.profile().keep.rule);
            }
        }
        List<Reject> rejects = new ArrayList<>();
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            CanonicalTable.Column column = table.columns().get(i);
            Object raw = raw(row, column.name());
            if (raw == null && column.name().equals(groupColumn) && !openHeadings.isEmpty()) {
                raw = openHeadings.get(0);
            }
            if (raw == null && !groupLineValues.isEmpty()) {
                raw = groupLineValues.get(column.name());
            }
            if (profile.profile().carryDown.contains(column.name())) {
                if (raw == null) {
                    raw = carried.get(column.name());
                } else {
                    carried.put(column.name(), raw);
                }
            }
            try {
                Object value = coerce(column, raw, values);
                // a currency taken from an amount's symbol is kept when the currency column is blank
                if (value != null || values[i] == null) {
                    values[i] = value;
                }
            } catch (CoercionException e) {
                rejects.add(new Reject(n, profile.sourceName(column.name()), rawText(raw), e.getMessage()));
            }
        }
        if (!rejects.isEmpty()) {
            return MappedRow.rejected(n, rejects);
        }
        linesUnderHeading = true;
        try {
            derive(row, values);
        } catch (CoercionException e) {
            return MappedRow.rejected(n, List.of(new Reject(n, null, null, e.getMessage())));
        }
        if (isTextLine(row, values)) {
            return MappedRow.skipped(n, "a text line of the document, without quantity, price or amount");
        }
        rejects.addAll(rules.apply(new TableRules.JavaRow() {
            @Override
            public long number() {
                return n;
            }

            @Override
            public Object get(String column) {
                return values[table.indexOf(column)];
            }

            @Override
            public void set(String column, Object value) {
                values[table.indexOf(column)] = value;
            }

            @Override
            public String text(String column) {
                return RowMapper.this.text(row, column);
            }
        }));
        if (!rejects.isEmpty()) {
            return MappedRow.rejected(n, rejects);
        }
        List<MappedRow.StageEntry> history = new ArrayList<>();
        if (!profile.stageColumns().isEmpty()) {
            List<ResolvedProfile.StageColumn> stageColumns = profile.stageColumns();
            for (int stageIndex = 0; stageIndex < stageColumns.size(); stageIndex++) {
                ResolvedProfile.StageColumn stageColumn = stageColumns.get(stageIndex);
                Object raw = row.cell(stageColumn.index());
                try {
                    var date = plausible(coercer.date(raw));
                    if (date != null) {
                        history.add(new MappedRow.StageEntry(stageIndex, stageColumn.stage(), date));
                    }
                } catch (CoercionException e) {
                    rejects.add(new Reject(n, profile.header().get(stageColumn.index()), rawText(raw), e.getMessage()));
                }
            }
            if (!rejects.isEmpty()) {
                return MappedRow.rejected(n, rejects);
            }
        }
        return new MappedRow(n, MappedRow.Outcome.LOADED, values, history, List.of(), null, null);
    }

    private static String firstText(SourceRow row) {
        for (Object cell : row.cells()) {
            String text = ValueCoercer.text(cell);
            if (text != null) {
                return text;
            }
        }
        return "";
    }

    private static String rawText(Object raw) {
        return raw == null ? null : raw instanceof String s ? s : ValueCoercer.text(raw);
    }

    /**
     * The first non-blank value among the header columns mapped to {@code column}; for a column the export lacks,
     * the profile's constant for it (status: won in an export of won deals only).
     */
    private Object raw(SourceRow row, String column) {
        List<Integer> indexes = profile.indexes(column);
        if (indexes.isEmpty()) {
            return profile.profile().constants.get(column);
        }
        for (int index : indexes) {
            Object value = row.cell(index);
            if (ValueCoercer.text(value) != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * A grouped report's heading line ("Stage: Discovery (16 records)") naming a mapped column's header: its value is
     * the group's, until the next heading of that column.
     */
    private boolean groupLine(String line) {
        Matcher heading = GROUP_LINE.matcher(line);
        if (!heading.matches()) {
            return false;
        }
        for (CanonicalTable.Column column : table.columns()) {
            if (!profile.indexes(column.name()).isEmpty()
                    && profile.sourceName(column.name()).equalsIgnoreCase(heading.group(1).strip())) {
                groupLineValues.put(column.name(), heading.group(2).isEmpty() ? null : heading.group(2));
                return true;
            }
        }
        return false;
    }

    /** A subtotal or total row by a label column ({@link #TOTAL_LABEL}, {@link #TOTAL_PREFIX}). */
    private boolean isTotalLabelRow(SourceRow row, String first) {
        String keyColumn = ROW_KEYS.get(table);
        String key = keyColumn == null || profile.indexes(keyColumn).isEmpty() ? null : text(row, keyColumn);
        for (String column : LABEL_COLUMNS) {
            if (table.indexOf(column) < 0 || profile.indexes(column).isEmpty()) {
                continue;
            }
            String label = text(row, column);
            if (label == null) {
                continue;
            }
            if (TOTAL_LABEL.matcher(label).matches()
                    || TOTAL_PREFIX.matcher(label).matches() && keyColumn != null && (key == null || key.equals(label))) {
                return true;
            }
        }
        // A formatted report's group subtotal writes "Total" in a column no label is mapped from (the one after the
        // grouping column), or "Sum of Total Amount" first, and leaves the key blank: not a deal or a line without its
        // key, a subtotal.
        if (keyColumn != null && key == null) {
            if (TOTAL_PREFIX.matcher(first).matches()) {
                return true;
            }
            for (Object cell : row.cells()) {
                String text = ValueCoercer.text(cell);
                if (text != null && TOTAL_LABEL.matcher(text).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private String text(SourceRow row, String column) {
        return ValueCoercer.text(raw(row, column));
    }

    private Object coerce(CanonicalTable.Column column, Object raw, Object[] values) throws CoercionException {
        ValueCoercer.unsaved(raw);
        return switch (column.type()) {
            case TEXT -> mapValue(column.name(), ValueCoercer.text(raw));
            case DATE -> plausible(coercer.date(raw));
            case AMOUNT -> {
                Money money = coercer.money(raw);
                if (money == null) {
                    yield null;
                }
                if (money.amount().abs().compareTo(MAX_ABS_AMOUNT) >= 0) {
                    throw new CoercionException("implausible amount: " + money.amount().toPlainString()
                            + " is not below 1,000,000,000,000 in size (a column shift or a typo?)");
                }
                int currency = table.indexOf("currency");
                if (money.currency() != null && currency >= 0 && values[currency] == null) {
                    values[currency] = money.currency();
                }
                yield money.amount();
            }
            case QUANTITY -> coercer.decimal(raw, 4);
            case INTEGER -> coercer.integer(raw);
            case BOOLEAN -> ValueCoercer.bool(raw);
        };
    }

    private LocalDate plausible(LocalDate date) throws CoercionException {
        if (date != null && date.isBefore(EARLIEST_PLAUSIBLE_DATE)) {
            throw new CoercionException("implausible date: " + date + " is before 1900 (Excel shows an empty date"
                    + " cell as 1899-12-31 or 1900-01-00)");
        }
        if (date != null && date.isAfter(latestPlausibleDate)) {
            throw new CoercionException("implausible date: " + date + " is more than " + MAX_YEARS_AHEAD
                    + " years ahead (a typo?)");
        }
        return date;
    }

    private String mapValue(String column, String value) {
        if (value == null) {
            return null;
        }
        String separator = profile.profile().subCustomerSeparator;
        if (separator != null && column.equals("customer_name")) {
            int parentEnd = value.indexOf(separator);
            if (parentEnd > 0) {
                value = value.substring(0, parentEnd).trim();
            }
        }
        Map<String, String> map = profile.profile().valueMaps.get(column);
        if (map != null) {
            for (Map.Entry<String, String> entry : map.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(value)) {
                    return entry.getValue();
                }
            }
        }
        return value;
    }

    private void derive(SourceRow row, Object[] values) throws CoercionException {
        for (Map.Entry<String, ExportProfile.Derived> derived : profile.profile().derived.entrySet()) {
            int target = table.indexOf(derived.getKey());
            if (target >= 0 && values[target] == null && !derived.getValue().join.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (String input : derived.getValue().join) {
                    String part = text(row, input);
                    if (part != null) {
                        parts.add(part);
                    }
                }
                values[target] = parts.isEmpty() ? null : String.join(" ", parts);
                continue;
            }
            if (target < 0 || values[target] != null || derived.getValue().multiply.isEmpty()) {
                continue;
            }
            BigDecimal product = BigDecimal.ONE;
            for (String input : derived.getValue().multiply) {
                int at = table.indexOf(input);
                Object value = at >= 0 && values[at] instanceof BigDecimal b ? b : raw(row, input);
                BigDecimal number;
                try {
                    number = value instanceof BigDecimal b ? b : coercer.decimal(value, 6);
                } catch (CoercionException e) {
                    throw new CoercionException(e.getMessage() + " in " + profile.sourceName(input));
                }
                if (number == null) {
                    product = null;
                    break;
                }
                product = product.multiply(number);
            }
            if (product != null && product.abs().compareTo(MAX_ABS_AMOUNT) >= 0) {
                throw new CoercionException("implausible amount: " + product.setScale(2, RoundingMode.HALF_UP)
                        .toPlainString() + " (" + String.join(" x ", derived.getValue().multiply)
                        + ") is not below 1,000,000,000,000 in size");
            }
            if (product != null) {
                values[target] = product.setScale(2, RoundingMode.HALF_UP);
            }
        }
    }

    // Decisions the bulk CSV load (BulkCsvLoad) takes from this class, so both paths map values alike.

    /** The profile whose rules this mapper applies. */
    public ResolvedProfile profile() {
        return profile;
    }

    /** The table's rules this mapper applies, in the form the bulk path plans them in SQL. */
    public TableRules rules() {
        return rules;
    }

    /** A TEXT column's value as a loaded row holds it: trimmed, blank as null, through the profile's value map. */
    public String mappedText(String column, String raw) {
        return mapValue(column, ValueCoercer.text(raw));
    }

    /** Whether a row whose {@code column} holds {@code value} is skipped as not revenue. */
    public boolean skipsValue(String column, String value) {
        List<String> values = profile.profile().skip.values.get(column);
        return value != null && values != null && containsIgnoreCase(values, value);
    }

    /**
     * Whether a row whose keep columns hold {@code values} (in the rule's order) is kept: the first value present
     * decides; a row with none is kept.
     */
    public boolean keeps(List<String> values) {
        if (keepPattern == null) {
            return true;
        }
        for (String value : values) {
            String text = ValueCoercer.text(value);
            if (text != null) {
                return keepPattern.find(text);
            }
        }
        return true;
    }

    static boolean containsIgnoreCase(List<String> list, String value) {
        for (String candidate : list) {
            if (candidate.equalsIgnoreCase(value.strip())) {
                return true;
            }
        }
        return false;
    }
}
