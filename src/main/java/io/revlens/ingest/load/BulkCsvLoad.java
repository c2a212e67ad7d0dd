package io.revlens.ingest.load;

import io.revlens.ingest.map.RowMapper;
import io.revlens.ingest.map.BoundedPattern;
import io.revlens.ingest.map.MappedRow;
import io.revlens.ingest.map.TableRules;
import io.revlens.ingest.recognise.ExportProfile;
import io.revlens.ingest.recognise.ResolvedProfile;
import io.revlens.ingest.recognise.OpenedExport;
import io.revlens.ingest.read.FileConventions;
import io.revlens.ingest.read.ValueCoercer;
import io.revlens.ingest.read.DateOrder;
import io.revlens.ingest.read.CoercionException;
import io.revlens.ingest.read.ExportFormat;
import io.revlens.ingest.read.CsvLineScan;
import io.revlens.ingest.read.SourceRow;
import io.revlens.model.CanonicalTable;
import io.revlens.model.SqlScript;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a plain CSV export with DuckDB's own reader instead of row by row (docs/decisions.md, "Loading
 * exports"). DuckDB parses the file into a text staging table; SQL loads the rows whose values are all in
 * canonical form (ISO dates, plain numbers, trimmed text), with every value-level decision (value maps, skips)
 * taken by {@link RowMapper} over the distinct values and the table's rules (status, currency, credit notes,
 * required columns) in the SQL form {@link TableRules} gives beside their Java form; every other row goes
 * through {@link RowMapper} itself. So a row loads, is rejected or is skipped exactly as on the
 * row-by-row path, only faster. Files DuckDB's strict parser does not read exactly as commons-csv would
 * (ragged rows, blank lines, quoted line breaks) are left to the row-by-row path.
 */
final class BulkCsvLoad {

    private static final Logger log = LoggerFactory.getLogger(BulkCsvLoad.class);
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();


    /** Receives the rows SQL did not load, mapped by {@link RowMapper}. */
    interface SlowRows {
        void accept(MappedRow row) throws SQLException;
    }

    /** What happened: the file was loaded here ({@code loaded}), or must go the row-by-row way ({@code why}). */
    record Outcome(boolean loaded, long records, long sqlLoaded, long slowRows, String why) {

        static Outcome fallBack(String why) {
            return new Outcome(false, 0, 0, 0, why);
        }
    }

    private static final String SCHEMA = DuckDBConnection.DEFAULT_SCHEMA;
    private static final List<String> DROP_STAGING = SqlScript.load("sql/ingest/bulk/drop_staging.sql");
    private static final String STAGE_FILE = SqlScript.loadOne("sql/ingest/bulk/stage_file.sql");
    private static final String STAGED_ROWS = SqlScript.loadOne("sql/ingest/bulk/staged_rows.sql");
    private static final String SAMPLE_DATES = SqlScript.loadOne("sql/ingest/bulk/sample_dates.sql");
    private static final String COLUMN_FACTS = SqlScript.loadOne("sql/ingest/bulk/column_facts.sql");
    private static final String INSERT_FAST_ROWS = SqlScript.loadOne("sql/ingest/bulk/insert_fast_rows.sql");
    private static final String DELETE_FILE_ROWS = SqlScript.loadOne("sql/ingest/bulk/delete_file_rows.sql");
    private static final String MARK_SLOW_ROWS = SqlScript.loadOne("sql/ingest/bulk/mark_slow_rows.sql");
    private static final String SLOW_ROWS = SqlScript.loadOne("sql/ingest/bulk/slow_rows.sql");
    private static final String STAGE_HISTORY_OF_ALL = SqlScript.loadOne("sql/ingest/bulk/insert_stage_history_of_all.sql");
    private static final String STAGE_HISTORY_OF_LOADED = SqlScript.loadOne("sql/ingest/bulk/insert_stage_history_of_loaded.sql");
    private static final String DISTINCT_KEYS = SqlScript.loadOne("sql/ingest/bulk/distinct_keys.sql");
    private static final String CREATE_LOOKUP = SqlScript.loadOne("sql/ingest/bulk/create_lookup.sql");
    private static final String DROP_TABLE = SqlScript.loadOne("sql/ingest/bulk/drop_table.sql");
    /**
     * Dates later than this go to RowMapper, which rejects those more than {@link RowMapper#MAX_YEARS_AHEAD}
     * years ahead (two days' margin so SQL's and Java's "today" cannot disagree); amounts are at most 12
     * integer digits on the fast path for the same reason ({@link RowMapper#MAX_ABS_AMOUNT}).
     */
    private static final String LATEST_FAST_DATE = "(current_date + interval " + RowMapper.MAX_YEARS_AHEAD
            + " year - interval 2 day)";

    /**
     * DuckDB's read buffer for files over {@link #LARGE_FILE} bytes. Its default (32 MB) staged our larger exports
     * markedly slower than a 48 MB buffer, while for files of about 32 MB the default was as fast or faster
     * (measurements in docs/benchmarks.md, "Ingest").
     * A record the reader drops (DuckDB issue 25825: a last line longer than an explicit buffer) cannot go
     * unnoticed: records are checked against the line scan's count.
     */
    private static final long LARGE_FILE = 64L << 20;
    private static final long LARGE_FILE_BUFFER = 48L << 20;

    private final Connection connection;
    private final FileSlot slot;
    private final RowMapper mapper;
    /** How the whole file writes dates and amounts, found with the column facts. */
    private FileConventions conventions;
    private final ResolvedProfile profile;
    private final CanonicalTable table;
    private final int width;
    private final List<String> lookups = new ArrayList<>();
    /** Per canonical column, the SQL expression of its loaded value. */
    private final Map<String, String> value = new LinkedHashMap<>();
    /** Per stage column (by stage index), the SQL expression of the date the deal entered that stage. */
    private final List<String> stageDates = new ArrayList<>();
    /** Conditions under which SQL loads a row exactly as RowMapper would. */
    private final List<String> fast = new ArrayList<>();
    /** The row id of the file's first record in bulk_raw. */
    private long base;
    /** Header columns DuckDB parses as dates, and how. */
    private final Map<Integer, DateType> typed = new LinkedHashMap<>();
    /** {@link #readColumnFacts}: whether column 0 has a value on every staged row. */
    private boolean firstColumnFull;
    /** {@link #readColumnFacts}: the typed date columns whose every value lies in the range SQL loads. */
    private final Set<Integer> datesInRange = new java.util.HashSet<>();
    /** Each lookup's join clause by alias, in join order (a lookup keyed on another's value joins after it). */
    private final Map<String, String> joinByAlias = new LinkedHashMap<>();
    /** The process's CPU time at the last debug line ({@link #timed}); read only when debug is on. */
    private long lastCpu = log.isDebugEnabled() ? PROCESS.getProcessCpuTime() : 0;
    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("\\blk_\\d+\\b");

    BulkCsvLoad(Connection connection, FileSlot slot) {
        this.connection = connection;
        this.slot = slot;
        this.mapper = slot.mapper;
        this.profile = mapper.profile();
        this.table = profile.table();
        this.width = profile.header().size();
    }

    /**
     * Wider files go the row-by-row way: DuckDB's reader holds a buffer per column and thread, and a file of
     * thousands of columns exceeds the database's memory cap (Workspace.MEMORY_LIMIT) before a row is staged.
     * Real CRM and finance exports stay far below this.
     */
    static final int MAX_COLUMNS = 1_000;

    /** Why a file cannot be loaded this way (null when it can): decided from detection alone. */
    static String ineligible(OpenedExport opened) {
        if (!opened.loadable() || opened.format() != ExportFormat.CSV) {
            return "not a loadable CSV";
        }
        if (opened.encoding() == null || !opened.encoding().startsWith("UTF-8")) {
            return "encoding " + opened.encoding();
        }
        if (opened.headerRow() == null || opened.headerRow() != 1) {
            return "title rows above the header";
        }
        if (opened.header().stream().anyMatch(h -> h != null && (h.indexOf('\n') >= 0 || h.indexOf('\r') >= 0))) {
            return "line break in the header";
        }
        if (opened.header().size() > MAX_COLUMNS) {
            return opened.header().size() + " columns";
        }
        ExportProfile rules = opened.profile().profile();
        if (rules.skip.groupHeading != null) {
            return "group headings";
        }
        if (rules.subCustomerSeparator != null) {
            return "sub-customers";
        }
        if (!rules.carryDown.isEmpty()) {
            return "values carried down a grouped report";
        }
        return null;
    }

    /** Loads the file, or tells why it must go the row-by-row way (nothing is written then). */
    Outcome load(SlowRows slowRows) throws SQLException {
        long sampled = System.nanoTime();
        typed.putAll(sampleDateTypes());
        timed("sample date columns", sampled);
        long records = stage();
        CsvLineScan scan;
        try {
            long waited = System.nanoTime();
            scan = slot.scan.join();
            slot.sha256 = slot.hash.join();
            timed("wait for the line scan", waited);
        } catch (java.util.concurrent.CompletionException e) {
            dropWorkTables();
            throw new SQLException("Cannot read " + slot.file + ": " + e.getCause().getMessage(), e.getCause());
        }
        if (scan.loneCarriageReturn() || scan.quoteAfterSpace()) {
            dropWorkTables();
            return Outcome.fallBack(scan.loneCarriageReturn() ? "line breaks are bare carriage returns"
                    : "a quote follows a space (read differently by DuckDB and commons-csv)");
        }
        // Date columns whose sample is all ISO are parsed by DuckDB itself (the costly part otherwise). If a row
        // then fails to parse, or any row needs Java (which must see the text as written), the file is read again
        // with every column as text.
        long expected = scan.lines() - 1;
        if (records == expected) {
            plan(scan.unplainEdges());
            // Clean exports (the usual case) load in one pass; rows the SQL rules leave are looked for after.
            long sqlLoaded = insertFastRows();
            if (sqlLoaded == records || typed.isEmpty()) {
                return finish(records, sqlLoaded, slowRows);
            }
            // Rows need Java, which must see the text as written: take back the rows and read every column as text.
            try (PreparedStatement delete = connection.prepareStatement(
                    SqlScript.fill(DELETE_FILE_ROWS, Map.of("table", table.tableName())))) {
                delete.setInt(1, slot.sourceFileId);
                delete.executeUpdate();
            }
        }
        if (!typed.isEmpty()) {
            dropWorkTables();
            typed.clear();
            records = stage();
            if (records == expected) {
                plan(scan.unplainEdges());
                return finish(records, insertFastRows(), slowRows);
            }
        }
        dropWorkTables();
        return Outcome.fallBack(records < 0 ? "rows DuckDB's strict reader refused"
                : "blank lines or line breaks inside values (" + records + " records on " + expected + " lines)");
    }

    /** After the fast rows are in: their stage history, then any rows SQL left, through the row-by-row rules. */
    private Outcome finish(long records, long sqlLoaded, SlowRows slowRows) throws SQLException {
        insertStageHistory(sqlLoaded == records);
        long slow = 0;
        if (sqlLoaded < records) {
            markSlowRows();
            slow = mapSlowRows(slowRows);
        }
        dropWorkTables();
        return new Outcome(true, records, sqlLoaded, slow, null);
    }

    /** Whether a staged row can be loaded by SQL as Java would load it; null counts as yes, false as no. */
    private String fastPredicate() {
        return fast.isEmpty() ? "(true)" : "(" + String.join(" and ", fast) + ")";
    }

    /** The rows SQL cannot load as Java would, by row id: decided once. */
    private void markSlowRows() throws SQLException {
        execute(SqlScript.fill(MARK_SLOW_ROWS, Map.of("joins", allJoins(), "fast", fastPredicate())));
    }

    /** Drops the staging tables and forgets the plan built on them. */
    private void dropWorkTables() throws SQLException {
        for (String table : List.of("bulk_slow", "bulk_raw")) {
            execute(SqlScript.fill(DROP_TABLE, Map.of("table", table)));
        }
        for (String lookup : lookups) {
            execute(SqlScript.fill(DROP_TABLE, Map.of("table", lookup)));
        }
        lookups.clear();
        value.clear();
        stageDates.clear();
        fast.clear();
        joinByAlias.clear();
    }

    /**
     * Reads the file into bulk_raw: every field as text except the typed date columns. Returns the number of
     * records, or -1 when DuckDB's strict reader refused a row (the refused rows are not loaded then).
     */
    private long stage() throws SQLException {
        for (String drop : DROP_STAGING) {
            execute(drop);
        }
        StringBuilder columns = new StringBuilder();
        // The canonical model keeps dates only. When every typed column is a date-time in one layout (HubSpot's),
        // DuckDB reads them as dates in that layout: half the bytes to stage and no cast after. With plain dates
        // beside them, date-times stay timestamps.
        String timestampFormat = typed.values().stream().filter(t -> t != DateType.DATE).map(t -> t.format)
                .findFirst().orElse(null);
        boolean dateTimesAsDates = timestampFormat != null && !typed.containsValue(DateType.DATE);
        for (int i = 0; i < width; i++) {
            String type = "VARCHAR";
            DateType dateType = typed.get(i);
            if (dateType != null) {
                type = dateType == DateType.DATE || dateTimesAsDates ? "DATE" : "TIMESTAMP";
            }
            columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': '").append(type).append('\'');
        }
        String dateFormat = dateTimesAsDates ? timestampFormat : "%Y-%m-%d";
        // The timestamp format is one of DateType's own constants.
        String options = (dateTimesAsDates || timestampFormat == null ? "" : ", timestampformat = " + literal(timestampFormat))
                + (slot.size > LARGE_FILE ? ", buffer_size = " + LARGE_FILE_BUFFER : "");
        execute(SqlScript.fill(STAGE_FILE, Map.of("options", options, "columns", columns.toString())),
                slot.file.toString(), delimiter(), dateFormat);
        // Row ids inside a transaction start at a large base; rows keep the file's order, so row id - base is
        // the record's index (checked to be dense).
        long started = System.nanoTime();
        long refused;
        long records;
        long last;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(STAGED_ROWS)) {
            rs.next();
            refused = rs.getLong(1);
            records = rs.getLong(2);
            base = rs.getLong(3);
            last = rs.getLong(4);
        } finally {
            timed("staged rows", started);
        }
        if (refused > 0 || records > 0 && last - base + 1 != records) {
            execute(SqlScript.fill(DROP_TABLE, Map.of("table", "bulk_raw")));
            return -1;
        }
        return records;
    }

    /** How DuckDB may parse a date column: as a date, or as a timestamp in one of two ISO layouts. */
    private enum DateType {
        DATE("\\d{4}-\\d{2}-\\d{2}", null),
        MINUTES("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "%Y-%m-%d %H:%M"),
        SECONDS("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "%Y-%m-%d %H:%M:%S");

        final java.util.regex.Pattern pattern;
        final String format;

        DateType(String pattern, String format) {
            this.pattern = java.util.regex.Pattern.compile(pattern);
            this.format = format;
        }
    }

    /**
     * The date columns (each read by one header column only) whose first 2,000 values all have one ISO layout;
     * timestamps only in the layout most columns use, since DuckDB takes one timestamp format per file.
     */
    private Map<Integer, DateType> sampleDateTypes() throws SQLException {
        Set<Integer> candidates = new LinkedHashSet<>();
        for (CanonicalTable.Column column : table.columns()) {
            List<Integer> indexes = profile.indexes(column.name());
            if (column.type() == CanonicalTable.ColumnType.DATE && indexes.size() == 1) {
                candidates.add(indexes.get(0));
            }
        }
        profile.stageColumns().forEach(stageColumn -> candidates.add(stageColumn.index()));
        // Columns also read as something other than a single date stay text.
        for (CanonicalTable.Column column : table.columns()) {
            List<Integer> indexes = profile.indexes(column.name());
            if (column.type() != CanonicalTable.ColumnType.DATE || indexes.size() > 1) {
                candidates.removeAll(indexes);
            }
        }
        profile.profile().skip.values.keySet().forEach(column -> candidates.removeAll(profile.indexes(column)));
        if (profile.profile().credit != null && profile.profile().credit.column != null) {
            candidates.removeAll(profile.indexes(profile.profile().credit.column));
        }
        if (candidates.isEmpty()) {
            return Map.of();
        }
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < width; i++) {
            columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        Map<Integer, DateType> found = new LinkedHashMap<>();
        Map<Integer, Boolean> mixed = new LinkedHashMap<>();
        // Only the candidate columns come back to Java (the reader still parses every field of each line).
        List<Integer> sampled = List.copyOf(candidates);
        StringBuilder select = new StringBuilder();
        for (int index : sampled) {
            select.append(select.length() == 0 ? "" : ", ").append('c').append(index);
        }
        try (PreparedStatement statement = connection.prepareStatement(SqlScript.fill(SAMPLE_DATES,
                Map.of("sampled", select.toString(), "columns", columns.toString())))) {
            statement.setString(1, slot.file.toString());
            statement.setString(2, delimiter());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < sampled.size(); i++) {
                        int index = sampled.get(i);
                        String text = rs.getString(i + 1);
                        if (text == null) {
                            continue;
                        }
                        DateType type = null;
                        for (DateType candidate : DateType.values()) {
                            if (candidate.pattern.matcher(text).matches()) {
                                type = candidate;
                            }
                        }
                        DateType before = found.putIfAbsent(index, type);
                        if (type == null || before != null && before != type) {
                            mixed.put(index, true);
                        }
                    }
                }
            }
        }
        found.keySet().removeAll(mixed.keySet());
        found.values().removeIf(java.util.Objects::isNull);
        Map<DateType, Long> timestampUse = new java.util.EnumMap<>(DateType.class);
        found.values().stream().filter(t -> t != DateType.DATE).forEach(t -> timestampUse.merge(t, 1L, Long::sum));
        DateType timestamp = timestampUse.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        found.values().removeIf(t -> t != DateType.DATE && t != timestamp);
        return found;
    }

    private String delimiter() {
        return slot.opened.delimiter().equals("tab") ? "\\t" : slot.opened.delimiter();
    }

    /**
     * Facts of the whole staged file that make some per-row conditions always true, so they are left out of the
     * fast-row filter (the date-range checks and the blank-row test cost the insert more than finding these facts
     * once): whether the first column has a value on every row, and which typed date
     * columns lie wholly in the range SQL may load.
     */
    private void readColumnFacts() throws SQLException {
        StringBuilder facts = new StringBuilder("count(*) = count(c0)");
        List<Integer> dates = List.copyOf(typed.keySet());
        for (int index : dates) {
            facts.append(", coalesce(cast(min(c").append(index).append(") as date) >= date '1900-01-01' and cast(max(c")
                    .append(index).append(") as date) <= ").append(LATEST_FAST_DATE).append(", true)");
        }
        // How the whole file writes dates and amounts (FileConventions): day-first and month-first dates among the
        // text date columns, comma and dot decimal marks among the amounts, counted in the same scan.
        List<String> dayFirst = new ArrayList<>();
        List<String> monthFirst = new ArrayList<>();
        List<String> commaMarks = new ArrayList<>();
        List<String> dotMarks = new ArrayList<>();
        for (int index : profile.dateOrderColumns()) {
            if (!typed.containsKey(index)) {
                String part = "try_cast(regexp_extract(c" + index + ", '^\\s*([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{2,4}', ";
                dayFirst.add("count_if(" + part + "1) as integer) > 12)");
                monthFirst.add("count_if(" + part + "2) as integer) > 12)");
            }
        }
        for (CanonicalTable.Column column : table.columns()) {
            for (int index : profile.indexes(column.name())) {
                if ((column.type() == CanonicalTable.ColumnType.AMOUNT || column.type() == CanonicalTable.ColumnType.QUANTITY)
                        && !typed.containsKey(index)) {
                    commaMarks.add(markCount("c" + index, ",", FileConventions.COMMA_MARK));
                    dotMarks.add(markCount("c" + index, ".", FileConventions.DOT_MARK));
                }
            }
        }
        // The dot marks are counted only when they matter (FileConventions.dotMarksMatter): nearly every amount has a
        // dot, and the count cost more than the rest of the scan.
        for (List<String> counts : List.of(dayFirst, monthFirst, commaMarks)) {
            facts.append(", ").append(sum(counts));
        }
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SqlScript.fill(COLUMN_FACTS, Map.of("facts", facts.toString())))) {
            rs.next();
            firstColumnFull = rs.getBoolean(1);
            datesInRange.clear();
            for (int i = 0; i < dates.size(); i++) {
                if (rs.getBoolean(i + 2)) {
                    datesInRange.add(dates.get(i));
                }
            }
            int at = dates.size() + 2;
            // Rows DuckDB's reader refused (a date a typed column could not parse) are not in the staged table; the
            // opener's look at the first rows counts for them.
            DateOrder sampled = slot.opened.dateOrder();
            long dayFirstSeen = rs.getLong(at) + (sampled == DateOrder.DMY || sampled == DateOrder.MIXED ? 1 : 0);
            long monthFirstSeen = rs.getLong(at + 1) + (sampled == DateOrder.MIXED ? 1 : 0);
            long commaMarksSeen = rs.getLong(at + 2);
            long dotMarksSeen = FileConventions.dotMarksMatter(commaMarksSeen) ? count(sum(dotMarks)) : 0;
            conventions = FileConventions.decide(dayFirstSeen, monthFirstSeen, commaMarksSeen, dotMarksSeen,
                    DateOrder.fromHint(profile.profile().dateOrder), profile.profile().decimalComma);
            mapper.useConventions(conventions);
        } finally {
            timed("column facts", started);
        }
    }

    /**
     * SQL counting the values of column {@code c} whose amount, stripped of what is not a digit or separator, is
     * written with {@code mark} as its decimal mark ({@code pattern}). The pattern is tried only on values that hold
     * the mark: a CASE, because DuckDB evaluates both sides of an AND on every row.
     */
    private static String markCount(String c, String mark, String pattern) {
        return "count_if(case when contains(" + c + ", " + literal(mark) + ") then regexp_full_match(trim(regexp_replace("
                + c + ", '[^0-9.,'' -]', '', 'g')), " + literal(pattern) + ") else false end)";
    }

    private static String sum(List<String> counts) {
        return counts.isEmpty() ? "0" : String.join(" + ", counts);
    }

    /** One count over the staged file, in another scan of it. */
    private long count(String expression) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SqlScript.fill(COLUMN_FACTS, Map.of("facts", expression)))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether "12.50" is plainly twelve and a half in this file (no comma decimals, no mixed marks). */
    private boolean dotDecimalsOnly() {
        return conventions == null || !conventions.decimalComma() && !conventions.mixedMarks();
    }

    /** Expressions for each canonical column, the conditions of a fast row, and the lookups they join. */
    private void plan(boolean checkEdges) throws SQLException {
        Set<Integer> read = new LinkedHashSet<>();
        readColumnFacts();

        // The first non-blank cell decides total/footer rows: such rows, and anything like them, go to Java.
        StringBuilder first = new StringBuilder();
        if (firstColumnFull) {
            // every row has a first cell: none is blank, and the first cell is the first non-blank one
            first.append(typed.containsKey(0) ? "cast(c0 as varchar)" : "c0");
        } else {
            first.append("coalesce(");
            for (int i = 0; i < width; i++) {
                first.append(i == 0 ? "" : ", ").append(typed.containsKey(i) ? "cast(c" + i + " as varchar)" : "c" + i);
            }
            first.append(')');
            fast.add(first + " is not null");
        }
        if (checkEdges) {
            fast.add(clean(first.toString()));
        }
        fast.add("not regexp_matches(" + first + ", '(?i)total')");
        // A subtotal label in an id or name column (RowMapper.isTotalLabelRow decides): such rows go to Java too.
        for (String label : RowMapper.LABEL_COLUMNS) {
            if (table.indexOf(label) >= 0 && !profile.indexes(label).isEmpty()) {
                fast.add("not regexp_matches(coalesce(cast(" + raw(label, read) + " as varchar), ''), "
                        + literal(RowMapper.TOTAL_START_RE2) + ")");
            }
        }
        for (String pattern : profile.profile().skip.firstCell) {
            fast.add("not regexp_matches(" + first + ", " + literal(pattern) + ")");
        }
        for (String pattern : profile.profile().skip.footer) {
            fast.add("not regexp_matches(" + first + ", " + literal(pattern) + ")");
        }

        for (CanonicalTable.Column column : table.columns()) {
            String raw = raw(column.name(), read);
            String name = column.name();
            switch (column.type()) {
                case DATE -> {
                    if (!whollyInRange(profile.indexes(name))) {
                        fast.add(raw + " is null or " + dateCheck(raw, profile.indexes(name)));
                    }
                    value.put(name, dateValue(raw, profile.indexes(name)));
                }
                case AMOUNT -> {
                    fast.add(raw + " is null or regexp_full_match(" + raw + ", '"
                            + (dotDecimalsOnly() ? "-?\\d{1,12}(\\.\\d{1,2})?" : "-?\\d{1,12}") + "')");
                    value.put(name, "try_cast(" + raw + " as decimal(18,2))");
                }
                case QUANTITY -> {
                    fast.add(raw + " is null or regexp_full_match(" + raw + ", '"
                            + (dotDecimalsOnly() ? "-?\\d{1,12}(\\.\\d{1,4})?" : "-?\\d{1,12}") + "')");
                    value.put(name, "try_cast(" + raw + " as decimal(18,4))");
                }
                case INTEGER -> {
                    fast.add(raw + " is null or regexp_full_match(" + raw + ", '-?\\d{1,9}')");
                    value.put(name, "try_cast(" + raw + " as integer)");
                }
                case BOOLEAN -> {
                    String lk = lookup(List.of(raw), keys -> {
                        try {
                            Boolean b = ValueCoercer.bool(keys.get(0));
                            return b == null ? null : b.toString();
                        } catch (CoercionException e) {
                            return Lookup.SLOW;
                        }
                    });
                    fast.add("not " + lk + ".slow");
                    value.put(name, "cast(" + lk + ".v as boolean)");
                }
                case TEXT -> {
                    if (profile.profile().valueMaps.containsKey(name)) {
                        value.put(name, mappedValue(raw, keys -> mapper.mappedText(name, keys.get(0))));
                    } else {
                        value.put(name, raw);
                    }
                }
            }
        }
        // Rows whose derived value (e.g. quantity x unit price) would be computed go to Java.
        profile.profile().derived.forEach((target, derived) -> {
            if (table.indexOf(target) >= 0 && (!derived.multiply.isEmpty() || !derived.join.isEmpty())) {
                fast.add(raw(target, read) + " is not null");
            }
        });
        for (Map.Entry<String, List<String>> skip : profile.profile().skip.values.entrySet()) {
            String raw = raw(skip.getKey(), read);
            String lk = lookup(List.of(raw), keys -> mapper.skipsValue(skip.getKey(), keys.get(0)) ? Lookup.SLOW : null);
            fast.add("not " + lk + ".slow");
        }
        if (profile.profile().keep != null) {
            // Rows the keep rule skips go to RowMapper, which skips them with the rule as the reason.
            List<String> keys = new ArrayList<>();
            for (String column : profile.profile().keep.columns) {
                keys.add(raw(column, read));
            }
            String lk = lookup(keys, values -> {
                try {
                    return mapper.keeps(values) ? null : Lookup.SLOW;
                } catch (BoundedPattern.TooSlow e) {
                    return Lookup.SLOW; // RowMapper rejects the row, naming the pattern
                }
            });
            fast.add("not " + lk + ".slow");
        }
        mapper.rules().plan(sqlRow(read));
        for (ResolvedProfile.StageColumn stageColumn : profile.stageColumns()) {
            String raw = "c" + stageColumn.index();
            read.add(stageColumn.index());
            if (!whollyInRange(List.of(stageColumn.index()))) {
                fast.add(raw + " is null or " + dateCheck(raw, List.of(stageColumn.index())));
            }
            stageDates.add(dateValue(raw, List.of(stageColumn.index())));
        }
        if (checkEdges) {
            for (int index : read) {
                if (!typed.containsKey(index)) {
                    fast.add(clean("c" + index));
                }
            }
        }
        fast.replaceAll(condition -> "coalesce(" + condition + ", false)");
    }

    /** The plan as {@link TableRules} writes its SQL forms into it. */
    private TableRules.SqlRow sqlRow(Set<Integer> read) {
        return new TableRules.SqlRow() {
            @Override
            public String get(String column) {
                return value.get(column);
            }

            @Override
            public void set(String column, String expression) {
                value.put(column, expression);
            }

            @Override
            public String raw(String column) {
                return BulkCsvLoad.this.raw(column, read);
            }

            @Override
            public String lookup(List<String> keys, Function<List<String>, String> rule) throws SQLException {
                return keys.size() == 1 ? mappedValue(keys.get(0), rule) : BulkCsvLoad.this.lookup(keys, rule) + ".v";
            }

            @Override
            public void javaUnless(String condition) {
                fast.add(condition);
            }

            @Override
            public String literal(String text) {
                return BulkCsvLoad.literal(text);
            }
        };
    }

    /** Loads the staged rows SQL loads as Java would: the fast predicate holds, or is null. */
    private long insertFastRows() throws SQLException {
        List<String> names = table.columns().stream().map(CanonicalTable.Column::name).toList();
        List<String> exprs = names.stream().map(value::get).toList();
        String sql = SqlScript.fill(INSERT_FAST_ROWS, Map.of("table", table.tableName(), "columns", String.join(", ", names),
                "values", String.join(", ", exprs), "joins", allJoins(), "fast", fastPredicate()));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, slot.sourceFileId);
            statement.setLong(2, base);
            long started = System.nanoTime();
            long rows = statement.executeUpdate();
            timed(log.isTraceEnabled() ? sql : "insert fast rows into " + table.tableName() + " where " + fastPredicate(), started);
            return rows;
        }
    }

    /** @param allLoaded whether SQL loaded every staged row (the usual case) */
    private void insertStageHistory(boolean allLoaded) throws SQLException {
        if (stageDates.isEmpty()) {
            return;
        }
        // Entries name the deal by lineage and the stage by index (source_file_stages has the names): no strings.
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < stageDates.size(); i++) {
            entries.add("{'i': " + i + ", 'entered': " + stageDates.get(i) + "}");
        }
        String sql = allLoaded
                ? SqlScript.fill(STAGE_HISTORY_OF_ALL, Map.of("entries", String.join(", ", entries)))
                : SqlScript.fill(STAGE_HISTORY_OF_LOADED, Map.of("entries", String.join(", ", entries),
                        "table", table.tableName()));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (allLoaded) {
                statement.setInt(1, slot.sourceFileId);
                statement.setLong(2, base);
            } else {
                statement.setLong(1, base);
                statement.setInt(2, slot.sourceFileId);
            }
            long started = System.nanoTime();
            statement.executeUpdate();
            timed("insert stage history of the loaded deals", started);
        }
    }

    /** Maps the rows SQL left, in file order, with the row-by-row rules. */
    private long mapSlowRows(SlowRows sink) throws SQLException {
        long n = 0;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SLOW_ROWS)) {
            while (rs.next()) {
                List<Object> cells = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    cells.add(rs.getString(i + 2));
                }
                sink.accept(mapper.map(new SourceRow(rs.getLong(1) - base + 2, cells)));
                n++;
            }
        }
        return n;
    }

    /** The first non-null of the cells mapped to {@code column}, as RowMapper's raw value (null when unmapped). */
    private String raw(String column, Set<Integer> read) {
        List<Integer> indexes = profile.indexes(column);
        if (indexes.isEmpty()) {
            String constant = profile.profile().constants.get(column);
            return constant == null ? "cast(null as varchar)" : "cast(" + literal(constant) + " as varchar)";
        }
        read.addAll(indexes);
        if (indexes.size() == 1) {
            return "c" + indexes.get(0);
        }
        StringBuilder sb = new StringBuilder("coalesce(");
        for (int i = 0; i < indexes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('c').append(indexes.get(i));
        }
        return sb.append(')').toString();
    }

    /** The date of a date column: parsed by DuckDB when typed, else the first ten characters of ISO text. */
    private String dateValue(String raw, List<Integer> indexes) {
        return indexes.size() == 1 && typed.containsKey(indexes.get(0)) ? "cast(" + raw + " as date)"
                : "try_cast(left(" + raw + ", 10) as date)";
    }

    /** Whether the date comes from one typed column whose every value SQL may load ({@link #readColumnFacts}). */
    private boolean whollyInRange(List<Integer> indexes) {
        return indexes.size() == 1 && datesInRange.contains(indexes.get(0));
    }

    /** A date SQL may load as Java would: a typed date in 1900..2199 (DuckDB reads "23-11-01" as year 23), or ISO text. */
    private String dateCheck(String raw, List<Integer> indexes) {
        return indexes.size() == 1 && typed.containsKey(indexes.get(0))
                ? "cast(" + raw + " as date) between date '1900-01-01' and " + LATEST_FAST_DATE : isoDate(raw);
    }

    /** ISO date, optionally with a time, within years 1900..2199: the form RowMapper reads as the same date. */
    private static String isoDate(String raw) {
        return "(regexp_full_match(" + raw + ", '\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?)?')"
                + " and try_cast(left(" + raw + ", 10) as date) between date '1900-01-01' and " + LATEST_FAST_DATE + ")";
    }

    /**
     * True when Java's trimming leaves the text unchanged: no whitespace (in Java's wide sense) at either end
     * and no no-break space anywhere. Edge characters outside printable ASCII and the Latin/other letters are
     * treated as whitespace, which only sends a row to Java.
     */
    private static String clean(String x) {
        return "(" + x + " is null or (" + plainEdge("unicode(" + x + ")") + " and " + plainEdge("unicode(right(" + x + ", 1))")
                + " and strpos(" + x + ", chr(160)) = 0))";
    }

    private static String plainEdge(String codePoint) {
        return "(" + codePoint + " between 33 and 126 or (" + codePoint + " > 160 and " + codePoint
                + " not between 8192 and 8202 and " + codePoint + " not in (5760, 8232, 8233, 8239, 8287, 12288)))";
    }

    /** A lookup over the distinct values of {@code keys}: Java computes each result once. */
    private String lookup(List<String> keys, Function<List<String>, String> rule) throws SQLException {
        List<List<String>> rows = distinctRows(keys);
        return lookup(keys, rows, rows.stream().map(rule).toList());
    }

    /**
     * The value a rule maps one key to: a lookup's, or the key itself when the rule returns every distinct key
     * unchanged (HubSpot's stage labels and a one-currency file: two joins fewer in the insert).
     */
    private String mappedValue(String key, Function<List<String>, String> rule) throws SQLException {
        List<List<String>> rows = distinctRows(List.of(key));
        List<String> results = rows.stream().map(rule).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (Lookup.SLOW.equals(results.get(i)) || !java.util.Objects.equals(results.get(i), rows.get(i).get(0))) {
                return lookup(List.of(key), rows, results) + ".v";
            }
        }
        return key;
    }

    /** The distinct values of {@code keys} over the staged rows. */
    private List<List<String>> distinctRows(List<String> keys) throws SQLException {
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            distinct.append(i == 0 ? "" : ", ").append(keys.get(i)).append(" as k").append(i);
        }
        // Keys are computed from bulk_raw and earlier lookups' values: the distinct runs over the joins they use.
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(SqlScript.fill(DISTINCT_KEYS,
                    Map.of("keys", distinct.toString(), "joins", joinsFor(keys))))) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>(keys.size());
                    for (int i = 0; i < keys.size(); i++) {
                        row.add(rs.getString(i + 1));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The lookup table of {@code rows} and their {@code results}, joined by the returned alias. */
    private String lookup(List<String> keys, List<List<String>> rows, List<String> results) throws SQLException {
        String alias = "lk_" + lookups.size();
        String tableName = "bulk_" + alias;
        StringBuilder keyColumns = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            keyColumns.append(i == 0 ? "" : ", ").append('k').append(i).append(" varchar");
        }
        execute(SqlScript.fill(CREATE_LOOKUP, Map.of("table", tableName, "keys", keyColumns.toString())));
        lookups.add(tableName);
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(SCHEMA, tableName)) {
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String result = results.get(r);
                appender.beginRow();
                for (String key : row) {
                    if (key == null) {
                        appender.appendNull();
                    } else {
                        appender.append(key);
                    }
                }
                if (result == null || Lookup.SLOW.equals(result)) {
                    appender.appendNull();
                } else {
                    appender.append(result);
                }
                appender.append(Lookup.SLOW.equals(result));
                appender.endRow();
            }
        }
        StringBuilder join = new StringBuilder(" left join ").append(tableName).append(' ').append(alias).append(" on ");
        for (int i = 0; i < keys.size(); i++) {
            join.append(i == 0 ? "" : " and ").append(alias).append(".k").append(i).append(" is not distinct from ")
                    .append(keys.get(i));
        }
        joinByAlias.put(alias, join.toString());
        return alias;
    }

    /** Every lookup's join: what the load and the slow-row query run over. */
    private String allJoins() {
        return String.join("", joinByAlias.values());
    }

    /**
     * The joins of the lookups the expressions refer to, and of those their join conditions refer to, in join
     * order (a lookup keyed on another's value joins after it). A join these do not need would only cost a pass.
     */
    private String joinsFor(List<String> expressions) {
        Set<String> needed = new java.util.HashSet<>();
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
        expressions.forEach(expression -> ALIAS.matcher(expression).results().forEach(m -> pending.add(m.group())));
        while (!pending.isEmpty()) {
            String alias = pending.pop();
            if (needed.add(alias) && joinByAlias.containsKey(alias)) {
                ALIAS.matcher(joinByAlias.get(alias)).results().map(java.util.regex.MatchResult::group)
                        .filter(other -> !other.equals(alias)).forEach(pending::add);
            }
        }
        StringBuilder used = new StringBuilder();
        joinByAlias.forEach((alias, join) -> {
            if (needed.contains(alias)) {
                used.append(join);
            }
        });
        return used.toString();
    }

    /** Marker for "this value needs the row-by-row path". */
    private static final class Lookup {
        static final String SLOW = "\u0000slow";
    }

    /**
     * A SQL string literal for a profile's own text (a regular expression or a document-number prefix): these
     * are constants of the statement (DuckDB compiles a constant pattern once), from a validated profile.
     */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Runs a statement with its bind parameters (text), timed. */
    private void execute(String sql, String... parameters) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        }
        timed(sql, started);
    }

    /** Debug log of each statement's time: where a bulk load spends it (bench/run.sh reads nothing from it). */
    private void timed(String sql, long started) {
        if (log.isDebugEnabled()) {
            long now = System.nanoTime();
            long cpu = PROCESS.getProcessCpuTime();
            // The process's CPU beside the wall time: on two cores, near twice the wall time means both were busy.
            log.debug("{}: {} ms (process CPU since the last line {} ms): {}", slot.file.getFileName(),
                    (now - started) / 1_000_000, (cpu - lastCpu) / 1_000_000,
                    log.isTraceEnabled() || sql.length() <= 100 ? sql : sql.substring(0, 100) + "…");
            lastCpu = cpu;
        }
    }
}
