package io.revlens.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns raw cell values into typed values with rules a user can predict (docs/data-model.md,
 * "Value coercion"). Every failure carries a reason that ends up in the rejects.
 */
public final class ValueCoercer {

    /** Day/month order of slash dates in one file. */
    public enum DateOrder { MONTH_FIRST, DAY_FIRST }

    /** A value that could not be coerced, with the reason. */
    public static final class CoercionException extends Exception {
        public CoercionException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** An amount and the currency its text named (null when it named none). */
    public record Money(BigDecimal amount, String currency) {
    }

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T].*)?");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})(?:[ T].*)?");
    private static final Pattern US_NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern EU_NUMBER = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+,\\d{1,2}");
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Pattern CODE = Pattern.compile("^([A-Z]{3})\\s*|\\s*([A-Z]{3})$");

    private ValueCoercer() {
    }

    /** Trimmed text; null for blank. Whole-number cells read as numbers lose their ".0". */
    public static String text(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Double d) {
            if (d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (raw instanceof LocalDateTime t) {
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        String s = raw.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** A money amount with two decimals. Accepts $1,234.56, (1,234.00), 1.234,56 €, -1234, USD 10. */
    public static Money money(Object raw) throws CoercionException {
        Object value = raw;
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new CoercionException("not a number");
            }
            return new Money(BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP), null);
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        BigDecimal[] parsed = new BigDecimal[1];
        String currency = parseNumber(s, parsed);
        return new Money(parsed[0].setScale(2, RoundingMode.HALF_UP), currency);
    }

    /** A plain decimal (quantities, percentages as fractions: "12.5%" → 0.125). */
    public static BigDecimal decimal(Object raw, int scale) throws CoercionException {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Double d) {
            return BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP);
        }
        String s = text(raw);
        if (s == null) {
            return null;
        }
        BigDecimal[] parsed = new BigDecimal[1];
        parseNumber(s, parsed);
        return parsed[0].setScale(scale, RoundingMode.HALF_UP);
    }

    public static Integer integer(Object raw) throws CoercionException {
        BigDecimal value = decimal(raw, 4);
        if (value == null) {
            return null;
        }
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new CoercionException("not a whole number");
        }
    }

    /** Parses the number in {@code s} into {@code out[0]}; returns the currency code it named, if any. */
    private static String parseNumber(String s, BigDecimal[] out) throws CoercionException {
        String t = s.replace('\u00A0', ' ').replace('\u202F', ' ').trim();
        boolean negative = false;
        if (t.startsWith("(") && t.endsWith(")")) {
            negative = true;
            t = t.substring(1, t.length() - 1).trim();
        }
        String currency = null;
        for (var symbol : SYMBOLS.entrySet()) {
            if (t.contains(symbol.getKey())) {
                currency = symbol.getValue();
                t = t.replace(symbol.getKey(), "").trim();
            }
        }
        Matcher code = CODE.matcher(t);
        if (code.find()) {
            currency = code.group(1) != null ? code.group(1) : code.group(2);
            t = code.replaceAll("").trim();
        }
        if (t.startsWith("-")) {
            negative = !negative;
            t = t.substring(1).trim();
        } else if (t.endsWith("-")) {
            negative = !negative;
            t = t.substring(0, t.length() - 1).trim();
        } else if (t.startsWith("+")) {
            t = t.substring(1).trim();
        }
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).trim();
        }
        t = t.replace(" ", "").replace("'", "");
        BigDecimal value;
        if (US_NUMBER.matcher(t).matches()) {
            value = new BigDecimal(t.replace(",", ""));
        } else if (EU_NUMBER.matcher(t).matches()) {
            value = new BigDecimal(t.replace(".", "").replace(',', '.'));
        } else if (t.matches("\\d+(\\.\\d+)?[eE][-+]?\\d+")) {
            value = new BigDecimal(t);
        } else {
            throw new CoercionException("not a number: expected e.g. 1234.56, $1,234.56, (1,234.00) or 1.234,56");
        }
        if (percent) {
            value = value.movePointLeft(2);
        }
        out[0] = negative ? value.negate() : value;
        return currency;
    }

    /** A date: ISO, d/m/y or m/d/y by the file's order, Excel serials, date-times (their local date). */
    public static LocalDate date(Object raw, DateOrder order) throws CoercionException {
        if (raw == null) {
            return null;
        }
        if (raw instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (raw instanceof Double serial) {
            if (!DateUtil.isValidExcelDate(serial) || serial < 1) {
                throw new CoercionException("not a date: number " + serial + " is not an Excel date");
            }
            return DateUtil.getLocalDateTime(serial, false).toLocalDate();
        }
        String s = text(raw);
        if (s == null) {
            return null;
        }
        try {
            if (s.contains("T") && (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:?\\d{2}$"))) {
                return OffsetDateTime.parse(s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$") ? s
                        : s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2)).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            // fall through to the plain patterns
        }
        Matcher iso = ISO_DATE.matcher(s);
        if (iso.matches()) {
            return build(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)), s);
        }
        Matcher slash = SLASH_DATE.matcher(s);
        if (slash.matches()) {
            int a = Integer.parseInt(slash.group(1));
            int b = Integer.parseInt(slash.group(2));
            int year = Integer.parseInt(slash.group(3));
            if (slash.group(3).length() == 2) {
                year += year < 70 ? 2000 : 1900;
            }
            return order == DateOrder.DAY_FIRST ? build(year, b, a, s) : build(year, a, b, s);
        }
        throw new CoercionException("not a date: expected e.g. 2026-10-31, 10/31/2026 or 31/10/2026");
    }

    private static LocalDate build(int year, int month, int day, String raw) throws CoercionException {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            throw new CoercionException("not a valid calendar date: " + e.getMessage().toLowerCase(Locale.ROOT));
        }
    }

    /** Which order a file's slash dates use: a first part over 12 means day first; a second over 12, month first. */
    public static DateOrder detectOrder(Iterable<String> samples, DateOrder fallback) {
        for (String s : samples) {
            Matcher slash = s == null ? null : SLASH_DATE.matcher(s.strip());
            if (slash != null && slash.matches()) {
                int a = Integer.parseInt(slash.group(1));
                int b = Integer.parseInt(slash.group(2));
                if (a > 12 && b <= 12) {
                    return DateOrder.DAY_FIRST;
                }
                if (b > 12 && a <= 12) {
                    return DateOrder.MONTH_FIRST;
                }
            }
        }
        return fallback;
    }

    public static Boolean bool(Object raw) throws CoercionException {
        if (raw == null || raw instanceof Boolean) {
            return (Boolean) raw;
        }
        String s = text(raw);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new CoercionException("not a yes/no value");
        };
    }
}
