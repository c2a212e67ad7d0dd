package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revlens inspect <folder> --draft-profile FILE} on files RevLens does not recognise: the draft is a valid
 * profile that, once in the folder's profiles/, makes the file load; what it could not place is listed in it.
 */
class DraftProfileIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aDraftDroppedIntoProfilesMakesTheFileLoad() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client"));
        // An account name alone is too little to call this an accounts list: not recognised.
        Files.writeString(folder.resolve("customer notes.csv"), "Company,Notes,Owner Email\nAcme,call back,a@x.com\n"
                + "Beta,renewal in May,b@x.com\n", StandardCharsets.UTF_8);
        CliRun before = CliRun.of(temp.resolve("home"), "inspect", folder.toString());
        assertThat(before.out()).contains("customer notes.csv is not recognised as a known export");

        Path drafts = temp.resolve("drafts");
        CliRun draft = CliRun.of(temp.resolve("home"), "inspect", folder.toString(), "--draft-profile",
                "customer notes.csv", "--draft-to", drafts.toString());
        assertThat(draft.exitCode()).as(draft.out() + draft.err()).isZero();
        Path yaml = drafts.resolve("customer-notes.yml");
        assertThat(draft.out()).contains("Wrote a draft profile for customer notes.csv to " + yaml);
        String text = Files.readString(yaml);
        assertThat(text).contains("kind: accounts").contains("account_name: [\"Company\"]   # sample: Acme | Beta")
                .contains("#   Notes: call back | renewal in May");

        Files.createDirectories(folder.resolve("profiles"));
        Files.copy(yaml, folder.resolve("profiles").resolve("customer-notes.yml"));
        CliRun after = CliRun.of(temp.resolve("home"), "inspect", folder.toString());
        assertThat(after.out()).contains("status:    would load")
                .contains("profile:   customer-notes -> accounts")
                .contains("row 2: account_name=Acme");
    }

    @Test
    void aFileOutsideTheFolderIsAClearError() {
        CliRun draft = CliRun.of(temp.resolve("home"), "inspect", temp.toString(), "--draft-profile", "missing.csv",
                "--draft-to", temp.toString());
        assertThat(draft.exitCode()).isEqualTo(2);
        assertThat(draft.err()).contains("missing.csv is not a file in").doesNotContain("Exception");
    }
}
