package io.revlens.ingest.map;

/** Why one row (or one value in it) could not be loaded. {@code column} is the export's header name. */
public record Reject(long rowNumber, String column, String rawValue, String reason) {
}
