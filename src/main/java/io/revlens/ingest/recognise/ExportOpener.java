package io.revlens.ingest.recognise;

import io.revlens.ingest.read.FileConventions;
import io.revlens.ingest.read.ValueCoercer;
import io.revlens.ingest.read.DateOrder;
import io.revlens.ingest.read.CsvExportReader;
import io.revlens.ingest.read.XlsxExportReader;
import io.revlens.ingest.read.XlsExportReader;
import io.revlens.ingest.read.ExportFormat;
import io.revlens.ingest.read.CsvLayout;
import io.revlens.ingest.read.SourceRow;
import io.revlens.ingest.read.ZipLimits;
import io.revlens.ingest.read.RowSource;
import io.revlens.model.CanonicalTable;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens an export for reading: detects format details, finds the header row (title rows above it are
 * allowed) and the sheet that a profile recognises, picks the date order from the data, and returns the
 * data rows. Unreadable files come back as "failed" with a message that names the file and the fix.
 */
public final class ExportOpener {

    /** How many rows above the header are searched for it. */
    static final int HEADER_SEARCH_ROWS = 30;
    /** How many data rows are looked at to decide between d/m/y and m/d/y. */
    static final int DATE_SAMPLE_ROWS = 2000;
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\s*(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-]\\d{2,4}\\b.*");

    private final ProfileCatalog catalog;

    public ExportOpener(ProfileCatalog catalog) {
        this.catalog = catalog;
    }

    /** Opens {@code file} (a workbook at its first recognised sheet); {@code profileOverride} (nullable) forces a profile by name. */
    public OpenedExport open(Path file, String profileOverride) {
        return open(file, null, profileOverride);
    }

    /**
     * Opens {@code file}; for a workbook, {@code sheet} names the sheet to read (null: the first one a profile
     * recognises). {@code profileOverride} (nullable) forces a profile by name.
     */
    public OpenedExport open(Path file, String sheet, String profileOverride) {
        ExportFormat format = ExportFormat.of(file);
        if (format == null) {
            return failed(file, null, "ignored", file.getFileName() + ": not a .csv, .tsv, .txt, .xlsx or .xls file");
        }
        try {
            if (Files.size(file) == 0) {
                return failed(file, format, "failed", file.getFileName() + " is empty (0 bytes)");
            }
            return switch (format) {
                case CSV -> openCsv(file, profileOverride);
                case XLSX, XLS -> openExcel(file, format, sheet, profileOverride);
            };
        } catch (IOException | RuntimeException e) {
            return failed(file, format, "failed", file.getFileName() + ": cannot be read (" + describe(e)
                    + "). Re-export it from the source system or save it again.");
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private OpenedExport openCsv(Path file, String profileOverride) throws IOException {
        CsvLayout layout = CsvExportReader.sniff(file);
        RowSource rows = CsvExportReader.open(file, layout);
        try {
            return locate(file, ExportFormat.CSV, layout.encodingName(), layout.delimiterName(), null, false, rows,
                    profileOverride);
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    private OpenedExport openExcel(Path file, ExportFormat format, String sheet, String profileOverride) throws IOException {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OLE2 && format == ExportFormat.XLSX || magic == FileMagic.OLE2 && isEncrypted(file)) {
            if (isEncrypted(file)) {
                return failed(file, format, "failed", file.getFileName() + " is password-protected."
                        + " Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with"
                        + " Password, clear it), save, and run again; or export the sheet to CSV.");
            }
            format = ExportFormat.XLS;
        }
        if (magic == FileMagic.HTML || magic == FileMagic.XML) {
            return failed(file, format, "failed", file.getFileName() + " is an HTML page saved with an Excel"
                    + " extension (Salesforce does this). Export the report as CSV, or open it in Excel and save"
                    + " as .xlsx.");
        }
        if (magic == FileMagic.OOXML && format == ExportFormat.XLS) {
            format = ExportFormat.XLSX;
        }
        if (magic != FileMagic.OOXML && magic != FileMagic.OLE2) {
            return failed(file, format, "failed", file.getFileName() + ": not a valid Excel workbook (corrupt or"
                    + " another format with an Excel extension). Re-export it, or open it in Excel and save"
                    + " as .xlsx.");
        }
        if (format == ExportFormat.XLSX) {
            var refused = ZipLimits.check(file);
            if (refused.isPresent()) {
                return failed(file, format, "failed", file.getFileName() + " was refused and nothing was loaded from it: "
                        + refused.get() + ". Open it in Excel and save it again, or export the sheet to CSV.");
            }
        }
        try {
            return format == ExportFormat.XLSX ? openXlsx(file, sheet, profileOverride) : openXls(file, sheet, profileOverride);
        } catch (EncryptedDocumentException e) {
            return failed(file, format, "failed", file.getFileName() + " is password-protected."
                    + " Remove the password in Excel and save, or export the sheet to CSV.");
        } catch (IOException | RuntimeException e) {
            return failed(file, format, "failed", file.getFileName() + ": not a valid Excel workbook (" + describe(e)
                    + "). Re-export it, or open it in Excel and save it again as .xlsx.");
        }
    }

    private static boolean isEncrypted(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private OpenedExport openXlsx(Path file, String only, String profileOverride) throws IOException {
        XlsxExportReader workbook = new XlsxExportReader(file);
        try {
            List<String> sheets = only == null ? workbook.sheetNames() : List.of(only);
            for (String sheet : sheets) {
                RowSource rows = closing(workbook.openSheet(sheet), workbook);
                OpenedExport opened = locate(file, ExportFormat.XLSX, null, null, sheet, workbook.date1904(), rows,
                        profileOverride);
                if (opened.loadable() || sheets.size() == 1) {
                    return opened;
                }
                rows.close();
                workbook = new XlsxExportReader(file);
            }
            RowSource rows = closing(workbook.openSheet(sheets.get(0)), workbook);
            OpenedExport first = locate(file, ExportFormat.XLSX, null, null, sheets.get(0), workbook.date1904(),
                    rows, profileOverride);
            return first.withMessage(file.getFileName() + ": no sheet (" + String.join(", ", sheets)
                    + ") has a header a profile recognises; " + first.message());
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private OpenedExport openXls(Path file, String only, String profileOverride) throws IOException {
        XlsExportReader workbook = new XlsExportReader(file);
        List<String> sheets = only == null ? workbook.sheetNames() : List.of(only);
        for (String sheet : sheets) {
            OpenedExport opened = locate(file, ExportFormat.XLS, null, null, sheet, workbook.date1904(),
                    closing(workbook.openSheet(sheet), workbook), profileOverride);
            if (opened.loadable() || sheets.size() == 1) {
                return opened;
            }
        }
        OpenedExport first = locate(file, ExportFormat.XLS, null, null, sheets.get(0), workbook.date1904(),
                closing(workbook.openSheet(sheets.get(0)), workbook), profileOverride);
        return first.withMessage(file.getFileName() + ": no sheet (" + String.join(", ", sheets)
                + ") has a header a profile recognises; " + first.message());
    }

    private static RowSource closing(RowSource rows, AutoCloseable owner) {
        return new RowSource() {
            @Override
            public SourceRow next() throws IOException {
                return rows.next();
            }

            @Override
            public void close() throws IOException {
                try {
                    rows.close();
                } finally {
                    try {
                        owner.close();
                    } catch (Exception e) {
                        // closing a read-only workbook cannot lose data
                    }
                }
            }
        };
    }

    /** A workbook's sheets, split into those a profile recognises (each loaded on its own) and the others. */
    public record WorkbookSheets(List<String> data, List<String> other) {
        static final WorkbookSheets NONE = new WorkbookSheets(List.of(), List.of());
    }

    /**
     * Every sheet of a workbook, looked at one by one: a workbook with one sheet per year, or a summary sheet before
     * the deals, has several sheets worth reading, and each is loaded as its own entry of the inventory. Not a
     * workbook, or one that cannot be read (its opening then says why): none.
     */
    public WorkbookSheets sheets(Path file, String profileOverride) {
        ExportFormat format = ExportFormat.of(file);
        if (format != ExportFormat.XLSX && format != ExportFormat.XLS) {
            return WorkbookSheets.NONE;
        }
        List<String> names;
        try {
            FileMagic magic;
            try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
            // the format its bytes say, whatever the extension; a package the opening refuses is left to it
            if (magic == FileMagic.OOXML) {
                // the workbook part only, through POI's zip limits; the package's own check runs when it is opened
                names = XlsxExportReader.sheetNames(file);
            } else if (magic == FileMagic.OLE2 && !isEncrypted(file)) {
                try (XlsExportReader workbook = new XlsExportReader(file)) {
                    names = workbook.sheetNames();
                }
            } else {
                return WorkbookSheets.NONE;
            }
        } catch (IOException | RuntimeException e) {
            return WorkbookSheets.NONE;
        }
        if (names.size() < 2) {
            return WorkbookSheets.NONE; // one sheet: the ordinary opening reads it, nothing more to look at
        }
        List<String> data = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String sheet : names) {
            try (OpenedExport opened = open(file, sheet, profileOverride)) {
                (opened.loadable() ? data : other).add(sheet);
            } catch (IOException | RuntimeException e) {
                other.add(sheet);
            }
        }
        return new WorkbookSheets(List.copyOf(data), List.copyOf(other));
    }

    private OpenedExport locate(Path file, ExportFormat format, String encoding, String delimiter, String sheet,
                                boolean date1904, RowSource rows, String profileOverride)
            throws IOException {
        List<SourceRow> above = new ArrayList<>();
        SourceRow headerRow = null;
        ResolvedProfile profile = null;
        List<Recognition.Candidate> candidates = List.of();
        SourceRow firstNonBlank = null;
        SourceRow row;
        // The header is the first row some profile reads with confidence (title rows above it are allowed).
        while (above.size() < HEADER_SEARCH_ROWS && (row = rows.next()) != null) {
            above.add(row);
            if (row.isBlank()) {
                continue;
            }
            if (firstNonBlank == null) {
                firstNonBlank = row;
            }
            List<String> names = headerNames(row);
            if (profileOverride != null) {
                var found = catalog.resolve(profileOverride, names, false);
                if (found.isPresent()) {
                    headerRow = row;
                    profile = found.get();
                    break;
                }
                continue;
            }
            List<Recognition.Candidate> read = catalog.candidates(names);
            if (read.stream().anyMatch(c -> c.score() >= Recognition.CONFIDENCE)) {
                headerRow = row;
                candidates = read;
                break;
            }
        }
        Deque<SourceRow> buffered = new ArrayDeque<>();
        IOException readError = null;
        String status = "ok";
        String message = null;
        Recognition recognition = null;
        if (headerRow == null) {
            if (firstNonBlank == null) {
                rows.close();
                return failed(file, format, "ignored", file.getFileName() + ": no header row (the file"
                        + (sheet != null ? "'s sheet " + sheet : "") + " has no data)", encoding, delimiter, sheet);
            }
            headerRow = firstNonBlank;
            List<String> names = headerNames(headerRow);
            if (profileOverride != null) {
                profile = catalog.resolve(profileOverride, names, true).orElse(null);
            } else {
                candidates = catalog.candidates(names);
            }
            // rows after the assumed header are data rows; rows before it were blank
            boolean after = false;
            for (SourceRow r : above) {
                if (after) {
                    buffered.add(r);
                }
                if (r == headerRow) {
                    after = true;
                }
            }
        }
        List<String> header = headerNames(headerRow);
        try {
            while (buffered.size() < ExportRecognizer.SAMPLE_ROWS && (row = rows.next()) != null) {
                buffered.add(row);
            }
        } catch (IOException e) {
            // a read error inside the sample surfaces after the rows before it, like anywhere else
            readError = e;
        }
        if (profileOverride == null) {
            recognition = ExportRecognizer.recognise(candidates, List.copyOf(buffered), date1904);
            profile = recognition.recognised() ? recognition.chosen().resolved() : null;
            if (profile == null) {
                status = "ignored";
                message = recognition.notLoadedMessage(file.getFileName().toString(), header);
                String title = reportTitle(above, SUMMARY_TITLE);
                if (title != null && !recognition.unused()) {
                    message = file.getFileName() + " is a summary report (\"" + title + "\": totals per customer or"
                            + " period, no transactions); it is not loaded, since every figure is computed from"
                            + " transactions. Export the detail report instead (QuickBooks: Sales by Customer Detail;"
                            + " Xero: the sales invoices export); to leave this one out, --exclude \""
                            + file.getFileName() + "\".";
                }
            }
        }
        if (profile != null && !profile.warnings().isEmpty()) {
            message = String.join("; ", profile.warnings());
        }
        // Look ahead at data rows to decide the date order, then replay them.
        DateOrder hint = profile == null ? null : DateOrder.fromHint(profile.profile().dateOrder);
        DateOrder order = hint;
        int dmy = 0;
        int mdy = 0;
        if (profile != null && hint == null) {
            List<Integer> dateColumns = profile.dateOrderColumns();
            try {
                while (readError == null && buffered.size() < DATE_SAMPLE_ROWS && (row = rows.next()) != null) {
                    buffered.add(row);
                }
            } catch (IOException e) {
                readError = e;
            }
            for (SourceRow r : buffered) {
                for (int index : dateColumns) {
                    if (r.cell(index) instanceof String s) {
                        Matcher m = NUMERIC_DATE.matcher(s);
                        if (m.matches()) {
                            if (Integer.parseInt(m.group(1)) > 12) {
                                dmy++;
                            }
                            if (Integer.parseInt(m.group(2)) > 12) {
                                mdy++;
                            }
                        }
                    }
                }
            }
            // the sample's reading; the load decides again from every row of the file (FileConventions)
            order = FileConventions.decide(dmy, mdy, 0, 0, null, false).dateOrder();
        }
        RowSource data = replaying(buffered, rows, readError);
        return new OpenedExport(file, format, encoding, delimiter, sheet, (int) headerRow.rowNumber(), header,
                profile, order == null ? DateOrder.MDY : order, date1904, status, message, data, recognition);
    }

    /**
     * A report's title above its table: "Sales by Customer Summary", "Profit and Loss". An accounting system's summary
     * reports and statements hold totals, not the transactions every metric is computed from; they are not recognised,
     * and what to export instead is more use than a profile draft.
     */
    private static final Pattern SUMMARY_TITLE = Pattern.compile(
            "(?i)^(.{0,60}\\bsummary|profit (and|&) loss\\b.{0,40}|balance sheet\\b.{0,40}|statement of cash flows)$");

    /** The first lone cell of the rows read before a header that matches {@code title}, or null. */
    private static String reportTitle(List<SourceRow> rows, Pattern title) {
        for (SourceRow row : rows) {
            if (row.filledWidth() == 1) {
                String text = io.revlens.ingest.read.ValueCoercer.text(row.cell(0));
                if (text != null && title.matcher(text.strip()).matches()) {
                    return text.strip();
                }
            }
        }
        return null;
    }

    private static RowSource replaying(Deque<SourceRow> buffered, RowSource rest, IOException pending) {
        return new RowSource() {
            @Override
            public SourceRow next() throws IOException {
                if (!buffered.isEmpty()) {
                    return buffered.poll();
                }
                if (pending != null) {
                    throw pending;
                }
                return rest.next();
            }

            @Override
            public void close() throws IOException {
                rest.close();
            }
        };
    }

    static List<String> headerNames(SourceRow row) {
        List<String> names = new ArrayList<>(row.cells().size());
        for (Object cell : row.cells()) {
            String text = ValueCoercer.text(cell);
            names.add(text == null ? "" : text.replace("\uFEFF", ""));
        }
        return names;
    }

    private static OpenedExport failed(Path file, ExportFormat format, String status, String message) {
        return failed(file, format, status, message, null, null, null);
    }

    private static OpenedExport failed(Path file, ExportFormat format, String status, String message,
                                       String encoding, String delimiter, String sheet) {
        return new OpenedExport(file, format, encoding, delimiter, sheet, null, List.of(), null, DateOrder.MDY,
                false, status, message, null);
    }
}
