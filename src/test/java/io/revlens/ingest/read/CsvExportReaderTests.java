package io.revlens.ingest.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportReaderTests {

    @Test
    void delimiterIsTheOneWithAConsistentCountPerLine() {
        assertThat(CsvExportReader.sniffDelimiter(List.of("a;b;c", "1;2,5;3", "4;5;6"))).isEqualTo(';');
        assertThat(CsvExportReader.sniffDelimiter(List.of("a\tb", "1\t2"))).isEqualTo('\t');
        assertThat(CsvExportReader.sniffDelimiter(List.of("\"a,b\"|c", "1|2"))).isEqualTo('|');
        assertThat(CsvExportReader.sniffDelimiter(List.of("title only", "a,b,c", "1,2,3"))).isEqualTo(',');
    }

    @Test
    void rowsCarryTheLineTheyStartOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "a,b\n1,\"x\ny\"\n\n2,z\n", StandardCharsets.UTF_8);
        CsvLayout layout = CsvExportReader.sniff(file);
        List<String> rows = new ArrayList<>();
        try (RowSource source = CsvExportReader.open(file, layout)) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row.rowNumber() + ":" + Arrays.toString(row.cells().toArray()));
            }
        }
        assertThat(rows).containsExactly("1:[a, b]", "2:[1, x\ny]", "4:[null]", "5:[2, z]");
    }

    @Test
    void windows1252IsTheFallbackWhenTheFileIsNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.csv");
        Files.write(file, new byte[]{'a', ',', 'b', '\n', 'c', (byte) 0xE9, ',', '1', '\n'});
        assertThat(CsvExportReader.sniff(file).encodingName()).isEqualTo("windows-1252");
    }
}
