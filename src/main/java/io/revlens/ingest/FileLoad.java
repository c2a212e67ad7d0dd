package io.revlens.ingest;

import java.nio.file.Path;

/**
 * The state of one file during a load: its id in {@code source_files}, how it was recognised,
 * and its row counts (read = loaded + rejected + skipped once the step ends).
 */
final class FileLoad {

    final int sourceFileId;
    final Path path;
    final String sha256;
    final long sizeBytes;
    TabularSource.Layout layout;
    FileMapping mapping;
    RowMapper rowMapper;
    long rowsRead;
    long rowsSkipped;
    long rowsLoaded;
    long rowsRejected;
    String status = "loaded";
    String message;
    String kind = "unknown";

    FileLoad(int sourceFileId, Path path, String sha256, long sizeBytes) {
        this.sourceFileId = sourceFileId;
        this.path = path;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
    }

    String profileName() {
        return mapping == null ? null : mapping.profile().name();
    }
}
