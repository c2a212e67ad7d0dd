package io.revlens.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.support.CronExpression;

/** Reads {@code jobs/<name>.yml} into a {@link JobDefinition}, rejecting unknown keys and bad values. */
public final class JobDefinitionLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            // a month, a port or a number of days given as 1.5 is a mistake to report, not to round
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);

    private final Path jobsFolder;

    public JobDefinitionLoader(Path jobsFolder) {
        this.jobsFolder = jobsFolder;
    }

    /** Loads the job called {@code name} (its file name without {@code .yml}). */
    public JobDefinition load(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new JobDefinitionException("Job name '" + name + "' is not a plain name; use one of " + available());
        }
        Path file = jobsFolder.resolve(name + ".yml");
        if (!Files.isRegularFile(file)) {
            String guess = ClosestName.to(name, available()).map(n -> "; did you mean " + n + "?").orElse("");
            throw new JobDefinitionException("No job file " + file + guess + " Jobs available: " + available());
        }
        return load(file);
    }

    /** Loads a job file at an explicit path. */
    public static JobDefinition load(Path file) {
        JobFile raw;
        try {
            raw = YAML.readValue(file.toFile(), JobFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new JobDefinitionException(file + ": unknown key '" + e.getPropertyName() + "' (near line "
                    + e.getLocation().getLineNr() + "); allowed keys: " + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("the file");
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            String wanted = e.getTargetType() == null ? "another kind of value" : switch (e.getTargetType().getSimpleName()) {
                case "Integer", "int", "Long", "long" -> "a whole number";
                case "BigDecimal", "Double", "double" -> "a number";
                case "Boolean", "boolean" -> "true or false";
                case "String" -> "text";
                default -> "a " + e.getTargetType().getSimpleName();
            };
            throw new JobDefinitionException(file + ": " + key + where + " must be " + wanted + "; fix the value and run again", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new JobDefinitionException(file + ": not a valid job file" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new JobDefinitionException("Cannot read job file " + file + ": " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new JobDefinitionException(file + " is empty; copy one of the files in jobs/ as a start");
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return raw.toDefinition(name, file.toAbsolutePath().getParent(), file);
    }

    /**
     * The job with thresholds and targets set on the command line ({@code --set key=value}), checked by the same
     * rules as the job file's; every problem is listed at once.
     */
    public static JobDefinition withSettings(JobDefinition job, Map<String, String> settings) {
        JobDefinition.Thresholds t = job.thresholds();
        JobDefinition.Targets g = job.targets() == null ? JobDefinition.Targets.none() : job.targets();
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("concentration_threshold", t.concentrationThreshold());
        values.put("major_customer_share", t.majorCustomerShare());
        values.put("decline_threshold", t.declineThreshold());
        values.put("ramp_threshold", t.rampThreshold());
        values.put("stalled_days", t.stalledDays());
        values.put("inactive_weeks", t.inactiveWeeks());
        values.put("stale_after_days", t.staleAfterDays());
        values.put("t12m_revenue", g.t12mRevenue());
        values.put("bookings_month", g.bookingsMonth());
        values.put("win_rate", g.winRate());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            if (!values.containsKey(key)) {
                problems.add("--set " + key + ": no such setting; use one of " + String.join(", ", values.keySet()));
                continue;
            }
            boolean whole = values.get(key) instanceof Integer;
            try {
                BigDecimal number = new BigDecimal(setting.getValue());
                values.put(key, whole ? Integer.valueOf(number.intValueExact()) : number);
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add("--set " + key + "=" + setting.getValue() + ": " + (whole ? "a whole number" : "a number")
                        + " is needed");
            }
        }
        JobDefinition.Thresholds thresholds = new ThresholdsFile((BigDecimal) values.get("concentration_threshold"),
                (BigDecimal) values.get("major_customer_share"), (BigDecimal) values.get("decline_threshold"),
                (BigDecimal) values.get("ramp_threshold"), (Integer) values.get("stalled_days"),
                (Integer) values.get("inactive_weeks"), (Integer) values.get("stale_after_days")).toThresholds(problems);
        JobDefinition.Targets targets = new JobDefinition.Targets((BigDecimal) values.get("t12m_revenue"),
                (BigDecimal) values.get("bookings_month"), (BigDecimal) values.get("win_rate"));
        checkTargets(targets, problems);
        if (!problems.isEmpty()) {
            throw new JobDefinitionException(String.join("; ", problems));
        }
        return job.withThresholds(thresholds, targets);
    }

    private static void checkTargets(JobDefinition.Targets targets, List<String> problems) {
        if (targets.winRate() != null && (targets.winRate().signum() < 0 || targets.winRate().compareTo(BigDecimal.ONE) > 0)) {
            problems.add("targets: win_rate is a fraction between 0 and 1 (0.25 = 25%), found " + targets.winRate());
        }
    }

    /** Names of the job files in the jobs folder. */
    public List<String> available() {
        try (var files = Files.list(jobsFolder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The YAML shape; kept private so the rest of the code sees only the validated record. */
    private record JobFile(
            String description,
            String company,
            String currency,
            @JsonProperty("fiscal_year_start_month") Integer fiscalYearStartMonth,
            List<InputFile> inputs,
            @JsonProperty("as_of") String asOf,
            List<ReportFile> reports,
            Boolean workbook,
            @JsonProperty("row_level_tables") Boolean rowLevelTables,
            ThresholdsFile thresholds,
            TargetsFile targets,
            ScheduleFile schedule,
            DeliveryFile delivery,
            Boolean pseudonymise,
            List<String> exclude,
            PlanningFile.ScorecardFile scorecard,
            List<PlanningFile.RockFile> rocks) {

        JobDefinition toDefinition(String name, Path baseFolder, Path file) {
            List<String> problems = new ArrayList<>();
            String currencyCode = currency == null ? "USD" : currency.trim().toUpperCase();
            if (!currencyCode.matches("[A-Z]{3}")) {
                problems.add("currency '" + currency + "' is not an ISO 4217 code such as USD");
            }
            int fiscalStart = fiscalYearStartMonth == null ? 1 : fiscalYearStartMonth;
            if (fiscalStart < 1 || fiscalStart > 12) {
                problems.add("fiscal_year_start_month must be 1..12, was " + fiscalStart);
            }
            List<JobDefinition.Input> resolvedInputs = new ArrayList<>();
            if (inputs == null || inputs.isEmpty()) {
                problems.add("inputs: name at least one folder (inputs: [{path: ../sample-data}])");
            } else {
                for (InputFile input : inputs) {
                    if (input.path() == null) {
                        problems.add("inputs: every entry needs a path");
                        continue;
                    }
                    Path resolved = baseFolder.resolve(input.path()).normalize();
                    InputRoots roots = InputRoots.forJobFolder(baseFolder);
                    if (!roots.allows(resolved)) {
                        problems.add("inputs: " + input.path() + " resolves to " + resolved
                                + ", outside the allowed input roots " + roots.describe()
                                + "; put the exports under the project folder, add their folder to REVLENS_INPUT_ROOTS,"
                                + " or name it on the command line with --input");
                        continue;
                    }
                    resolvedInputs.add(new JobDefinition.Input(resolved, input.glob(), input.profile()));
                }
            }
            AsOfRule rule = AsOfRule.PREVIOUS_MONTH_END;
            if (asOf != null) {
                try {
                    rule = AsOfRule.parse(asOf);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            List<JobDefinition.ReportOutput> outputs = new ArrayList<>();
            if (reports == null || reports.isEmpty()) {
                problems.add("reports: name at least one template (reports: [{template: board-monthly}])");
            } else {
                for (ReportFile report : reports) {
                    if (report.template() == null || !report.template().matches("[a-z0-9-]+")) {
                        problems.add("reports: template '" + report.template() + "' must be the plain name of a file in reports/");
                        continue;
                    }
                    String output = report.output() == null ? report.template() : report.output();
                    if (!output.matches("[A-Za-z0-9._-]+")) {
                        problems.add("reports: output '" + output + "' must be a plain file name");
                    }
                    outputs.add(new JobDefinition.ReportOutput(report.template(), output));
                }
            }
            JobDefinition.Schedule resolvedSchedule = null;
            if (schedule != null) {
                try {
                    CronExpression.parse(schedule.cron());
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add("schedule.cron '" + schedule.cron() + "' is not a valid cron expression"
                            + " (six fields: second minute hour day-of-month month day-of-week)");
                }
                String zone = schedule.zone() == null ? "UTC" : schedule.zone();
                try {
                    ZoneId.of(zone);
                } catch (RuntimeException e) {
                    problems.add("schedule.zone '" + zone + "' is not a time zone such as Europe/London");
                }
                resolvedSchedule = new JobDefinition.Schedule(schedule.cron(), zone);
            }
            JobDefinition.Thresholds resolvedThresholds = thresholds == null
                    ? JobDefinition.Thresholds.defaults() : thresholds.toThresholds(problems);
            JobDefinition.Targets resolvedTargets = targets == null ? JobDefinition.Targets.none()
                    : new JobDefinition.Targets(targets.t12mRevenue(), targets.bookingsMonth(), targets.winRate());
            checkTargets(resolvedTargets, problems);
            JobDefinition.Delivery resolvedDelivery = delivery == null ? JobDefinition.Delivery.none()
                    : delivery.toDelivery(baseFolder, problems);
            List<String> excludeGlobs = exclude == null ? List.of() : exclude.stream().filter(g -> g != null && !g.isBlank()).toList();
            try {
                io.revlens.ingest.read.ExcludeGlobs.of(excludeGlobs);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            Planning planning = new PlanningFile(scorecard, rocks).toPlanning(problems);
            if (!problems.isEmpty()) {
                throw new JobDefinitionException(file + " has " + problems.size() + " problem(s):\n  - "
                        + String.join("\n  - ", problems));
            }
            return new JobDefinition(name, description, company == null ? name : company, currencyCode,
                    fiscalStart, List.copyOf(resolvedInputs), rule, List.copyOf(outputs),
                    Boolean.TRUE.equals(workbook), resolvedThresholds, resolvedTargets, resolvedSchedule, resolvedDelivery,
                    Boolean.TRUE.equals(pseudonymise), false, List.copyOf(excludeGlobs), planning,
                    Boolean.TRUE.equals(rowLevelTables), false);
        }
    }

    private record InputFile(String path, String glob, String profile) {
    }

    private record ReportFile(String template, String output) {
    }

    private record ScheduleFile(String cron, String zone) {
    }

    private record DeliveryFile(String folder, EmailFile email) {

        JobDefinition.Delivery toDelivery(Path baseFolder, List<String> problems) {
            JobDefinition.Email resolvedEmail = null;
            if (email != null) {
                if (email.to() == null || email.to().isEmpty() || email.to().stream().anyMatch(a -> a == null || !a.contains("@"))) {
                    problems.add("delivery.email.to: list at least one address (to: [board@example.com])");
                }
                if (email.from() == null || !email.from().contains("@")) {
                    problems.add("delivery.email.from: give the sender's address (from: reports@example.com)");
                }
                if (email.smtpHost() == null || email.smtpHost().isBlank()) {
                    problems.add("delivery.email.smtp_host: name the SMTP server (smtp_host: smtp.example.com)");
                }
                int port = email.smtpPort() == null ? 25 : email.smtpPort();
                if (port < 1 || port > 65535) {
                    problems.add("delivery.email.smtp_port must be 1..65535, was " + port);
                }
                resolvedEmail = new JobDefinition.Email(email.to() == null ? List.of() : List.copyOf(email.to()), email.from(),
                        email.subject(), email.smtpHost(), port, email.attach() == null || email.attach(),
                        Boolean.TRUE.equals(email.startTls()), email.username(), email.passwordEnv());
            }
            return new JobDefinition.Delivery(folder == null ? null : baseFolder.resolve(folder).normalize(), resolvedEmail);
        }
    }

    private record EmailFile(
            List<String> to,
            String from,
            String subject,
            @JsonProperty("smtp_host") String smtpHost,
            @JsonProperty("smtp_port") Integer smtpPort,
            Boolean attach,
            @JsonProperty("starttls") Boolean startTls,
            String username,
            @JsonProperty("password_env") String passwordEnv) {
    }

    private record TargetsFile(
            @JsonProperty("t12m_revenue") BigDecimal t12mRevenue,
            @JsonProperty("bookings_month") BigDecimal bookingsMonth,
            @JsonProperty("win_rate") BigDecimal winRate) {
    }

    private record ThresholdsFile(
            @JsonProperty("concentration_threshold") BigDecimal concentrationThreshold,
            @JsonProperty("major_customer_share") BigDecimal majorCustomerShare,
            @JsonProperty("decline_threshold") BigDecimal declineThreshold,
            @JsonProperty("ramp_threshold") BigDecimal rampThreshold,
            @JsonProperty("stalled_days") Integer stalledDays,
            @JsonProperty("inactive_weeks") Integer inactiveWeeks,
            @JsonProperty("stale_after_days") Integer staleAfterDays) {

        JobDefinition.Thresholds toThresholds(List<String> problems) {
            JobDefinition.Thresholds d = JobDefinition.Thresholds.defaults();
            JobDefinition.Thresholds t = new JobDefinition.Thresholds(
                    concentrationThreshold == null ? d.concentrationThreshold() : concentrationThreshold,
                    majorCustomerShare == null ? d.majorCustomerShare() : majorCustomerShare,
                    declineThreshold == null ? d.declineThreshold() : declineThreshold,
                    rampThreshold == null ? d.rampThreshold() : rampThreshold,
                    stalledDays == null ? d.stalledDays() : stalledDays,
                    inactiveWeeks == null ? d.inactiveWeeks() : inactiveWeeks,
                    staleAfterDays == null ? d.staleAfterDays() : staleAfterDays);
            for (BigDecimal share : List.of(t.concentrationThreshold(), t.majorCustomerShare(),
                    t.declineThreshold(), t.rampThreshold())) {
                if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                    problems.add("thresholds: shares are fractions between 0 and 1 (0.20 = 20%), found " + share);
                }
            }
            if (t.stalledDays() < 1 || t.inactiveWeeks() < 1) {
                problems.add("thresholds: stalled_days and inactive_weeks must be at least 1");
            }
            if (t.staleAfterDays() < 0) {
                problems.add("thresholds: stale_after_days must be 0 or more (days the data may end before the as-of date)");
            }
            return t;
        }
    }
}
