package io.revlens.ingest.load;

import io.revlens.ingest.Workbooks;
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

/** The load step's reader: its position in a workbook of several data sheets survives a restart. */
class ExportRowReaderIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aRestartInsideTheWorkbookReadsOnFromTheSheetInProgress() throws Exception {
        Path workbook = temp.resolve("in/deals.xlsx");
        Files.createDirectories(workbook.getParent());
        Workbooks.sheetsPerYear(workbook, List.of("2024", "2025", "2026"));
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
}
