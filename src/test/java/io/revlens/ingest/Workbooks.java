package io.revlens.ingest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Builds small .xlsx fixtures with POI's user model (test setup only). */
public final class Workbooks {

    private Workbooks() {
    }

    /** Writes a cell: LocalDate as a date-formatted cell, Number as numeric, "=..." as a formula, else text. */
    static void set(Workbook wb, Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof LocalDate date) {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            cell.setCellStyle(style);
            cell.setCellValue(date);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof String s && s.startsWith("=")) {
            cell.setCellFormula(s.substring(1));
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** Writes rows (index 0 = sheet row 1); a null row is left out of the file entirely. */
    static void sheet(Workbook wb, String name, Object[][] rows) {
        Sheet sheet = wb.createSheet(name);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                set(wb, row, c, rows[r][c]);
            }
        }
    }

    static Path save(Workbook wb, Path file) throws IOException {
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    static Path xlsx(Path file, String sheetName, Object[][] rows) throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        sheet(wb, sheetName, rows);
        return save(wb, file);
    }

    /** A QuickBooks Online "Sales by Customer Detail" report as exported to Excel (see ingest/expected.md). */
    static Path quickBooksSalesByCustomerDetail(Path file) throws IOException {
        return xlsx(file, "Sales by Customer Detail", new Object[][]{
                {"Calibra Instruments, Inc."},
                {"Sales by Customer Detail"},
                {"All Dates"},
                null,
                {null, "Date", "Transaction Type", "Num", "Product/Service", "Memo/Description", "Qty", "Sales Price",
                        "Amount", "Balance"},
                {"Acme Metals"},
                {null, LocalDate.of(2026, 1, 15), "Invoice", "1001", "HT-500", "Hardness tester", 2, 6250, 12500, 12500},
                {null, LocalDate.of(2026, 2, 3), "Credit Memo", "CM-7", "HT-500", "Return", 1, 500, 500, 12000},
                {"Total for Acme Metals", null, null, null, null, null, null, null, 12000},
                {"Beta Tools"},
                {null, LocalDate.of(2026, 3, 1), "Invoice", "1002", "CMM-X", null, 1, 48000, "=G11*H11", 48000},
                {"Total for Beta Tools", null, null, null, null, null, null, null, 48000},
                null,
                {"TOTAL", null, null, null, null, null, null, null, 60000},
                null,
                {"Accrual Basis Monday, November 2, 2026 10:15 AM GMT-05:00"},
        });
    }

    /**
     * A QuickBooks Desktop "Sales by Customer Detail" report saved to Excel: title cells in column A and further
     * right, data in every other column after three indent columns, "Total <Customer>" subtotals without "for".
     */
    static Path quickBooksDesktopSalesByCustomerDetail(Path file) throws IOException {
        return xlsx(file, "Sheet1", new Object[][]{
                {"9:14 AM", null, null, null, null, null, null, null, null, null, null, null, "Calibra Instruments, Inc."},
                {"07/01/26", null, null, null, null, null, null, null, null, null, null, null, "Sales by Customer Detail"},
                {"Accrual Basis", null, null, null, null, null, null, null, null, null, null, null, "May 2024 through June 2026"},
                {null, null, null, "Type", null, "Date", null, "Num", null, "Memo", null, "Name", null, "Item", null, "Qty",
                        null, "Sales Price", null, "Amount", null, "Balance"},
                {"Total Wine & More"},
                {null, null, null, "Invoice", null, LocalDate.of(2025, 3, 5), null, "5001", null, null, null,
                        "Total Wine & More", null, "Training", null, 2, null, 500, null, 1000, null, 1000},
                {null, null, null, "Credit Memo", null, LocalDate.of(2025, 4, 1), null, "CM-2", null, null, null,
                        "Total Wine & More", null, "Training", null, 1, null, 200, null, -200, null, 800},
                {"Total Total Wine & More", null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, 800, null, 800},
                {"Zeta Corp"},
                {null, "Plant 2"},
                {null, null, null, "Invoice", null, LocalDate.of(2026, 6, 1), null, "5004", null, null, null, "Zeta Corp:Plant 2",
                        null, "Training", null, 1, null, 2000, null, 2000, null, 2000},
                {null, "Total Plant 2", null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, 2000, null, 2000},
                {"Total Zeta Corp", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, 2000, null, 2000},
                {"TOTAL", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, 2800, null, 2800},
        });
    }

    /** A Xero-style invoice-lines export, like the sample company's invoice-lines.xlsx. */
    static Path xeroInvoiceLines(Path file) throws IOException {
        return xlsx(file, "Invoices", new Object[][]{
                {"InvoiceNumber", "ContactName", "InvoiceDate", "InventoryItemCode", "Description", "Quantity",
                        "UnitAmount", "LineAmount", "Currency", "Type"},
                {"INV-1", "Acme Metals", LocalDate.of(2026, 1, 10), "HT500", "HT-500 Hardness Tester", 2, 100, 200,
                        "USD", "Sales invoice"},
                {"CN-1", "Acme Metals", LocalDate.of(2026, 1, 20), "HT500", "HT-500 Hardness Tester", -1, 100, -100,
                        "USD", "Sales credit note"},
                {"INV-2", "Beta Tools", LocalDate.of(2026, 2, 5), "SP", "Spare Parts & Tooling", 3, 50, null,
                        "USD", "Sales invoice"},
                {"OP-1", "Beta Tools", LocalDate.of(2026, 2, 6), null, "Overpayment", 1, 999, 999, "USD",
                        "Sales overpayment"},
        });
    }

    /** One deals sheet per year (two deals each), then a notes sheet no profile reads. */
    public static void sheetsPerYear(Path file, List<String> years) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (String year : years) {
                Sheet sheet = wb.createSheet("Deals " + year);
                String[][] rows = {{"opportunity_id", "stage", "amount"}, {year + "-1", "Won", "10"}, {year + "-2", "Lost", "20"}};
                for (int r = 0; r < rows.length; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Exported from the CRM on 2026-01-10");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }
}
