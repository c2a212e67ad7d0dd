package io.revlens.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public datasets kept beside the checkout ({@code ../shared/datasets}, or
 * {@code -Drevlens.datasets}); tests that need them are skipped with a message where absent.
 */
final class SharedDatasets {

    private SharedDatasets() {
    }

    static Path require(String name) {
        String configured = System.getProperty("revlens.datasets");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "datasets");
        Path folder = root.resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(folder), "Skipped: dataset folder " + folder
                + " is absent (it sits beside the checkout in CI; set -Drevlens.datasets=DIR to point elsewhere)");
        return folder;
    }
}
