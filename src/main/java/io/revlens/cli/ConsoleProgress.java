package io.revlens.cli;

import io.revlens.ingest.load.IngestProgress;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints ingest progress on the terminal: which file, rows read so far, rows per second. */
final class ConsoleProgress implements IngestProgress {

    private final PrintWriter out;
    private final boolean quiet;

    ConsoleProgress(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void fileStarted(int index, int count, Path file, String profile) {
        if (!quiet) {
            out.printf("  [%d/%d] %s%s%n", index, count, file.getFileName(), profile == null ? "" : " (" + profile + ")");
        }
    }

    @Override
    public void rowsRead(Path file, long rowsSoFar) {
        if (!quiet) {
            out.printf("        %,d rows ...%n", rowsSoFar);
        }
    }

    @Override
    public void fileRead(Path file, long rowsRead, long elapsedMillis, String status, String message) {
        if (!quiet) {
            double seconds = Math.max(elapsedMillis, 1) / 1000.0;
            out.printf("        %s: %,d rows read in %.1f s (%,.0f rows/s)%s%n", file.getFileName(), rowsRead, seconds,
                    rowsRead / seconds,
                    "loaded".equals(status) ? "" : " — " + status + ": " + message);
        }
    }
}
