package io.revlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Streams an .xlsx sheet with a StAX pull parser over the sheet XML (never the whole workbook in
 * memory): numbers stay numbers, cells with a date format become dates in the workbook's own date
 * system (1900 or 1904), formula cells give their cached value. Every sheet is considered; the
 * first whose header an export profile accepts is read.
 */
public final class XlsxExportReader implements TabularSource {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // Never resolve external entities or DTDs from a file we were handed.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private InputStream sheetStream;
    private XMLStreamReader xml;
    private final List<RawRow> buffered = new ArrayList<>();
    private List<String> header = List.of();
    private Layout layout;

    public XlsxExportReader(Path file, Predicate<List<String>> acceptsHeader) throws IOException {
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new UnreadableExportException(file + " is not a readable .xlsx workbook (" + e.getMessage()
                    + "); open it in Excel and save it again as .xlsx, or export it as CSV", e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg);
            this.styles = reader.getStylesTable();
            this.date1904 = readDate1904(reader);
            chooseSheet(reader, file, acceptsHeader);
        } catch (UnreadableExportException e) {
            pkg.revert();
            throw e;
        } catch (Exception e) {
            pkg.revert();
            throw new UnreadableExportException(file + " could not be read as a workbook (" + e.getMessage()
                    + "); open it in Excel and save it again as .xlsx", e);
        }
    }

    private void chooseSheet(XSSFReader reader, Path file, Predicate<List<String>> acceptsHeader)
            throws IOException, XMLStreamException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        String firstSheetWithHeader = null;
        while (sheets.hasNext()) {
            InputStream stream = sheets.next();
            String name = sheets.getSheetName();
            XMLStreamReader candidate = XML.createXMLStreamReader(stream);
            List<RawRow> head = new ArrayList<>();
            RawRow row;
            while (head.size() < HeaderLocator.LOOKAHEAD && (row = readRow(candidate)) != null) {
                head.add(row);
            }
            List<List<Object>> values = head.stream().map(RawRow::values).toList();
            int headerIndex = HeaderLocator.locate(values);
            List<String> names = headerIndex < 0 ? List.of() : headerNames(head.get(headerIndex));
            boolean accepted = headerIndex >= 0 && acceptsHeader.test(names);
            if (accepted) {
                this.sheetStream = stream;
                this.xml = candidate;
                this.header = names;
                this.buffered.addAll(head.subList(headerIndex + 1, head.size()));
                this.layout = new Layout("xlsx", null, null, name, (int) head.get(headerIndex).rowNumber());
                return;
            }
            if (headerIndex >= 0 && firstSheetWithHeader == null) {
                firstSheetWithHeader = name;
            }
            candidate.close();
            stream.close();
        }
        // No sheet matched a profile: fall back to the first sheet that has a header at all.
        if (firstSheetWithHeader != null) {
            XSSFReader.SheetIterator again = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (again.hasNext()) {
                InputStream stream = again.next();
                if (again.getSheetName().equals(firstSheetWithHeader)) {
                    XMLStreamReader candidate = XML.createXMLStreamReader(stream);
                    List<RawRow> head = new ArrayList<>();
                    RawRow row;
                    while (head.size() < HeaderLocator.LOOKAHEAD && (row = readRow(candidate)) != null) {
                        head.add(row);
                    }
                    int headerIndex = HeaderLocator.locate(head.stream().map(RawRow::values).toList());
                    this.sheetStream = stream;
                    this.xml = candidate;
                    this.header = headerNames(head.get(headerIndex));
                    this.buffered.addAll(head.subList(headerIndex + 1, head.size()));
                    this.layout = new Layout("xlsx", null, null, firstSheetWithHeader, (int) head.get(headerIndex).rowNumber());
                    return;
                }
                stream.close();
            }
        }
        this.layout = new Layout("xlsx", null, null, null, 0);
    }

    private static List<String> headerNames(RawRow row) {
        List<String> names = new ArrayList<>();
        for (Object value : row.values()) {
            names.add(value == null ? "" : value.toString().trim());
        }
        return List.copyOf(names);
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
    public RawRow next() throws IOException {
        if (!buffered.isEmpty()) {
            return buffered.remove(0);
        }
        if (xml == null) {
            return null;
        }
        try {
            return readRow(xml);
        } catch (XMLStreamException e) {
            throw new UnreadableExportException("Broken sheet XML in sheet " + layout.sheet() + ": " + e.getMessage(), e);
        }
    }

    /** Reads the next {@code <row>} element; cells missing from the XML are null. */
    private RawRow readRow(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(reader.getLocalName())) {
                long rowNumber = Long.parseLong(reader.getAttributeValue(null, "r"));
                List<Object> values = new ArrayList<>();
                int nextColumn = 0;
                while (reader.hasNext()) {
                    event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT && "c".equals(reader.getLocalName())) {
                        String ref = reader.getAttributeValue(null, "r");
                        int column = ref == null ? nextColumn : columnIndex(ref);
                        Object value = readCell(reader);
                        while (values.size() < column) {
                            values.add(null);
                        }
                        values.add(value);
                        nextColumn = column + 1;
                    } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(reader.getLocalName())) {
                        return new RawRow(rowNumber, values);
                    }
                }
            }
        }
        return null;
    }

    private Object readCell(XMLStreamReader reader) throws XMLStreamException {
        String type = reader.getAttributeValue(null, "t");
        String style = reader.getAttributeValue(null, "s");
        String raw = null;
        StringBuilder inline = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if ("v".equals(name)) {
                    raw = reader.getElementText();
                } else if ("t".equals(name)) {
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(reader.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(reader.getLocalName())) {
                break;
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? null : inline.toString();
        }
        if (raw == null) {
            return null;
        }
        return switch (type == null ? "n" : type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw)).getString();
            case "str" -> raw;
            case "b" -> "1".equals(raw);
            case "e" -> "#ERROR " + raw;
            default -> numberOrDate(Double.parseDouble(raw), style);
        };
    }

    private Object numberOrDate(double value, String style) {
        if (style != null) {
            XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
            if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
                    && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, date1904);
                return date;
            }
        }
        return value;
    }

    static int columnIndex(String cellRef) {
        int column = 0;
        for (int i = 0; i < cellRef.length(); i++) {
            char c = cellRef.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    private static boolean readDate1904(XSSFReader reader) throws Exception {
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader xml = XML.createXMLStreamReader(workbook);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "workbookPr".equals(xml.getLocalName())) {
                    String flag = xml.getAttributeValue(null, "date1904");
                    return "1".equals(flag) || "true".equalsIgnoreCase(flag);
                }
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // closing a read-only stream: nothing to recover
        }
        if (sheetStream != null) {
            sheetStream.close();
        }
        pkg.revert();
    }
}
