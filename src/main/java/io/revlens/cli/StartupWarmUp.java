package io.revlens.cli;

import io.revlens.ingest.ProfileCatalog;
import io.revlens.report.ReportRenderer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * While the Spring context starts (about 1.5 s on one core), a second thread loads what a job needs next:
 * DuckDB's native library (0.2-0.3 s), the built-in export profiles and the job's compiled report templates
 * with Jasper's classes. Nothing waits for it, and a failure here is ignored: the same work runs again where
 * it is needed and reports its own errors.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void begin() {
        begin(null, List.of());
    }

    /** Also loads the job's compiled report templates from {@code templateCache}, when they are cached. */
    static void begin(Path templateCache, List<String> templates) {
        if ("false".equals(System.getProperty("revlens.warmup"))) {
            return; // -Drevlens.warmup=false: to measure what it saves
        }
        Thread thread = new Thread(() -> warm(templateCache, templates), "revlens-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void warm(Path templateCache, List<String> templates) {
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
        if (templateCache != null) {
            try {
                new ReportRenderer(templateCache).preloadCached(templates);
            } catch (RuntimeException | LinkageError e) {
                // the render step loads (or compiles) the templates again and reports any error
            }
        }
    }
}
