package io.revlens.cli;

import io.revlens.job.BadInputException;
import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What a run can change in its job without editing the job file: the company, the currency, thresholds and targets
 * ({@code --set key=value}), files left out, pseudonyms, accepting changed export columns, the row-level tables. Shared by {@code run} and
 * {@code analyze}.
 */
final class JobOverrides {

    @Option(names = "--company", paramLabel = "NAME", description = "Company name on the reports, instead of the job file's.")
    String company;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "Currency the metrics use (ISO code, e.g. EUR), instead of the job file's.")
    String currency;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A threshold or target instead of the job file's (repeatable), e.g. --set"
                    + " concentration_threshold=0.25 --set bookings_month=400000; keys: "
                    + "concentration_threshold, major_customer_share, decline_threshold, ramp_threshold, stalled_days,"
                    + " inactive_weeks, stale_after_days, t12m_revenue, bookings_month, win_rate.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out the files this glob matches (path inside the folder or file name, any case;"
                    + " repeatable), e.g. --exclude 'Campaign*.csv'. Listed in the inventory as excluded.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--pseudonymise", description = "Replace person names (reps, managers) with pseudonyms in every output.")
    boolean pseudonymise;

    @Option(names = "--accept-schema-change",
            description = "Load exports whose columns changed since the last run (and remember the new shape).")
    boolean acceptSchemaChange;

    @Option(names = "--row-level-tables",
            description = "Also write the tables with one row per input row (revenue_events, opportunity_progress)"
                    + " as CSVs and workbook sheets, as large as the exports.")
    boolean rowLevelTables;

    JobDefinition apply(JobDefinition job) {
        JobDefinition result = job;
        if (company != null) {
            if (company.isBlank()) {
                throw new BadInputException("--company: give the company's name, e.g. --company \"Acme Corp\"");
            }
            result = result.withCompany(company.strip());
        }
        if (currency != null) {
            if (!currency.strip().matches("[A-Za-z]{3}")) {
                throw new BadInputException("--currency " + currency + ": give a three-letter ISO code such as USD or EUR");
            }
            String before = result.currency();
            result = result.withCurrency(currency);
            if (before != null && !before.equals(result.currency())) {
                // the job file's money targets are amounts in its own currency, not in this one (--set gives new ones)
                JobDefinition.Targets targets = result.targets();
                result = result.withThresholds(result.thresholds(),
                        new JobDefinition.Targets(null, null, targets == null ? null : targets.winRate()));
            }
        }
        if (!settings.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String setting : settings) {
                int at = setting.indexOf('=');
                if (at < 1) {
                    throw new BadInputException("--set " + setting + ": give key=value, e.g. --set stalled_days=45");
                }
                values.put(setting.substring(0, at).strip(), setting.substring(at + 1).strip());
            }
            result = JobDefinitionLoader.withSettings(result, values);
        }
        if (!exclude.isEmpty()) {
            result = result.withExclude(exclude);
        }
        if (pseudonymise) {
            result = result.withPseudonymise();
        }
        if (acceptSchemaChange) {
            result = result.withAcceptSchemaChange();
        }
        if (rowLevelTables) {
            result = result.withRowLevelTables();
        }
        return result;
    }
}
