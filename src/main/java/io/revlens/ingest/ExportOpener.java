package io.revlens.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens an export with the right reader by looking at its bytes, not only its name: an encrypted
 * .xlsx is an OLE2 container, a Salesforce ".xls" is often HTML, a ".csv" may be a workbook.
 */
public final class ExportOpener {

    private ExportOpener() {
    }

    public static TabularSource open(Path file, Predicate<List<String>> acceptsHeader) throws IOException {
        if (Files.size(file) == 0) {
            throw new UnreadableExportException(file + " is empty (0 bytes); export it again from the source system");
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return switch (magic) {
            case OOXML -> new XlsxExportReader(file, acceptsHeader);
            case OLE2 -> {
                if (isEncrypted(file)) {
                    throw new UnreadableExportException(file + " is password-protected (encrypted); remove the password"
                            + " in Excel (File > Info > Protect Workbook > Encrypt with Password) and export it again");
                }
                yield new XlsExportReader(file, acceptsHeader);
            }
            case HTML -> throw new UnreadableExportException(file + " is an HTML page saved with a spreadsheet name"
                    + " (Salesforce's \"Excel\" export does this); export the report as CSV instead");
            default -> {
                if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                    throw new UnreadableExportException(file + " is named like a workbook but is not one (corrupt or"
                            + " truncated); open it in Excel and save it again, or export it as CSV");
                }
                yield new CsvExportReader(file);
            }
        };
    }

    private static boolean isEncrypted(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        }
    }
}
