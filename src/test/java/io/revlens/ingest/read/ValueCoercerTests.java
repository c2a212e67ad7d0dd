package io.revlens.ingest.read;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueCoercerTests {

    private final ValueCoercer us = new ValueCoercer(DateOrder.MDY, false, false);
    private final ValueCoercer eu = new ValueCoercer(DateOrder.DMY, true, false);

    @Test
    void amountsWithSymbolsCodesSeparatorsAndNegatives() throws Exception {
        assertThat(us.money("$1,234.56")).isEqualTo(new Money(new BigDecimal("1234.56"), "USD"));
        assertThat(us.money("(1,234.00)")).isEqualTo(new Money(new BigDecimal("-1234.00"), null));
        assertThat(us.money("-1234")).isEqualTo(new Money(new BigDecimal("-1234.00"), null));
        assertThat(us.money("1234-")).isEqualTo(new Money(new BigDecimal("-1234.00"), null));
        assertThat(us.money("1.234,56 €")).isEqualTo(new Money(new BigDecimal("1234.56"), "EUR"));
        assertThat(us.money("EUR 99.5")).isEqualTo(new Money(new BigDecimal("99.50"), "EUR"));
        assertThat(us.money("-$5.00")).isEqualTo(new Money(new BigDecimal("-5.00"), "USD"));
        assertThat(us.money("1 234 567.891")).isEqualTo(new Money(new BigDecimal("1234567.89"), null));
        assertThat(us.money("1.234.567")).isEqualTo(new Money(new BigDecimal("1234567.00"), null));
        assertThat(eu.money("1.234")).isEqualTo(new Money(new BigDecimal("1234.00"), null));
        assertThat(eu.money("1,5")).isEqualTo(new Money(new BigDecimal("1.50"), null));
        assertThat(us.money(12.345d)).isEqualTo(new Money(new BigDecimal("12.35"), null));
        assertThat(us.money("  ")).isNull();
    }

    @Test
    void theWholeStringMustBeANumber() {
        assertThatThrownBy(() -> us.money("1,234abc")).hasMessage(ValueCoercer.NOT_A_NUMBER);
        assertThatThrownBy(() -> us.money("1.234,56,7")).hasMessage(ValueCoercer.NOT_A_NUMBER);
        assertThatThrownBy(() -> us.money("12 apples")).hasMessage(ValueCoercer.NOT_A_NUMBER);
        assertThatThrownBy(() -> us.decimal("$5", 2)).hasMessage(ValueCoercer.NOT_A_NUMBER);
        assertThatThrownBy(() -> us.integer("2.5")).hasMessage("not a whole number");
    }

    @Test
    void datesIsoLocaleNamesSerialsAndZones() throws Exception {
        assertThat(us.date("2026-03-04")).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(us.date("03/04/2026")).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(eu.date("03/04/2026")).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(eu.date("03.04.26")).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(us.date("3/4/2026 2:15 PM")).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(us.date("2026-03-04T23:59:59+05:30")).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(us.date("2026-03-04 10:00")).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(us.date("4 Mar 2026")).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(us.date("05-Jan-2026")).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(us.date("March 4, 2026")).isEqualTo(LocalDate.of(2026, 3, 4));
        // 45,658 = 2025-01-01 in the 1900 system; +1,462 days in the 1904 system.
        assertThat(us.date(45658d)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(new ValueCoercer(DateOrder.MDY, false, true).date(45658d)).isEqualTo(LocalDate.of(2029, 1, 2));
        assertThat(us.date(LocalDateTime.of(2026, 1, 2, 13, 0))).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(us.date("")).isNull();
    }

    @Test
    void badDatesSayWhy() {
        assertThatThrownBy(() -> us.date("2026-02-30")).hasMessage("not a valid calendar date: invalid date 'february 30'");
        assertThatThrownBy(() -> us.date("13/13/2026")).hasMessageStartingWith("not a valid calendar date: invalid value for monthofyear");
        assertThatThrownBy(() -> us.date("next week")).hasMessage("not a date");
        assertThatThrownBy(() -> us.date(42d)).hasMessage("not a date");
    }

    @Test
    void booleansAndText() throws Exception {
        assertThat(ValueCoercer.bool("Yes")).isTrue();
        assertThat(ValueCoercer.bool("0")).isFalse();
        assertThat(ValueCoercer.bool(null)).isNull();
        assertThatThrownBy(() -> ValueCoercer.bool("maybe")).hasMessage("not a boolean");
        assertThat(ValueCoercer.text(1001d)).isEqualTo("1001");
        assertThat(ValueCoercer.text(2.5d)).isEqualTo("2.5");
        assertThat(ValueCoercer.text("  x\u00A0")).isEqualTo("x");
    }
}
