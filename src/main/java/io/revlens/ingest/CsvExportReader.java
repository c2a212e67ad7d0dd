package io.revlens.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited text export with commons-csv: detects the encoding (BOM, UTF-8, else
 * Windows-1252), sniffs the delimiter ({@code , ; tab |}), finds the header below any title rows,
 * and streams the data rows with their record numbers. Quoted fields may span lines.
 */
public final class CsvExportReader implements TabularSource {

    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Deque<CSVRecord> buffered = new ArrayDeque<>();
    private final List<String> header;
    private final Layout layout;

    public CsvExportReader(Path file) throws IOException {
        byte[] sample = readSample(file);
        Detected encoding = detectEncoding(sample);
        String text = new String(sample, encoding.bomLength(), sample.length - encoding.bomLength(), encoding.charset());
        char delimiter = sniffDelimiter(text);
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.skipNBytes(encoding.bomLength());
        Reader reader = new InputStreamReader(in, encoding.charset());
        this.parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(reader);
        this.records = parser.iterator();
        List<List<Object>> head = new ArrayList<>();
        List<CSVRecord> headRecords = new ArrayList<>();
        try {
            while (headRecords.size() < HeaderLocator.LOOKAHEAD && records.hasNext()) {
                CSVRecord record = records.next();
                headRecords.add(record);
                head.add(new ArrayList<>(Arrays.asList((Object[]) record.values())));
            }
        } catch (RuntimeException e) {
            parser.close();
            throw new UnreadableExportException(file + " is not a readable CSV file (" + e.getMessage()
                    + "); check that it is a text export and not a spreadsheet saved under a .csv name", e);
        }
        int headerIndex = HeaderLocator.locate(head);
        if (headerIndex < 0) {
            this.header = List.of();
            buffered.addAll(headRecords);
        } else {
            List<String> names = new ArrayList<>();
            for (String value : headRecords.get(headerIndex).values()) {
                names.add(value.replace("\uFEFF", "").trim());
            }
            this.header = List.copyOf(names);
            buffered.addAll(headRecords.subList(headerIndex + 1, headRecords.size()));
        }
        String delimiterName = delimiter == '\t' ? "tab" : String.valueOf(delimiter);
        this.layout = new Layout("csv", encoding.charset().name() + (encoding.bomLength() > 0 ? " (BOM)" : ""),
                delimiterName, null, headerIndex < 0 ? 0 : (int) headRecords.get(headerIndex).getRecordNumber());
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public RawRow next() throws IOException {
        CSVRecord record;
        if (!buffered.isEmpty()) {
            record = buffered.poll();
        } else {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                throw new UnreadableExportException("Cannot parse CSV after record " + parser.getRecordNumber()
                        + ": " + e.getMessage() + " (an unclosed quote?)", e);
            }
        }
        return new RawRow(record.getRecordNumber(), new ArrayList<>(Arrays.asList((Object[]) record.values())));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private record Detected(Charset charset, int bomLength) {
    }

    private static byte[] readSample(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }

    /** BOM first; then strict UTF-8 (allowing a character cut at the sample's end); else Windows-1252. */
    static Detected detectEncoding(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        int length = bytes.length;
        if (length == SAMPLE_BYTES) {
            // Do not judge a multi-byte character cut by the sample's end.
            while (length > 0 && (bytes[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (bytes[length - 1] & 0x80) != 0) {
                length--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return new Detected(StandardCharsets.UTF_8, 0);
        } catch (CharacterCodingException e) {
            return new Detected(WINDOWS_1252, 0);
        }
    }

    /** The candidate that splits the first lines into the same number (>1) of fields most often. */
    static char sniffDelimiter(String text) {
        String[] lines = text.split("\r?\n", 21);
        char best = ',';
        int bestScore = -1;
        for (char candidate : DELIMITERS) {
            java.util.Map<Integer, Integer> countsByFields = new java.util.HashMap<>();
            for (int i = 0; i < Math.min(lines.length, 20); i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                int fields = countOutsideQuotes(lines[i], candidate) + 1;
                if (fields > 1) {
                    countsByFields.merge(fields, 1, Integer::sum);
                }
            }
            int score = 0;
            for (var entry : countsByFields.entrySet()) {
                score = Math.max(score, entry.getValue() * 1000 + entry.getKey());
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
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
}
