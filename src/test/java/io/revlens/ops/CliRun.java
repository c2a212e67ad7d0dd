package io.revlens.ops;

import io.revlens.cli.RevLensCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process with its own job-history folder (and extra system properties), capturing what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Path home, String... args) {
        return of(home, Map.of(), args);
    }

    static CliRun of(Path home, Map<String, String> properties, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> all = new HashMap<>(properties);
        all.put("revlens.home", home.toAbsolutePath().toString());
        Map<String, String> previous = new HashMap<>();
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
