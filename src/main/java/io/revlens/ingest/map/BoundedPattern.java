package io.revlens.ingest.map;

import java.util.regex.Pattern;

/**
 * A regular expression from a profile, matched with a bound on its work. Java's engine backtracks: a pattern such
 * as {@code (a+)+$} on a long cell can run for minutes on one value. The bound counts the characters the engine
 * reads; past it the match stops with {@link TooSlow}, and the row is rejected with the pattern named instead of the
 * load hanging. The bound is far above what any sane pattern needs on a cell Excel can hold (32,767 characters).
 */
public final class BoundedPattern {

    /** Characters the engine may read for one match: about a second of backtracking. */
    static final long MAX_READS = 50_000_000L;

    /** Thrown when a match reads more than {@link #MAX_READS} characters. */
    public static final class TooSlow extends RuntimeException {
        TooSlow(String pattern) {
            super("the profile's pattern " + pattern + " takes too long on this value (it backtracks without"
                    + " end); simplify the pattern in the profile", null, false, false);
        }
    }

    private final Pattern pattern;

    BoundedPattern(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** Whether the whole text matches. */
    boolean matches(String text) {
        return pattern.matcher(new Counted(text, pattern.pattern())).matches();
    }

    /** Whether the pattern occurs in the text. */
    boolean find(String text) {
        return pattern.matcher(new Counted(text, pattern.pattern())).find();
    }

    /** The text, counting every character read across all views of it (the engine takes subsequences). */
    private static final class Counted implements CharSequence {
        private final String text;
        private final String pattern;
        private final long[] reads;
        private final int offset;
        private final int length;

        Counted(String text, String pattern) {
            this(text, pattern, new long[1], 0, text.length());
        }

        private Counted(String text, String pattern, long[] reads, int offset, int length) {
            this.text = text;
            this.pattern = pattern;
            this.reads = reads;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MAX_READS) {
                throw new TooSlow(pattern);
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text, pattern, reads, offset + start, end - start);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
