package io.revlens.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bulk path's total-label filter (RE2, in DuckDB) sends to RowMapper every label RowMapper may take for a total
 * (else a total row would load as a deal or invoice), and not ordinary names that merely contain "sum" or "total"
 * (each such row made the whole file be read twice).
 */
class TotalLabelPrefilterTests {

    @Test
    void everyLabelJavaMayCallATotalIsSentToJavaAndOrdinaryNamesAreNot() throws Exception {
        List<String> totals = List.of("Total", "TOTAL:", " Subtotal", "Sub-total", "Grand Total", "Total Closed Won",
                "Sum", "Sum of Amount", "Summe", "Gesamtsumme", "Zwischensumme", "\u000BTotal", "Total Quality Corp");
        List<String> names = List.of("Summit Labs", "Totalcare Medical", "Consumer Goods Inc", "Acme Total Solutions",
                "Sumé Industries é", "Gesamtheit GmbH");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement match = duckdb.prepareStatement("select regexp_matches(?, ?)")) {
            for (String label : totals) {
                boolean java = RowMapper.TOTAL_LABEL.matcher(label).matches() || RowMapper.TOTAL_PREFIX.matcher(label.strip()).matches();
                assertThat(java).as("Java takes %s for a total", label).isTrue();
                assertThat(matches(match, label)).as("sent to Java: %s", label).isTrue();
            }
            for (String name : names) {
                boolean java = RowMapper.TOTAL_LABEL.matcher(name).matches() || RowMapper.TOTAL_PREFIX.matcher(name).matches();
                assertThat(java).as("Java takes %s for a name", name).isFalse();
                if (!name.startsWith("Sumé")) { // RE2's ASCII word boundary sends this one to Java: harmless, Java decides
                    assertThat(matches(match, name)).as("kept in the fast path: %s", name).isFalse();
                }
            }
        }
    }

    private static boolean matches(PreparedStatement match, String text) throws Exception {
        match.setString(1, text);
        match.setString(2, RowMapper.TOTAL_START_RE2);
        try (ResultSet rs = match.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
