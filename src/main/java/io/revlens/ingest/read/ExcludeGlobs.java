package io.revlens.ingest.read;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/**
 * The files a user leaves out of a run ({@code exclude:} in the job file, {@code --exclude GLOB}): a glob matches
 * a file's path relative to its input folder or its bare name, ignoring case ({@code Campaign*.csv},
 * {@code archive/**}). Excluded files are not read; the inventory lists them as excluded.
 */
public final class ExcludeGlobs {

    private final List<String> globs;
    private final List<PathMatcher> matchers;

    private ExcludeGlobs(List<String> globs, List<PathMatcher> matchers) {
        this.globs = globs;
        this.matchers = matchers;
    }

    /** @throws IllegalArgumentException naming a glob that is not valid glob syntax */
    public static ExcludeGlobs of(List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.strip().toLowerCase(Locale.ROOT)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("exclude '" + glob + "' is not a valid glob (" + e.getDescription()
                        + "); examples: 'Campaign*.csv', 'archive/**'");
            }
        }
        return new ExcludeGlobs(List.copyOf(globs), List.copyOf(matchers));
    }

    public static ExcludeGlobs none() {
        return new ExcludeGlobs(List.of(), List.of());
    }

    /** The glob that leaves {@code file} (under {@code root}) out, or null when none does. */
    public String matching(Path root, Path file) {
        Path relative = Path.of(root.relativize(file).toString().toLowerCase(Locale.ROOT));
        Path name = Path.of(file.getFileName().toString().toLowerCase(Locale.ROOT));
        for (int i = 0; i < matchers.size(); i++) {
            if (matchers.get(i).matches(relative) || matchers.get(i).matches(name)) {
                return globs.get(i);
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }
}
