package io.revlens.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCompanyGeneratorTests {

    @TempDir
    Path temp;

    @Test
    void theCommittedSampleIsExactlyWhatTheGeneratorWrites() throws Exception {
        SampleCompanyGenerator.generate(temp, 11, 1);
        for (String csv : List.of("hubspot-deals.csv", "hubspot-companies.csv", "sales-team.csv", "hubspot-calls.csv", "hubspot-meetings.csv")) {
            assertThat(Files.readString(temp.resolve(csv))).as(csv).isEqualTo(Files.readString(Path.of("sample-data", csv)));
        }
        assertThat(cells(temp.resolve("invoice-lines.xlsx"))).isEqualTo(cells(Path.of("sample-data", "invoice-lines.xlsx")));
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherFiles() throws Exception {
        SampleCompanyGenerator.generate(temp.resolve("a"), 5, 1);
        SampleCompanyGenerator.generate(temp.resolve("b"), 5, 1);
        SampleCompanyGenerator.generate(temp.resolve("c"), 6, 1);
        assertThat(Files.readString(temp.resolve("a/hubspot-deals.csv"))).isEqualTo(Files.readString(temp.resolve("b/hubspot-deals.csv")));
        assertThat(Files.readString(temp.resolve("a/hubspot-deals.csv"))).isNotEqualTo(Files.readString(temp.resolve("c/hubspot-deals.csv")));
    }

    @Test
    void scaleGrowsTheData() throws Exception {
        var one = SampleCompanyGenerator.generate(temp.resolve("one"), 11, 1);
        var two = SampleCompanyGenerator.generate(temp.resolve("two"), 11, 2);
        assertThat(two.deals()).isBetween(one.deals() * 18 / 10, one.deals() * 22 / 10);
        assertThat(two.invoiceLines()).isGreaterThan(one.invoiceLines() * 3 / 2);
    }

    @Test
    void headersAreThoseOfTheRealExports() throws Exception {
        assertThat(Files.readAllLines(Path.of("sample-data/hubspot-deals.csv")).get(0))
                .startsWith("\"Record ID\",\"Deal Name\",\"Associated Company\",\"Deal owner\",\"Deal Stage\",\"Amount\"")
                .contains("\"Date entered \"\"Proposal (Sales Pipeline)\"\"\"");
        assertThat(Files.readAllLines(Path.of("sample-data/sales-team.csv")).get(0))
                .isEqualTo("Rep Name,Email,Role,Hire Date,End Date,Manager,Region,Quarterly Quota");
    }

    private static List<List<String>> cells(Path xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(java.util.Locale.US);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                row.forEach(cell -> values.add(cell.getCellType() + ":" + formatter.formatCellValue(cell)));
                rows.add(values);
            }
        }
        return rows;
    }
}
