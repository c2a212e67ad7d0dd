package io.revlens.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The metrics a scorecard measurable or a Rock can track, each computed once in {@code plan_facts.sql} from the
 * definitions in docs/metrics.md (#scorecard-measurables-and-rocks). A count or sum adds up over a period; a rate
 * or an average is a ratio of two sums over the period, so a period with nothing in its denominator is unknown.
 */
public enum PlanMetric {
    NEW_OPPORTUNITIES(Kind.COUNT, true, "opportunities"),
    DEALS_WON(Kind.COUNT, true, "opportunities"),
    BOOKINGS(Kind.SUM, true, "opportunities"),
    WIN_RATE(Kind.RATE, true, "opportunities"),
    PROPOSAL_WIN_RATE(Kind.RATE, true, "opportunities"),
    AVERAGE_CYCLE_DAYS(Kind.AVERAGE, false, "opportunities"),
    AVERAGE_DEAL_SIZE(Kind.AVERAGE, true, "opportunities"),
    ACTIVITIES(Kind.COUNT, true, "activities"),
    CALLS(Kind.COUNT, true, "activities"),
    MEETINGS(Kind.COUNT, true, "activities"),
    EMAILS(Kind.COUNT, true, "activities"),
    MQLS(Kind.COUNT, true, "leads"),
    SQLS(Kind.COUNT, true, "leads"),
    MQL_TO_SQL_RATE(Kind.RATE, true, "leads");

    /** How values over a period combine: counts and sums accumulate; rates and averages do not. */
    public enum Kind { COUNT, SUM, RATE, AVERAGE }

    private final Kind kind;
    private final boolean higherIsBetter;
    private final String sourceTable;

    PlanMetric(Kind kind, boolean higherIsBetter, String sourceTable) {
        this.kind = kind;
        this.higherIsBetter = higherIsBetter;
        this.sourceTable = sourceTable;
    }

    /** How a value reads: money, rate (a fraction shown as a percentage), days or count. */
    public String unit() {
        return switch (this) {
            case BOOKINGS, AVERAGE_DEAL_SIZE -> "money";
            case WIN_RATE, PROPOSAL_WIN_RATE, MQL_TO_SQL_RATE -> "rate";
            case AVERAGE_CYCLE_DAYS -> "days";
            default -> "count";
        };
    }

    /** The canonical table whose records it counts: its data's first date starts what the metric can know. */
    public String sourceTable() {
        return sourceTable;
    }

    /** The name used in job files and in plan_facts ({@code new_opportunities}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a Rock's progress accumulates from its start (counts, sums) rather than being a level (rates). */
    public boolean accumulates() {
        return kind == Kind.COUNT || kind == Kind.SUM;
    }

    /** The direction a goal is met in when the job file does not say: "up" (higher is better) or "down". */
    public String defaultDirection() {
        return higherIsBetter ? "up" : "down";
    }

    public static Optional<PlanMetric> of(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }

    /** Every key, for messages. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(PlanMetric::key).toList());
    }
}
