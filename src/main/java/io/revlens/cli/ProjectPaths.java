package io.revlens.cli;

import java.nio.file.Path;

/**
 * Where the project's own folders are. The {@code ./revlens} launcher passes the checkout's root
 * as {@code -Drevlens.project}; without it the current directory is used.
 */
record ProjectPaths(Path root) {

    static ProjectPaths detect() {
        String root = System.getProperty("revlens.project");
        return new ProjectPaths(Path.of(root == null ? "." : root).toAbsolutePath().normalize());
    }

    Path jobs() {
        return root.resolve("jobs");
    }

    Path sampleData() {
        return root.resolve("sample-data");
    }

    Path defaultOut(String name) {
        return root.resolve("out").resolve(name);
    }

    /**
     * State shared between runs (job history, template cache): {@code -Drevlens.home} or
     * {@code REVLENS_HOME}, else {@code .revlens/} in the project.
     */
    Path home() {
        String property = System.getProperty("revlens.home");
        String env = property != null ? property : System.getenv("REVLENS_HOME");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath() : root.resolve(".revlens");
    }
}
