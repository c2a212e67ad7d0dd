package io.revlens.ingest.read;

import java.nio.ByteBuffer;

/**
 * Whether bytes are well-formed UTF-8 (the byte sequences of Unicode's table 3-7: no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut off at the end), exactly what a strict {@code CharsetDecoder}
 * accepts, at memory speed: runs of ASCII are stepped over 32 bytes at a time. It is fed a block at a time
 * ({@link #update}) by the pass that hashes a file ({@link ContentHashes}), so a file is read once for both; a
 * sequence may run across the edge between two blocks. Blocks are read into a heap buffer rather than a mapping:
 * each mapped window of a large export stayed resident (counted in the process's memory) until a garbage
 * collection happened to release it.
 */
final class Utf8Check {

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
}
