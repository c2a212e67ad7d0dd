package io.revlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.model.Workspace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWorkbookWriterIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void typedCellsFrozenHeaderAutofilterAndNoFormulas() throws Exception {
        Path xlsx = temp.resolve("packet.xlsx");
        try (Connection c = Workspace.open(temp.resolve("x.duckdb")); Statement s = c.createStatement()) {
            s.execute("create table hostile as select * from (values"
                    + " ('=1+1', 12.5::decimal(18,2), date '2026-01-31', true, 3::bigint),"
                    + " ('+SUM(A1)', -4.25::decimal(18,2), date '2026-02-28', false, 4::bigint),"
                    + " ('@cmd', null, null, null, null), ('-2+3', 0, date '2026-03-01', true, 5), ('Plain name', 1, date '2026-03-02', false, 6))"
                    + " as t(customer_name, amount, close_date, is_won, deals)");
            XlsxWorkbookWriter.write(c, List.of("hostile"), xlsx);
        }
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("hostile");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E6");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("'=1+1");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(12.5);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
            assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 31));
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'+SUM(A1)");
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(-4.25);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("'@cmd");
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Plain name");
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(10 * 256);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    void aValueLongerThanAnExcelCellIsCutAndSaysSo() throws Exception {
        Path xlsx = temp.resolve("long.xlsx");
        try (Connection c = Workspace.open(temp.resolve("long.duckdb")); Statement s = c.createStatement()) {
            // 40,000 characters: over the 32,767 an Excel cell holds (writing it failed the whole workbook).
            s.execute("create table long_names as select repeat('x', 40000) as customer_name, 1 as n");
            XlsxWorkbookWriter.write(c, List.of("long_names"), xlsx);
        }
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            String value = wb.getSheet("long_names").getRow(1).getCell(0).getStringCellValue();
            assertThat(value).hasSize(32_767).startsWith("xxxx").endsWith("(cut: longer than an Excel cell holds; the CSV has it whole)");
        }
    }

    @Test
    void lineageIsTheFilesRelativePathNotTheInternalId() throws Exception {
        Path xlsx = temp.resolve("lineage.xlsx");
        try (Connection c = Workspace.open(temp.resolve("lineage.duckdb")); Statement s = c.createStatement()) {
            s.execute("insert into source_files (source_file_id, path, sha256, size_bytes, format, kind, relative_path)"
                    + " values (7, '/clients/acme/crm/deals.csv', 'x', 1, 'csv', 'opportunities', 'crm/deals.csv')");
            s.execute("create table progress as select 'D-1' as opportunity_id, 7 as source_file_id, 12 as source_row");
            XlsxWorkbookWriter.write(c, List.of("progress"), xlsx);
        }
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet("progress");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("source_file");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("crm/deals.csv");
        }
    }

    /**
     * A table with more rows than an Excel sheet holds gets no sheet cut short (it would look whole): the Contents
     * sheet lists it with its row count and where the whole table is, as it lists the tables left out by the run.
     */
    @Test
    void aTableTooLargeForASheetIsListedNotCutShort() throws Exception {
        Path xlsx = temp.resolve("packet.xlsx");
        long rows = XlsxWorkbookWriter.MAX_TABLE_ROWS + 1L;
        try (Connection c = Workspace.open(temp.resolve("x.duckdb")); Statement s = c.createStatement()) {
            s.execute("create table small as select 1 as n");
            s.execute("create table huge as select range as n from range(" + rows + ")");
            XlsxWorkbookWriter.write(c, List.of("small", "huge"), xlsx, new XlsxWorkbookWriter.Title("Acme", "2026-10-31",
                    "USD", java.util.Map.of("huge", "one row per n"), java.util.Map.of("left_out", "not asked for")));
        }
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2); // Contents and Small
            assertThat(wb.getSheet("Huge")).isNull();
            XSSFSheet contents = wb.getSheet("Contents");
            List<String> listed = new java.util.ArrayList<>();
            for (int r = 3; r <= contents.getLastRowNum(); r++) {
                Row row = contents.getRow(r);
                Cell count = row.getCell(2);
                listed.add(row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getStringCellValue() + " | "
                        + (count == null ? "" : Long.toString((long) count.getNumericCellValue())) + " | "
                        + row.getCell(3).getStringCellValue());
            }
            assertThat(listed).containsExactly("Small | small | 1 | ",
                    "– | left_out |  | not asked for",
                    "– | huge | " + rows + " | one row per n; not in this workbook: more rows than an Excel sheet holds;"
                            + " the whole table is in metrics/huge.csv");
        }
    }
}
