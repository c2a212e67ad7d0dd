package io.revlens.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Templates load only from {@code reports/} by plain name, and a broken template is reported with its
 * name and the line to fix (fixtures in src/test/resources/reports/broken-*.jrxml).
 */
class ReportRendererTests {

    @TempDir
    Path temp;

    private final ReportContext context = new ReportContext("Acme", "USD", LocalDate.of(2026, 1, 31), "As of",
            OffsetDateTime.parse("2026-02-01T06:00:00Z"), "test");

    @ParameterizedTest
    @ValueSource(strings = {"../pom", "/etc/passwd", "..", "reports/board-monthly", "board-monthly.jrxml", "Board-Monthly", ""})
    void refusesTemplateNamesThatAreNotPlainNamesInReports(String name) {
        ReportRenderer renderer = new ReportRenderer(temp.resolve("cache"));
        assertThatThrownBy(() -> renderer.render(null, name, context, temp.resolve("x.pdf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Template names are plain names of files in reports/: " + name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "broken-field|reports/broken-field.jrxml line 9: Field not found : no_such_field",
            "broken-xml|reports/broken-xml.jrxml line 9: Unexpected close tag </detail>; expected </band>.",
            "broken-java|reports/broken-java.jrxml line 10: expression $F{one}.noSuchMethod(42) does not compile:"
                    + " The method noSuchMethod(int) is undefined for the type String"})
    void aBrokenTemplateIsReportedWithItsNameAndLine(String template, String expected) {
        ReportRenderer renderer = new ReportRenderer(temp.resolve("cache"));
        assertThatThrownBy(() -> renderer.render(null, template, context, temp.resolve("x.pdf")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Report template " + expected);
    }
}
