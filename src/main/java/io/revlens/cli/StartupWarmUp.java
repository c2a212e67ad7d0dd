package io.revlens.cli;

import io.revlens.ingest.read.ContentHashes;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.report.ReportRenderer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * While the Spring context starts (mostly one thread's work), a second thread loads what a job needs next:
 * DuckDB's native library, the input files' content hashes and encodings, the built-in export profiles and the
 * job's compiled report templates with Jasper's classes. Nothing waits for it, and a failure here is ignored: the
 * same work runs again where it is needed and reports its own errors.
 *
 * <p>Only DuckDB is loaded before Spring Boot has configured logging. Jasper logs as it loads, and an event
 * logged while Boot resets logback (between the reset and the console appender's return) makes logback print
 * "No appenders present in context [default] for logger …" above the run's output, in about one run in six.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    /** Starts the warm-up; the returned listener, added to the application, lets its logging part go on. */
    static LoggingConfigured begin() {
        return begin(null, List.of());
    }

    /** Also loads the job's compiled report templates from {@code templateCache}, when they are cached. */
    static LoggingConfigured begin(Path templateCache, List<String> templates) {
        return begin(templateCache, templates, List.of());
    }

    /**
     * Also reads the content hashes and encodings of the job's input files ({@link ContentHashes}), which the column
     * check and the load step then find ready.
     */
    static LoggingConfigured begin(Path templateCache, List<String> templates, List<Path> inputs) {
        CountDownLatch logging = new CountDownLatch(1);
        LoggingConfigured listener = new LoggingConfigured(logging::countDown);
        if ("false".equals(System.getProperty("revlens.warmup"))) {
            return listener; // -Drevlens.warmup=false: to measure what it saves
        }
        Thread thread = new Thread(() -> warm(logging, templateCache, templates, inputs), "revlens-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return listener;
    }

    private static void warm(CountDownLatch logging, Path templateCache, List<String> templates, List<Path> inputs) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            connection.isValid(1);
        } catch (Exception | LinkageError e) {
            // the job's own first connection reports any problem
        }
        ContentHashes.prefetch(inputs);
        try {
            if (!logging.await(10, TimeUnit.SECONDS)) {
                return; // Spring did not get that far; the job loads what it needs itself
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
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

    /** Runs its action once Spring Boot's {@link LoggingApplicationListener} has configured logging. */
    static final class LoggingConfigured implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        private final Runnable action;

        LoggingConfigured(Runnable action) {
            this.action = action;
        }

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            action.run();
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }
}
