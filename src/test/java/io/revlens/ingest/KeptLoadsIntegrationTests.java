package io.revlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.ingest.check.OverlapResolver;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading into a database that already holds a file's load keeps that load when the file is unchanged, but never
 * the load of a file a later export superseded rows of: those rows are gone from it, and must come back when the
 * later export no longer carries them.
 */
class KeptLoadsIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void anUnchangedFileIsKeptButASupersededOneIsLoadedAgain() throws Exception {
        List<String> sample = Files.readAllLines(Path.of("sample-data/hubspot-deals.csv"), StandardCharsets.UTF_8);
        // January's export ends with deal 9000000002 (closed 2024-02-09); March's carries it again and ends later.
        Path january = write("in/deals-january.csv", List.of(sample.get(0), sample.get(1), sample.get(2)));
        Path march = write("in/deals-march.csv", List.of(sample.get(0), sample.get(2), sample.get(4)));
        Path db = temp.resolve("db.duckdb");
        List<Path> files = List.of(january, march);

        LoadRun.run(db, files, Map.of());
        resolveOverlaps(db);
        assertThat(LoadRun.query(db, "select path like '%january%', rows_loaded, rows_skipped, coalesce(reused, false)"
                + " from source_files order by path")).containsExactly(List.of("true", "1", "1", "false"),
                List.of("false", "2", "0", "false"));

        // Nothing changed: March's load is kept, January's (one row superseded) is loaded again and superseded again.
        LoadRun.run(db, files, Map.of());
        resolveOverlaps(db);
        assertThat(LoadRun.query(db, "select path like '%january%', rows_loaded, rows_skipped, coalesce(reused, false)"
                + " from source_files order by path")).containsExactly(List.of("true", "1", "1", "false"),
                List.of("false", "2", "0", "true"));
        assertThat(LoadRun.scalar(db, "select count(*) from opportunities")).isEqualTo("3");

        // March no longer carries deal 9000000002: January's row for it is back.
        write("in/deals-march.csv", List.of(sample.get(0), sample.get(4)));
        LoadRun.run(db, files, Map.of());
        resolveOverlaps(db);
        assertThat(LoadRun.query(db, "select path like '%january%', rows_loaded, rows_skipped, coalesce(reused, false)"
                + " from source_files order by path")).containsExactly(List.of("true", "2", "0", "false"),
                List.of("false", "1", "0", "false"));
        assertThat(LoadRun.query(db, "select opportunity_id from opportunities order by 1"))
                .containsExactly(List.of("9000000001"), List.of("9000000002"), List.of("9000000004"));
    }

    @Test
    void anUnchangedFileIsLoadedAgainWhenAUserProfileChanged() throws Exception {
        Path profiles = temp.resolve("in/profiles");
        Files.createDirectories(profiles);
        Path acme = profiles.resolve("acme-crm.yml");
        Files.copy(ExportProfilesIntegrationTests.fixture("profiles/acme-crm.yml"), acme);
        Path export = temp.resolve("in/acme-crm-export.csv");
        Files.copy(ExportProfilesIntegrationTests.fixture("acme-crm-export.csv"), export);
        Path db = temp.resolve("db.duckdb");
        String loaded = "select coalesce(reused, false), profile from source_files";

        LoadRun.run(db, List.of(export), Map.of(), ProfileCatalog.load(profiles));
        LoadRun.run(db, List.of(export), Map.of(), ProfileCatalog.load(profiles));
        assertThat(LoadRun.query(db, loaded)).containsExactly(List.of("true", "acme-crm"));
        assertThat(LoadRun.query(db, "select distinct currency from opportunities")).containsExactly(List.of("GBP"));

        // The same export under an edited profile: its earlier rows were mapped by the old text, so it is loaded again.
        Files.writeString(acme, Files.readString(acme).replace("currency: GBP", "currency: EUR"));
        LoadRun.run(db, List.of(export), Map.of(), ProfileCatalog.load(profiles));
        assertThat(LoadRun.query(db, loaded)).containsExactly(List.of("false", "acme-crm"));
        assertThat(LoadRun.query(db, "select distinct currency from opportunities")).containsExactly(List.of("EUR"));
    }

    private static void resolveOverlaps(Path db) throws Exception {
        try (Connection connection = Workspace.open(db)) {
            OverlapResolver.resolve(connection);
        }
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
