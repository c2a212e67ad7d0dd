package io.revlens.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One pass over a CSV file's bytes for what decides whether DuckDB's reader sees the
 * same records as commons-csv: the number of lines, bare carriage returns, quotes opened after a space
 * (commons-csv keeps {@code , "x"} literally, DuckDB unquotes it), and whether any field starts or ends
 * with something other than printable ASCII or holds a no-break space (then each value is checked in SQL
 * for what Java's trimming would change). A quoted value still open at the end of the file makes the file
 * malformed (DuckDB and commons-csv both refuse it), so its edges decide nothing.
 *
 * <p>This runs beside DuckDB's own read of the file, on one of the machine's cores, so its cost slows that read.
 * The file's SHA-256 is computed apart, earlier, on the same thread ({@code ExportRowReader}).
 * A pass eight bytes at a time ({@link WordPass}) settles most clean exports alone; the byte-by-byte reading
 * ({@link ByteReading}) reads only the files it leaves.
 */
public record CsvLineScan(long lines, boolean loneCarriageReturn, boolean quoteAfterSpace,
                   boolean unplainEdges) {

    private static final int BUFFER = 1 << 20;

    public static CsvLineScan of(Path file, char delimiter) throws IOException {
        WordPass words = WordPass.of(file, delimiter);
        if (words.settled()) {
            return new CsvLineScan(words.lines(), words.loneCarriageReturn(), false, false);
        }
        ByteReading reading = new ByteReading(delimiter);
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                reading.read(buffer, 0, n);
            }
        }
        reading.end();
        return new CsvLineScan(words.lines(), words.loneCarriageReturn(), reading.quoteAfterSpace, reading.unplain);
    }

    /**
     * Eight bytes at a time: the line count and bare carriage returns, exactly; and whether, after
     * the first line (read byte by byte), the file holds none of the byte patterns without which no quote can
     * follow a space and no field can start or end with anything but printable ASCII. Then, and only then, it is
     * {@code settled}: neither can occur. The patterns are a field start (delimiter, line break, quote) next to a
     * byte outside printable ASCII, a quote right after a field start or after three quotes and before a line
     * break, a line break between a quote and a field start, and a no-break space. A file with a delimiter and a
     * space inside a quoted value (as in "Acme, Inc.") is left to the byte-by-byte reading, which only costs time.
     */
    record WordPass(long lines, boolean loneCarriageReturn, boolean settled) {

        private static final long HIGHS = 0x8080808080808080L;
        private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
        private static final long LINE_FEEDS = AsciiWords.repeated('\n');
        private static final long CARRIAGE_RETURNS = AsciiWords.repeated('\r');
        private static final long QUOTES = AsciiWords.repeated('"');

        static WordPass of(Path file, char delimiter) throws IOException {
            Words words = new Words(delimiter);
            boolean headerClean = false;
            int lastByte = -1;
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = Files.newInputStream(file)) {
                boolean first = true;
                boolean end = false;
                while (!end) {
                    // A short read is the end of the file (readNBytes fills the buffer otherwise).
                    int n = in.readNBytes(buffer, 0, buffer.length);
                    end = n < buffer.length;
                    if (n > 0) {
                        lastByte = buffer[n - 1] & 0xFF;
                    }
                    int full = n >>> 3;
                    int from = 0;
                    long firstAllowed = HIGHS;
                    if (first) {
                        first = false;
                        // The header line, byte by byte (its "Date entered ""Won""" style names end in quote runs);
                        // the patterns count from the byte after its line break, where a record starts.
                        int header = 0;
                        while (header < n && buffer[header] != '\n' && buffer[header] != '\r') {
                            header++;
                        }
                        if (header < n) {
                            ByteReading reading = new ByteReading(delimiter);
                            reading.read(buffer, 0, header + 1);
                            headerClean = !reading.unplain && !reading.quoteAfterSpace && reading.atFieldStart();
                        }
                        from = Math.min(full, (header + 1) >>> 3);
                        for (int w = 0; w < from; w++) {
                            words.add(buffer, w, w + 1, 0);
                        }
                        firstAllowed = HIGHS << (8 * ((header + 1) & 7));
                    }
                    if (from < full) {
                        words.add(buffer, from, full, firstAllowed);
                    }
                    if (end) {
                        // The last bytes, then a line feed that ends the last field (not counted), then text.
                        int rest = n - (full << 3);
                        byte[] tail = new byte[8];
                        Arrays.fill(tail, (byte) 'a');
                        System.arraycopy(buffer, full << 3, tail, 0, rest);
                        tail[rest] = '\n';
                        words.add(tail, 0, 1, HIGHS);
                        words.lineFeeds--;
                        if (lastByte == '\r') {
                            words.crlf--;
                        }
                    }
                }
            }
            long lines = words.lineFeeds + (lastByte != -1 && lastByte != '\n' ? 1 : 0);
            return new WordPass(lines, words.carriageReturns != words.crlf, headerClean && words.odd == 0);
        }

        /** The running counts and pattern flags, and the byte masks of the word before (a byte's high bit). */
        private static final class Words {
            private final long delimiterWord;
            /**
             * Whether the delimiter needs the exact test: the cheaper one may also flag its twin (the byte that
             * differs from it in the lowest bit only), and that must then be printable, so that no byte outside
             * printable ASCII is taken for a delimiter.
             */
            private final boolean exactDelimiter;
            long lineFeeds;
            long carriageReturns;
            long crlf;
            long odd;
            private long prevEdge;
            private long prevStart;
            private long prevBreak;
            private long prevQuote;
            private long prevBad;
            private long prevCr;
            private long prevC2;

            Words(char delimiter) {
                this.delimiterWord = AsciiWords.repeated(delimiter);
                this.exactDelimiter = !ByteReading.plain(delimiter) || !ByteReading.plain(delimiter ^ 1);
            }

            /**
             * Adds the words {@code from..to-1} of the buffer.
             *
             * @param firstAllowed the bytes of the first word at which a pattern ending there counts (those after the
             *                     header line); every byte of the others
             */
            void add(byte[] buffer, int from, int to, long firstAllowed) {
                if (from >= to) {
                    return;
                }
                // The first word alone, so that the loop over the others selects no mask per word.
                long before = odd;
                odd = 0;
                addAll(buffer, from, from + 1);
                odd = before | odd & firstAllowed;
                addAll(buffer, from + 1, to);
            }

            private void addAll(byte[] buffer, int from, int to) {
                // Locals, so that the loop keeps them in registers.
                long lineFeeds = this.lineFeeds;
                long carriageReturns = this.carriageReturns;
                long crlf = this.crlf;
                long odd = this.odd;
                long prevEdge = this.prevEdge;
                long prevStart = this.prevStart;
                long prevBreak = this.prevBreak;
                long prevQuote = this.prevQuote;
                long prevBad = this.prevBad;
                long prevCr = this.prevCr;
                long prevC2 = this.prevC2;
                boolean exactDelimiter = this.exactDelimiter;
                for (int w = from; w < to; w++) {
                    long word = AsciiWords.word(buffer, w << 3);
                    long lf = equal(word, LINE_FEEDS);
                    // Quotes and most delimiters by the cheaper test that may also flag a twin right after one (a
                    // '#' after a quote, a '-' after a comma): an extra printable field edge can add a pattern, never
                    // hide one.
                    long quote = roughlyEqual(word, QUOTES);
                    long start = (exactDelimiter ? equal(word, delimiterWord) : roughlyEqual(word, delimiterWord)) | lf;
                    long lineBreak = lf;
                    lineFeeds += Long.bitCount(lf);
                    // Carriage returns, exactly, only where one may be (the branch is cheaper than the work).
                    long cr = 0;
                    if ((roughlyEqual(word, CARRIAGE_RETURNS) | prevCr) != 0) {
                        cr = equal(word, CARRIAGE_RETURNS);
                        carriageReturns += Long.bitCount(cr);
                        crlf += Long.bitCount(back(cr, prevCr, 1) & lf);
                        lineBreak |= cr;
                        start |= cr;
                    }
                    long edge = start | quote;
                    // Outside printable ASCII (0x21..0x7E): below 0x21, 0x7F, or a high bit (no carry crosses a byte).
                    long low = word & LOWS;
                    long bad = (~(low + 0x5F5F5F5F5F5F5F5FL) | (low + 0x0101010101010101L) | word) & HIGHS & ~start;
                    // Without a branch: spaces make this pattern's words frequent and irregular.
                    odd |= back(edge, prevEdge, 1) & bad  // a field starts with it
                            | back(bad, prevBad, 1) & edge; // a field ends with it, or a quote follows a space
                    if ((lineBreak | prevBreak) != 0) {
                        long quote1 = back(quote, prevQuote, 1);
                        odd |= back(start, prevStart, 2) & quote1 & lineBreak // a quoted value starts with a line break
                                | back(quote, prevQuote, 3) & back(quote, prevQuote, 2) & quote1 & lineBreak // or after quotes
                                | back(lineBreak, prevBreak, 2) & quote1 & start; // a quoted value ends with a line break
                    }
                    long c2 = 0;
                    if ((word & HIGHS) != 0) {
                        c2 = equal(word, 0xC2C2C2C2C2C2C2C2L);
                        odd |= back(c2, prevC2, 1) & equal(word, 0xA0A0A0A0A0A0A0A0L); // a no-break space
                    }
                    prevEdge = edge;
                    prevStart = start;
                    prevBreak = lineBreak;
                    prevQuote = quote;
                    prevBad = bad;
                    prevCr = cr;
                    prevC2 = c2;
                }
                this.lineFeeds = lineFeeds;
                this.carriageReturns = carriageReturns;
                this.crlf = crlf;
                this.odd = odd;
                this.prevEdge = prevEdge;
                this.prevStart = prevStart;
                this.prevBreak = prevBreak;
                this.prevQuote = prevQuote;
                this.prevBad = prevBad;
                this.prevCr = prevCr;
                this.prevC2 = prevC2;
            }

            /** The high bit of each byte equal to the byte repeated in {@code repeated} (exact: no carry crosses a byte). */
            private static long equal(long word, long repeated) {
                long x = word ^ repeated;
                return ~(((x & LOWS) + LOWS) | x) & HIGHS;
            }

            /**
             * The high bit of each byte equal to the byte repeated in {@code repeated}, and perhaps of a twin right
             * after one (differing in the lowest bit only: the borrow goes on). One operation fewer than
             * {@link #equal}.
             */
            private static long roughlyEqual(long word, long repeated) {
                return AsciiWords.zeroByte(word ^ repeated) & HIGHS;
            }

            /** The high bit of each byte whose {@code k}-th byte before has the property (in this word or the one before). */
            private static long back(long mask, long previous, int k) {
                return (mask << (8 * k)) | (previous >>> (64 - 8 * k));
            }
        }
    }

    /** The rules one byte at a time, over consecutive stretches of the file. */
    static final class ByteReading {
        private final char delimiter;
        private final long delimiterWord;
        boolean quoteAfterSpace;
        boolean unplain;
        private boolean quoted;
        private boolean justClosed;
        /** What the current field holds so far outside quotes: 0 nothing, 1 only spaces/tabs, 2 other text. */
        private int field;
        private int first = -1;
        private int last = -1;
        private int previous = -1;

        ByteReading(char delimiter) {
            this.delimiter = delimiter;
            this.delimiterWord = AsciiWords.repeated(delimiter);
        }

        /** Whether the bytes so far ended a field (outside quotes), so a new one starts at the next byte. */
        boolean atFieldStart() {
            return !quoted && !justClosed && field == 0 && first < 0 && last < 0;
        }

        void read(byte[] buffer, int from, int to) {
            int i = from;
            while (i < to) {
                // Inside a quoted value, or past the first text character of an unquoted one, plain text
                // changes nothing but the field's last character: step over it up to eight bytes at a time.
                if (i + 8 <= to && (quoted || field == 2 && !justClosed)) {
                    int plain = AsciiWords.plainTextPrefix(AsciiWords.word(buffer, i), delimiterWord);
                    if (plain > 0) {
                        if (first < 0) {
                            first = buffer[i] & 0xFF;
                        }
                        last = buffer[i + plain - 1] & 0xFF;
                        previous = last;
                        i += plain;
                        continue;
                    }
                }
                int b = buffer[i++] & 0xFF;
                if (b == 0xA0 && previous == 0xC2) {
                    unplain = true;
                }
                previous = b;
                if (quoted) {
                    if (b == '"') {
                        quoted = false;
                        justClosed = true;
                    } else {
                        if (first < 0) {
                            first = b;
                        }
                        last = b;
                    }
                    continue;
                }
                if (b == '"') {
                    if (justClosed) {
                        quoted = true; // the second of a doubled quote: a literal quote
                        last = b;
                    } else if (field == 0) {
                        quoted = true;
                    } else if (field == 1) {
                        quoteAfterSpace = true;
                    }
                    justClosed = false;
                    continue;
                }
                justClosed = false;
                if (b == delimiter || b == '\n' || b == '\r') {
                    unplain |= first >= 0 && !plain(first) || last >= 0 && !plain(last);
                    field = 0;
                    first = -1;
                    last = -1;
                    continue;
                }
                field = b == ' ' || b == '\t' ? Math.max(field, 1) : 2;
                if (first < 0) {
                    first = b;
                }
                last = b;
            }
        }

        /** The end of the file: the last field ends, unless a quoted value is still open. */
        void end() {
            unplain |= !quoted && (first >= 0 && !plain(first) || last >= 0 && !plain(last));
        }

        static boolean plain(int b) {
            return b >= 0x21 && b <= 0x7E;
        }
    }
}
