package io.revlens.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook with several data sheets is loaded sheet by sheet, each sheet an entry of its own: loaded again
 * unchanged, every sheet's load is kept; changed, every sheet is replaced, and a sheet removed from the workbook
 * leaves with it (a restart inside the workbook:
 * {@code ExportRowReaderIntegrationTests}).
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
        // unchanged: each sheet's earlier load is kept, in its order, without the workbook being read again
        assertThat(LoadRun.query(db, "select sheet, rows_loaded, coalesce(reused, false) from source_files order by source_file_id"))
                .containsExactly(List.of("Deals 2024", "2", "true"), List.of("Deals 2025", "2", "true"));
        assertThat(LoadRun.query(db, "select count(*), count(distinct opportunity_id) from opportunities"))
                .containsExactly(List.of("4", "4"));

        write(workbook, List.of("2024"));
        LoadRun.run(db, List.of(workbook), Map.of());
        assertThat(LoadRun.query(db, "select sheet, rows_loaded from source_files"))
                .containsExactly(List.of("Deals 2024", "2"));
        assertThat(LoadRun.query(db, "select opportunity_id from opportunities order by 1"))
                .containsExactly(List.of("2024-1"), List.of("2024-2"));
    }

    private static void write(Path file, List<String> years) throws Exception {
        Files.createDirectories(file.getParent());
        Workbooks.sheetsPerYear(file, years);
    }
}
