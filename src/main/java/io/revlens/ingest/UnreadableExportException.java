package io.revlens.ingest;

/** A file that cannot be read as an export; the message names the file and says what to do. */
public class UnreadableExportException extends RuntimeException {
    public UnreadableExportException(String message) {
        super(message);
    }

    public UnreadableExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
