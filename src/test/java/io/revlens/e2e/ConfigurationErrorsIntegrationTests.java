package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken user profile, a job-history location that is a file and a damaged job history stop the run with exit code 3 and one sentence
 * naming the file and what to do, not an internal failure (exit 4) with a framework's stack of messages.
 */
class ConfigurationErrorsIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aBrokenProfileYamlNamesTheFileAndTheLine() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client/profiles")).getParent();
        Files.copy(Path.of("sample-data/hubspot-deals.csv"), folder.resolve("hubspot-deals.csv"));
        Files.writeString(folder.resolve("profiles/broken.yml"), "name: broken\nkind: opportunities\nmatch: [unclosed\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("profiles/broken.yml is not valid YAML for a profile (line 3")
                .contains("Fix it").doesNotContain("internal failure");
    }

    @Test
    void aProfileExtendingAnUnknownProfileNamesItAndTheBuiltInOnes() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client/profiles")).getParent();
        Files.copy(Path.of("sample-data/hubspot-deals.csv"), folder.resolve("hubspot-deals.csv"));
        Files.writeString(folder.resolve("profiles/deals.yml"), "extends: pipedrive-deal\nstages:\n  order: [A, B]\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("profiles/deals.yml extends 'pipedrive-deal', which is not a built-in profile (")
                .contains("pipedrive-deals,").doesNotContain("internal failure");
    }

    @Test
    void aDamagedJobHistoryIsNamedWithWhatToDo() throws Exception {
        for (String damage : new String[] {"random", "short"}) {
            Path home = temp.resolve("home-" + damage);
            Path file = Files.createDirectories(home.resolve("history")).resolve("batch.mv.db");
            byte[] bytes = new byte[damage.equals("random") ? 8192 : 23];
            new java.util.Random(7).nextBytes(bytes);
            Files.write(file, bytes);
            CliRun run = CliRun.of(home, "demo", "--out", temp.resolve("out").toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.err()).contains("The job history " + file + " is damaged or cannot be read")
                    .contains("mv " + file + " " + file + ".damaged").doesNotContain("internal failure")
                    .doesNotContain("Error creating bean");
        }
    }

    @Test
    void aJobHistoryLocationThatIsAFileIsSaidSo() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        CliRun run = CliRun.of(file, "demo", "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains(file + ", a file, not a folder").doesNotContain("internal failure")
                .doesNotContain("Error creating bean");
    }
}
