package io.revlens.ingest.load;

import io.revlens.ingest.map.RowMapper;
import io.revlens.ingest.recognise.OpenedExport;
import io.revlens.ingest.read.CsvLineScan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file being ingested: what detection found, the row mapper, and the running accounting the writer
 * keeps (reset whenever the file is re-read from its start).
 */
final class FileSlot {

    final int index;
    final int total;
    final Path file;
    final OpenedExport opened;
    /** Empty until known for a bulk file (its scan runs while DuckDB reads the file). */
    String sha256;
    final long size;
    final RowMapper mapper;
    /** Set by the reader at the end of the file: how many data rows it emitted. */
    long rowsEmitted = -1;
    /** Whether the writer loads this file whole ({@link BulkCsvLoad}, or row by row when DuckDB cannot). */
    boolean bulk;
    /** For a bulk file: its byte scan (lines, quoting, edges), on the reader's scan thread after the hash. */
    java.util.concurrent.CompletableFuture<CsvLineScan> scan;
    /** For a bulk file: its SHA-256, on the reader's scan thread (started when the file was opened). */
    java.util.concurrent.CompletableFuture<String> hash;
    /**
     * What a load of this file replaces: null, everything an earlier load of its path left; else that workbook
     * sheet's rows only (a later data sheet of the same workbook, read after the first).
     */
    String replacesSheet;
    /** Set by the reader when reading stopped early. */
    String readError;

    /** The earlier load kept instead of loading the file again (unchanged since), or null. */
    EarlierLoads.Load kept;
    /** The load key of this file's load given its content hash (null when it cannot be known). */
    java.util.function.UnaryOperator<String> loadKey;

    Integer sourceFileId;
    String finalStatus;
    String finalMessage;
    /**
     * Time the reader, processor and writer spent on this file, summed. Several files share a chunk (the
     * reader reads them all before the writer writes any), so the wall time from a file's first touch to its
     * last would count the others' work too.
     */
    long busyNanos;
    long read;
    long loaded;
    long rejected;
    long skipped;
    /** Stage label to [deals, won deals, lost deals] seen on loaded rows (a stage only in history: all 0). */
    final Map<String, long[]> stages = new LinkedHashMap<>();
    /** The rows that skip a document for its status or type (skipped_documents), with their reasons. */
    final java.util.List<io.revlens.ingest.map.MappedRow> skippedDocuments = new java.util.ArrayList<>();

    FileSlot(int index, int total, Path file, OpenedExport opened, String sha256, long size, RowMapper mapper) {
        this.index = index;
        this.total = total;
        this.file = file;
        this.opened = opened;
        this.sha256 = sha256;
        this.size = size;
        this.mapper = mapper;
    }

    /** Adds the time since {@code startedNanos} (a {@link System#nanoTime()}) to this file's {@link #busyNanos}. */
    void spentSince(long startedNanos) {
        busyNanos += System.nanoTime() - startedNanos;
    }
}
