package io.revlens.ingest.load;

import io.revlens.ingest.read.ContentHashes;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.recognise.ProfileOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input files that are byte for byte what an earlier run loaded completely into this database, with the same
 * profiles, override and RevLens build (the load key, {@link EarlierLoads}): recognising one again would give the
 * same header and profile, so the column check has nothing to compare. Files are hashed only when their size is
 * the one loaded before, and the hash is the one the load step uses ({@link ContentHashes}).
 */
public final class UnchangedFiles {

    private UnchangedFiles() {
    }

    /** @param profileOverrides file name (or glob) to profile name, as the job gives them */
    public static Set<Path> of(Path databaseFile, ProfileCatalog catalog, List<Path> files,
                               Map<String, String> profileOverrides) {
        Set<Path> unchanged = new HashSet<>();
        EarlierLoads earlier = EarlierLoads.read(databaseFile, catalog);
        if (earlier.isEmpty()) {
            return unchanged;
        }
        for (Path file : files) {
            try {
                long size = Files.size(file);
                if (earlier.sameAsLoaded(file, size, () -> hash(file), ProfileOverrides.forFile(profileOverrides, file))) {
                    unchanged.add(file);
                }
            } catch (IOException e) {
                // unreadable: the check and the load report it
            }
        }
        return unchanged;
    }

    private static String hash(Path file) {
        try {
            return ContentHashes.sha256(file);
        } catch (IOException e) {
            return "";
        }
    }
}
