package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code revlens init}: a new client's job file from its folder, ready to run, saying what was and was not recognised. */
class InitIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void initWritesAJobThatRunsOnTheClientsFolder() throws Exception {
        Path client = Files.createDirectories(temp.resolve("clients/acme"));
        for (String file : new String[] {"hubspot-deals.csv", "hubspot-companies.csv", "invoice-lines.xlsx"}) {
            Files.copy(Path.of("sample-data", file), client.resolve(file));
        }
        Files.writeString(client.resolve("notes.csv"), "when,what\n2026-10-01,board meeting\n");
        Path jobs = temp.resolve("jobs");

        CliRun init = CliRun.of(temp.resolve("home"), "init", "acme", "--input", client.toString(), "--jobs", jobs.toString(),
                "--company", "Acme Corp");
        assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
        assertThat(init.out()).contains("Wrote " + jobs.resolve("acme.yml") + ": 3 of 4 file(s)")
                .contains("not loaded: notes.csv").contains("Run it: ./revlens run acme --jobs " + jobs);
        String yaml = Files.readString(jobs.resolve("acme.yml"));
        assertThat(yaml).contains("company: \"Acme Corp\"", "path: \"../clients/acme\"",
                "#   hubspot-deals.csv: hubspot-deals -> opportunities", "#   notes.csv: NOT loaded", "# schedule:");

        CliRun run = CliRun.of(temp.resolve("home"), "run", "acme", "--jobs", jobs.toString(), "--as-of", "2026-10-31",
                "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(PdfText.of(temp.resolve("out/board-report.pdf")).text()).contains("Acme Corp");

        CliRun again = CliRun.of(temp.resolve("home"), "init", "acme", "--input", client.toString(), "--jobs", jobs.toString());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("acme.yml exists already");
    }
}
