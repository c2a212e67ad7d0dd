package io.revlens.ingest.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time tests over eight bytes of a buffer, so the line scan of large exports steps over runs of plain
 * text instead of branching on every byte. Each test is exact for "does any of the eight bytes …" (the classic
 * has-zero-byte trick).
 */
final class AsciiWords {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private AsciiWords() {
    }

    /** The eight bytes at {@code offset} as one long. */
    static long word(byte[] buffer, int offset) {
        return (long) LONGS.get(buffer, offset);
    }

    /**
     * How many of the eight bytes, from the first, are printable ASCII text (0x20..0x7E) other than {@code "}
     * and {@code delimiter}: 8 when none is a line break, tab, control, quote, delimiter or non-ASCII byte.
     */
    static int plainTextPrefix(long word, long delimiterWord) {
        // (w - 0x20..) & ~w flags a byte below 0x20, w + 0x01.. flags 0x7F (and bytes from 0x80, as does w itself).
        // A borrow or carry can only flag bytes above a flagged one, so the lowest flag is exact.
        long flags = (word | ((word - 0x2020202020202020L) & ~word) | (word + ONES)
                | zeroByte(word ^ 0x2222222222222222L) | zeroByte(word ^ delimiterWord)) & HIGHS;
        return flags == 0 ? 8 : Long.numberOfTrailingZeros(flags) >>> 3;
    }

    /** {@code b} in every byte of a long, for {@link #plainTextPrefix}. */
    static long repeated(char b) {
        return (b & 0xFFL) * ONES;
    }

    /** Sets the high bit of each zero byte and perhaps of a 0x01 byte right after one (the borrow goes on). */
    static long zeroByte(long v) {
        return (v - ONES) & ~v;
    }
}
