package io.revlens.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the export files in an input folder. */
public final class InputScanner {

    private InputScanner() {
    }

    /**
     * Export files (.csv .tsv .txt .xlsx .xlsm .xls) under {@code folder}, recursively, sorted by path; hidden
     * files and folders (name starting with "." ) and Excel lock files ("~$...") are skipped, and so are the
     * {@link #refused} ones.
     */
    public static List<Path> scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Input folder " + folder + " does not exist or is not a folder");
        }
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> paths = Files.walk(root)) {
            Map<Path, String> refused = refused(root);
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .filter(p -> ExportFormat.of(p) != null)
                    .filter(p -> !refused.containsKey(p) && outputFolderOf(root, p) == null)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /**
     * The files of an input folder that look like exports but are not read, each with why: a symbolic link that
     * leads outside the folder (its real path, every link resolved), a link that leads nowhere, a FIFO, socket or
     * device, a file that cannot be read, and anything inside a RevLens output folder (one holding revlens.duckdb:
     * an output folder put inside the input folder would otherwise be read as exports).
     */
    public static Map<Path, String> refused(Path folder) {
        Map<Path, String> refused = new LinkedHashMap<>();
        Path root = folder.toAbsolutePath().normalize();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return refused;
        }
        Map<Path, Integer> outputFiles = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted().toList()) {
                Path relative = root.relativize(p);
                if (p.equals(root) || hidden(relative) || ExportFormat.of(p) == null || Files.isDirectory(p)) {
                    continue;
                }
                String name = relative.toString();
                Path outputFolder = outputFolderOf(root, p);
                if (outputFolder != null) {
                    // One entry per output folder, not one per metric CSV in it.
                    int files = outputFiles.merge(outputFolder, 1, Integer::sum);
                    refused.put(outputFolder, root.relativize(outputFolder) + " is a RevLens output folder (it holds"
                            + " revlens.duckdb): its " + files + " file(s) are RevLens's own outputs, not read as exports;"
                            + " keep the output folder outside the input folder");
                } else if (!Files.exists(p)) {
                    refused.put(p, name + " is a symbolic link to a file that does not exist: not read; fix or remove the link");
                } else if (!Files.isRegularFile(p)) {
                    refused.put(p, name + " is not a regular file (a FIFO, socket or device): not read");
                } else if (!p.toRealPath().startsWith(realRoot)) {
                    refused.put(p, name + " is a symbolic link to " + p.toRealPath() + ", outside the input folder: not"
                            + " read (copy the file into the folder to use it)");
                } else if (!Files.isReadable(p)) {
                    refused.put(p, name + " cannot be read (permissions): not read; make it readable");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return refused;
    }

    /** The outermost folder between {@code root} and the file that holds a revlens.duckdb, or null. */
    private static Path outputFolderOf(Path root, Path file) {
        Path found = null;
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            if (Files.exists(dir.resolve("revlens.duckdb"))) {
                found = dir;
            }
        }
        return found;
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
