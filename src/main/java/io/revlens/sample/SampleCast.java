package io.revlens.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The people and companies of the sample company, Calibra Instruments: customers with a skewed
 * revenue distribution (two of them scripted for the planted concentration facts), prospects, and
 * a sales team whose hire dates script the ramp facts.
 */
final class SampleCast {

    static final LocalDate HISTORY_START = LocalDate.of(2023, 11, 1);
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    /** Last year's largest customer, down ~45% this year. */
    static final String DECLINING_CUSTOMER = "Keystone Materials Testing";
    /** The customer that grew past the 20% concentration threshold. */
    static final String GROWING_CUSTOMER = "Northwind Aerospace";

    record Customer(String name, String industry, String country, String segment, int employees,
                    double annualRevenueUsd, double[] yearlySpend) {
    }

    record Rep(String name, String email, String role, LocalDate hireDate, LocalDate endDate, String manager,
               String region, long quarterlyQuota, double dealsPerWeek, double winFactor, LocalDate lastCreateDate) {

        boolean activeOn(LocalDate day) {
            return !day.isBefore(hireDate) && (endDate == null || !day.isAfter(endDate));
        }
    }

    private static final String[] PREFIXES = {"Apex", "Summit", "Granite", "Harbor", "Pioneer", "Vertex", "Cobalt",
            "Evergreen", "Ironclad", "Meridian", "Northstar", "Orion", "Precision", "Redwood", "Sterling", "Titan",
            "Unity", "Vanguard", "Westfield", "Zenith", "Atlas", "Beacon", "Crescent", "Delta", "Falcon", "Horizon",
            "Keystone", "Lakeside", "Monarch", "Oakridge"};
    private static final String[] SUFFIXES = {"Metals", "Polymers", "Foundry", "Labs", "Plastics", "Components",
            "Castings", "Automotive", "Composites", "Fabrication", "Medical Devices", "Electronics", "Machining",
            "Packaging", "Ceramics"};
    private static final String[] INDUSTRIES = {"Automotive", "Aerospace", "Medical Devices", "Metals", "Plastics",
            "Electronics", "Contract Manufacturing", "Testing Laboratory"};
    private static final String[] COUNTRIES = {"United States", "United States", "United States", "Canada", "Mexico",
            "Germany", "United Kingdom"};

    final List<Customer> customers = new ArrayList<>();
    final List<Customer> prospects = new ArrayList<>();
    final List<Rep> reps = new ArrayList<>();

    SampleCast(SplittableRandom random, int scale) {
        // Scripted customers; yearlySpend = spend in the three history years (Nov-Oct).
        customers.add(new Customer(DECLINING_CUSTOMER, "Testing Laboratory", "United States", "Enterprise", 1800,
                240_000_000, new double[] {505_000, 552_000, 302_000}));
        customers.add(new Customer(GROWING_CUSTOMER, "Aerospace", "United States", "Enterprise", 5200,
                910_000_000, new double[] {310_000, 428_000, 1_500_000}));
        java.util.Set<String> used = new java.util.HashSet<>(List.of(DECLINING_CUSTOMER, GROWING_CUSTOMER));
        int count = 78 * scale;
        for (int i = 0; i < count; i++) {
            String name;
            do {
                name = PREFIXES[random.nextInt(PREFIXES.length)] + " " + SUFFIXES[random.nextInt(SUFFIXES.length)]
                        + (used.size() >= PREFIXES.length * SUFFIXES.length / 2 ? " " + (i + 1) : "");
            } while (!used.add(name));
            // Pareto-like: spend falls with rank; the largest of these stays below the scripted ones.
            double base = 390_000 / Math.pow(i / (double) scale + 1, 0.6);
            double growth = 0.9 + random.nextDouble() * 0.25;
            double[] spend = {base / growth, base, base * growth};
            if (i % 17 == 5) {
                spend[2] = 0; // churned this year
            }
            if (i % 19 == 7) {
                spend[0] = 0;
                spend[1] = 0; // new this year
            }
            String segment = base > 150_000 ? "Enterprise" : base > 60_000 ? "Mid-Market" : "SMB";
            customers.add(new Customer(name, INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                    COUNTRIES[random.nextInt(COUNTRIES.length)], segment, 50 + random.nextInt(4000),
                    base * (80 + random.nextInt(200)), spend));
        }
        for (int i = 0; i < 30 * scale; i++) {
            String name;
            do {
                name = PREFIXES[random.nextInt(PREFIXES.length)] + " " + SUFFIXES[random.nextInt(SUFFIXES.length)]
                        + " " + (char) ('A' + random.nextInt(26)) + (i + 1);
            } while (!used.add(name));
            prospects.add(new Customer(name, INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                    COUNTRIES[random.nextInt(COUNTRIES.length)], random.nextBoolean() ? "SMB" : "Mid-Market",
                    20 + random.nextInt(900), 5_000_000 + random.nextInt(80_000_000), new double[3]));
        }
        String manager = "Tom Kowalski";
        reps.add(new Rep(manager, "tom.kowalski@calibra.example", "Sales Manager", LocalDate.of(2018, 9, 3), null,
                "", "North America", 0, 0.4, 1.0, null));
        reps.add(rep("Dana Whitfield", "Senior Account Executive", LocalDate.of(2019, 3, 4), null, "East", 1.6, 1.15, null));
        reps.add(rep("Marcus Oyelaran", "Senior Account Executive", LocalDate.of(2020, 6, 15), null, "Central", 1.5, 1.0,
                LocalDate.of(2026, 10, 2)));
        reps.add(rep("Priya Raman", "Account Executive", LocalDate.of(2021, 1, 11), null, "West", 1.5, 1.05, null));
        reps.add(rep("Elena Petrova", "Account Executive", LocalDate.of(2022, 4, 4), null, "East", 1.4, 0.95, null));
        reps.add(rep("Greg Olson", "Account Executive", LocalDate.of(2019, 1, 7), LocalDate.of(2025, 6, 30), "Central",
                1.3, 0.9, null));
        reps.add(rep("Jamal Carter", "Account Executive", LocalDate.of(2024, 2, 5), null, "South", 1.4, 1.0, null));
        reps.add(rep("Sofia Lindqvist", "Account Executive", LocalDate.of(2024, 9, 9), null, "West", 1.4, 1.0, null));
        reps.add(rep("Ben Adeyemi", "Account Executive", LocalDate.of(2025, 3, 3), null, "South", 1.4, 0.95, null));
        reps.add(rep("Hannah Brooks", "Account Executive", LocalDate.of(2025, 8, 18), null, "Central", 1.4, 1.0, null));
        reps.add(rep("Lucas Moreno", "Account Executive", LocalDate.of(2026, 5, 26), null, "West", 1.5, 1.1, null));
        reps.add(rep("Chloe Tanaka", "Account Executive", LocalDate.of(2026, 6, 22), null, "East", 0.45, 0.2, null));
    }

    private static Rep rep(String name, String role, LocalDate hire, LocalDate end, String region, double dealsPerWeek,
                           double winFactor, LocalDate lastCreate) {
        String email = name.toLowerCase().replace(' ', '.') + "@calibra.example";
        long quota = role.startsWith("Senior") ? 450_000 : 360_000;
        return new Rep(name, email, role, hire, end, "Tom Kowalski", region, quota, dealsPerWeek, winFactor, lastCreate);
    }
}
