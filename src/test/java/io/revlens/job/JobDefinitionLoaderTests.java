package io.revlens.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDefinitionLoaderTests {

    @TempDir
    Path jobs;

    @Test
    void shippedJobFilesLoadWithTheirInputsResolvedAgainstTheJobsFolder() {
        JobDefinitionLoader loader = new JobDefinitionLoader(Path.of("jobs"));
        assertThat(loader.available()).contains("monthly-board-report", "quarterly-planning-packet", "client-dump-analysis");

        JobDefinition monthly = loader.load("monthly-board-report");
        assertThat(monthly.name()).isEqualTo("monthly-board-report");
        assertThat(monthly.currency()).isEqualTo("USD");
        assertThat(monthly.asOf()).isEqualTo(AsOfRule.PREVIOUS_MONTH_END);
        assertThat(monthly.inputs()).singleElement()
                .satisfies(input -> assertThat(input.path()).isEqualTo(Path.of("sample-data").toAbsolutePath()));
        assertThat(monthly.reports()).extracting(JobDefinition.ReportOutput::output).containsExactly("board-report");
        assertThat(monthly.thresholds().concentrationThreshold()).isEqualByComparingTo("0.20");
        assertThat(loader.load("quarterly-planning-packet").workbook()).isTrue();
        assertThat(monthly.targets().winRate()).isEqualByComparingTo("0.20");
        assertThat(loader.load("client-dump-analysis").targets().t12mRevenue()).isNull();
    }

    @Test
    void unknownKeyIsReportedWithItsNameAndLine() throws IOException {
        write("bad.yml", "company: X\ninputs: [{path: .}]\nreports: [{template: board-monthly}]\nshedule: {cron: '0 0 6 2 * *'}\n");
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("bad"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("unknown key 'shedule'")
                .hasMessageContaining("near line");
    }

    @Test
    void aFractionalMonthIsNamedWithItsFileAndLineNotRounded() throws IOException {
        Path file = write("bad.yml", "company: X\ninputs: [{path: .}]\nreports: [{template: board-monthly}]\nfiscal_year_start_month: 1.5\n");
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("bad"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessage(file + ": fiscal_year_start_month (line 4) must be a whole number; fix the value and run again");
    }

    @Test
    void scorecardAndRocksAreReadAndEachMistakeNamed() throws IOException {
        String base = "company: X\ninputs: [{path: .}]\nreports: [{template: board-monthly}]\n";
        write("plan.yml", base + """
                scorecard:
                  measurables:
                    - {metric: new_opportunities, filter: {rep: Dana}, goal: 3}
                    - {name: Cycle, metric: average_cycle_days, cadence: monthly}
                rocks:
                  - {name: More SQLs, metric: sqls, filter: {region: East}, start: 2026-10-01, due: 2026-12-31, target: 50}
                """);
        Planning plan = new JobDefinitionLoader(jobs).load("plan").planning();
        assertThat(plan.streakAlert()).isEqualTo(8);
        assertThat(plan.measurables()).extracting(Planning.Measurable::name, Planning.Measurable::direction, Planning.Measurable::cadence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new_opportunities (rep Dana)", "up", "weekly"),
                        org.assertj.core.groups.Tuple.tuple("Cycle", "down", "monthly"));
        assertThat(plan.rocks().get(0).filter()).isEqualTo(new Planning.Filter("region", "East"));
        assertThat(plan.rocks().get(0).due()).isEqualTo(LocalDate.parse("2026-12-31"));

        write("bad-plan.yml", base + """
                scorecard:
                  streak_alert: 1
                  measurables:
                    - {metric: revenue_per_hour, cadence: daily}
                    - {metric: calls, filter: {team: North}}
                rocks:
                  - {metric: bookings, start: 2026-12-31, due: 2026-10-01, target: 5}
                  - {metric: bookings, start: soon, target: 5}
                """);
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("bad-plan"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("scorecard.streak_alert must be 2 or more")
                .hasMessageContaining("scorecard.measurables[1].metric 'revenue_per_hour' is not one RevLens computes; use one of new_opportunities")
                .hasMessageContaining("scorecard.measurables[1].cadence must be weekly or monthly, was 'daily'")
                .hasMessageContaining("scorecard.measurables[2].filter must be one of [rep, region, segment, source]")
                .hasMessageContaining("rocks[1]: due 2026-10-01 must be after start 2026-12-31")
                .hasMessageContaining("rocks[2].start 'soon' is not a date in the form 2025-12-31");
    }

    @Test
    void everyProblemIsListedAtOnce() throws IOException {
        write("bad.yml", """
                currency: dollars
                inputs: [{path: .}]
                reports: [{template: board-monthly}]
                as_of: yesterday
                thresholds: {concentration_threshold: 20}
                schedule: {cron: 'every monday', zone: Mars/Olympus}
                """);
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("bad"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("5 problem(s)")
                .hasMessageContaining("currency 'dollars'")
                .hasMessageContaining("unknown as_of 'yesterday'")
                .hasMessageContaining("fractions between 0 and 1")
                .hasMessageContaining("not a valid cron expression")
                .hasMessageContaining("'Mars/Olympus' is not a time zone");
    }

    @Test
    void missingJobNamesTheJobsThatExist() throws IOException {
        write("only.yml", "inputs: [{path: .}]\nreports: [{template: board-monthly}]\n");
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("nope"))
                .hasMessageContaining("No job file")
                .hasMessageContaining("[only]");
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("../etc/passwd"))
                .hasMessageContaining("not a plain name");
    }

    @Test
    void thresholdsOverrideDefaultsKeyByKey() throws IOException {
        write("t.yml", "inputs: [{path: .}]\nreports: [{template: board-monthly}]\nthresholds: {ramp_threshold: 0.7}\n");
        JobDefinition.Thresholds thresholds = new JobDefinitionLoader(jobs).load("t").thresholds();
        assertThat(thresholds.rampThreshold()).isEqualByComparingTo(new BigDecimal("0.7"));
        assertThat(thresholds.concentrationThreshold()).isEqualByComparingTo("0.20");
        assertThat(thresholds.stalledDays()).isEqualTo(30);
    }

    @Test
    void asOfRulesFollowTheRunDate() {
        LocalDate secondOfNovember = LocalDate.of(2026, 11, 2);
        assertThat(AsOfRule.PREVIOUS_MONTH_END.fromRunDate(secondOfNovember)).contains(LocalDate.of(2026, 10, 31));
        assertThat(AsOfRule.PREVIOUS_MONTH_END.fromRunDate(LocalDate.of(2026, 1, 2))).contains(LocalDate.of(2025, 12, 31));
        assertThat(AsOfRule.PREVIOUS_QUARTER_END.fromRunDate(secondOfNovember)).contains(LocalDate.of(2026, 9, 30));
        assertThat(AsOfRule.PREVIOUS_QUARTER_END.fromRunDate(LocalDate.of(2026, 1, 3))).contains(LocalDate.of(2025, 12, 31));
        assertThat(AsOfRule.LATEST_DATA.fromRunDate(secondOfNovember)).isEmpty();
    }

    @Test
    void deliveryEmailIsReadWithDefaultsAndTheFolderResolvedAgainstTheJobsFolder() throws IOException {
        write("mailed.yml", """
                inputs: [{path: .}]
                reports: [{template: board-monthly}]
                delivery:
                  folder: packs
                  email: {to: [board@example.com], from: reports@example.com, smtp_host: smtp.example.com}
                """);
        JobDefinition.Delivery delivery = new JobDefinitionLoader(jobs).load("mailed").delivery();
        assertThat(delivery.folder()).isEqualTo(jobs.resolve("packs").toAbsolutePath());
        assertThat(delivery.email()).isEqualTo(new JobDefinition.Email(java.util.List.of("board@example.com"),
                "reports@example.com", null, "smtp.example.com", 25, true, false, null, null));
        assertThat(new JobDefinitionLoader(Path.of("jobs")).load("monthly-board-report").delivery())
                .isEqualTo(JobDefinition.Delivery.none());
    }

    @Test
    void deliveryEmailProblemsAreListed() throws IOException {
        write("badmail.yml", """
                inputs: [{path: .}]
                reports: [{template: board-monthly}]
                delivery:
                  email: {to: [nobody], smtp_port: 70000}
                """);
        assertThatThrownBy(() -> new JobDefinitionLoader(jobs).load("badmail"))
                .isInstanceOf(JobDefinitionException.class)
                .hasMessageContaining("has 4 problem(s)")
                .hasMessageContaining("delivery.email.to")
                .hasMessageContaining("delivery.email.from")
                .hasMessageContaining("delivery.email.smtp_host")
                .hasMessageContaining("smtp_port must be 1..65535, was 70000");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(jobs.resolve(name), yaml);
    }
}
