package io.revlens.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates the finance export: monthly invoices per customer that add up to each customer's
 * scripted yearly spend, with seasonality, a few credit notes, and several lines per invoice.
 */
final class InvoiceSimulator {

    record Line(String invoiceNumber, String contact, LocalDate date, String itemCode, String description,
                BigDecimal quantity, BigDecimal unitAmount, BigDecimal lineAmount, boolean credit) {
    }

    private static final String[][] ITEMS = {
            {"HT-500", "HT-500 Hardness Tester", "38000"},
            {"CMM-X", "CMM-X Coordinate Measuring Machine", "120000"},
            {"CAL-SVC", "CalibCare Service Plan (monthly)", "1150"},
            {"VQC-200", "VisionQC Inspection Station", "65000"},
            {"SPARE-KIT", "Spare Parts & Tooling Kit", "450"},
            {"FIELD-SVC", "Field Calibration Visit", "1800"}};
    /** Mild seasonality by calendar month (Jan..Dec), averaging 1. */
    private static final double[] SEASON = {0.85, 0.9, 1.05, 1.0, 1.0, 1.1, 0.9, 0.85, 1.05, 1.1, 1.05, 1.05};

    private final SplittableRandom random;
    private final SampleCast cast;

    InvoiceSimulator(SplittableRandom random, SampleCast cast) {
        this.random = random;
        this.cast = cast;
    }

    List<Line> simulate() {
        List<Line> lines = new ArrayList<>();
        int invoiceNo = 10_001;
        int creditNo = 501;
        for (int month = 0; month < 36; month++) {
            LocalDate monthStart = SampleCast.HISTORY_START.plusMonths(month);
            int year = month / 12;
            for (SampleCast.Customer customer : cast.customers) {
                double annual = customer.yearlySpend()[year];
                if (annual <= 0) {
                    continue;
                }
                double probability = Math.min(1.0, annual / 90_000);
                if (random.nextDouble() > probability) {
                    continue;
                }
                double scripted = customer.name().equals(SampleCast.DECLINING_CUSTOMER)
                        || customer.name().equals(SampleCast.GROWING_CUSTOMER) ? 0.04 : 0.2;
                double noise = 1 + (random.nextDouble() * 2 - 1) * scripted;
                double invoiceTotal = annual / 12 / probability * SEASON[monthStart.getMonthValue() - 1] * noise;
                LocalDate date = monthStart.plusDays(random.nextInt(monthStart.lengthOfMonth()));
                String number = "INV-" + invoiceNo++;
                List<Line> invoice = invoiceLines(number, customer.name(), date, invoiceTotal);
                lines.addAll(invoice);
                if (random.nextDouble() < 0.03) {
                    Line credited = invoice.get(0);
                    BigDecimal amount = credited.lineAmount().multiply(BigDecimal.valueOf(0.05 + random.nextDouble() * 0.15))
                            .setScale(2, RoundingMode.HALF_UP).negate();
                    LocalDate creditDate = date.plusDays(5 + random.nextInt(20));
                    if (!creditDate.isAfter(SampleCast.AS_OF)) {
                        lines.add(new Line("CN-" + creditNo++, customer.name(), creditDate, credited.itemCode(),
                                "Credit: " + credited.description(), BigDecimal.ONE.negate(), amount.negate(), amount, true));
                    }
                }
            }
        }
        return lines;
    }

    private List<Line> invoiceLines(String number, String contact, LocalDate date, double total) {
        int count = total > 40_000 ? 1 + random.nextInt(3) : 1 + random.nextInt(2);
        List<Line> lines = new ArrayList<>();
        double remaining = total;
        for (int i = 0; i < count; i++) {
            double amount = i == count - 1 ? remaining : remaining * (0.3 + random.nextDouble() * 0.4);
            remaining -= amount;
            String[] item = ITEMS[random.nextInt(ITEMS.length)];
            BigDecimal unitList = new BigDecimal(item[2]);
            long quantity = Math.max(1, Math.round(amount / unitList.doubleValue()));
            BigDecimal lineAmount = BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
            BigDecimal unit = lineAmount.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
            lineAmount = unit.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
            lines.add(new Line(number, contact, date, item[0], item[1], BigDecimal.valueOf(quantity), unit, lineAmount, false));
        }
        return lines;
    }
}
