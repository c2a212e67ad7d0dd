package io.revlens.job;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a job plans against: scorecard measurables (a metric, optionally for one rep, region, segment or source,
 * with an owner, a goal and a cadence) and Rocks (a quarterly goal: a metric moved from a baseline to a target by
 * a due date). From the job file's {@code scorecard:} and {@code rocks:}; written to the run's database by
 * {@link PlanWriter} for the metric SQL.
 */
public record Planning(int streakAlert, List<Measurable> measurables, List<Rock> rocks) {

    /** Periods in a row of one status after which a measurable is flagged as not prompting action. */
    public static final int DEFAULT_STREAK_ALERT = 8;

    public static Planning none() {
        return new Planning(DEFAULT_STREAK_ALERT, List.of(), List.of());
    }

    /** Which slice of a metric: all of it (by null) or one rep, region, segment or source. */
    public record Filter(String by, String value) {
        public static final List<String> DIMENSIONS = List.of("rep", "region", "segment", "source");
        public static final Filter ALL = new Filter(null, null);
    }

    /** @param goal null: judged against the same period a year earlier */
    public record Measurable(String name, String metric, Filter filter, String owner, BigDecimal goal,
                             String direction, String cadence) {
    }

    /** @param baseline null: measured at the start date */
    public record Rock(String name, String metric, Filter filter, String owner, BigDecimal baseline,
                       LocalDate start, BigDecimal target, LocalDate due, String direction) {
    }
}
