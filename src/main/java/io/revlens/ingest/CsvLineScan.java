package io.revlens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over a CSV file's bytes for its SHA-256 and for what decides whether DuckDB's reader sees the
 * same records as commons-csv: the number of lines, bare carriage returns, quotes opened after a space
 * (commons-csv keeps {@code , "x"} literally, DuckDB unquotes it), and whether any field starts or ends
 * with something other than printable ASCII or holds a no-break space (then each value is checked in SQL
 * for what Java's trimming would change).
 */
record CsvLineScan(String sha256, long lines, boolean loneCarriageReturn, boolean quoteAfterSpace,
                   boolean unplainEdges) {

    static CsvLineScan of(Path file, char delimiter) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long newlines = 0;
        boolean loneCr = false;
        boolean quoteAfterSpace = false;
        boolean unplain = false;
        boolean quoted = false;
        boolean justClosed = false;
        // What the current field holds so far outside quotes: 0 nothing, 1 only spaces/tabs, 2 other text.
        int field = 0;
        int first = -1;
        int last = -1;
        int previous = -1;
        byte[] buffer = new byte[1 << 20];
        long delimiterWord = AsciiWords.repeated(delimiter);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
                int i = 0;
                while (i < n) {
                    // Inside a quoted value, or past the first text character of an unquoted one, plain text
                    // changes nothing but the field's last character: step over it up to eight bytes at a time.
                    if (i + 8 <= n && previous != '\r' && (quoted || field == 2 && !justClosed)) {
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
                    if (b == '\n') {
                        newlines++;
                    } else if (previous == '\r') {
                        loneCr = true;
                    }
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
        }
        unplain |= first >= 0 && !plain(first) || last >= 0 && !plain(last);
        if (previous == '\r') {
            loneCr = true;
        }
        // A last line without a line break still counts.
        long lines = newlines + (previous != -1 && previous != '\n' ? 1 : 0);
        return new CsvLineScan(HexFormat.of().formatHex(digest.digest()), lines, loneCr, quoteAfterSpace, unplain);
    }

    private static boolean plain(int b) {
        return b >= 0x21 && b <= 0x7E;
    }
}
