package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook with several data sheets is loaded sheet by sheet, each sheet an entry of its own: loading it again
 * replaces every sheet, a sheet removed from the workbook leaves with it, and a restart inside the workbook goes
 * on from the sheet in progress.
 */
class WorkbookSheetsIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void loadingAgainReplacesEverySheetAndARemovedSheetLeaves() throws Exception {
        Path workbook = temp.resolve("in/deals.xlsx");
        write(workbook, List.of("2024", "2025"));
        Path db = temp.resolve("db.duckdb");

        LoadRun.run(db, List.of(workbook), Map.of());
        LoadRun.run(db, List.of(workbook), Map.of());
        assertThat(LoadRun.query(db, "select sheet, rows_loaded from source_files order by sheet"))
                .containsExactly(List.of("Deals 2024", "2"), List.of("Deals 2025", "2"));
        assertThat(LoadRun.query(db, "select count(*), count(distinct opportunity_id) from opportunities"))
                .containsExactly(List.of("4", "4"));

        write(workbook, List.of("2024"));
        LoadRun.run(db, List.of(workbook), Map.of());
        assertThat(LoadRun.query(db, "select sheet, rows_loaded from source_files"))
                .containsExactly(List.of("Deals 2024", "2"));
        assertThat(LoadRun.query(db, "select opportunity_id from opportunities order by 1"))
                .containsExactly(List.of("2024-1"), List.of("2024-2"));
    }

    @Test
    void aRestartInsideTheWorkbookReadsOnFromTheSheetInProgress() throws Exception {
        Path workbook = temp.resolve("in/deals.xlsx");
        write(workbook, List.of("2024", "2025", "2026"));
        ExportRowReader reader = new ExportRowReader(List.of(workbook), Map.of(), ProfileCatalog.builtIn(), true);
        ExecutionContext context = new ExecutionContext();
        context.putInt(ExportRowReader.FILE_INDEX_KEY, 0);
        context.putInt(ExportRowReader.SHEET_INDEX_KEY, 1);
        reader.open(context);
        List<String> read = new ArrayList<>();
        for (LoadItem item = reader.read(); item != null; item = reader.read()) {
            if (item.row() != null) {
                read.add(item.slot().opened.sheet() + " row " + item.row().rowNumber());
            }
        }
        reader.close();
        assertThat(read).containsExactly("Deals 2025 row 2", "Deals 2025 row 3", "Deals 2026 row 2", "Deals 2026 row 3");
    }

    private static void write(Path file, List<String> years) throws Exception {
        Files.createDirectories(file.getParent());
        BadInputsIntegrationTests.IngestFixtures.sheetsPerYear(file, years);
    }
}
