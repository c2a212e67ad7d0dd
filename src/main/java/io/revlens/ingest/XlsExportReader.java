package io.revlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads a legacy .xls workbook (HSSF). These files are limited to 65,536 rows, so the user model
 * is fine; formula cells give their cached value, date cells become dates.
 */
public final class XlsExportReader implements TabularSource {

    private final HSSFWorkbook workbook;
    private final List<RawRow> rows = new ArrayList<>();
    private int position;
    private List<String> header = List.of();
    private Layout layout = new Layout("xls", null, null, null, 0);

    public XlsExportReader(Path file, Predicate<List<String>> acceptsHeader) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            this.workbook = new HSSFWorkbook(in);
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new UnreadableExportException(file + " is password-protected; remove the password in Excel"
                    + " (File > Info > Protect Workbook) and export it again", e);
        } catch (Exception e) {
            throw new UnreadableExportException(file + " is not a readable .xls workbook (" + e.getMessage()
                    + "); open it in Excel and save it as .xlsx or CSV", e);
        }
        String fallbackSheet = null;
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            Sheet sheet = workbook.getSheetAt(s);
            List<RawRow> all = readSheet(sheet);
            int headerIndex = HeaderLocator.locate(all.stream().limit(HeaderLocator.LOOKAHEAD).map(RawRow::values).toList());
            if (headerIndex < 0) {
                continue;
            }
            List<String> names = all.get(headerIndex).values().stream().map(v -> v == null ? "" : v.toString().trim()).toList();
            if (acceptsHeader.test(names) || (fallbackSheet == null && s == workbook.getNumberOfSheets() - 1)) {
                use(sheet, all, headerIndex, names);
                return;
            }
            if (fallbackSheet == null) {
                fallbackSheet = sheet.getSheetName();
            }
        }
        if (fallbackSheet != null) {
            Sheet sheet = workbook.getSheet(fallbackSheet);
            List<RawRow> all = readSheet(sheet);
            int headerIndex = HeaderLocator.locate(all.stream().limit(HeaderLocator.LOOKAHEAD).map(RawRow::values).toList());
            use(sheet, all, headerIndex, all.get(headerIndex).values().stream().map(v -> v == null ? "" : v.toString().trim()).toList());
        }
    }

    private void use(Sheet sheet, List<RawRow> all, int headerIndex, List<String> names) {
        this.header = names;
        this.rows.addAll(all.subList(headerIndex + 1, all.size()));
        this.layout = new Layout("xls", null, null, sheet.getSheetName(), (int) all.get(headerIndex).rowNumber());
    }

    private List<RawRow> readSheet(Sheet sheet) {
        List<RawRow> result = new ArrayList<>();
        for (Row row : sheet) {
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                values.add(valueOf(row.getCell(c)));
            }
            result.add(new RawRow(row.getRowNum() + 1L, values));
        }
        return result;
    }

    private Object valueOf(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue() : (Object) cell.getNumericCellValue();
            case ERROR -> "#ERROR";
            default -> null;
        };
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRow next() {
        return position < rows.size() ? rows.get(position++) : null;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
