package io.revlens.ingest.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one file writes dates and amounts, decided from every value of the file (not a sample): the order of day and
 * month in dates like 03/04/2026, and whether a comma or a dot is the decimal mark. A file that shows both orders, or
 * both marks, is mixed: values that read the same either way load, the others are rejected with the reason.
 * The evidence is counted by {@link Evidence} (Java, the row path) or by SQL over the staged file (the bulk path).
 *
 * @param dateOrder    DMY, MDY or MIXED
 * @param decimalComma whether a lone comma before digits is the decimal mark ("12,50"; "12.500" is then 12500)
 * @param mixedMarks   whether the file writes amounts both ways ("1.234,56" and "1,234.56")
 */
public record FileConventions(DateOrder dateOrder, boolean decimalComma, boolean mixedMarks) {

    private static final Pattern NUMERIC_DATE = Pattern.compile("\\s*(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-]\\d{2,4}\\b.*");
    /** An amount whose last separator is a comma followed by one or two digits: "99,50", "1.234,56". */
    public static final String COMMA_MARK = "^-?[0-9]{1,3}([.' ]?[0-9]{3})*,[0-9]{1,2}$";
    /** An amount whose last separator is a dot followed by one or two digits: "99.50", "1,234.56". */
    public static final String DOT_MARK = "^-?[0-9]{1,3}([,' ]?[0-9]{3})*\\.[0-9]{1,2}$";
    private static final Pattern COMMA_MARK_PATTERN = Pattern.compile(COMMA_MARK);
    private static final Pattern DOT_MARK_PATTERN = Pattern.compile(DOT_MARK);

    /**
     * The conventions the counts show. {@code hint}: the profile's declared date order, which wins; without
     * evidence either way dates are read month first (the US exports most CRMs write).
     */
    public static FileConventions decide(long dayFirst, long monthFirst, long commaMarks, long dotMarks, DateOrder hint,
                                         boolean profileDecimalComma) {
        DateOrder order = hint != null ? hint
                : dayFirst > 0 && monthFirst > 0 ? DateOrder.MIXED
                : dayFirst > 0 ? DateOrder.DMY : DateOrder.MDY;
        boolean mixed = commaMarks > 0 && dotMarks > 0;
        boolean comma = profileDecimalComma || (commaMarks > 0 && dotMarks == 0);
        return new FileConventions(order, comma, mixed);
    }

    /**
     * Whether the count of dot marks can change what {@link #decide} returns: only when a comma mark was seen (with
     * none, the mark is the profile's and the file is not mixed, whatever the dots).
     */
    public static boolean dotMarksMatter(long commaMarks) {
        return commaMarks > 0;
    }

    /** Counts the evidence of each value a file holds in its date and amount columns. */
    public static final class Evidence {
        private long dayFirst;
        private long monthFirst;
        private long commaMarks;
        private long dotMarks;

        public void date(Object cell) {
            if (cell instanceof String s) {
                Matcher m = NUMERIC_DATE.matcher(s);
                if (m.matches()) {
                    dayFirst += Integer.parseInt(m.group(1)) > 12 ? 1 : 0;
                    monthFirst += Integer.parseInt(m.group(2)) > 12 ? 1 : 0;
                }
            }
        }

        public void amount(Object cell) {
            if (cell instanceof String s) {
                String t = s.replaceAll("[^0-9.,' -]", "").strip();
                commaMarks += COMMA_MARK_PATTERN.matcher(t).matches() ? 1 : 0;
                dotMarks += DOT_MARK_PATTERN.matcher(t).matches() ? 1 : 0;
            }
        }

        public FileConventions decide(DateOrder hint, boolean profileDecimalComma) {
            return FileConventions.decide(dayFirst, monthFirst, commaMarks, dotMarks, hint, profileDecimalComma);
        }
    }
}
