package io.revlens.ingest.load;

import java.nio.file.Path;

/** Callbacks for showing ingest progress (files done, rows, rows/s); every method may be ignored. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {
    };

    default void fileStarted(int index, int count, Path file, String profile) {
    }

    default void rowsRead(Path file, long rowsSoFar) {
    }

    /**
     * A file's rows are committed. {@code elapsedMillis} is the time spent on this file alone (reading, mapping,
     * writing), not since it was started: files share chunks, so their wall-time spans overlap.
     */
    default void fileRead(Path file, long rowsRead, long elapsedMillis, String status, String message) {
    }
}
