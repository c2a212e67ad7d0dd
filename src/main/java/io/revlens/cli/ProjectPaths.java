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
        Path home = env != null && !env.isBlank() ? Path.of(env).toAbsolutePath() : root.resolve(".revlens");
        if (java.nio.file.Files.exists(home) && !java.nio.file.Files.isDirectory(home)) {
            throw new io.revlens.job.JobDefinitionException((property != null ? "-Drevlens.home" : env != null ? "REVLENS_HOME" : "The project's .revlens")
                    + " is " + home + ", a file, not a folder: RevLens keeps its job history there; point it at a folder"
                    + " (it is created when missing)");
        }
        return home;
    }
}
