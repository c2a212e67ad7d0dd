package io.revlens.ingest;

import java.nio.file.Path;

/** Callbacks the CLI can use to print ingest progress (files done, rows per second). */
public interface IngestProgress {

    /** A file's first rows are about to be written; {@code index} is 0-based among {@code total} files. */
    default void fileStarted(Path file, int index, int total) {
    }

    /** After each committed chunk: rows of {@code file} processed so far. */
    default void rowsProcessed(Path file, long rowsSoFar) {
    }

    /** A file is finished (loaded, failed or ignored), with its final accounting. */
    default void fileDone(Path file, FileSummary summary) {
    }

    /** No output. */
    IngestProgress NONE = new IngestProgress() {
    };

    /** The accounting of one file as written to source_files. */
    record FileSummary(String profile, String kind, String status, String message, long rowsRead, long rowsLoaded,
                       long rowsRejected, long rowsSkipped) {
    }
}
