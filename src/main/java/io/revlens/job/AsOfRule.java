package io.revlens.job;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * How a run picks its as-of date when none is given: a scheduled report covers the period just
 * closed; a data dump is analysed as of its own latest transaction.
 */
public enum AsOfRule {
    PREVIOUS_MONTH_END("previous-month-end"),
    PREVIOUS_QUARTER_END("previous-quarter-end"),
    LATEST_DATA("latest-data");

    private final String label;

    AsOfRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses the YAML spelling; throws with the accepted values when unknown. */
    public static AsOfRule parse(String text) {
        return Arrays.stream(values())
                .filter(rule -> rule.label.equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown as_of '" + text + "', expected one of "
                        + Arrays.stream(values()).map(AsOfRule::label).toList()));
    }

    /** The as-of date for a run on {@code runDate}; empty for {@link #LATEST_DATA}, which needs the data. */
    public java.util.Optional<LocalDate> fromRunDate(LocalDate runDate) {
        return switch (this) {
            case PREVIOUS_MONTH_END -> java.util.Optional.of(YearMonth.from(runDate).minusMonths(1).atEndOfMonth());
            case PREVIOUS_QUARTER_END -> {
                int firstMonthOfQuarter = ((runDate.getMonthValue() - 1) / 3) * 3 + 1;
                yield java.util.Optional.of(runDate.withMonth(firstMonthOfQuarter).withDayOfMonth(1).minusDays(1));
            }
            case LATEST_DATA -> java.util.Optional.empty();
        };
    }
}
