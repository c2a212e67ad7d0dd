package io.revlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricCsvWriterTests {

    @Test
    void numbersArePlainWithADotAndNoExponent() {
        assertThat(MetricCsvWriter.format(new BigDecimal("1234567.50"))).isEqualTo("1234567.50");
        assertThat(MetricCsvWriter.format(1.0E-7)).isEqualTo("0.0000001");
        assertThat(MetricCsvWriter.format(2.5E9)).isEqualTo("2500000000");
        assertThat(MetricCsvWriter.format(-0.25)).isEqualTo("-0.25");
        assertThat(MetricCsvWriter.format(42L)).isEqualTo("42");
    }

    @Test
    void datesAreIsoAndBooleansAreWords() {
        assertThat(MetricCsvWriter.format(Date.valueOf(LocalDate.of(2026, 10, 31)))).isEqualTo("2026-10-31");
        assertThat(MetricCsvWriter.format(true)).isEqualTo("true");
        assertThat(MetricCsvWriter.format(null)).isEmpty();
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedButNumbersAreNot() {
        assertThat(MetricCsvWriter.format("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(MetricCsvWriter.format("+1")).isEqualTo("'+1");
        assertThat(MetricCsvWriter.format("-2")).isEqualTo("'-2");
        assertThat(MetricCsvWriter.format("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(MetricCsvWriter.format("\tcmd")).isEqualTo("'\tcmd");
        assertThat(MetricCsvWriter.format("Acme")).isEqualTo("Acme");
        assertThat(MetricCsvWriter.format(new BigDecimal("-5.00"))).isEqualTo("-5.00");
    }
}
