package io.revlens.ingest;

/** A raw row with the file it came from: what the ingest reader hands to the processor. */
record SourceRow(FileLoad file, RawRow row) {
}
