package io.revlens.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Lists the export files of a folder: CSV/TSV/TXT and Excel files, recursively, in a stable order. */
public final class InputScanner {

    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".xlsx", ".xls");

    private InputScanner() {
    }

    public static List<Path> scan(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !isHidden(folder.relativize(f)))
                    .filter(f -> EXTENSIONS.stream().anyMatch(ext -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** Dot files and folders, and Excel's "~$" lock files. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("~$")) {
                return true;
            }
        }
        return false;
    }
}
