package io.revlens.ingest.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of an input file and whether it is well-formed UTF-8, both from one read of it, once per run: the
 * column check and the load step both need the hash (an unchanged file is neither recognised nor loaded again) and
 * each opening of a CSV needs the encoding, and a file is not read again for them; the start-up warm-up reads them
 * ahead while Spring starts. They are remembered for the file's path, size and modification time, only when those
 * did not change while it was read, and only until the run ends ({@link #forget}, called by the job runner).
 */
public final class ContentHashes {

    /** A run over a folder of more files than this remembers only the latest ones. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Stamp(Path path, long size, java.nio.file.attribute.FileTime modified) {
    }

    /** What one read of a file tells. */
    private record Content(String sha256, boolean utf8) {
    }

    /** Each file's content, or its reading while one thread reads the file and others wait for it. */
    private static final Map<Stamp, CompletableFuture<Content>> KNOWN = new ConcurrentHashMap<>();

    private ContentHashes() {
    }

    public static String sha256(Path file) throws IOException {
        return content(file).sha256();
    }

    /** Whether the whole file is well-formed UTF-8 (Utf8Check), from the same read as its hash. */
    public static boolean isUtf8(Path file) throws IOException {
        return content(file).utf8();
    }

    private static Content content(Path file) throws IOException {
        Stamp before = stamp(file);
        CompletableFuture<Content> mine = new CompletableFuture<>();
        if (KNOWN.size() >= MAX_REMEMBERED) {
            KNOWN.clear();
        }
        CompletableFuture<Content> known = KNOWN.putIfAbsent(before, mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return read(file); // the other reader failed: this one reports its own error
            }
        }
        try {
            Content content = read(file);
            mine.complete(content);
            if (!before.equals(stamp(file))) {
                KNOWN.remove(before, mine); // changed while read: not the content of any later state
            }
            return content;
        } catch (IOException | RuntimeException e) {
            KNOWN.remove(before, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Forgets everything read: at the end of a run, and before each load of the ingest benchmark. */
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

    private static Content read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Utf8Check utf8 = new Utf8Check();
            byte[] block = new byte[1 << 20];
            ByteBuffer buffer = ByteBuffer.wrap(block);
            while (true) {
                buffer.clear();
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // fill the whole block unless the file ends first
                }
                int n = buffer.position();
                if (n == 0) {
                    break;
                }
                digest.update(block, 0, n);
                utf8.update(buffer, n);
            }
            return new Content(HexFormat.of().formatHex(digest.digest()), utf8.wellFormed());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
