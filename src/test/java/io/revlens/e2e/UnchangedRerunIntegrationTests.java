package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forced rerun of a month on the same exports keeps what is still valid: files whose content did not change are
 * not loaded again, the metric tables and the documents are kept when nothing they come from changed. One export
 * changed: only it is loaded again, and the figures are those of a fresh run into a new folder.
 */
class UnchangedRerunIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void anUnchangedForcedRerunKeepsEverythingAndAChangedExportIsTheOnlyOneLoadedAgain() throws Exception {
        Month month = firstRun();
        Path home = month.home(), input = month.input(), out = month.out();
        String[] args = month.args();
        JsonNode firstSummary = summary(out);
        Map<String, String> firstOutputs = hashes(out);
        assertThat(firstOutputs).containsKeys("board-report.pdf", "rejects.csv", "metrics/customer_concentration.csv");
        Map<String, JsonNode> firstFiles = files(firstSummary);
        List<String> loaded = firstFiles.entrySet().stream()
                .filter(e -> e.getValue().path("status").asText().equals("loaded")).map(Map.Entry::getKey).toList();
        assertThat(loaded).contains("hubspot-deals.csv", "hubspot-companies.csv", "sales-team.csv", "invoice-lines.xlsx");
        assertThat(firstSummary.path("reused").path("files").asLong()).isZero();
        assertThat(firstSummary.path("reused").path("profile").asBoolean()).isFalse();
        assertThat(firstSummary.path("reused").path("metrics").asBoolean()).isFalse();
        assertThat(firstSummary.path("reused").path("reports").asBoolean()).isFalse();

        // The same exports again, forced: every file unchanged, the data profile, metrics and reports kept, outputs
        // byte for byte.
        CliRun unchanged = CliRun.of(home, append(args, "--force"));
        assertThat(unchanged.exitCode()).as(unchanged.toString()).isZero();
        JsonNode second = summary(out);
        assertThat(second.path("job_execution_id").asLong()).isNotEqualTo(firstSummary.path("job_execution_id").asLong());
        Map<String, JsonNode> secondFiles = files(second);
        assertThat(secondFiles.keySet()).isEqualTo(firstFiles.keySet());
        for (String name : loaded) {
            JsonNode file = secondFiles.get(name);
            assertThat(file.path("unchanged").asBoolean()).as(name).isTrue();
            assertThat(file.path("status").asText()).as(name).isEqualTo("loaded");
            for (String count : List.of("rows_read", "rows_loaded", "rows_rejected", "rows_skipped")) {
                assertThat(file.path(count).asLong()).as(name + " " + count).isEqualTo(firstFiles.get(name).path(count).asLong());
            }
            assertThat(file.path("rows_read").asLong()).as(name).isEqualTo(file.path("rows_loaded").asLong()
                    + file.path("rows_rejected").asLong() + file.path("rows_skipped").asLong());
        }
        assertThat(second.path("totals")).isEqualTo(firstSummary.path("totals"));
        assertThat(second.path("reused").path("files").asLong()).isEqualTo(loaded.size());
        assertThat(second.path("reused").path("profile").asBoolean()).isTrue();
        assertThat(second.path("reused").path("metrics").asBoolean()).isTrue();
        assertThat(second.path("reused").path("reports").asBoolean()).isTrue();
        assertThat(second.path("metrics")).isEqualTo(firstSummary.path("metrics"));
        assertThat(hashes(out)).isEqualTo(firstOutputs);
        assertThat(unchanged.out()).contains("hubspot-deals.csv: 1,779 rows read")
                .contains("unchanged: reused from the earlier load")
                .contains("Unchanged since the earlier run: " + loaded.size() + " file(s) kept as loaded, data profile kept, metrics kept, reports kept");

        // One deal fewer in the deals export: only that file is loaded again, the metrics and reports are redone.
        Path deals = input.resolve("hubspot-deals.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(deals, StandardCharsets.UTF_8));
        int dropped = -1;
        for (int i = lines.size() - 1; i > 0; i--) {
            if (lines.get(i).contains("\"Closed Won\"") && lines.get(i).contains(",\"2026-10-")) {
                dropped = i;
                break;
            }
        }
        assertThat(dropped).as("a deal won in October 2026").isPositive();
        lines.remove(dropped);
        Files.write(deals, lines, StandardCharsets.UTF_8);

        CliRun changed = CliRun.of(home, append(args, "--force"));
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        JsonNode third = summary(out);
        Map<String, JsonNode> thirdFiles = files(third);
        assertThat(thirdFiles.get("hubspot-deals.csv").path("unchanged").asBoolean()).isFalse();
        assertThat(thirdFiles.get("hubspot-deals.csv").path("rows_read").asLong())
                .isEqualTo(firstFiles.get("hubspot-deals.csv").path("rows_read").asLong() - 1);
        for (String name : loaded) {
            if (!name.equals("hubspot-deals.csv")) {
                assertThat(thirdFiles.get(name).path("unchanged").asBoolean()).as(name).isTrue();
            }
        }
        assertThat(third.path("reused").path("profile").asBoolean()).isFalse();
        assertThat(third.path("reused").path("metrics").asBoolean()).isFalse();
        assertThat(third.path("reused").path("reports").asBoolean()).isFalse();
        Map<String, String> changedOutputs = hashes(out);
        assertThat(changedOutputs.get("metrics/bookings_monthly.csv")).isNotEqualTo(firstOutputs.get("metrics/bookings_monthly.csv"));

        // The same changed exports analysed from scratch in a new folder give the same figures.
        Path fresh = freshRunHasTheSameFigures(home, input, out);
        Map<String, JsonNode> freshFiles = files(summary(fresh));
        for (String name : loaded) {
            for (String count : List.of("rows_read", "rows_loaded", "rows_rejected", "rows_skipped")) {
                assertThat(thirdFiles.get(name).path(count).asLong()).as(name + " " + count)
                        .isEqualTo(freshFiles.get(name).path(count).asLong());
            }
        }
    }

    @Test
    void aChangedThresholdRecomputesTheMetricsFromTheKeptFiles() throws Exception {
        Month month = firstRun();
        Path home = month.home(), input = month.input(), out = month.out();
        String[] args = month.args();
        Map<String, String> before = hashes(out);

        String[] stricter = append(append(append(args, "--set"), "stalled_days=10"), "--force");
        CliRun forced = CliRun.of(home, stricter);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        JsonNode summary = summary(out);
        assertThat(summary.path("reused").path("files").asLong()).isEqualTo(files(summary).values().stream()
                .filter(f -> f.path("status").asText().equals("loaded")).count()).isPositive();
        assertThat(summary.path("reused").path("metrics").asBoolean()).isFalse();
        assertThat(summary.path("reused").path("reports").asBoolean()).isFalse();
        Map<String, String> after = hashes(out);
        assertThat(after.get("metrics/stalled_deals.csv")).isNotEqualTo(before.get("metrics/stalled_deals.csv"));

        freshRunHasTheSameFigures(home, input, out, "--set", "stalled_days=10");
    }

    @Test
    void aChangedAccountsExportLoadsTheDealsAgainToo() throws Exception {
        Month month = firstRun();
        Path home = month.home(), input = month.input(), out = month.out();
        String[] args = month.args();

        // The largest customer moves segment: the deals are named after the accounts export, so they are loaded again.
        Path companies = input.resolve("hubspot-companies.csv");
        String text = Files.readString(companies, StandardCharsets.UTF_8);
        String moved = text.replace("\"Northwind Aerospace\",\"Aerospace\",\"United States\",\"5200\",\"910000000\",\"Enterprise\"",
                "\"Northwind Aerospace\",\"Aerospace\",\"United States\",\"5200\",\"910000000\",\"Mid-Market\"");
        assertThat(moved).isNotEqualTo(text);
        Files.writeString(companies, moved, StandardCharsets.UTF_8);

        CliRun forced = CliRun.of(home, append(args, "--force"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        Map<String, JsonNode> files = files(summary(out));
        assertThat(files.get("hubspot-companies.csv").path("unchanged").asBoolean()).isFalse();
        assertThat(files.get("hubspot-deals.csv").path("unchanged").asBoolean()).isFalse();
        assertThat(files.get("sales-team.csv").path("unchanged").asBoolean()).isTrue();
        assertThat(summary(out).path("reused").path("metrics").asBoolean()).isFalse();

        freshRunHasTheSameFigures(home, input, out);
    }

    /**
     * An export removed from the folder while the others stay as they were: every remaining file is kept as loaded,
     * but the data profile is built again (the removed file's rows leave the database there), and so are the metrics.
     */
    @Test
    void anExportRemovedFromTheFolderRebuildsTheProfileFromTheKeptFiles() throws Exception {
        Month month = firstRun();
        Path home = month.home(), input = month.input(), out = month.out();
        Files.delete(input.resolve("hubspot-meetings.csv"));

        CliRun forced = CliRun.of(home, append(month.args(), "--force"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        JsonNode summary = summary(out);
        Map<String, JsonNode> files = files(summary);
        assertThat(files).doesNotContainKey("hubspot-meetings.csv");
        assertThat(files.values()).allSatisfy(file -> assertThat(file.path("unchanged").asBoolean())
                .as(file.path("path").asText()).isEqualTo(file.path("status").asText().equals("loaded")));
        assertThat(summary.path("reused").path("files").asLong()).isPositive();
        assertThat(summary.path("reused").path("profile").asBoolean()).isFalse();
        assertThat(summary.path("reused").path("metrics").asBoolean()).isFalse();

        freshRunHasTheSameFigures(home, input, out);
    }

    /**
     * The same kept files rerun with --pseudonymise: the profile step is where names are replaced, so it is not kept,
     * and no rep's real name is left in the metric CSVs.
     */
    @Test
    void pseudonymisingAKeptMonthBuildsTheProfileAgain() throws Exception {
        Month month = firstRun();
        Path out = month.out();
        assertThat(Files.readString(out.resolve("metrics/rep_scorecard.csv"))).contains("Dana Whitfield");

        CliRun forced = CliRun.of(month.home(), append(append(month.args(), "--pseudonymise"), "--force"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        JsonNode summary = summary(out);
        assertThat(summary.path("reused").path("files").asLong()).isPositive();
        assertThat(summary.path("reused").path("profile").asBoolean()).isFalse();
        try (Stream<Path> csvs = Files.list(out.resolve("metrics"))) {
            for (Path csv : csvs.toList()) {
                assertThat(Files.readString(csv)).as(csv.toString()).doesNotContain("Dana Whitfield", "Tom Kowalski");
            }
        }
    }

    /**
     * A file rewritten with other content of the same size and given back its old modification time (a copy that
     * keeps times) is read again by the next run in the same process: a hash is trusted only within its run.
     */
    @Test
    void aSameSizedChangeWithItsOldTimestampIsLoadedAgain() throws Exception {
        Month month = firstRun();
        Path home = month.home(), input = month.input(), out = month.out();
        String[] args = month.args();
        Map<String, String> before = hashes(out);

        // Deal 9000000002 (lost, closed 2024-02-09, inside the last 12 quarters) gets another amount of the same length.
        Path deals = input.resolve("hubspot-deals.csv");
        java.nio.file.attribute.FileTime stamp = Files.getLastModifiedTime(deals);
        long size = Files.size(deals);
        String text = Files.readString(deals, StandardCharsets.UTF_8);
        String changed = text.replace("\"Closed Lost\",\"85400.00\"", "\"Closed Lost\",\"95400.00\"");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(deals, changed, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(deals, stamp);
        assertThat(Files.size(deals)).isEqualTo(size);

        CliRun forced = CliRun.of(home, append(args, "--force"));
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(files(summary(out)).get("hubspot-deals.csv").path("unchanged").asBoolean()).isFalse();
        assertThat(hashes(out).get("metrics/win_rate_quarterly.csv")).isNotEqualTo(before.get("metrics/win_rate_quarterly.csv"));
        freshRunHasTheSameFigures(home, input, out);
    }

    /** The month's exports (a copy of the sample), where it is written, and how it is run. */
    private record Month(Path home, Path input, Path out, String[] args) {
    }

    /** The sample's month run once into a new output folder. */
    private Month firstRun() throws Exception {
        Path input = copyOfTheSample();
        Path out = temp.resolve("out");
        String[] args = {"run", "monthly-board-report", "--as-of", "2026-10-31", "--input", input.toString(),
                "--out", out.toString()};
        CliRun first = CliRun.of(temp.resolve("home"), args);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        return new Month(temp.resolve("home"), input, out, args);
    }

    private Path copyOfTheSample() throws Exception {
        Path input = temp.resolve("exports");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        return input;
    }

    /** Runs the month from scratch into a new folder with the same inputs (and settings); its figures equal {@code out}'s. */
    private Path freshRunHasTheSameFigures(Path home, Path input, Path out, String... settings) throws Exception {
        Path fresh = temp.resolve("fresh");
        String[] args = {"run", "monthly-board-report", "--as-of", "2026-10-31", "--input", input.toString(),
                "--out", fresh.toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + settings.length);
        System.arraycopy(settings, 0, all, args.length, settings.length);
        CliRun scratch = CliRun.of(home, all);
        assertThat(scratch.exitCode()).as(scratch.toString()).isZero();
        assertSameFigures(out, fresh);
        return fresh;
    }

    /** Every metric CSV and the rejects of two output folders are the same, byte for byte. */
    private static void assertSameFigures(Path out, Path fresh) throws Exception {
        Map<String, String> figures = new TreeMap<>(hashes(out));
        figures.keySet().removeIf(name -> !name.endsWith(".csv"));
        Map<String, String> freshFigures = new TreeMap<>(hashes(fresh));
        freshFigures.keySet().removeIf(name -> !name.endsWith(".csv"));
        assertThat(figures).hasSizeGreaterThan(20);
        assertThat(figures.keySet()).isEqualTo(freshFigures.keySet());
        for (String name : freshFigures.keySet()) {
            assertThat(Files.readString(out.resolve(name))).as(name).isEqualTo(Files.readString(fresh.resolve(name)));
        }
    }

    private static JsonNode summary(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    }

    /** The run summary's files by their name in the input folder. */
    private static Map<String, JsonNode> files(JsonNode summary) {
        Map<String, JsonNode> files = new TreeMap<>();
        summary.path("files").forEach(file -> files.put(file.path("relative_path").asText(file.path("path").asText()), file));
        return files;
    }

    /** SHA-256 of every document and CSV the run wrote, by path in the output folder. */
    private static Map<String, String> hashes(Path out) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString();
                if (name.endsWith(".pdf") || name.endsWith(".csv") || name.endsWith(".xlsx")) {
                    hashes.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
        }
        return hashes;
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
