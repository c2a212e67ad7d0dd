package io.revlens.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of an input file, read once per run: the column check and the load step both need it (an unchanged
 * file is neither recognised nor loaded again), and a file is not read twice for it; the start-up warm-up reads it
 * ahead while Spring starts. A hash is remembered for the file's path, size and modification time, only when those
 * did not change while it was read, and only until the run ends ({@link #forget}, called by the job runner).
 */
public final class ContentHashes {

    /** A run over a folder of more files than this remembers only the latest ones. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Stamp(Path path, long size, java.nio.file.attribute.FileTime modified) {
    }

    /** Each file's hash, or its computation while one thread reads the file and others wait for it. */
    private static final Map<Stamp, CompletableFuture<String>> KNOWN = new ConcurrentHashMap<>();

    private ContentHashes() {
    }

    public static String sha256(Path file) throws IOException {
        Stamp before = stamp(file);
        CompletableFuture<String> mine = new CompletableFuture<>();
        if (KNOWN.size() >= MAX_REMEMBERED) {
            KNOWN.clear();
        }
        CompletableFuture<String> known = KNOWN.putIfAbsent(before, mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return read(file); // the other reader failed: this one reports its own error
            }
        }
        try {
            String hash = read(file);
            mine.complete(hash);
            if (!before.equals(stamp(file))) {
                KNOWN.remove(before, mine); // changed while read: not the hash of any later state
            }
            return hash;
        } catch (IOException | RuntimeException e) {
            KNOWN.remove(before, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Forgets every hash: at the end of a run, and before each load of the ingest benchmark. */
    public static void forget() {
        KNOWN.clear();
    }

    /**
     * Hashes the files on the calling thread, ignoring files that cannot be read: ahead of the steps that need the
     * hashes (the start-up warm-up, while the Spring context starts on the other core).
     */
    public static void prefetch(List<Path> files) {
        for (Path file : files) {
            try {
                sha256(file);
            } catch (IOException | RuntimeException e) {
                // the step that needs the hash reports the file
            }
        }
    }

    private static Stamp stamp(Path file) throws IOException {
        return new Stamp(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file));
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
