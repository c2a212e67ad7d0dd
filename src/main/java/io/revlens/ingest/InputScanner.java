package io.revlens.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the export files in an input folder. */
public final class InputScanner {

    private InputScanner() {
    }

    /**
     * Export files (.csv .tsv .txt .xlsx .xlsm .xls) under {@code folder}, recursively, sorted by path; hidden
     * files and folders (name starting with "." ) and Excel lock files ("~$...") are skipped.
     */
    public static List<Path> scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Input folder " + folder + " does not exist or is not a folder");
        }
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .filter(p -> ExportFormat.of(p) != null)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("~$")) {
                return true;
            }
        }
        return false;
    }
}
