package io.revlens.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formats used by the report templates (called from their expressions). */
public final class ReportFormats {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);

    private ReportFormats() {
    }

    public static String symbol(String currency) {
        if (currency == null) {
            return "";
        }
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "CAD" -> "C$";
            case "AUD" -> "A$";
            default -> currency + " ";
        };
    }

    /** "$1,234,567" — whole units with grouping. */
    public static String money(Number amount, String currency) {
        if (amount == null) {
            return "–";
        }
        BigDecimal value = new BigDecimal(amount.toString()).setScale(0, RoundingMode.HALF_UP);
        return (value.signum() < 0 ? "-" : "") + symbol(currency) + new DecimalFormat("#,##0", SYMBOLS).format(value.abs());
    }

    /** "$1.2M", "$259K", "$950" — for tiles. */
    public static String compactMoney(Number amount, String currency) {
        if (amount == null) {
            return "–";
        }
        double v = amount.doubleValue();
        String sign = v < 0 ? "-" : "";
        double a = Math.abs(v);
        if (a >= 1_000_000) {
            return sign + symbol(currency) + new DecimalFormat("0.0", SYMBOLS).format(a / 1_000_000) + "M";
        }
        if (a >= 1_000) {
            return sign + symbol(currency) + new DecimalFormat("0", SYMBOLS).format(a / 1_000) + "K";
        }
        return sign + symbol(currency) + new DecimalFormat("0", SYMBOLS).format(a);
    }

    /** "23.4%" from a fraction; "–" when missing. */
    public static String percent(Number fraction) {
        if (fraction == null) {
            return "–";
        }
        return new BigDecimal(fraction.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /**
     * The win-rate paragraph every report prints (win_rate_summary): a figure that is unknown is said with its
     * reason, never as 0%, 100% or "null won of null" (docs/metrics.md#win-rate).
     */
    public static String winRateSummary(Number won, Number lost, Number winRate, Number byValue, String proposalStage,
                                        Number proposalWon, Number proposalClosed, Number proposalRate,
                                        Number medianCycleDays, Number averageDeal, Number openCount,
                                        Number openPipeline, Number openAmounts, String currency) {
        if (won == null && lost == null) {
            return "No opportunities export: win rate, sales cycle and open pipeline not computed.";
        }
        long wonCount = won == null ? 0 : won.longValue();
        long closed = wonCount + (lost == null ? 0 : lost.longValue());
        StringBuilder text = new StringBuilder();
        if (closed == 0) {
            text.append("No deal closed in the trailing 12 months: win rate not computed.");
        } else if (winRate == null) {
            text.append("Win rate not computed: the exports hold no lost deals (an export of won deals only?); ")
                    .append(wonCount).append(" won deals closed in the trailing 12 months.");
        } else {
            text.append("Win rate, trailing 12 months: ").append(percent(winRate)).append(" (").append(wonCount)
                    .append(" won of ").append(closed).append(" closed; ")
                    .append(byValue == null ? "by value not computed: the lost deals carry no amounts" : "by value " + percent(byValue))
                    .append(").");
        }
        if (proposalRate != null) {
            text.append(" Proposal-stage win rate: ").append(percent(proposalRate)).append(" (").append(proposalWon)
                    .append(" won of ").append(proposalClosed).append(" deals that reached ").append(proposalStage).append(").");
        } else if (winRate != null && proposalClosed == null) {
            text.append(" Proposal-stage win rate not computed: without stage history how far lost deals got is unknown.");
        } else if (winRate != null) {
            text.append(" Proposal-stage win rate not computed: no closed deal reached ").append(proposalStage).append('.');
        }
        if (medianCycleDays == null) {
            text.append(closed == 0 ? "" : " Sales cycle not computed: no won deal has a created date on or before its close date.");
        } else {
            text.append(" Median sales cycle ").append(String.format(Locale.US, "%.0f", medianCycleDays.doubleValue()))
                    .append(" days;");
        }
        if (averageDeal != null) {
            text.append(" average deal ").append(money(averageDeal, currency)).append(';');
        }
        if (openCount == null) {
            return text.append(" Open deals are not in the exports.").toString();
        }
        long open = openCount.longValue();
        text.append(' ').append(open).append(" open deals");
        if (open > 0 && (openPipeline == null || openAmounts != null && openAmounts.longValue() == 0)) {
            text.append(" (no amounts in the export).");
        } else if (open > 0) {
            text.append(" worth ").append(money(openPipeline, currency)).append('.');
        } else {
            text.append('.');
        }
        return text.toString();
    }

    /** A signed change in percent: "+12.0%" / "-45.3%". */
    public static String change(Number fraction) {
        if (fraction == null) {
            return "–";
        }
        String text = percent(fraction);
        return fraction.doubleValue() > 0 ? "+" + text : text;
    }

    /** Formats a KPI or plan value by its unit (money, rate, days, count). */
    public static String kpi(Number value, String unit, String currency) {
        if (value == null) {
            return "–";
        }
        return switch (unit) {
            case "money" -> compactMoney(value, currency);
            case "rate" -> percent(value);
            case "days" -> new DecimalFormat("#,##0", SYMBOLS).format(value.doubleValue()) + " d";
            default -> new DecimalFormat("#,##0.#", SYMBOLS).format(value.doubleValue());
        };
    }

    /** ▲, ▼ or ▶ comparing a value with an earlier one. */
    public static String arrow(Number now, Number before) {
        if (now == null || before == null) {
            return "";
        }
        int c = Double.compare(now.doubleValue(), before.doubleValue());
        return c > 0 ? "▲" : c < 0 ? "▼" : "▶";
    }

    /** The human name of a KPI key. */
    public static String kpiLabel(String kpi) {
        return switch (kpi) {
            case "t12m_revenue" -> "Revenue, trailing 12 months";
            case "bookings_month" -> "Bookings this month";
            case "win_rate_t12m" -> "Win rate (T12M)";
            case "open_pipeline" -> "Open pipeline";
            case "top_customer_share" -> "Top-customer share";
            case "proposal_win_rate" -> "Proposal-stage win rate";
            default -> kpi;
        };
    }

    /** A scorecard cell's value, short enough for a narrow cell: "11", "9%", "$209K", "59"; empty when unknown. */
    public static String planCell(Number value, String unit, String currency) {
        if (value == null) {
            return "";
        }
        return switch (unit) {
            case "money" -> compactMoney(value, currency);
            case "rate" -> new DecimalFormat("0", SYMBOLS).format(value.doubleValue() * 100) + "%";
            default -> new DecimalFormat("#,##0", SYMBOLS).format(value.doubleValue());
        };
    }

    /** Fill of a scorecard cell: green or red against the goal, grey when unknown. */
    public static String cellColour(String status) {
        if (status == null) {
            return "#CFD8DC";
        }
        return "green".equals(status) ? "#43A047" : "#E53935";
    }

    /** Colour of a Rock's status: on track / achieved green, at risk amber, off track / missed red. */
    public static String rockColour(String status) {
        if (status == null) {
            return "#607D8B";
        }
        return switch (status) {
            case "on track", "achieved" -> "#2E7D32";
            case "at risk" -> "#F9A825";
            case "off track", "missed" -> "#C62828";
            default -> "#607D8B";
        };
    }

    /** Colour for a red/amber/green status. */
    public static String statusColour(String status) {
        if (status == null) {
            return "#607D8B";
        }
        return switch (status) {
            case "green" -> "#2E7D32";
            case "amber" -> "#F9A825";
            case "red" -> "#C62828";
            default -> "#607D8B";
        };
    }
}
