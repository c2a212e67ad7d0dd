package io.revlens.ingest.recognise;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Map;

/** The profile a job or command names for a file (by file name, path or glob), used instead of recognising it. */
public final class ProfileOverrides {

    private ProfileOverrides() {
    }

    /** The profile name {@code overrides} give {@code file}, or null when none matches. */
    public static String forFile(Map<String, String> overrides, Path file) {
        String name = file.getFileName().toString();
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            String key = entry.getKey();
            if (key.equals(name) || file.toString().equals(key) || file.toString().endsWith("/" + key)) {
                return entry.getValue();
            }
            try {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + key);
                if (matcher.matches(file.getFileName()) || matcher.matches(file)) {
                    return entry.getValue();
                }
            } catch (IllegalArgumentException e) {
                // not a glob: only exact names match
            }
        }
        return null;
    }
}
