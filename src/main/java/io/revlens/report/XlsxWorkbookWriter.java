package io.revlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes metric tables into one .xlsx workbook, a sheet per table (streaming, so large tables fit):
 * typed cells (numbers, dates, booleans), a bold frozen header with an autofilter, column widths
 * from the content, and text that Excel would read as a formula neutralised with a leading '.
 * With a {@link Title}, the workbook is one people read: a Contents sheet first (every sheet, what a row of it is,
 * its rows, and a link to it), readable sheet names, the company and as-of date above every table, and rates as
 * percentages and money in the run's currency.
 */
public final class XlsxWorkbookWriter {

    private static final int MAX_WIDTH_CHARS = 60;
    private static final int MAX_SHEET_NAME = 31;

    /**
     * What the workbook is about: the company, the as-of date, the currency, what one row of each table is, and the
     * tables of the run left out of it with why (listed on the Contents sheet, without a sheet).
     */
    public record Title(String company, String asOf, String currency, Map<String, String> descriptions,
                        Map<String, String> leftOut) {
        public Title(String company, String asOf, String currency, Map<String, String> descriptions) {
            this(company, asOf, currency, descriptions, Map.of());
        }
    }

    /** Rows an Excel sheet holds (1,048,576), less the title and header rows above a table. */
    static final int MAX_TABLE_ROWS = 1_048_576 - 2;

    private XlsxWorkbookWriter() {
    }

    public static Path write(Connection duckdb, List<String> tables, Path xlsxOut) throws SQLException, IOException {
        return write(duckdb, tables, xlsxOut, null);
    }

    /** @param title null: sheets named by table, the header in the first row, numbers in plain formats */
    public static Path write(Connection duckdb, List<String> tables, Path xlsxOut, Title title) throws SQLException, IOException {
        Path temp = xlsxOut.resolveSibling(xlsxOut.getFileName() + ".tmp");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook, title == null ? null : title.currency());
            Map<String, String> names = sheetNames(tables, title != null);
            SXSSFSheet contents = title == null ? null : workbook.createSheet("Contents");
            Map<String, Integer> rowCounts = new LinkedHashMap<>();
            Map<String, String> leftOut = new LinkedHashMap<>(title == null ? Map.of() : title.leftOut());
            Map<String, Long> leftOutRows = new LinkedHashMap<>();
            for (String table : leftOut.keySet()) {
                if (table.matches("[a-z_][a-z0-9_]*") && exists(duckdb, table)) {
                    leftOutRows.put(table, count(duckdb, table));
                }
            }
            List<String> sheets = new ArrayList<>();
            Map<String, List<String[]>> schema = io.revlens.model.OutputQuery.describeAll(duckdb);
            for (String table : tables) {
                if (!table.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a table name: " + table);
                }
                long rows = count(duckdb, table);
                if (rows > MAX_TABLE_ROWS) {
                    // a sheet cut short would look like the whole table
                    leftOut.put(table, "not in this workbook: more rows than an Excel sheet holds;"
                            + " the whole table is in metrics/" + table + ".csv");
                    leftOutRows.put(table, rows);
                    continue;
                }
                sheets.add(table);
                SXSSFSheet sheet = workbook.createSheet(names.get(table));
                int top = 0;
                if (title != null) {
                    Row heading = sheet.createRow(0);
                    Cell cell = heading.createCell(0);
                    cell.setCellValue(title.company() + " · as of " + title.asOf() + " · " + table
                            + describe(title, table, " · "));
                    cell.setCellStyle(styles.title);
                    top = 1;
                }
                rowCounts.put(table, writeTable(duckdb, schema, table, sheet, top, styles, title != null));
            }
            if (contents != null) {
                writeContents(contents, title, sheets, leftOut, leftOutRows, names, rowCounts, styles, workbook);
            } else if (!leftOut.isEmpty()) {
                throw new IllegalArgumentException("more rows than an Excel sheet holds: " + leftOut.keySet());
            }
            Files.createDirectories(xlsxOut.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(temp)) {
                workbook.write(out);
            }
        }
        Files.move(temp, xlsxOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return xlsxOut;
    }

    /** The table's rows under a header at row {@code top}; how many data rows. */
    private static int writeTable(Connection duckdb, Map<String, List<String[]>> schema, String table, SXSSFSheet sheet,
                                  int top, Styles styles, boolean readable) throws SQLException {
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery(io.revlens.model.OutputQuery.of(schema, table, (name, type) -> name))) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            int[] widths = new int[columns];
            CellStyle[] numberStyles = new CellStyle[columns];
            Row head = sheet.createRow(top);
            for (int c = 0; c < columns; c++) {
                String label = meta.getColumnLabel(c + 1);
                Cell cell = head.createCell(c);
                cell.setCellValue(label);
                cell.setCellStyle(styles.header);
                widths[c] = label.length() + 2;
                numberStyles[c] = readable ? styles.forColumn(label) : null;
            }
            int r = top + 1;
            while (rs.next()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns; c++) {
                    Object value = rs.getObject(c + 1);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    int width;
                    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
                        cell.setCellValue(((Number) value).doubleValue());
                        cell.setCellStyle(numberStyles[c] != null ? numberStyles[c] : styles.number);
                        width = 14;
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(numberStyles[c] != null ? numberStyles[c] : styles.integer);
                        width = 10;
                    } else if (value instanceof Boolean b) {
                        cell.setCellValue(b);
                        width = 7;
                    } else if (value instanceof java.sql.Date d) {
                        cell.setCellValue(d.toLocalDate());
                        cell.setCellStyle(styles.date);
                        width = 12;
                    } else if (value instanceof java.time.LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(styles.date);
                        width = 12;
                    } else {
                        String text = fitCell(neutralise(value.toString()));
                        cell.setCellValue(text);
                        width = Math.min(MAX_WIDTH_CHARS, text.length() + 2);
                    }
                    widths[c] = Math.max(widths[c], width);
                }
            }
            sheet.createFreezePane(0, top + 1);
            sheet.setAutoFilter(new CellRangeAddress(top, Math.max(top, r - 1), 0, columns - 1));
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, widths[c]) * 256);
            }
            return r - top - 1;
        }
    }

    private static void writeContents(SXSSFSheet contents, Title title, List<String> tables, Map<String, String> leftOut,
                                      Map<String, Long> leftOutRows, Map<String, String> names,
                                      Map<String, Integer> rowCounts, Styles styles, SXSSFWorkbook workbook) {
        Cell heading = contents.createRow(0).createCell(0);
        heading.setCellValue(title.company() + ": every metric table of this run, as of " + title.asOf()
                + " (amounts in " + title.currency() + "; definitions in docs/metrics.md)");
        heading.setCellStyle(styles.title);
        Row head = contents.createRow(2);
        String[] labels = {"Sheet", "Table", "Rows", "What one row is"};
        for (int c = 0; c < labels.length; c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(labels[c]);
            cell.setCellStyle(styles.header);
        }
        int r = 3;
        for (String table : tables) {
            Row row = contents.createRow(r++);
            Cell link = row.createCell(0);
            link.setCellValue(names.get(table));
            Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            hyperlink.setAddress("'" + names.get(table).replace("'", "''") + "'!A1");
            link.setHyperlink(hyperlink);
            link.setCellStyle(styles.link);
            row.createCell(1).setCellValue(table);
            Cell rows = row.createCell(2);
            rows.setCellValue(rowCounts.get(table));
            rows.setCellStyle(styles.integer);
            row.createCell(3).setCellValue(describe(title, table, ""));
        }
        for (Map.Entry<String, String> table : leftOut.entrySet()) {
            Row row = contents.createRow(r++);
            row.createCell(0).setCellValue("–");
            row.createCell(1).setCellValue(table.getKey());
            if (leftOutRows.containsKey(table.getKey())) {
                Cell rows = row.createCell(2);
                rows.setCellValue(leftOutRows.get(table.getKey()));
                rows.setCellStyle(styles.integer);
            }
            String description = describe(title, table.getKey(), "");
            row.createCell(3).setCellValue((description.isEmpty() ? "" : description + "; ") + table.getValue());
        }
        contents.createFreezePane(0, 3);
        int[] widths = {32, 28, 10, 100};
        for (int c = 0; c < widths.length; c++) {
            contents.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static boolean exists(Connection duckdb, String table) throws SQLException {
        try (var query = duckdb.prepareStatement(io.revlens.model.SqlScript.loadOne("sql/output/relation_exists.sql"))) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static long count(Connection duckdb, String table) throws SQLException {
        // table matched the strict identifier pattern above; it names one of the run's own tables
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String describe(Title title, String table, String prefix) {
        String description = title.descriptions().get(table);
        return description == null || description.isBlank() ? "" : prefix + description;
    }

    /** "customer_concentration" → "Customer concentration" (Excel's 31 characters at most, each name once). */
    static Map<String, String> sheetNames(List<String> tables, boolean readable) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>(List.of("contents"));
        for (String table : tables) {
            String name = readable ? Character.toUpperCase(table.charAt(0)) + table.substring(1).replace('_', ' ') : table;
            name = name.length() > MAX_SHEET_NAME ? name.substring(0, MAX_SHEET_NAME) : name;
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = " " + n;
                name = name.substring(0, Math.min(name.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            names.put(table, name);
        }
        return names;
    }

    /** The cell styles of one workbook (a workbook holds a limited number of them: made once, shared). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle link;
        final CellStyle date;
        final CellStyle number;
        final CellStyle integer;
        final CellStyle percent;
        final CellStyle money;

        Styles(SXSSFWorkbook workbook, String currency) {
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            title = workbook.createCellStyle();
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 12);
            title.setFont(titleFont);
            link = workbook.createCellStyle();
            Font linkFont = workbook.createFont();
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
            link.setFont(linkFont);
            date = style(workbook, "yyyy-mm-dd");
            number = style(workbook, "#,##0.00");
            integer = style(workbook, "#,##0");
            percent = style(workbook, "0.0%");
            String symbol = currency == null ? "" : ReportFormats.symbol(currency).replace("\"", "");
            money = style(workbook, "\"" + symbol + "\"#,##0;-\"" + symbol + "\"#,##0");
        }

        private static CellStyle style(SXSSFWorkbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        /**
         * The number format a column's name says it holds: a rate or share (a fraction) as a percentage, an amount of
         * money in the run's currency; null for the others (counts, days, ranks, mixed-unit values).
         */
        CellStyle forColumn(String column) {
            if (column.matches(".*(_rate|_rate_.*|_share|share_.*|^share|attainment|^grr|^nrr)")) {
                return percent;
            }
            if (column.matches(".*(_count|_rank|_order|_days|_date|_id|_row|_week|_weeks|_quarters)")) {
                return null;
            }
            if (column.matches(".*(amount|revenue|bookings|pipeline|quota|forecast|run_rate|gap|at_risk|deal_size).*")) {
                return money;
            }
            return null;
        }
    }

    /** Text starting with = + - @ tab or CR would become a formula or command: keep it text. */
    static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** Excel cells hold at most 32,767 characters; a longer value is cut there and says so (the CSV keeps it whole). */
    static String fitCell(String text) {
        int max = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        String mark = " … (cut: longer than an Excel cell holds; the CSV has it whole)";
        return text.length() <= max ? text : text.substring(0, max - mark.length()) + mark;
    }
}
