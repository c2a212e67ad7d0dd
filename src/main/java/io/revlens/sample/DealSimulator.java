package io.revlens.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates each rep's deals week by week: creation, the stages each deal enters, and how it
 * ends. About a quarter of deals that reach Proposal are won (the planted proposal win rate).
 */
final class DealSimulator {

    static final String[] STAGES = {"Qualified", "Discovery", "Proposal", "Negotiation"};
    static final String WON = "Closed Won";
    static final String LOST = "Closed Lost";
    private static final String[] PRODUCTS = {"HT-500 Hardness Tester", "CMM-X Coordinate Measuring",
            "CalibCare Service Plan", "VisionQC Inspection", "Spare Parts & Tooling"};
    private static final double[] PRODUCT_PRICE = {38_000, 120_000, 14_000, 65_000, 6_000};
    private static final String[] SOURCES = {"Organic Search", "Referrals", "Paid Search", "Trade Show",
            "Direct Traffic", "Partner"};
    private static final String[] LOST_REASONS = {"Price", "Went with competitor", "No budget", "No decision", "Timing"};

    /** One simulated deal; stageDates[i] is when it entered STAGES[i] (null when skipped or never reached). */
    record Deal(long id, String name, String company, String owner, String finalStage, double amount,
                LocalDateTime created, LocalDate closeDate, String type, String source, String lostReason,
                String product, LocalDateTime[] stageDates, LocalDateTime closedAt) {
    }

    private static final double POISSON_CHUNK = 200;

    private final SplittableRandom random;
    private final SampleCast cast;
    private final int scale;

    DealSimulator(SplittableRandom random, SampleCast cast, int scale) {
        this.random = random;
        this.cast = cast;
        this.scale = scale;
    }

    List<Deal> simulate() {
        List<Deal> deals = new ArrayList<>();
        long nextId = 9_000_000_001L;
        for (SampleCast.Rep rep : cast.reps) {
            for (LocalDate week = SampleCast.HISTORY_START; !week.isAfter(SampleCast.AS_OF); week = week.plusWeeks(1)) {
                if (!rep.activeOn(week)) {
                    continue;
                }
                long tenureDays = java.time.temporal.ChronoUnit.DAYS.between(rep.hireDate(), week);
                double rampFactor = tenureDays < 30 ? 0.6 : tenureDays < 60 ? 0.85 : 1.0;
                int created = poisson(rep.dealsPerWeek() * rampFactor * scale);
                for (int k = 0; k < created; k++) {
                    LocalDate day = week.plusDays(random.nextInt(5));
                    if (day.isAfter(SampleCast.AS_OF) || !rep.activeOn(day)
                            || (rep.lastCreateDate() != null && day.isAfter(rep.lastCreateDate()))) {
                        continue;
                    }
                    deals.add(deal(nextId++, rep, day));
                }
            }
        }
        return deals;
    }

    private Deal deal(long id, SampleCast.Rep rep, LocalDate day) {
        boolean existing = random.nextDouble() < 0.55;
        SampleCast.Customer company = existing
                ? pickWeighted(cast.customers)
                : cast.prospects.get(random.nextInt(cast.prospects.size()));
        int p = random.nextInt(PRODUCTS.length);
        double amount = Math.round(PRODUCT_PRICE[p] * (0.6 + random.nextDouble() * 0.9) / 50.0) * 50.0;
        String type = !existing ? "New Business" : p == 2 && random.nextBoolean() ? "Renewal" : "Expansion";
        LocalDateTime created = day.atTime(LocalTime.of(8 + random.nextInt(9), random.nextInt(60)));

        // Path through the pipeline: where the deal stops, and whether it is won.
        LocalDateTime[] stageDates = new LocalDateTime[STAGES.length];
        stageDates[0] = created;
        LocalDateTime cursor = created;
        int reached = 0;
        boolean won = false;
        boolean lost = false;
        double advance1 = 0.82;
        double advance2 = 0.86;
        for (int s = 1; s < STAGES.length && !lost; s++) {
            double pAdvance = s == 1 ? advance1 : s == 2 ? advance2 : 0.55;
            if (random.nextDouble() < pAdvance) {
                cursor = cursor.plusDays(6 + random.nextInt(s == 2 ? 25 : 18)).plusHours(random.nextInt(6));
                // A few deals skip Discovery on their way to Proposal.
                if (!(s == 1 && random.nextDouble() < 0.08)) {
                    stageDates[s] = cursor;
                }
                reached = s;
            } else if (s <= 2) {
                lost = true;
            } else {
                break;
            }
        }
        if (!lost && reached >= 2) {
            // Past Proposal: the planted ~25% win rate, shaded by the rep.
            won = random.nextDouble() < Math.min(0.9, 0.22 * rep.winFactor() * (reached == 3 ? 1.35 : 0.75));
            lost = !won;
        }
        LocalDateTime closedAt = cursor.plusDays(4 + random.nextInt(20)).plusHours(random.nextInt(5));
        String finalStage;
        LocalDate closeDate;
        String lostReason = null;
        if (closedAt.toLocalDate().isAfter(SampleCast.AS_OF)) {
            // Still open at the as-of date: keep only the stages entered by then.
            for (int s = 0; s < STAGES.length; s++) {
                if (stageDates[s] != null && stageDates[s].toLocalDate().isAfter(SampleCast.AS_OF)) {
                    stageDates[s] = null;
                }
            }
            int last = 0;
            for (int s = 0; s < STAGES.length; s++) {
                if (stageDates[s] != null) {
                    last = s;
                }
            }
            finalStage = STAGES[last];
            closeDate = closedAt.toLocalDate();
            closedAt = null;
        } else {
            finalStage = won ? WON : LOST;
            closeDate = closedAt.toLocalDate();
            if (!won) {
                lostReason = LOST_REASONS[random.nextInt(LOST_REASONS.length)];
            }
        }
        String name = company.name() + " - " + PRODUCTS[p].split(" ")[0];
        return new Deal(id, name, company.name(), rep.name(), finalStage, amount, created, closeDate, type,
                SOURCES[random.nextInt(SOURCES.length)], lostReason, PRODUCTS[p], stageDates, closedAt);
    }

    private SampleCast.Customer pickWeighted(List<SampleCast.Customer> customers) {
        if (customers.size() > LINEAR_PICK_LIMIT) {
            return pickWeightedByBisection(customers);
        }
        double total = 0;
        for (SampleCast.Customer c : customers) {
            total += weight(c);
        }
        double target = random.nextDouble() * total;
        for (SampleCast.Customer c : customers) {
            target -= weight(c);
            if (target <= 0) {
                return c;
            }
        }
        return customers.get(customers.size() - 1);
    }

    /**
     * Benchmark scales have tens of thousands of customers: a scan per deal made generation quadratic.
     * (Small casts keep the scan above, so the committed sample stays byte for byte the same.)
     */
    private static final int LINEAR_PICK_LIMIT = 2_000;
    private double[] cumulativeWeights;

    private SampleCast.Customer pickWeightedByBisection(List<SampleCast.Customer> customers) {
        if (cumulativeWeights == null || cumulativeWeights.length != customers.size()) {
            cumulativeWeights = new double[customers.size()];
            double sum = 0;
            for (int i = 0; i < customers.size(); i++) {
                sum += weight(customers.get(i));
                cumulativeWeights[i] = sum;
            }
        }
        double target = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int at = java.util.Arrays.binarySearch(cumulativeWeights, target);
        int index = at >= 0 ? at : -at - 1;
        return customers.get(Math.min(index, customers.size() - 1));
    }

    private static double weight(SampleCast.Customer c) {
        return Math.sqrt(c.yearlySpend()[1] + c.yearlySpend()[2] + 1);
    }

    private int poisson(double lambda) {
        // exp(-lambda) underflows past ~700, which capped the count (1M deals asked gave 918k): a large mean
        // is drawn as a sum of Poisson draws of smaller means, which is Poisson again. Small means (every
        // committed sample) draw the same numbers as before.
        if (lambda > POISSON_CHUNK) {
            int parts = (int) Math.ceil(lambda / POISSON_CHUNK);
            int sum = 0;
            for (int i = 0; i < parts; i++) {
                sum += poisson(lambda / parts);
            }
            return sum;
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
