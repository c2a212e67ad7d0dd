package io.revlens.ingest.read;

import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw export values (text from CSV, or numbers/dates/booleans from Excel cells) into typed values.
 * Rules (docs/data-model.md): blank is null; the whole text must parse (no prefix parsing); dates are
 * ISO, d/m/y or m/d/y (order from the file's data or a hint), month names, or Excel serials; a
 * date-time keeps the date as written (its zone is not applied); amounts accept currency symbols or
 * codes, thousands separators, parentheses and trailing minus for negatives, and a decimal comma.
 */
public final class ValueCoercer {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?\\s*(?:Z|[+-]\\d{2}:?\\d{2}|UTC|GMT|[A-Z]{3,4})?)?");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})(?:,?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp][Mm])?\\s*(?:Z|[+-]\\d{2}:?\\d{2}|UTC|GMT|[A-Z]{3,4})?)?");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(\\d{1,2})[ \\-]([A-Za-z]{3,9})\\.?[ \\-,]+(\\d{2}|\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp][Mm])?)?");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?:,?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp][Mm])?)?");
    /** Reject reason for amounts and numbers that do not parse. */
    public static final String NOT_A_NUMBER = "not a number: expected e.g. 1234.56, $1,234.56, (1,234.00) or 1.234,56";
    /** A number with a single separator followed by exactly three digits: "12.500", "1,250" (a mark or a group). */
    private static final Pattern ONE_SEPARATOR_THREE_DIGITS = Pattern.compile("^[^0-9]*-?[0-9]{1,3}[.,][0-9]{3}(?![0-9.,])");
    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern DOT_GROUPS_MANY = Pattern.compile("\\d{1,3}(\\.\\d{3}){2,}");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("\\d+,\\d+");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("^([A-Z]{3})\\s*|\\s*([A-Z]{3})$");
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY",
            "US$", "USD", "C$", "CAD", "A$", "AUD", "CHF", "CHF", "₹", "INR");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month month : Month.values()) {
            MONTHS.put(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
            MONTHS.put(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
    }

    private final DateOrder dateOrder;
    private final boolean decimalComma;
    private final boolean mixedMarks;
    private final boolean date1904;

    /**
     * @param dateOrder    order for ambiguous numeric dates (never null)
     * @param decimalComma whether "1,234" means one point two three four
     * @param date1904     whether Excel serial numbers count from 1904 (the workbook's flag)
     */
    public ValueCoercer(DateOrder dateOrder, boolean decimalComma, boolean date1904) {
        this(dateOrder, decimalComma, false, date1904);
    }

    /** @param mixedMarks the file writes amounts both as "1.234,56" and "1,234.56": a value either could be is rejected */
    public ValueCoercer(DateOrder dateOrder, boolean decimalComma, boolean mixedMarks, boolean date1904) {
        this.dateOrder = dateOrder;
        this.decimalComma = decimalComma;
        this.mixedMarks = mixedMarks;
        this.date1904 = date1904;
    }

    /** Text: trimmed, blank is null, whole-number Excel cells without ".0". */
    public static String text(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d.toString(); // "NaN", "Infinity": shown as written; no number coerces from them
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (raw instanceof LocalDateTime dt) {
            return dt.getHour() == 0 && dt.getMinute() == 0 && dt.getSecond() == 0
                    ? dt.toLocalDate().toString() : dt.toString();
        }
        String s = raw.toString().replace('\u00A0', ' ').strip();
        return s.isEmpty() ? null : s;
    }

    /** A date, or null when blank. */
    public LocalDate date(Object raw) throws CoercionException {
        unsaved(raw);
        if (raw instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof Double serial) {
            return fromSerial(serial);
        }
        String s = text(raw);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                int year = digits(s, 0, 4);
                int month = digits(s, 5, 7);
                int day = digits(s, 8, 10);
                if (year >= 0 && month >= 0 && day >= 0) {
                    return LocalDate.of(year, month, day);
                }
            }
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = NUMERIC_DATE.matcher(s);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int year = fullYear(m.group(3));
                if (dateOrder == DateOrder.MIXED && a <= 12 && b <= 12 && a != b) {
                    throw new CoercionException("ambiguous date: the file writes dates both day first and month first,"
                            + " and " + s + " could be either");
                }
                boolean dayFirst = dateOrder == DateOrder.DMY || dateOrder == DateOrder.MIXED && a > 12;
                return dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
            }
            m = DAY_MONTH_NAME.matcher(s);
            if (m.matches() && MONTHS.containsKey(m.group(2).toLowerCase(Locale.ROOT))) {
                return LocalDate.of(fullYear(m.group(3)), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)),
                        Integer.parseInt(m.group(1)));
            }
            m = MONTH_NAME_DAY.matcher(s);
            if (m.matches() && MONTHS.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
                return LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)),
                        Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new CoercionException("not a valid calendar date: " + e.getMessage().toLowerCase(Locale.ROOT));
        }
        throw new CoercionException("not a date");
    }

    /** The number in s[from, to) if all digits, else -1. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private LocalDate fromSerial(double serial) throws CoercionException {
        // Serials outside 1927..2119 (1900 system) are far more likely amounts or ids than dates.
        if (serial < 10_000 || serial > 80_000) {
            throw new CoercionException("not a date");
        }
        return DateUtil.getLocalDateTime(serial, date1904).toLocalDate();
    }

    private static int fullYear(String year) {
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            return y < 70 ? 2000 + y : 1900 + y;
        }
        return y;
    }

    /** A workbook formula without a stored result has no value to coerce (UnsavedFormula). */
    public static void unsaved(Object raw) throws CoercionException {
        if (raw instanceof UnsavedFormula formula) {
            throw new CoercionException(formula.reason());
        }
    }

    /** NaN and infinities in a numeric cell are no amount (a workbook written by a program, not by Excel). */
    private static void finite(double d) throws CoercionException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new CoercionException("not a number: the cell holds " + (Double.isNaN(d) ? "NaN" : "an infinite value"));
        }
    }

    /** An amount with 2 decimals (half-up) and the currency written with it, or null when blank. */
    public Money money(Object raw) throws CoercionException {
        unsaved(raw);
        if (raw instanceof Double d) {
            finite(d);
            return new Money(BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP), null);
        }
        String s = text(raw);
        if (s == null) {
            return null;
        }
        ParsedNumber parsed = number(s, true);
        return new Money(parsed.value.setScale(2, RoundingMode.HALF_UP), parsed.currency);
    }

    /** A decimal number with the given scale (half-up), or null when blank; currency signs are not allowed. */
    public BigDecimal decimal(Object raw, int scale) throws CoercionException {
        unsaved(raw);
        if (raw instanceof Double d) {
            finite(d);
            return BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_UP);
        }
        String s = text(raw);
        if (s == null) {
            return null;
        }
        return number(s, false).value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** A whole number, or null when blank. */
    public Integer integer(Object raw) throws CoercionException {
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

    /** true/false, yes/no, y/n, 1/0; null when blank. */
    public static Boolean bool(Object raw) throws CoercionException {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof Double d) {
            if (d == 1d || d == 0d) {
                return d == 1d;
            }
            throw new CoercionException("not a boolean");
        }
        String s = text(raw);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "t", "x" -> true;
            case "false", "no", "n", "0", "f" -> false;
            default -> throw new CoercionException("not a boolean");
        };
    }

    private record ParsedNumber(BigDecimal value, String currency) {
    }

    private ParsedNumber number(String input, boolean allowCurrency) throws CoercionException {
        if (mixedMarks && ONE_SEPARATOR_THREE_DIGITS.matcher(input.strip()).find()) {
            throw new CoercionException("ambiguous amount: the file writes amounts both as 1.234,56 and 1,234.56, and "
                    + input.strip() + " could be either");
        }
        if (isPlainNumber(input) && (!decimalComma || input.indexOf('.') < 0)) {
            return new ParsedNumber(new BigDecimal(input), null);
        }
        String s = input.replace('\u00A0', ' ').replace('\u202F', ' ').strip();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        String currency = null;
        // Currency symbols or ISO codes before or after the number ("$1,234.56", "1.234,56 €", "EUR 12").
        for (Map.Entry<String, String> symbol : SYMBOLS.entrySet()) {
            String sign = symbol.getKey();
            if (s.contains(sign) && !sign.equals("CHF")) {
                if (!allowCurrency) {
                    throw new CoercionException(NOT_A_NUMBER);
                }
                int at = s.indexOf(sign);
                boolean atEdge = at == 0 || at + sign.length() == s.length()
                        || s.substring(0, at).strip().equals("-");
                if (!atEdge) {
                    throw new CoercionException(NOT_A_NUMBER);
                }
                currency = symbol.getValue();
                s = (s.substring(0, at) + s.substring(at + sign.length())).strip();
                break;
            }
        }
        Matcher code = CURRENCY_CODE.matcher(s);
        if (currency == null && code.find()) {
            if (!allowCurrency) {
                throw new CoercionException(NOT_A_NUMBER);
            }
            currency = code.group(1) != null ? code.group(1) : code.group(2);
            s = code.replaceFirst("").strip();
        }
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1).strip();
        } else if (s.endsWith("-")) {
            negative = !negative;
            s = s.substring(0, s.length() - 1).strip();
        } else if (s.startsWith("+")) {
            s = s.substring(1).strip();
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = !negative;
            s = s.substring(1, s.length() - 1).strip();
        }
        String normalized = normalizeSeparators(s);
        if (normalized == null || !PLAIN_NUMBER.matcher(normalized).matches()) {
            throw new CoercionException(NOT_A_NUMBER);
        }
        BigDecimal value = new BigDecimal(normalized);
        return new ParsedNumber(negative ? value.negate() : value, currency);
    }

    /** Digits with at most one dot inside and an optional leading minus: the common case, parsed directly. */
    private static boolean isPlainNumber(String s) {
        int n = s.length();
        int start = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n == start) {
            return false;
        }
        boolean dot = false;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (dot || i == start || i == n - 1) {
                    return false;
                }
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Removes thousands separators and makes the decimal separator a dot; null when inconsistent. */
    private String normalizeSeparators(String s) {
        String t = s.replace(" ", "").replace("'", "");
        int lastDot = t.lastIndexOf('.');
        int lastComma = t.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            String intPart = t.substring(0, Math.max(lastDot, lastComma));
            String frac = t.substring(Math.max(lastDot, lastComma) + 1);
            if (intPart.indexOf(decimal) >= 0 || !intPart.matches("\\d{1,3}(\\" + group + "\\d{3})*")) {
                return null;
            }
            return intPart.replace(String.valueOf(group), "") + "." + frac;
        }
        if (lastComma >= 0) {
            if (!decimalComma && COMMA_GROUPS.matcher(t).matches()) {
                return t.replace(",", "");
            }
            if (COMMA_DECIMAL.matcher(t).matches()) {
                return t.replace(',', '.');
            }
            return null;
        }
        if (lastDot >= 0) {
            if (DOT_GROUPS_MANY.matcher(t).matches() || (decimalComma && DOT_GROUPS.matcher(t).matches())) {
                return t.replace(".", "");
            }
            return t;
        }
        return t;
    }
}
