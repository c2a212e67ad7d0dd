package io.revlens.ingest.load;

import io.revlens.ingest.map.RowMapper;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.recognise.ProfileOverrides;
import io.revlens.ingest.recognise.ResolvedProfile;
import io.revlens.ingest.recognise.ExportOpener;
import io.revlens.ingest.recognise.OpenedExport;
import io.revlens.ingest.read.FileConventions;
import io.revlens.ingest.read.DateOrder;
import io.revlens.ingest.read.ExportFormat;
import io.revlens.ingest.read.CsvLineScan;
import io.revlens.ingest.read.SourceRow;
import io.revlens.ingest.read.RowSource;
import io.revlens.model.CanonicalTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of all files in sequence, each file's rows followed by an end-of-file item. Its position
 * in the ExecutionContext is the index of the file in progress: after a restart that file is read again
 * from its start and the writer replaces what it had loaded, so no row is lost or duplicated.
 */
final class ExportRowReader implements ItemStreamReader<LoadItem> {

    private static final Logger log = LoggerFactory.getLogger(ExportRowReader.class);
    static final String FILE_INDEX_KEY = "revlens.ingest.fileIndex";
    /** Which data sheet of the workbook in progress (0 for any other file). */
    static final String SHEET_INDEX_KEY = "revlens.ingest.sheetIndex";

    private final List<Path> files;
    private final Map<String, String> profileOverrides;
    private final ExportOpener opener;
    private final boolean bulkCsv;
    private final ProfileCatalog catalog;
    /** The run's database, whose earlier loads of unchanged files are kept (null: every file is loaded). */
    private final Path databaseFile;
    private EarlierLoads earlier = EarlierLoads.NONE;
    /** Files whose first sheet's earlier load is kept: only then can their later sheets' loads be kept too. */
    private final java.util.Set<Integer> keptFiles = new java.util.HashSet<>();
    /** Files kept without being opened ({@link #keptUnopened}): their sheets are those loaded before. */
    private final java.util.Set<Integer> unopenedFiles = new java.util.HashSet<>();
    private int fileIndex;
    private int sheetIndex;
    private FileSlot current;
    /** The sheets of each workbook by file index (a cache: the same file gives the same sheets). */
    private final Map<Integer, ExportOpener.WorkbookSheets> sheets = new java.util.HashMap<>();
    private long emitted;
    /**
     * Content hashes of the files by index (a cache, not restart state). A file's hash starts when the file is
     * opened, or when the step opens for its first file, on another thread: it then overlaps the single-threaded
     * work before DuckDB reads the file (opening the database, detecting the file's layout) instead of DuckDB's read.
     */
    private final Map<Integer, java.util.concurrent.CompletableFuture<String>> hashes = new java.util.HashMap<>();

    /** @param bulkCsv whether plain CSV files are handed whole to the writer for DuckDB's reader */
    ExportRowReader(List<Path> files, Map<String, String> profileOverrides, ProfileCatalog catalog, boolean bulkCsv) {
        this(files, profileOverrides, catalog, bulkCsv, null);
    }

    /** @param databaseFile the run's database: files loaded into it before and unchanged since are not loaded again */
    ExportRowReader(List<Path> files, Map<String, String> profileOverrides, ProfileCatalog catalog, boolean bulkCsv,
                    Path databaseFile) {
        this.bulkCsv = bulkCsv;
        this.catalog = catalog;
        this.databaseFile = databaseFile;
        this.files = List.copyOf(files);
        this.profileOverrides = profileOverrides == null ? Map.of() : Map.copyOf(profileOverrides);
        this.opener = new ExportOpener(catalog);
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        fileIndex = context.containsKey(FILE_INDEX_KEY) ? context.getInt(FILE_INDEX_KEY) : 0;
        sheetIndex = context.containsKey(SHEET_INDEX_KEY) ? context.getInt(SHEET_INDEX_KEY) : 0;
        if (fileIndex < files.size()) {
            hashing(fileIndex);
        }
        if (databaseFile != null) {
            earlier = EarlierLoads.read(databaseFile, catalog);
        }
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(FILE_INDEX_KEY, fileIndex);
        context.putInt(SHEET_INDEX_KEY, sheetIndex);
    }

    @Override
    public LoadItem read() {
        long started = System.nanoTime();
        LoadItem item = next();
        if (item != null) {
            item.slot().spentSince(started);
        }
        return item;
    }

    private LoadItem next() {
        if (current == null) {
            if (fileIndex >= files.size()) {
                return null;
            }
            long started = System.nanoTime();
            current = openSlot(fileIndex);
            log.debug("{}: opened in {} ms", current.file.getFileName(), (System.nanoTime() - started) / 1_000_000);
            emitted = 0;
            if (current.kept != null) {
                // Unchanged since its earlier load: that load stays, and the writer only says so.
                closeQuietly(current.opened);
                FileSlot ended = current;
                ended.rowsEmitted = ended.kept.read();
                current = null;
                advance();
                return new LoadItem(ended, null, null);
            }
            if (current.scan != null) {
                // The writer loads the file (and reads its rows itself if DuckDB cannot); it closes it.
                current.bulk = true;
                return LoadItem.bulk(current);
            }
        }
        if (current.bulk) {
            FileSlot ended = current;
            current = null;
            advance();
            return new LoadItem(ended, null, null);
        }
        OpenedExport opened = current.opened;
        if (opened.rows() != null) {
            try {
                SourceRow row = opened.rows().next();
                if (row != null) {
                    emitted++;
                    return new LoadItem(current, row, null);
                }
            } catch (IOException | RuntimeException e) {
                current.readError = "reading stopped after " + emitted + " data rows: " + e.getMessage();
                log.warn("{}: {}", current.file, current.readError);
            }
        }
        closeQuietly(opened);
        FileSlot ended = current;
        ended.rowsEmitted = emitted;
        current = null;
        advance();
        return new LoadItem(ended, null, null);
    }

    /** On to the workbook's next data sheet, else the next file. */
    private void advance() {
        if (sheetIndex + 1 < sheetsOf(fileIndex).data().size()) {
            sheetIndex++;
        } else {
            fileIndex++;
            sheetIndex = 0;
        }
    }

    private ExportOpener.WorkbookSheets sheetsOf(int index) {
        return sheets.computeIfAbsent(index, i -> opener.sheets(files.get(i), overrideFor(files.get(i))));
    }

    /**
     * Opens the file at {@code index}: a workbook with several data sheets at the sheet in progress, its message
     * naming every data sheet (each is loaded as its own entry) and the sheets no profile recognises.
     */
    private OpenedExport openExport(int index, String override) {
        Path file = files.get(index);
        ExportOpener.WorkbookSheets workbook = sheetsOf(index);
        if (workbook.data().size() < 2) {
            return opener.open(file, override);
        }
        String sheet = workbook.data().get(sheetIndex);
        OpenedExport opened = opener.open(file, sheet, override);
        String note = "data sheet " + (sheetIndex + 1) + " of " + workbook.data().size() + " of this workbook ("
                + String.join(", ", workbook.data()) + "), each loaded on its own"
                + (workbook.other().isEmpty() ? "" : "; not read, no header a profile recognises: "
                + String.join(", ", workbook.other()));
        return opened.withMessage(opened.message() == null ? note : opened.message() + "; " + note);
    }

    private FileSlot openSlot(int index) {
        Path file = files.get(index);
        java.util.concurrent.CompletableFuture<String> hash = hashing(index);
        String override = overrideFor(file);
        EarlierLoads.Load unopened = keptUnopened(index, override);
        if (unopened != null) {
            // Byte for byte the file loaded before with the same profiles: recognising it again would say what the
            // earlier load recorded, so it is not opened.
            OpenedExport none = new OpenedExport(file, ExportFormat.of(file), null, null, unopened.sheet(), null, List.of(),
                    null, DateOrder.MDY, false, "ok", null, null);
            FileSlot slot = new FileSlot(index, files.size(), file.toAbsolutePath().normalize(), none, unopened.sha256(),
                    unopened.size(), null);
            slot.kept = unopened;
            return slot;
        }
        OpenedExport opened;
        try {
            opened = openExport(index, override);
        } catch (IllegalArgumentException e) {
            // unknown profile name in an override
            opened = new OpenedExport(file, ExportFormat.of(file), null, null, null, null, List.of(), null,
                    DateOrder.MDY, false, "failed", file.getFileName() + ": " + e.getMessage(), null);
        }
        Integer original = opened.loadable() ? earlierCopy(index) : null;
        if (original != null) {
            // Same bytes under another name: read and count its rows as skipped so nothing is loaded twice.
            opened = new OpenedExport(opened.file(), opened.format(), opened.encoding(), opened.delimiter(),
                    opened.sheet(), opened.headerRow(), opened.header(), opened.profile(), opened.dateOrder(),
                    opened.date1904(), "ignored", file.getFileName() + " is a duplicate of "
                    + files.get(original).getFileName() + " (same content, sha256 " + hash(index).substring(0, 12)
                    + "…): its rows are skipped, not loaded twice; remove one of the copies", opened.rows());
        }
        EarlierLoads.Load kept = original == null && opened.loadable() ? keptLoad(index, opened, override) : null;
        if (kept != null) {
            FileSlot slot = new FileSlot(index, files.size(), file.toAbsolutePath().normalize(), opened, kept.sha256(),
                    kept.size(), null);
            slot.kept = kept;
            return slot;
        }
        if (sheetIndex == 0) {
            keptFiles.remove(index);
        }
        RowMapper mapper = opened.loadable()
                ? new RowMapper(opened.profile(), opened.dateOrder(), opened.date1904(),
                opened.format() == ExportFormat.CSV)
                : null;
        long size;
        String sha;
        java.util.concurrent.CompletableFuture<CsvLineScan> scan = null;
        try {
            size = Files.size(file);
            if (bulkCsv && mapper != null && BulkCsvLoad.ineligible(opened) == null) {
                // What decides whether DuckDB may read the file, found while DuckDB reads it (after the hash).
                char delimiter = opened.delimiter().equals("tab") ? '\t' : opened.delimiter().charAt(0);
                scan = onScanThread(file, "line scan", () -> CsvLineScan.of(file, delimiter));
                sha = "";
            } else {
                sha = hash(index);
                if (mapper != null) {
                    // Row by row: how the file writes dates and amounts is decided from all its rows first.
                    mapper.useConventions(conventionsOf(file, override, opened));
                }
            }
        } catch (IOException e) {
            size = 0;
            sha = "";
        }
        FileSlot slot = new FileSlot(index, files.size(), file.toAbsolutePath().normalize(), opened, sha, size, mapper);
        // The first sheet read replaces all an earlier load of the file left; a later one only its own sheet's.
        slot.replacesSheet = sheetIndex == 0 ? null : opened.sheet();
        slot.scan = scan;
        slot.hash = scan == null ? null : hash;
        slot.loadKey = sha256 -> earlier.loadKey(sha256, override);
        return slot;
    }

    /**
     * The earlier load of this file (or workbook sheet) when it can be kept instead of loading the file again
     * ({@link EarlierLoads}), else null. The file's hash is awaited only when its size is the one loaded before.
     */
    private EarlierLoads.Load keptLoad(int index, OpenedExport opened, String override) {
        if (earlier.isEmpty() || (sheetIndex > 0 && !keptFiles.contains(index))) {
            return null;
        }
        EarlierLoads.Load load = earlier.at(files.get(index).toAbsolutePath().normalize().toString(), opened.sheet());
        if (load == null || !load.complete() || load.size() != size(index)
                || !java.util.Objects.equals(load.kind(), opened.kind())
                || !java.util.Objects.equals(load.profile(), opened.profileName())) {
            return null;
        }
        String sha = hash(index);
        if (sha.isEmpty() || !sha.equals(load.sha256())
                || !java.util.Objects.equals(earlier.loadKey(sha, override), load.loadKey())) {
            return null;
        }
        if ("opportunities".equals(load.kind()) && !earlier.referencesSteady(files, this::hash, this::overrideFor)) {
            return null;
        }
        if (sheetIndex == 0) {
            keptFiles.add(index);
        }
        return load;
    }

    /**
     * The earlier load of a file (of the sheet in progress of a workbook) that can be kept without opening the file:
     * every earlier load of this path is complete, of this size, content and load key (the same profiles, override
     * and build recognise the same bytes the same way), the file is no copy of an earlier input, and for deals the
     * exports naming them are unchanged. A workbook's sheets are then the ones loaded before, in their order. Else
     * null, and the file is opened ({@link #keptLoad} may still keep it).
     */
    private EarlierLoads.Load keptUnopened(int index, String override) {
        Path file = files.get(index);
        String path = file.toAbsolutePath().normalize().toString();
        if (sheetIndex > 0) {
            return unopenedFiles.contains(index) ? earlier.at(path, sheetsOf(index).data().get(sheetIndex)) : null;
        }
        if (earlier.isEmpty() || ExportFormat.of(file) == null) {
            return null;
        }
        List<EarlierLoads.Load> loads = earlier.allAt(path);
        boolean workbook = ExportFormat.of(file) != ExportFormat.CSV;
        if (loads.isEmpty() || (!workbook && loads.get(0).sheet() != null)
                || !earlier.sameAsLoaded(file, size(index), () -> hash(index), override) || earlierCopy(index) != null) {
            return null;
        }
        if (loads.stream().anyMatch(load -> "opportunities".equals(load.kind()))
                && !earlier.referencesSteady(files, this::hash, this::overrideFor)) {
            return null;
        }
        if (workbook) {
            if (loads.stream().anyMatch(load -> load.sheet() == null)) {
                return null;
            }
            sheets.put(index, new ExportOpener.WorkbookSheets(loads.stream().map(EarlierLoads.Load::sheet).toList(), List.of()));
        }
        unopenedFiles.add(index);
        keptFiles.add(index);
        return loads.get(0);
    }

    /**
     * How the whole file writes dates and amounts (FileConventions), read in a pass over every row before the rows
     * are mapped; the sample's decision when the file cannot be read again (the load then reports why).
     */
    private FileConventions conventionsOf(Path file, String override, OpenedExport opened) {
        ResolvedProfile profile = opened.profile();
        DateOrder hint = DateOrder.fromHint(profile.profile().dateOrder);
        FileConventions.Evidence evidence = new FileConventions.Evidence();
        List<Integer> dates = new java.util.ArrayList<>();
        List<Integer> amounts = new java.util.ArrayList<>();
        dates.addAll(profile.dateOrderColumns());
        for (CanonicalTable.Column column : profile.table().columns()) {
            if (column.type() == CanonicalTable.ColumnType.AMOUNT || column.type() == CanonicalTable.ColumnType.QUANTITY) {
                amounts.addAll(profile.indexes(column.name()));
            }
        }
        try (OpenedExport again = opener.open(file, opened.sheet(), override)) {
            RowSource rows = again.rows();
            for (SourceRow row = rows == null ? null : rows.next(); row != null; row = rows.next()) {
                for (int i : dates) {
                    evidence.date(row.cell(i));
                }
                for (int i : amounts) {
                    evidence.amount(row.cell(i));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new FileConventions(opened.dateOrder(), profile.profile().decimalComma, false);
        }
        return evidence.decide(hint, profile.profile().decimalComma);
    }

    /** The file's SHA-256, or "" when it cannot be read (the opening reports why). */
    private String hash(int index) {
        try {
            return hashing(index).join();
        } catch (java.util.concurrent.CompletionException e) {
            return "";
        }
    }

    private java.util.concurrent.CompletableFuture<String> hashing(int index) {
        return hashes.computeIfAbsent(index, i -> onScanThread(files.get(i), "sha256", () -> sha256(files.get(i))));
    }

    /** Work on a file that may fail to read. */
    private interface FileWork<T> {
        T run() throws IOException;
    }

    /** Runs the work on the scan thread; its time goes to the debug log (where the bulk load's statements are). */
    private <T> java.util.concurrent.CompletableFuture<T> onScanThread(Path file, String what, FileWork<T> work) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                return work.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                log.debug("{}: {} in {} ms", file.getFileName(), what, (System.nanoTime() - started) / 1_000_000);
            }
        }, scans());
    }

    /**
     * One background thread per reader for its hashes and line scans, in the order they are asked for: on two
     * cores a second one would only take CPU from DuckDB. Daemon, so a job that ends early does not wait for it;
     * started when first needed and shut down by {@link #close}.
     */
    private java.util.concurrent.ExecutorService scans;

    private java.util.concurrent.ExecutorService scans() {
        if (scans == null || scans.isShutdown()) {
            scans = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "revlens-file-scan");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scans;
    }

    /**
     * The index of the first earlier file with the same contents, or null. Sizes are compared first, so files
     * are hashed here only when an earlier file has exactly the same size.
     */
    private Integer earlierCopy(int index) {
        long size = size(index);
        for (int i = 0; i < index; i++) {
            if (size >= 0 && size(i) == size && !hash(index).isEmpty() && hash(index).equals(hash(i))) {
                return i;
            }
        }
        return null;
    }

    private long size(int index) {
        try {
            return Files.size(files.get(index));
        } catch (IOException e) {
            return -1;
        }
    }

    private String overrideFor(Path file) {
        return ProfileOverrides.forFile(profileOverrides, file);
    }

    static String sha256(Path file) throws IOException {
        return io.revlens.ingest.read.ContentHashes.sha256(file);
    }

    private static void closeQuietly(OpenedExport opened) {
        try {
            opened.close();
        } catch (IOException e) {
            log.debug("closing {}", opened.file(), e);
        }
    }

    @Override
    public void close() throws ItemStreamException {
        if (current != null) {
            closeQuietly(current.opened);
            current = null;
        }
        if (scans != null) {
            scans.shutdown();
        }
    }
}
