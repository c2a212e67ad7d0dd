package io.revlens.ingest;

import io.revlens.ingest.load.IngestProgress;
import io.revlens.ingest.recognise.ProfileCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the load reports while it runs: once per file, its own rows and its own time. */
class IngestProgressIntegrationTests {

    @TempDir
    Path temp;

    /** One fileRead call. */
    private record FileRead(long rows, long millis, String status) {
    }

    @Test
    void eachFileIsReportedOnceWithItsOwnRowsAndTime() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("sample-data"))) {
            files = listing.filter(f -> !f.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        List<Path> started = new ArrayList<>();
        Map<String, FileRead> reads = new LinkedHashMap<>();
        IngestProgress recording = new IngestProgress() {
            @Override
            public void fileStarted(int index, int count, Path file, String profile) {
                started.add(file);
            }

            @Override
            public void fileRead(Path file, long rowsRead, long elapsedMillis, String status, String message) {
                FileRead earlier = reads.put(file.getFileName().toString(), new FileRead(rowsRead, elapsedMillis, status));
                assertThat(earlier).as("second report for %s", file).isNull();
            }
        };
        // A first load pays for class loading and DuckDB's native library, which would dwarf the files' times.
        LoadRun.run(temp.resolve("warm.duckdb"), files, Map.of());
        Path db = temp.resolve("progress.duckdb");
        long before = System.nanoTime();
        LoadRun.run(db, files, Map.of(), ProfileCatalog.builtIn(), true, recording);
        long wallMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(started).hasSize(files.size());
        Map<String, LoadRun.FileRow> accounted = LoadRun.files(db);
        assertThat(reads.keySet()).containsExactlyInAnyOrderElementsOf(accounted.keySet());
        accounted.forEach((name, row) -> {
            assertThat(reads.get(name).rows()).as("rows reported for %s", name).isEqualTo(row.read());
            assertThat(reads.get(name).status()).as("status reported for %s", name).isEqualTo(row.status());
        });
        // The sample's four files share one chunk. Each file's time is its own work, so the times add up to no
        // more than the load's wall time; a time measured from the file's start to the chunk's commit would
        // count the later files' work as the earlier ones' (four files: about four times the load).
        long summed = reads.values().stream().mapToLong(FileRead::millis).sum();
        assertThat(summed).as("per-file times %s against a load of %d ms", reads, wallMillis).isLessThanOrEqualTo(wallMillis);
    }
}
