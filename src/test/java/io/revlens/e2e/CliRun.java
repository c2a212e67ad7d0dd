package io.revlens.e2e;

import io.revlens.cli.RevLensCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the real command line in-process with its own job-history folder (and extra system properties), capturing what it prints. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Path home, String... args) {
        return of(home, java.util.Map.of(), args);
    }

    /** With system properties set for the run (e.g. revlens.input.roots), restored after it. */
    public static CliRun of(Path home, java.util.Map<String, String> properties, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("revlens.home", home.toAbsolutePath().toString());
        java.util.Map<String, String> previous = new java.util.HashMap<>();
        all.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        try {
            int code = RevLensCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
