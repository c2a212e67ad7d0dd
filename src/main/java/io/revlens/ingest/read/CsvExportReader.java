package io.revlens.ingest.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads delimited text exports with commons-csv: sniffs the encoding (BOM, UTF-16 without BOM,
 * strict UTF-8, else Windows-1252) and the delimiter ({@code , ; tab |}), and yields raw rows with the
 * line number each record starts on. Quoted fields may span lines.
 */
public final class CsvExportReader {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final int SNIFF_LINES = 50;

    private CsvExportReader() {
    }

    /** Detects encoding and delimiter. */
    public static CsvLayout sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        Charset charset;
        boolean bom = false;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = true;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = true;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = true;
        } else if (head.length >= 4 && head[1] == 0 && head[3] == 0 && head[0] != 0) {
            charset = StandardCharsets.UTF_16LE;
        } else if (head.length >= 4 && head[0] == 0 && head[2] == 0 && head[1] != 0) {
            charset = StandardCharsets.UTF_16BE;
        } else {
            charset = ContentHashes.isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        boolean mixed = false;
        if (!bom && charset.name().equals("windows-1252")) {
            try (InputStream in = Files.newInputStream(file)) {
                mixed = LineByLineDecoder.hasUtf8Sequences(in);
            }
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(openReader(file, new CsvLayout(charset, bom, ',', mixed)))) {
            String line;
            while (lines.size() < SNIFF_LINES && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return new CsvLayout(charset, bom, sniffDelimiter(lines), mixed);
    }

    /** Picks the delimiter whose per-line count is most often the same non-zero number (ties: , ; tab |). */
    static char sniffDelimiter(List<String> lines) {
        char best = ',';
        int bestScore = 0;
        for (char delimiter : DELIMITERS) {
            int[] counts = lines.stream().mapToInt(line -> countOutsideQuotes(line, delimiter)).toArray();
            int mode = mode(counts);
            if (mode == 0) {
                continue;
            }
            long consistent = Arrays.stream(counts).filter(c -> c == mode).count();
            int score = (int) consistent * 1000 + mode;
            if (score > bestScore) {
                bestScore = score;
                best = delimiter;
            }
        }
        return best;
    }

    private static int mode(int[] counts) {
        int best = 0;
        int bestFrequency = 0;
        for (int candidate : counts) {
            if (candidate == 0) {
                continue;
            }
            int frequency = 0;
            for (int c : counts) {
                if (c == candidate) {
                    frequency++;
                }
            }
            if (frequency > bestFrequency || (frequency == bestFrequency && candidate > best)) {
                best = candidate;
                bestFrequency = frequency;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static Reader openReader(Path file, CsvLayout layout) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (layout.bom()) {
            in.skipNBytes(layout.charset().equals(StandardCharsets.UTF_8) ? 3 : 2);
        }
        if (layout.mixed()) {
            return new BufferedReader(new LineByLineDecoder(new java.io.BufferedInputStream(in, 1 << 16)), 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, layout.charset()), 1 << 16);
    }

    /** Opens the file's rows; cells are Strings (empty fields become null). */
    public static RowSource open(Path file, CsvLayout layout) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(layout.delimiter())
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .get();
        Reader reader = openReader(file, layout);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        Iterator<CSVRecord> records = parser.iterator();
        return new RowSource() {
            private long nextLine = 1;

            @Override
            public SourceRow next() throws IOException {
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    CSVRecord record = records.next();
                    long start = nextLine;
                    nextLine = parser.getCurrentLineNumber() + 1;
                    List<Object> cells = new ArrayList<>(record.size());
                    for (String value : record) {
                        cells.add(value.isEmpty() ? null : value);
                    }
                    return new SourceRow(start, cells);
                } catch (UncheckedIOException e) {
                    throw new IOException("Malformed CSV near line " + nextLine + ": " + e.getCause().getMessage(), e);
                }
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        };
    }
}
