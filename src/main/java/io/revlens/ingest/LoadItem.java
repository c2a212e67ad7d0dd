package io.revlens.ingest;

/**
 * What flows through the load step: a file's physical row (before processing), its mapped row (after),
 * or the marker that the file has ended ({@code row} and {@code mapped} both null).
 */
record LoadItem(FileSlot slot, SourceRow row, MappedRow mapped) {

    boolean isFileEnd() {
        return row == null && mapped == null;
    }
}
