package io.revlens.ingest.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InputScannerTests {

    @Test
    void findsExportsRecursivelySortedSkippingHiddenAndLockFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("finance/.cache"));
        for (String name : new String[]{"b.csv", "a.XLSX", "finance/c.tsv", "finance/d.xls", "notes.pdf", ".hidden.csv",
                "~$a.xlsx", "finance/.cache/e.csv", "z.txt"}) {
            Files.writeString(dir.resolve(name), "x");
        }
        assertThat(InputScanner.scan(dir)).extracting(p -> dir.toAbsolutePath().relativize(p).toString())
                .containsExactly("a.XLSX", "b.csv", "finance/c.tsv", "finance/d.xls", "z.txt");
    }
}
