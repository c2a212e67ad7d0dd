package io.revlens.job;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * A job as written in {@code jobs/<name>.yml}: what to read, which reports to render, and the
 * thresholds the metrics use. Relative input paths are resolved against the job file's folder.
 */
public record JobDefinition(
        String name,
        String description,
        String company,
        String currency,
        int fiscalYearStartMonth,
        List<Input> inputs,
        AsOfRule asOf,
        List<ReportOutput> reports,
        boolean workbook,
        Thresholds thresholds,
        Targets targets,
        Schedule schedule,
        Delivery delivery,
        boolean pseudonymise,
        boolean acceptSchemaChange,
        List<String> exclude,
        Planning planning,
        boolean rowLevelTables,
        boolean currencyChosen) {

    /**
     * The metric tables with one row per input row (a copy of the revenue export, every opportunity): their CSVs and
     * workbook sheets are as large as the exports and are written only when asked ({@code row_level_tables: true},
     * {@code --row-level-tables}); the tables themselves are always computed (other metrics and the reports read
     * them) and stay in the run's database.
     */
    public static final java.util.Set<String> ROW_LEVEL_TABLES = java.util.Set.of("revenue_events", "opportunity_progress");

    /**
     * The record without delivery settings (outputs are still copied to the per-run folder), without
     * pseudonymisation, stopping on changed export columns, excluding no file.
     */
    public JobDefinition(String name, String description, String company, String currency, int fiscalYearStartMonth,
                         List<Input> inputs, AsOfRule asOf, List<ReportOutput> reports, boolean workbook,
                         Thresholds thresholds, Targets targets, Schedule schedule) {
        this(name, description, company, currency, fiscalYearStartMonth, inputs, asOf, reports, workbook, thresholds,
                targets, schedule, Delivery.none(), false, false, List.of(), Planning.none(), false, false);
    }

    /**
     * What the run's figures and documents are made with besides its inputs and as-of date: the company on the title,
     * the fiscal year, reports and workbook, thresholds, targets, the scorecard and Rocks, pseudonymisation and the
     * row-level tables. A hash of their values (records all, so their text is their content): a run that changes any
     * of them (--company, --set, an edited job file) is not the identical run, and is made again.
     */
    public String settingsKey() {
        String settings = java.util.Arrays.asList(company, fiscalYearStartMonth, reports, workbook, thresholds, targets,
                planning, pseudonymise, rowLevelTables).toString();
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(settings.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One input folder with an optional glob and an optional mapping-profile override. */
    public record Input(Path path, String glob, String profile) {
    }

    /** A Jasper template in {@code reports/} and the PDF name it is written to. */
    public record ReportOutput(String template, String output) {
    }

    /** When a job runs unattended (Spring cron syntax, with its time zone). */
    public record Schedule(String cron, String zone) {
    }

    /**
     * Where a successful run's outputs are delivered: copied to {@code <folder>/<job>/<as-of>/} (folder null:
     * {@code <out>/<as-of>/}), and optionally e-mailed.
     */
    public record Delivery(Path folder, Email email) {
        public static Delivery none() {
            return new Delivery(null, null);
        }
    }

    /**
     * The e-mail step: the reports sent through an SMTP server. The password, if the server needs one,
     * is read from the environment variable named by {@code passwordEnv}, never from the job file.
     */
    public record Email(List<String> to, String from, String subject, String smtpHost, int smtpPort, boolean attach,
                        boolean startTls, String username, String passwordEnv) {
    }

    /** Defaults the metric SQL reads from {@code run_parameters}. */
    public record Thresholds(
            BigDecimal concentrationThreshold,
            BigDecimal majorCustomerShare,
            BigDecimal declineThreshold,
            BigDecimal rampThreshold,
            int stalledDays,
            int inactiveWeeks,
            int staleAfterDays) {

        public static Thresholds defaults() {
            return new Thresholds(new BigDecimal("0.20"), new BigDecimal("0.05"), new BigDecimal("0.10"),
                    new BigDecimal("0.50"), 30, 2, 7);
        }
    }

    /** Optional KPI targets shown on the scorecard (null when not set). */
    public record Targets(BigDecimal t12mRevenue, BigDecimal bookingsMonth, BigDecimal winRate) {
        public static Targets none() {
            return new Targets(null, null, null);
        }
    }

    /**
     * The job run on one folder ({@code run --input}, a client of {@code run-clients}). On a folder the job file does
     * not read, the file's company name, KPI targets, scorecard and Rocks describe another company's data: the run is
     * titled with the folder's name (the client, as {@code analyze} does; {@code --company} names it) and leaves them
     * out, so one client's name and goals never reach another client's report.
     */
    public JobDefinition forInput(Path folder) {
        if (readsFolder(folder)) {
            return withInput(folder);
        }
        String client = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        return new JobDefinition(name, description, client, currency, fiscalYearStartMonth,
                List.of(new Input(folder, null, null)), asOf, reports, workbook, thresholds, Targets.none(), schedule,
                delivery, pseudonymise, acceptSchemaChange, exclude, Planning.none(), rowLevelTables, currencyChosen);
    }

    /** Whether the job file reads this folder (one of its inputs, compared as absolute paths). */
    public boolean readsFolder(Path folder) {
        Path wanted = folder.toAbsolutePath().normalize();
        return inputs.stream().anyMatch(i -> i.path().toAbsolutePath().normalize().equals(wanted));
    }

    /** Returns a copy whose inputs are replaced by one folder (the {@code --input} option). */
    public JobDefinition withInput(Path folder) {
        return new JobDefinition(name, description, company, currency, fiscalYearStartMonth,
                List.of(new Input(folder, null, null)), asOf, reports, workbook, thresholds, targets, schedule,
                delivery, pseudonymise, acceptSchemaChange, exclude, planning, rowLevelTables, currencyChosen);
    }

    /** Returns a copy for another company name (the {@code --company} option; a client folder's name). */
    public JobDefinition withCompany(String name) {
        return new JobDefinition(this.name, description, name, currency, fiscalYearStartMonth, inputs, asOf, reports,
                workbook, thresholds, targets, schedule, delivery, pseudonymise, acceptSchemaChange, exclude, planning, rowLevelTables, currencyChosen);
    }

    /** Returns a copy with other thresholds and targets (the {@code --set} option, checked by the loader). */
    public JobDefinition withThresholds(Thresholds newThresholds, Targets newTargets) {
        return new JobDefinition(name, description, company, currency, fiscalYearStartMonth, inputs, asOf, reports,
                workbook, newThresholds, newTargets, schedule, delivery, pseudonymise, acceptSchemaChange, exclude, planning, rowLevelTables, currencyChosen);
    }

    /**
     * Returns a copy whose metrics use another currency (the {@code --currency} option): a currency chosen for the
     * run, which the currency check then takes even when few rows are in it.
     */
    public JobDefinition withCurrency(String code) {
        return withCurrency(code, true);
    }

    /** Returns a copy whose metrics use this currency, chosen for the run or not (a restart restores both). */
    public JobDefinition withCurrency(String code, boolean chosen) {
        return new JobDefinition(name, description, company, code.strip().toUpperCase(java.util.Locale.ROOT),
                fiscalYearStartMonth, inputs, asOf, reports, workbook, thresholds, targets, schedule, delivery,
                pseudonymise, acceptSchemaChange, exclude, planning, rowLevelTables, chosen);
    }

    /** Returns a copy that also leaves out the files these globs match (the {@code --exclude} option). */
    public JobDefinition withExclude(List<String> globs) {
        List<String> all = new java.util.ArrayList<>(exclude);
        globs.stream().filter(g -> !all.contains(g)).forEach(all::add);
        return new JobDefinition(name, description, company, currency, fiscalYearStartMonth, inputs, asOf, reports,
                workbook, thresholds, targets, schedule, delivery, pseudonymise, acceptSchemaChange, List.copyOf(all), planning, rowLevelTables, currencyChosen);
    }

    /** Returns a copy with another as-of rule. */
    public JobDefinition withAsOf(AsOfRule rule) {
        return new JobDefinition(name, description, company, currency, fiscalYearStartMonth,
                inputs, rule, reports, workbook, thresholds, targets, schedule, delivery, pseudonymise,
                acceptSchemaChange, exclude, planning, rowLevelTables, currencyChosen);
    }

    /** Returns a copy that replaces person names in every output (the {@code --pseudonymise} option). */
    public JobDefinition withPseudonymise() {
        return new JobDefinition(name, description, company, currency, fiscalYearStartMonth,
                inputs, asOf, reports, workbook, thresholds, targets, schedule, delivery, true, acceptSchemaChange, exclude, planning, rowLevelTables, currencyChosen);
    }

    /** Returns a copy that loads exports whose columns changed since the last run ({@code --accept-schema-change}). */
    public JobDefinition withAcceptSchemaChange() {
        return new JobDefinition(name, description, company, currency, fiscalYearStartMonth,
                inputs, asOf, reports, workbook, thresholds, targets, schedule, delivery, pseudonymise, true, exclude, planning, rowLevelTables, currencyChosen);
    }

    /** Returns a copy that writes the row-level tables out too (the {@code --row-level-tables} option). */
    public JobDefinition withRowLevelTables() {
        return new JobDefinition(name, description, company, currency, fiscalYearStartMonth,
                inputs, asOf, reports, workbook, thresholds, targets, schedule, delivery, pseudonymise, acceptSchemaChange,
                exclude, planning, true, currencyChosen);
    }

    /** Whether this run writes the table out (its CSV, its workbook sheet): every metric table, a row-level one when asked. */
    public boolean writes(String table) {
        return rowLevelTables || !ROW_LEVEL_TABLES.contains(table);
    }
}
