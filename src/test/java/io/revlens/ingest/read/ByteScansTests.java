package io.revlens.ingest.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word-at-a-time byte scans give exactly what a byte-by-byte reading gives: {@link Utf8Check} (on its own and
 * in {@link ContentHashes}' hashing pass) against the
 * JDK's strict decoder, {@link CsvLineScan} against a plain per-byte reference of the same rules, over random
 * files built from the bytes the rules care about (and long runs of plain text, which the fast path skips).
 */
class ByteScansTests {

    @TempDir
    Path dir;

    /** Fragments: plain text, quotes, delimiters, line breaks, spaces, tabs, UTF-8 and broken UTF-8. */
    private static final byte[][] PIECES = {
            "abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII), "x".getBytes(StandardCharsets.US_ASCII),
            "1234.56".getBytes(StandardCharsets.US_ASCII), "\"".getBytes(StandardCharsets.US_ASCII),
            "\"\"".getBytes(StandardCharsets.US_ASCII), ",".getBytes(StandardCharsets.US_ASCII),
            ";".getBytes(StandardCharsets.US_ASCII), "\n".getBytes(StandardCharsets.US_ASCII),
            "\r\n".getBytes(StandardCharsets.US_ASCII), "\r".getBytes(StandardCharsets.US_ASCII),
            " ".getBytes(StandardCharsets.US_ASCII), "\t".getBytes(StandardCharsets.US_ASCII),
            // The twins (lowest bit flipped) of a tab, a carriage return, a quote, a comma and a semicolon (the
            // cheaper equality test may flag them too).
            {0x08}, {0x0C}, "#".getBytes(StandardCharsets.US_ASCII), "-".getBytes(StandardCharsets.US_ASCII),
            ":".getBytes(StandardCharsets.US_ASCII),
            {0x7F}, {0x01}, "Łódź €".getBytes(StandardCharsets.UTF_8), {(byte) 0xC2, (byte) 0xA0},
            "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xE9}, {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xBF},
    };

    private static byte[] randomFile(SplittableRandom random, boolean breakUtf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = random.nextInt(1, 400);
        // Sometimes only text, quotes, delimiters and line breaks, so that files without odd edges occur too.
        int kinds = random.nextInt(3) == 0 ? 8 + random.nextInt(3) : 22;
        for (int i = 0; i < pieces; i++) {
            int limit = breakUtf8 ? PIECES.length : kinds;
            byte[] piece = PIECES[random.nextInt(limit)];
            int repeat = random.nextInt(8) == 0 ? random.nextInt(1, 40) : 1;
            for (int r = 0; r < repeat; r++) {
                out.writeBytes(piece);
            }
        }
        return out.toByteArray();
    }

    /**
     * Values an export holds: first those the word pass settles, then clean ones it leaves to the byte-by-byte
     * reading (a delimiter and space inside quotes, a quote run before a line break), then odd edges (a space, a
     * letter, a no-break space, a line break, a quote after a space).
     */
    private static final String[] VALUES = {
            "", "Acme", "1234.56", "\"Acme\"", "\"Acme,Inc;Ltd\"", "\"x\"\"hi\"\"y\"", "\"two\nlines\"", "\"\"",
            "M\u00fcller", "\"a b\"", "-5", "\"#1\"",
            "\"Acme, Inc.\"", "\"\"\"quoted\"\"\"",
            " Acme", "Acme ", "\u00c9mile", "\"caf\u00e9\"", "x\u00a0y", " \"Acme\"", "\"\nAcme\"", "\"Acme\n\"", "\tx",
            "\u0008x", "x\u000c",
    };

    /** Records of values, each line ended by LF, CRLF or (rarely) a bare CR; the last line sometimes not ended. */
    private static byte[] csvShapedFile(SplittableRandom random, char delimiter) {
        StringBuilder text = new StringBuilder();
        int rows = random.nextInt(1, 30);
        // In most files only the clean values, so the word pass settles them.
        int kinds = random.nextInt(4) == 0 ? VALUES.length : random.nextBoolean() ? 12 : 14;
        for (int row = 0; row < rows; row++) {
            int fields = random.nextInt(1, 7);
            for (int f = 0; f < fields; f++) {
                text.append(f == 0 ? "" : String.valueOf(delimiter)).append(VALUES[random.nextInt(kinds)]);
            }
            if (row < rows - 1 || random.nextBoolean()) {
                int end = random.nextInt(20);
                text.append(end == 0 ? "\r" : end < 8 ? "\r\n" : "\n");
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void utf8CheckAgreesWithTheStrictDecoder() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int valid = 0;
        int invalid = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = randomFile(random, random.nextBoolean());
            Path file = dir.resolve("f" + round + ".csv");
            Files.write(file, bytes);
            boolean expected = decodesStrictly(bytes);
            assertThat(utf8(file, Integer.MAX_VALUE)).as("round %d", round).isEqualTo(expected);
            // small mapping windows put sequences and 32-byte steps across window edges
            assertThat(utf8(file, 5 + round % 60)).as("round %d, small window", round).isEqualTo(expected);
            // the verdict a run takes, from the pass that hashes the file
            assertThat(ContentHashes.isUtf8(file)).as("round %d, with the hash", round).isEqualTo(expected);
            if (expected) {
                valid++;
            } else {
                invalid++;
            }
        }
        assertThat(valid).isGreaterThan(300);
        assertThat(invalid).isGreaterThan(300);
    }

    @Test
    void utf8CheckReadsSequencesAcrossItsWindowEdge() throws IOException {
        // The file is read a window at a time: put a 4-byte character, and a truncated one, across that edge, for
        // the check on its own and for the hashing pass (ContentHashes), which reads blocks of 1 MB.
        int window = 1 << 16;
        for (int shift = 1; shift < 4; shift++) {
            Path whole = acrossEdge(window, shift, false);
            Path broken = acrossEdge(window, shift, true);
            assertThat(utf8(whole, window)).isTrue();
            assertThat(utf8(broken, window)).isFalse();
            assertThat(utf8(broken, Integer.MAX_VALUE)).isFalse();
            assertThat(ContentHashes.isUtf8(acrossEdge(1 << 20, shift, false))).isTrue();
            assertThat(ContentHashes.isUtf8(acrossEdge(1 << 20, shift, true))).isFalse();
        }
        // A sequence cut short by plain text, then a stray continuation byte: the text must not be stepped over.
        Path interrupted = dir.resolve("interrupted.csv");
        Files.write(interrupted, new byte[] {(byte) 0xE2, (byte) 0x82, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j',
                'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5',
                (byte) 0xBF});
        assertThat(utf8(interrupted, Integer.MAX_VALUE)).isFalse();
        Path cut = dir.resolve("cut.csv");
        Files.write(cut, new byte[] {'a', (byte) 0xE2, (byte) 0x82});
        assertThat(utf8(cut, Integer.MAX_VALUE)).isFalse();
    }

    /** {@link Utf8Check}'s verdict on the file fed to it in blocks of {@code window} bytes (the last one shorter). */
    private static boolean utf8(Path file, int window) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Utf8Check check = new Utf8Check();
        for (int at = 0; at < bytes.length; at += window) {
            int n = Math.min(window, bytes.length - at);
            check.update(ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, at, at + n)), n);
        }
        return check.wellFormed();
    }

    /** Plain text with an emoji starting {@code shift} bytes before {@code edge}; broken: its last byte replaced. */
    private Path acrossEdge(int edge, int shift, boolean broken) throws IOException {
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[edge + 16];
        java.util.Arrays.fill(bytes, (byte) 'a');
        System.arraycopy(emoji, 0, bytes, edge - shift, emoji.length);
        if (broken) {
            bytes[edge - shift + 3] = 'a';
        }
        Path file = dir.resolve("edge-" + edge + "-" + shift + (broken ? "-broken" : "") + ".csv");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void lineScanAgreesWithAByteByByteReading() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        int[] seen = new int[7];
        for (int round = 0; round < 3000; round++) {
            char delimiter = ",;\t".charAt(random.nextInt(3));
            byte[] bytes = random.nextBoolean() ? randomFile(random, false) : csvShapedFile(random, delimiter);
            Path file = dir.resolve("s" + round + ".csv");
            Files.write(file, bytes);
            CsvLineScan expected = reference(bytes, delimiter);
            assertThat(CsvLineScan.of(file, delimiter)).as("round %d", round).isEqualTo(expected);
            seen[0] += expected.loneCarriageReturn() ? 1 : 0;
            seen[1] += expected.quoteAfterSpace() ? 1 : 0;
            seen[2] += expected.unplainEdges() ? 1 : 0;
            seen[3] += expected.unplainEdges() ? 0 : 1;
            // The word pass alone decides most clean files (with and without bare carriage returns); the rest are
            // read byte by byte.
            CsvLineScan.WordPass words = CsvLineScan.WordPass.of(file, delimiter);
            seen[4] += words.settled() ? 0 : 1;
            seen[5] += words.settled() && !words.loneCarriageReturn() ? 1 : 0;
            seen[6] += words.settled() && words.loneCarriageReturn() ? 1 : 0;
        }
        // every outcome occurred, so each was compared
        assertThat(java.util.Arrays.stream(seen).min().orElseThrow()).isGreaterThan(50);
    }

    @Test
    void wordPassLeavesEveryOddFieldEdgeToTheByteByByteReading() throws Exception {
        // After a header line: a field starting or ending with a line break, space, tab, no-break space or
        // non-ASCII letter, or a quote after a space: where the word pass must not settle. Last, a header
        // with a space at an edge (the rules read the header too).
        List<String> odd = Stream.of("a,\"\nb\"\n", "a,\"\"\"\nb\"\n", "a,\"b\n\"\n", "a,\"b\n\",c\n", "\"\nb\",c\n",
                "a,\"b\n\"", "a, \"b\"\n", "a,b \n", "a,\u00a0b\n", "a,x\u00a0b\n", "\tb,c", "a,\u00e9\n", "a,\"\u00e9\"\n",
                "\u00e9").map(data -> "h1,h2\n" + data).collect(Collectors.toCollection(ArrayList::new));
        odd.add(" h,x\n1,2\n");
        // Empty quoted values at line ends, doubled quotes, CRLF, a line break and a letter inside a value; last, a
        // HubSpot-style header whose names end in quote runs.
        // the twins of a comma and a quote (lowest bit flipped: "-", "#") right after them
        List<String> clean = Stream.of("a,\"\"\n\"b c\",\"\"\"d\"\"\",e\r\n", "a,x\u00e9y\n", "a,\"b\nc\"\n",
                        "a,-5,\"#1\",\"-\",-\n")
                .map(data -> "h1,h2\n" + data).collect(Collectors.toCollection(ArrayList::new));
        clean.add("\"Date entered \"\"Won\"\"\"\n1,2\n");
        for (String text : Stream.concat(odd.stream(), clean.stream()).toList()) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Path file = dir.resolve("case.csv");
            Files.write(file, bytes);
            CsvLineScan expected = reference(bytes, ',');
            assertThat(expected.unplainEdges() || expected.quoteAfterSpace()).as(text).isEqualTo(odd.contains(text));
            assertThat(CsvLineScan.WordPass.of(file, ',').settled()).as(text).isEqualTo(clean.contains(text));
            assertThat(CsvLineScan.of(file, ',')).as(text).isEqualTo(expected);
        }
    }

    @Test
    void wordPassTellsATabDelimiterFromItsControlByteTwin() throws Exception {
        // A field starting with a backspace (0x08, the tab's twin: lowest bit flipped) is odd; the cheaper
        // equality test would take it for a delimiter, so a tab delimiter gets the exact one.
        for (String text : List.of("h1\th2\na\t\bb\n", "h1\th2\na\tb\bc\n")) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            Path file = dir.resolve("case.tsv");
            Files.write(file, bytes);
            CsvLineScan expected = reference(bytes, '\t');
            boolean odd = text.contains("\t\b");
            assertThat(expected.unplainEdges()).as(text).isEqualTo(odd);
            assertThat(CsvLineScan.WordPass.of(file, '\t').settled()).as(text).isEqualTo(!odd);
            assertThat(CsvLineScan.of(file, '\t')).as(text).isEqualTo(expected);
        }
    }

    private static boolean decodesStrictly(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The line scan's rules, one byte at a time (the form CsvLineScan had before it stepped over words). */
    private static CsvLineScan reference(byte[] bytes, char delimiter) throws Exception {
        long newlines = 0;
        boolean loneCr = false;
        boolean quoteAfterSpace = false;
        boolean unplain = false;
        boolean quoted = false;
        boolean justClosed = false;
        int field = 0;
        int first = -1;
        int last = -1;
        int previous = -1;
        for (byte raw : bytes) {
            int b = raw & 0xFF;
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
                    first = first < 0 ? b : first;
                    last = b;
                }
                continue;
            }
            if (b == '"') {
                if (justClosed) {
                    quoted = true;
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
            first = first < 0 ? b : first;
            last = b;
        }
        // A quoted value still open at the end makes the file malformed (DuckDB and commons-csv refuse it): its
        // edges decide nothing.
        unplain |= !quoted && (first >= 0 && !plain(first) || last >= 0 && !plain(last));
        loneCr |= previous == '\r';
        long lines = newlines + (previous != -1 && previous != '\n' ? 1 : 0);
        return new CsvLineScan(lines, loneCr, quoteAfterSpace, unplain);
    }

    private static boolean plain(int b) {
        return b >= 0x21 && b <= 0x7E;
    }
}
