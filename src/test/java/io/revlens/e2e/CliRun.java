package io.revlens.e2e;

import io.revlens.cli.RevLensCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the real command line in-process with its own job-history folder, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String previous = System.getProperty("revlens.home");
        System.setProperty("revlens.home", home.toAbsolutePath().toString());
        try {
            int code = RevLensCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            if (previous == null) {
                System.clearProperty("revlens.home");
            } else {
                System.setProperty("revlens.home", previous);
            }
        }
    }
}
