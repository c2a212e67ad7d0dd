package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder none of whose files can be used: {@code analyze} still writes the dump report (every file, why it
 * was not used, what to do) and exits 2; every file the console names exists.
 */
class NothingUsableIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void theDumpReportIsWrittenAndTheRunExitsTwo() throws Exception {
        Path input = Files.createDirectories(temp.resolve("client"));
        Files.writeString(input.resolve("notes.csv"), "Foo,Bar,Baz\n1,2,3\n", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("catalogue.csv"), "product,series,sales_price\nGTX,GT,550\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");

        CliRun run = CliRun.of(temp.resolve("home"), "analyze", input.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        String console = run.out() + run.err();
        assertThat(console).contains("No dated transactions (deals or revenue lines) were loaded from")
                .contains("files: 2 not recognised").doesNotContain("Exception").doesNotContain("restart");
        Path pdf = out.resolve("client-dump-analysis.pdf");
        assertThat(pdf).isRegularFile();
        String text = PdfText.of(pdf).text().replaceAll("\\s+", " ");
        assertThat(text).contains("notes.csv is not recognised as a known export: no profile matches its header (Foo, Bar, Baz)")
                .contains("catalogue.csv is not recognised as a known export").contains("--draft-profile");
        // Every path the console names was written.
        Matcher paths = Pattern.compile("(" + Pattern.quote(out.toString()) + "[^\\s,;)]*[^\\s,;).])").matcher(console);
        int named = 0;
        while (paths.find()) {
            named++;
            assertThat(Path.of(paths.group(1))).as("named on the console").exists();
        }
        assertThat(named).isGreaterThan(2);
    }
}
