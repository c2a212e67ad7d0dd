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
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes metric tables into one .xlsx workbook, a sheet per table (streaming, so large tables fit):
 * typed cells (numbers, dates, booleans), a bold frozen header with an autofilter, column widths
 * from the content, and text that Excel would read as a formula neutralised with a leading '.
 */
public final class XlsxWorkbookWriter {

    private static final int MAX_WIDTH_CHARS = 60;

    private XlsxWorkbookWriter() {
    }

    public static Path write(Connection duckdb, List<String> tables, Path xlsxOut) throws SQLException, IOException {
        Path temp = xlsxOut.resolveSibling(xlsxOut.getFileName() + ".tmp");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle integer = workbook.createCellStyle();
            integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            for (String table : tables) {
                if (!table.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a table name: " + table);
                }
                SXSSFSheet sheet = workbook.createSheet(table.length() > 31 ? table.substring(0, 31) : table);
                try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(io.revlens.model.OutputQuery.of(duckdb, table, (name, type) -> name))) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    int[] widths = new int[columns];
                    Row head = sheet.createRow(0);
                    for (int c = 0; c < columns; c++) {
                        Cell cell = head.createCell(c);
                        cell.setCellValue(meta.getColumnLabel(c + 1));
                        cell.setCellStyle(header);
                        widths[c] = meta.getColumnLabel(c + 1).length() + 2;
                    }
                    int r = 1;
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
                                cell.setCellStyle(number);
                                width = 14;
                            } else if (value instanceof Number n) {
                                cell.setCellValue(n.doubleValue());
                                cell.setCellStyle(integer);
                                width = 10;
                            } else if (value instanceof Boolean b) {
                                cell.setCellValue(b);
                                width = 7;
                            } else if (value instanceof java.sql.Date d) {
                                cell.setCellValue(d.toLocalDate());
                                cell.setCellStyle(date);
                                width = 12;
                            } else if (value instanceof java.time.LocalDate d) {
                                cell.setCellValue(d);
                                cell.setCellStyle(date);
                                width = 12;
                            } else {
                                String text = fitCell(neutralise(value.toString()));
                                cell.setCellValue(text);
                                width = Math.min(MAX_WIDTH_CHARS, text.length() + 2);
                            }
                            widths[c] = Math.max(widths[c], width);
                        }
                    }
                    sheet.createFreezePane(0, 1);
                    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns - 1));
                    for (int c = 0; c < columns; c++) {
                        sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, widths[c]) * 256);
                    }
                }
            }
            Files.createDirectories(xlsxOut.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(temp)) {
                workbook.write(out);
            }
        }
        Files.move(temp, xlsxOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return xlsxOut;
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
