package io.revlens.ingest.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether bytes are well-formed UTF-8 (the byte sequences of Unicode's table 3-7: no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut off at the end), exactly what a strict {@code CharsetDecoder}
 * accepts, at memory speed: runs of ASCII are stepped over 32 bytes at a time. It is fed a block at a time
 * ({@link #update}), so the pass that hashes a file checks it too ({@link ContentHashes}); a sequence may run across
 * the edge between two blocks.
 */
final class Utf8Check {

    /** How much of the file {@link #isUtf8(Path)} reads at once. */
    static final int WINDOW = 1 << 22;
    private static final long HIGHS = 0x8080808080808080L;

    /** Continuation bytes still expected, and the allowed range of the next one (narrower after E0, ED, F0, F4). */
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private boolean broken;

    /** Checks {@code bytes[0, n)}, the next block of the text. */
    void update(ByteBuffer bytes, int n) {
        if (broken) {
            return;
        }
        int i = 0;
        while (i < n) {
            if (pending == 0) {
                while (i + 32 <= n && ((bytes.getLong(i) | bytes.getLong(i + 8) | bytes.getLong(i + 16)
                        | bytes.getLong(i + 24)) & HIGHS) == 0) {
                    i += 32;
                }
                while (i + 8 <= n && (bytes.getLong(i) & HIGHS) == 0) {
                    i += 8;
                }
                if (i >= n) {
                    break;
                }
            }
            int b = bytes.get(i++) & 0xFF;
            if (pending > 0) {
                if (b < low || b > high) {
                    broken = true;
                    return;
                }
                pending--;
                low = 0x80;
                high = 0xBF;
            } else if (b < 0x80) {
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                broken = true;
                return;
            }
        }
    }

    /** Whether every block so far was well-formed and the last one did not end inside a sequence. */
    boolean wellFormed() {
        return !broken && pending == 0;
    }

    /** Whether the file is well-formed UTF-8, read on its own (inspection; a run takes {@link ContentHashes}'s verdict). */
    static boolean isUtf8(Path file) throws IOException {
        return isUtf8(file, WINDOW);
    }

    /** @param window bytes read at a time (tests use a small one to put sequences across its edge) */
    static boolean isUtf8(Path file, int window) throws IOException {
        Utf8Check check = new Utf8Check();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Read into one direct buffer, not mapped: each mapped window of a large export stayed resident (counted
            // in the process's memory) until a garbage collection happened to release it.
            ByteBuffer bytes = ByteBuffer.allocateDirect((int) Math.max(1, Math.min(window, channel.size())))
                    .order(ByteOrder.LITTLE_ENDIAN);
            while (!check.broken) {
                bytes.clear();
                while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                    // fill the whole window unless the file ends first
                }
                int n = bytes.position();
                if (n == 0) {
                    break;
                }
                check.update(bytes, n);
            }
        }
        return check.wellFormed();
    }
}
