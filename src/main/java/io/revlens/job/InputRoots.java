package io.revlens.job;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a job file's {@code inputs} may point into: the project folder (the parent of the job file's
 * folder) plus the folders listed in {@code REVLENS_INPUT_ROOTS} (or the system property
 * {@code revlens.input.roots}), separated by the platform's path separator. A folder a person names with
 * {@code --input} on the command line is not restricted.
 */
public record InputRoots(List<Path> roots) {

    /** Environment variable listing extra allowed input roots. */
    public static final String ENVIRONMENT = "REVLENS_INPUT_ROOTS";
    /** System property with the same meaning (tests, embedding); used when set, instead of the variable. */
    public static final String PROPERTY = "revlens.input.roots";

    /** The roots for a job file in {@code jobFolder}. */
    public static InputRoots forJobFolder(Path jobFolder) {
        List<Path> roots = new ArrayList<>();
        Path folder = jobFolder.toAbsolutePath().normalize();
        roots.add(folder.getParent() != null ? folder.getParent() : folder);
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (configured != null) {
            for (String entry : configured.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    roots.add(Path.of(entry.strip()).toAbsolutePath().normalize());
                }
            }
        }
        return new InputRoots(List.copyOf(roots));
    }

    /** Whether {@code folder} lies inside one of the roots (symbolic links resolved where they exist). */
    public boolean allows(Path folder) {
        Path target = real(folder);
        return roots.stream().map(InputRoots::real).anyMatch(target::startsWith);
    }

    /** The roots for messages. */
    public String describe() {
        return roots.toString();
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }
}
