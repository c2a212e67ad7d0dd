package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings a user changes without copying a job file: the company name (an analysis is titled with the client's
 * folder by default), thresholds and targets with {@code --set}, each checked as the job file's are.
 */
class SettingsWithoutYamlIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void anAnalysisIsTitledWithTheClientFolderAndSettingsComeFromTheCommandLine() throws Exception {
        Path client = Files.createDirectories(temp.resolve("acme-exports"));
        for (String file : new String[] {"hubspot-deals.csv", "hubspot-companies.csv", "invoice-lines.xlsx"}) {
            Files.copy(Path.of("sample-data", file), client.resolve(file));
        }
        Path out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", client.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String pdf = PdfText.of(out.resolve("client-dump-analysis.pdf")).text();
        assertThat(pdf).contains("acme-exports").doesNotContain("Client data dump").contains("over the 20% threshold");

        // --company and a threshold: Northwind (23%) is still over 22%, and the sentence says which threshold.
        Path again = temp.resolve("again");
        CliRun set = CliRun.of(temp.resolve("home"), "analyze", client.toString(), "--out", again.toString(),
                "--company", "Acme Corp", "--set", "concentration_threshold=0.22", "--set", "bookings_month=500000");
        assertThat(set.exitCode()).as(set.out() + set.err()).isZero();
        String text = PdfText.of(again.resolve("client-dump-analysis.pdf")).text();
        assertThat(text).contains("Acme Corp").contains("over the 22% threshold").doesNotContain("over the 20% threshold");
        assertThat(text).contains("target $500K");
    }

    @Test
    void aWrongSettingIsOneSentenceWithExitThree() throws Exception {
        CliRun run = CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--out", temp.resolve("out").toString(),
                "--set", "concentration_treshold=0.3", "--set", "stalled_days=2.5", "--set", "win_rate=25");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("--set concentration_treshold: no such setting; use one of concentration_threshold")
                .contains("--set stalled_days=2.5: a whole number is needed")
                .contains("win_rate is a fraction between 0 and 1").doesNotContain("Exception");
    }
}
