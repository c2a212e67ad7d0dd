package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's outputs are exactly its inputs: another client's folder analysed into the same output folder, a file
 * deleted from the folder, a moved folder, a deleted output folder.
 */
class RunIsItsInputsIntegrationTests {

    @TempDir
    Path temp;

    private static final String HEADER = "opportunity_id,stage,amount,close_date,created_date,account,sales_agent\n";

    private Path client(String name, String... rows) throws Exception {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve("deals.csv"), HEADER + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return folder;
    }

    private static List<String> fileNames(Path out) throws Exception {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("run-summary.json").toFile()).path("files")
                .forEach(f -> names.add(f.path("path").asText()));
        return names;
    }

    private static List<String> reps(Path out) throws Exception {
        return MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/rep_scorecard.csv")).stream()
                .map(r -> r.get("rep_name")).toList();
    }

    @Test
    void asecondClientsReportHoldsOnlyItsOwnData() throws Exception {
        Path a = client("client-a", "A1,Won,1000,2026-01-10,2025-12-01,Acme,Alice Ames", "A2,Lost,500,2026-01-20,2025-12-05,Apex,Alice Ames");
        Files.writeString(a.resolve("more-deals.csv"), HEADER + "A3,Won,700,2026-01-15,2025-12-02,Acme,Arno Abel\n",
                StandardCharsets.UTF_8);
        Path b = client("client-b", "B1,Won,300,2026-02-10,2026-01-01,Bolt,Bea Berg", "B2,Lost,200,2026-02-20,2026-01-05,Bay,Bea Berg");
        Path out = temp.resolve("out");

        CliRun first = CliRun.of(temp.resolve("home"), "analyze", a.toString(), "--out", out.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(reps(out)).containsExactlyInAnyOrder("Alice Ames", "Arno Abel");

        CliRun second = CliRun.of(temp.resolve("home"), "analyze", b.toString(), "--out", out.toString());
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("held the data of other input folders (" + a + "); starting a clean one");
        assertThat(fileNames(out)).containsExactly(b.resolve("deals.csv").toString());
        assertThat(reps(out)).containsExactly("Bea Berg");
        CSVRecord summary = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_summary.csv")).get(0);
        assertThat(summary.get("won_amount")).isEqualTo("300.00");
        assertThat(PdfText.of(out.resolve("client-dump-analysis.pdf")).text()).doesNotContain("Alice Ames")
                .doesNotContain("more-deals.csv");

        CliRun kept = CliRun.of(temp.resolve("home"), "analyze", a.toString(), "--out", out.toString(), "--keep-history");
        assertThat(kept.exitCode()).as(kept.out() + kept.err()).isZero();
        assertThat(kept.out()).doesNotContain("starting a clean one");
        assertThat(fileNames(out)).hasSize(3);
    }

    @Test
    void aDeletedExportIsGoneFromTheNextRun() throws Exception {
        Path folder = client("client", "A1,Won,1000,2026-01-10,2025-12-01,Acme,Alice Ames");
        Path extra = folder.resolve("extra.csv");
        Files.writeString(extra, HEADER + "X1,Won,99999,2026-01-12,2025-12-01,Ghost,Gus Ghost\n"
                + "X2,Haunting,500,2026-03-12,2025-12-20,Ghost,Gus Ghost\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");
        assertThat(CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(reps(out)).contains("Gus Ghost");
        assertThat(stages(out)).contains("Haunting");

        Files.delete(extra);
        CliRun again = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(fileNames(out)).containsExactly(folder.resolve("deals.csv").toString());
        assertThat(reps(out)).containsExactly("Alice Ames");
        assertThat(MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_summary.csv")).get(0)
                .get("won_amount")).isEqualTo("1000.00");
        // The stage only the deleted export had leaves the pipeline with it.
        assertThat(stages(out)).doesNotContain("Haunting");
    }

    private static List<String> stages(Path out) throws Exception {
        return MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/stage_funnel.csv")).stream()
                .map(r -> r.get("stage")).toList();
    }

    @Test
    void aMovedFolderCountsEachFileOnce() throws Exception {
        Path folder = client("client", "A1,Won,1000,2026-01-10,2025-12-01,Acme,Alice Ames");
        Files.writeString(folder.resolve("accounts.csv"), "account,industry\nAcme,Retail\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");
        assertThat(CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString()).exitCode()).isZero();
        String lineage = Files.readString(out.resolve("metrics/opportunity_progress.csv"));
        assertThat(lineage).contains(",deals.csv,2,");

        Path moved = temp.resolve("moved");
        Files.move(folder, moved);
        CliRun again = CliRun.of(temp.resolve("home"), "analyze", moved.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Read 2 file(s)").contains("which no longer exists (moved or renamed?)");
        assertThat(fileNames(out)).containsExactlyInAnyOrder(moved.resolve("deals.csv").toString(),
                moved.resolve("accounts.csv").toString());
        // Outputs name files relative to the input folder: the same bytes wherever the folder sits.
        assertThat(Files.readString(out.resolve("metrics/opportunity_progress.csv"))).isEqualTo(lineage);
    }

    @Test
    void deletingTheOutputFolderProducesTheOutputsAgain() throws Exception {
        Path out = temp.resolve("board");
        String[] args = {"run", "monthly-board-report", "--input", "sample-data", "--as-of", "2026-10-31", "--out", out.toString()};
        assertThat(CliRun.of(temp.resolve("home"), args).exitCode()).isZero();
        CliRun identical = CliRun.of(temp.resolve("home"), args);
        assertThat(identical.out()).contains("Nothing to do");

        try (Stream<Path> walk = Files.walk(out)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        CliRun again = CliRun.of(temp.resolve("home"), args);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).doesNotContain("Nothing to do").contains("producing them again");
        assertThat(out.resolve("board-report.pdf")).isRegularFile();

        // A report changed by hand is not "identical" either.
        Files.writeString(out.resolve("board-report.pdf"), "edited");
        CliRun afterEdit = CliRun.of(temp.resolve("home"), args);
        assertThat(afterEdit.out()).contains("producing them again");
        assertThat(Files.size(out.resolve("board-report.pdf"))).isGreaterThan(1000);
    }
}
