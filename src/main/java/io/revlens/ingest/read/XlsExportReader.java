package io.revlens.ingest.read;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads legacy .xls workbooks with HSSF (the format caps a sheet at 65,536 rows, so the user model fits
 * in memory). Cells come out like {@link XlsxExportReader}'s: numbers, LocalDateTime, Boolean, String.
 */
public final class XlsExportReader implements AutoCloseable {

    private final HSSFWorkbook workbook;

    /** Opens the workbook. */
    public XlsExportReader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            this.workbook = new HSSFWorkbook(in);
        }
    }

    /** Sheet names in workbook order. */
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    /** Whether the workbook uses the 1904 date system. */
    public boolean date1904() {
        return workbook.getInternalWorkbook().isUsing1904DateWindowing();
    }

    /** Rows of one sheet. */
    public RowSource openSheet(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        Iterator<Row> rows = sheet.rowIterator();
        boolean use1904 = date1904();
        List<long[]> regions = new ArrayList<>();
        sheet.getMergedRegions().forEach(r -> {
            if (r.getFirstColumn() == r.getLastColumn()) {
                regions.add(new long[] {r.getFirstColumn(), r.getFirstRow() + 1L, r.getLastRow() + 1L});
            }
        });
        MergedColumns merged = MergedColumns.of(regions);
        return new RowSource() {
            @Override
            public SourceRow next() {
                if (!rows.hasNext()) {
                    return null;
                }
                Row row = rows.next();
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(value(row.getCell(c), use1904));
                }
                return new SourceRow(row.getRowNum() + 1L, merged.fill(row.getRowNum() + 1L, cells));
            }

            @Override
            public void close() {
                // the workbook is closed by the reader
            }
        };
    }

    private static Object value(Cell cell, boolean date1904) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? DateUtil.getLocalDateTime(cell.getNumericCellValue(), date1904)
                    : (Object) cell.getNumericCellValue();
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> null;
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
