package io.revlens.cli;

import io.revlens.ingest.ProfileCatalog;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * While the Spring context starts (about 1.5 s on one core), a second thread loads what every job needs next:
 * DuckDB's native library (0.2-0.3 s) and the built-in export profiles. Nothing depends on it finishing, and
 * a failure here is ignored: the same work runs again where it is needed and reports its own errors.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void begin() {
        Thread thread = new Thread(StartupWarmUp::warm, "revlens-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void warm() {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            connection.isValid(1);
        } catch (Exception | LinkageError e) {
            // the job's own first connection reports any problem
        }
        try {
            ProfileCatalog.builtIn();
        } catch (RuntimeException e) {
            // as above: the ingest step reports a broken profile
        }
    }
}
