package io.revlens.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real command line in a child JVM (same classpath as the tests), for what only a separate
 * process can show: {@code kill -9}, SIGTERM, two processes on one folder or database.
 * Its stdout and stderr go to a log file the test can watch.
 */
final class RevLensProcess implements AutoCloseable {

    /** Generous upper bound for a wait, so a broken build fails instead of hanging; never a timing assertion. */
    static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Process process;
    private final Path log;

    private RevLensProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RevLensProcess start(Path home, Path log, Map<String, String> systemProperties, String... args) throws IOException {
        return startMain("io.revlens.cli.RevLensApplication", home, log, systemProperties, args);
    }

    /** Starts another main class of the test classpath (e.g. a process that holds a file open). */
    static RevLensProcess startMain(String mainClass, Path home, Path log, Map<String, String> systemProperties,
                                    String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-Duser.timezone=UTC");
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.add("-Djava.awt.headless=true");
        // as the launcher runs it: with the context's bean definitions generated at build time (process-aot)
        command.add("-Dspring.aot.enabled=true");
        command.add("-Drevlens.home=" + home.toAbsolutePath());
        command.add("-Drevlens.project=" + Path.of("").toAbsolutePath());
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new RevLensProcess(process, log);
    }

    static RevLensProcess start(Path home, Path log, String... args) throws IOException {
        return start(home, log, Map.of(), args);
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits until the output satisfies {@code condition}; false if the process ended (or patience ran out) first. */
    boolean awaitOutput(Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(output())) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.test(output());
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Waits until the file exists; false if the process ended first. */
    boolean awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                return true;
            }
            if (!process.isAlive()) {
                return Files.exists(file);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** {@code kill -9}: no shutdown hook, no cleanup, like a power cut for this process. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** SIGTERM, as systemd or {@code kill} sends it; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
            throw new IllegalStateException("process did not stop after SIGTERM");
        }
        return process.exitValue();
    }

    int waitForExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
            throw new IllegalStateException("process did not end");
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
