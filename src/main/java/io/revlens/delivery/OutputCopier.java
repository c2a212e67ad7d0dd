package io.revlens.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Copies a run's outputs (documents, metric CSVs, rejects) into its delivery folder, replacing an earlier copy. */
public final class OutputCopier {

    private OutputCopier() {
    }

    /**
     * Copies each file of {@code files} and every file of the folders in {@code folders} (by name) into
     * {@code target}; each file is written to a temporary name and then moved, so a reader never sees half a file.
     * A copied folder ends up holding exactly the source folder's files: one an earlier copy left that the source no
     * longer has (a CSV this run did not write) is deleted.
     */
    public static void copy(List<Path> files, List<Path> folders, Path target) throws IOException {
        Files.createDirectories(target);
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                copyFile(file, target.resolve(file.getFileName().toString()));
            }
        }
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            Path into = target.resolve(folder.getFileName().toString());
            Files.createDirectories(into);
            java.util.Set<String> names = new java.util.HashSet<>();
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.filter(Files::isRegularFile).sorted().toList()) {
                    names.add(child.getFileName().toString());
                    copyFile(child, into.resolve(child.getFileName().toString()));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            try (Stream<Path> earlier = Files.list(into)) {
                for (Path stale : earlier.filter(Files::isRegularFile)
                        .filter(f -> !names.contains(f.getFileName().toString())).toList()) {
                    Files.deleteIfExists(stale);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** Copies one file via a temporary name in the target folder. */
    public static void copyFile(Path source, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
