package io.revlens.ingest.read;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams .xlsx sheets with POI's event API ({@link XSSFReader}) and a StAX pull parser of the sheet XML,
 * so memory stays flat: numbers stay numbers, date-formatted cells become LocalDateTime honouring the
 * workbook's 1904 flag, formula cells give their cached value, shared and inline strings are resolved.
 */
public final class XlsxExportReader implements AutoCloseable {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<String, Integer> sheetIndexes = new LinkedHashMap<>();

    /** Opens the workbook package (read-only). */
    public XlsxExportReader(Path file) throws IOException {
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            this.reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.styles = reader.getStylesTable();
            this.date1904 = readDate1904();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            int index = 0;
            while (sheets.hasNext()) {
                sheets.next().close();
                sheetIndexes.put(sheets.getSheetName(), index++);
            }
        } catch (OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            pkg.revert();
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The sheet names of a workbook, read from its workbook part only (no shared strings, no sheet data): what a
     * caller needs to know whether there is more than one sheet to look at.
     */
    public static List<String> sheetNames(Path file) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            List<String> names = new ArrayList<>();
            XSSFReader.SheetIterator sheets = new XSSFReader(pkg).getSheetIterator();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
            return names;
        } catch (OpenXML4JException | RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            pkg.revert();
        }
    }

    /** Sheet names in workbook order. */
    public List<String> sheetNames() {
        return new ArrayList<>(sheetIndexes.keySet());
    }

    /** Whether the workbook uses the 1904 date system. */
    public boolean date1904() {
        return date1904;
    }

    private boolean readDate1904() throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("workbookPr")) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    /** Opens one sheet's rows (cells positioned by column; missing cells are null). */
    public RowSource openSheet(String sheetName) throws IOException {
        InputStream in;
        in = sheetData(sheetName);
        SheetRows rows;
        try {
            rows = new SheetRows(in, XML.createXMLStreamReader(in), MergedColumns.none());
        } catch (XMLStreamException e) {
            in.close();
            throw new IOException(e.getMessage(), e);
        }
        // A formatted report (a title above its table, as Salesforce and QuickBooks save them) may merge a group's
        // cell down its rows; the merges follow the rows in the sheet's XML, so such a sheet is scanned for them
        // first. An export whose first row is its header has none, and is read in one pass.
        SourceRow first = rows.next();
        if (first == null || (first.rowNumber() == 1 && first.filledWidth() > 1)) {
            rows.pending = first;
            return rows;
        }
        rows.close();
        MergedColumns merged;
        try (InputStream xml = sheetData(sheetName)) {
            merged = MergedColumns.scan(xml);
        }
        in = sheetData(sheetName);
        try {
            return new SheetRows(in, XML.createXMLStreamReader(in), merged);
        } catch (XMLStreamException e) {
            in.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The sheet's XML, from its start. */
    private InputStream sheetData(String sheetName) throws IOException {
        try {
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                InputStream candidate = sheets.next();
                if (sheets.getSheetName().equals(sheetName)) {
                    return candidate;
                }
                candidate.close();
            }
        } catch (OpenXML4JException e) {
            throw new IOException(e.getMessage(), e);
        }
        throw new IOException("No sheet named " + sheetName);
    }

    @Override
    public void close() {
        pkg.revert();
    }

    private final class SheetRows implements RowSource {
        private final InputStream in;
        private final XMLStreamReader xml;
        private final MergedColumns merged;
        private long lastRow;
        /** A row read ahead (the first, to tell an export from a formatted report), returned by the next call. */
        private SourceRow pending;

        SheetRows(InputStream in, XMLStreamReader xml, MergedColumns merged) {
            this.in = in;
            this.xml = xml;
            this.merged = merged;
        }

        @Override
        public SourceRow next() throws IOException {
            if (pending != null) {
                SourceRow row = pending;
                pending = null;
                return row;
            }
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                        String r = xml.getAttributeValue(null, "r");
                        long rowNumber = r != null ? Long.parseLong(r) : lastRow + 1;
                        lastRow = rowNumber;
                        return new SourceRow(rowNumber, merged.fill(rowNumber, readCells()));
                    }
                }
                return null;
            } catch (XMLStreamException | RuntimeException e) {
                throw new IOException("Malformed sheet XML after row " + lastRow + ": " + e.getMessage(), e);
            }
        }

        private List<Object> readCells() throws XMLStreamException {
            List<Object> cells = new ArrayList<>();
            int nextColumn = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    return cells;
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                    String ref = xml.getAttributeValue(null, "r");
                    int column = ref != null ? columnIndex(ref) : nextColumn;
                    if (column > MAX_COLUMN) {
                        throw new XMLStreamException("cell " + ref + " lies beyond Excel's last column (XFD): not a"
                                + " workbook Excel wrote; save it again from Excel or export it as CSV");
                    }
                    Object value = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                    while (cells.size() < column) {
                        cells.add(null);
                    }
                    cells.add(value);
                    nextColumn = column + 1;
                }
            }
            return cells;
        }

        private Object readCell(String type, String style) throws XMLStreamException {
            String value = null;
            String formula = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("v")) {
                        value = xml.getElementText();
                    } else if (name.equals("f")) {
                        formula = xml.getElementText();
                    } else if (name.equals("t")) {
                        // inline string text (possibly several rich-text runs)
                        if (inline == null) {
                            inline = new StringBuilder();
                        }
                        inline.append(xml.getElementText());
                    }
                }
            }
            if (inline != null && (type == null || "inlineStr".equals(type))) {
                return inline.toString();
            }
            if (value == null) {
                // a formula never calculated: its value is unknown, not empty
                return formula != null && !formula.isBlank() ? new UnsavedFormula(formula) : null;
            }
            if (type == null || type.equals("n")) {
                if (value.isEmpty()) {
                    return null;
                }
                double number = Double.parseDouble(value);
                if (style != null && isDateStyle(Integer.parseInt(style)) && DateUtil.isValidExcelDate(number)) {
                    return DateUtil.getLocalDateTime(number, date1904);
                }
                return number;
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(value)).getString();
                case "b" -> "1".equals(value);
                case "e" -> "#ERROR " + value;
                default -> value; // "str" (formula text result), "inlineStr" with <v>
            };
        }

        @Override
        public void close() throws IOException {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            } finally {
                in.close();
            }
        }
    }

    private final Map<Integer, Boolean> dateStyles = new java.util.HashMap<>();

    private boolean isDateStyle(int styleIndex) {
        return dateStyles.computeIfAbsent(styleIndex, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle style = styles.getStyleAt(i);
            return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        });
    }

    /** Excel's last column, XFD (0-based); a reference past it would make every row that wide. */
    static final int MAX_COLUMN = 16_383;

    static int columnIndex(String cellRef) {
        int column = 0;
        for (int i = 0; i < cellRef.length(); i++) {
            char c = cellRef.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > MAX_COLUMN + 1) {
                return Integer.MAX_VALUE; // no need to read further letters: past the last column already
            }
        }
        return column - 1;
    }
}
