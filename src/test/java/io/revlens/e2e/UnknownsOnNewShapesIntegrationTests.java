package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarterly planning packet (the shipped job file, with its scorecard and Rocks) on two export shapes it was not
 * written for: a revenue-only QuickBooks report and a Pipedrive deals export. What these exports do not hold is
 * printed as unknown with its reason, never as $0, 0 or 100%.
 */
class UnknownsOnNewShapesIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aRevenueOnlyDumpHasNoDealFigures() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("quickbooks"));
        Files.writeString(folder.resolve("sales-by-customer-detail.csv"), "Client Co\nSales by Customer Detail\nAll Dates\n\n"
                + ",Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Amount,Balance\n"
                + "Alpha Supply,,,,,,,,,\n"
                + ",01/15/2026,Invoice,1001,Widget,,1,\"1,000.00\",\"1,000.00\",\"1,000.00\"\n"
                + "Total for Alpha Supply,,,,,,,,\"$1,000.00\",\n"
                + "Total Wine & More,,,,,,,,,\n"
                + ",03/04/2026,Invoice,1002,Widget,,1,\"5,000.00\",\"5,000.00\",\"6,000.00\"\n"
                + "Total for Total Wine & More,,,,,,,,\"$5,000.00\",\n"
                + "TOTAL,,,,,,,,\"$6,000.00\",\n\n"
                + "\"Accrual Basis Monday, November 2, 2026 10:15 AM GMT-05:00\"\n");
        Path out = temp.resolve("out-quickbooks");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--input", folder.toString(),
                "--out", out.toString(), "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        // No opportunities export: next quarter's pipeline and the won and lost amounts are unknown, not 0.
        assertThat(csv(out, "pipeline_coverage").get(0).get("open_pipeline")).isEmpty();
        assertThat(csv(out, "next_quarter_forecast").get(0).get("weighted_pipeline")).isEmpty();
        CSVRecord summary = csv(out, "win_rate_summary").get(0);
        assertThat(List.of(summary.get("won_count"), summary.get("won_amount"), summary.get("lost_amount"))).containsOnly("");
        assertThat(note(out, "win_rate_summary")).isEqualTo("no opportunities export");

        String pdf = PdfText.of(out.resolve("quarterly-packet.pdf")).text();
        assertThat(pdf).contains("No opportunities export: win rate, sales cycle and open pipeline not computed.")
                .contains("Next-quarter forecast not computed: there is no opportunities export.")
                .contains("open pipeline – against")
                .doesNotContain("open pipeline $0")
                .doesNotContain("no won deal has an amount");
        // Both customers are in the concentration table: Total Wine & More is 5,000 of 6,000.
        assertThat(pdf).contains("Total Wine & More").contains("83.3%");
    }

    @Test
    void pipedriveDealsKeepTheirFunnelAndSayWhatTheyLeaveOut() throws Exception {
        // 60 deals created every 14 days from 2024-07-01: statuses cycle won, lost, open; stages cycle through the
        // default pipeline (a won or lost deal stays in the stage it reached); every 10th deal is in EUR.
        String[] stages = {"Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"};
        String[] statuses = {"won", "Lost", "open"};
        StringBuilder deals = new StringBuilder("\"Deal - ID\",\"Deal - Title\",\"Deal - Owner\",\"Deal - Value\","
                + "\"Deal - Currency of Value\",\"Deal - Organization\",\"Deal - Stage\",\"Deal - Status\",\"Deal - Deal created\","
                + "\"Deal - Deal closed on\",\"Deal - Expected close date\",\"Deal - Last stage change\"\n");
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate created = LocalDate.of(2024, 7, 1).plusDays(14L * i);
            String status = statuses[i % 3];
            String closed = status.equals("open") ? "" : created.plusDays(30) + " 12:00:00";
            String[] row = {String.valueOf(100 + i), "Deal " + i, i % 2 == 0 ? "Ann Lee" : "Bob Roy",
                    String.valueOf(1000 + 10 * i), i % 10 == 9 ? "EUR" : "USD", "Org " + (i % 7), stages[i % 5], status,
                    created + " 09:00:00", closed, created.plusDays(60).toString(), created.plusDays(20) + " 15:00:00"};
            rows.add(row);
            deals.append(String.join(",", row)).append('\n');
        }
        Path folder = Files.createDirectories(temp.resolve("pipedrive"));
        Files.writeString(folder.resolve("deals.csv"), deals.toString());
        // The client's own job file, with a Rock for a region its exports do not have
        Path jobs = Files.createDirectories(temp.resolve("jobs"));
        Files.writeString(jobs.resolve("pipedrive-packet.yml"), """
                description: Planning packet on a Pipedrive export
                company: Pipedrive Client Ltd
                inputs:
                  - path: %s
                reports:
                  - template: quarterly-packet
                    output: quarterly-packet
                rocks:
                  - name: 60 new opportunities from the East region
                    metric: new_opportunities
                    filter: {region: East}
                    owner: Dana Whitfield
                    start: 2026-10-01
                    target: 60
                    due: 2026-12-31
                """.formatted(folder));
        Path out = temp.resolve("out-pipedrive");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "pipedrive-packet", "--jobs", jobs.toString(),
                "--out", out.toString(), "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        // The funnel has the five stages, not one "won" stage: none of them is a closed stage.
        List<String> funnelStages = csv(out, "stage_funnel").stream().map(r -> r.get("stage")).toList();
        assertThat(funnelStages).startsWith(stages);

        // Six deals (i = 9, 19, ..., 59) are in EUR: the deal tables say so.
        long euro = rows.stream().filter(r -> r[4].equals("EUR")).count();
        assertThat(euro).isEqualTo(6);
        for (String table : List.of("win_rate_summary", "bookings_monthly", "stage_funnel", "rep_scorecard")) {
            assertThat(note(out, table)).as(table).endsWith(euro + " opportunities in other currencies (EUR) left out");
        }

        // Stalled deals count from the export's own last stage change (20 days after creation): deal 156, open,
        // created 2026-08-24, changed stage on 2026-09-13, 48 days before 2026-10-31 (and past its expected close
        // date, 2026-10-23), not the 68 days since it was created.
        java.util.Map<String, CSVRecord> stalled = new java.util.HashMap<>();
        csv(out, "stalled_deals").forEach(r -> stalled.put(r.get("opportunity_id"), r));
        assertThat(rows.get(56)[7]).isEqualTo("open");
        assertThat(stalled.get("156").get("last_stage_change_date")).isEqualTo("2026-09-13");
        assertThat(stalled.get("156").get("days_since_stage_change")).isEqualTo("48");
        assertThat(note(out, "stalled_deals")).doesNotContain("days since the deal was created stand in");

        // The Rock: no region East in a Pipedrive export, so its history and suggested targets are unknown, not a
        // run of zeros.
        CSVRecord east = csv(out, "rock_progress").stream().filter(r -> r.get("filter_value").equals("East")).findFirst().orElseThrow();
        assertThat(east.get("unknown_reason")).contains("no region \"East\"");
        assertThat(List.of(east.get("latest_quarter_value"), east.get("realistic_next_target"), east.get("stretch_next_target")))
                .containsOnly("");
    }

    @Test
    void aJobFileOnAnotherFolderLeavesOutItsCompanysNameAndGoals() throws Exception {
        // The shipped planning packet is the sample company's (Calibra Instruments, its targets, scorecard and Rocks).
        // Run on another client's folder, the report is the folder's, without Calibra's name or goals.
        Path folder = Files.createDirectories(temp.resolve("acme-dump"));
        Files.writeString(folder.resolve("deals.csv"), "opportunity_id,stage,amount,close_date,created_date,account\n"
                + "1,Won,1000,2026-09-10,2026-08-01,Acme\n2,Lost,500,2026-09-20,2026-08-05,Beta\n"
                + "3,Proposal,700,2026-12-15,2026-10-01,Gamma\n");
        Path out = temp.resolve("out-acme");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--input", folder.toString(),
                "--out", out.toString(), "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("is not an input of quarterly-planning-packet.yml").contains("--company names it");
        String pdf = PdfText.of(out.resolve("quarterly-packet.pdf")).text();
        assertThat(pdf).contains("acme-dump").doesNotContain("Calibra").doesNotContain("Dana Whitfield")
                .doesNotContain("Tom Kowalski");
        assertThat(note(out, "rock_progress")).isEqualTo("no Rocks in the job file (rocks: ...)");

        // --company names it
        Path namedOut = temp.resolve("out-acme-named");
        CliRun named = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--input", folder.toString(),
                "--out", namedOut.toString(), "--as-of", "2026-10-31", "--company", "Acme Corp");
        assertThat(named.exitCode()).as(named.out() + named.err()).isZero();
        assertThat(PdfText.of(namedOut.resolve("quarterly-packet.pdf")).text()).contains("Acme Corp").doesNotContain("Calibra");
    }

    @Test
    void aStageEnteredAfterTheAsOfDateHadNotHappenedYet() throws Exception {
        // A HubSpot export taken in late October, analysed as of September 30 (as the planning packet does for the
        // quarter before). Deal 101 sat in Appointment Scheduled from July 27 and moved to Qualified To Buy on
        // October 24: on September 30 it stood in Appointment Scheduled, unchanged for 65 days.
        String q = "\"";
        String header = String.join(",", q + "Record ID" + q, q + "Deal Name" + q, q + "Deal Stage" + q, q + "Close Date" + q,
                q + "Deal owner" + q, q + "Amount" + q, q + "Pipeline" + q, q + "Create Date" + q,
                q + "Date entered \"\"Appointment Scheduled (Sales Pipeline)\"\"" + q,
                q + "Date entered \"\"Qualified To Buy (Sales Pipeline)\"\"" + q,
                q + "Date entered \"\"Presentation Scheduled (Sales Pipeline)\"\"" + q,
                q + "Date entered \"\"Closed Won (Sales Pipeline)\"\"" + q, q + "Date entered \"\"Closed Lost (Sales Pipeline)\"\"" + q);
        Path folder = Files.createDirectories(temp.resolve("hubspot"));
        Files.writeString(folder.resolve("deals.csv"), header + "\n"
                + "101,Stuck deal,qualifiedtobuy,,Ava Thompson,20000,Sales Pipeline,2026-07-27 08:56,2026-07-27 08:56,2026-10-24 23:45,,,\n"
                + "102,Won A,closedwon,2026-06-10 10:00,Ava Thompson,10000,Sales Pipeline,2026-03-02 09:00,2026-03-02 09:00,2026-04-01 09:00,2026-05-01 09:00,2026-06-10 10:00,\n"
                + "103,Lost B,closedlost,2026-06-20 10:00,Ava Thompson,12000,Sales Pipeline,2026-03-05 09:00,2026-03-05 09:00,2026-04-10 09:00,,,2026-06-20 10:00\n"
                + "104,Won C,closedwon,2026-08-20 10:00,Ava Thompson,15000,Sales Pipeline,2026-05-05 09:00,2026-05-05 09:00,,2026-06-10 09:00,2026-08-20 10:00,\n"
                + "105,Lost D,closedlost,2026-09-20 10:00,Ava Thompson,9000,Sales Pipeline,2026-06-05 09:00,2026-06-05 09:00,,,,2026-09-20 10:00\n");
        Path out = temp.resolve("out-hubspot");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString(), "--as-of", "2026-09-30");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        CSVRecord stuck = csv(out, "stalled_deals").stream().filter(r -> r.get("opportunity_id").equals("101")).findFirst().orElseThrow();
        assertThat(List.of(stuck.get("stage"), stuck.get("last_stage_change_date"), stuck.get("days_since_stage_change")))
                .containsExactly("Appointment Scheduled", "2026-07-27", "65");
        // Qualified To Buy by September 30: 103 entered it, 102 and 104 were won (a won deal passed every stage);
        // 101 only in October, 105 was lost without entering it.
        CSVRecord qualified = csv(out, "stage_funnel").stream().filter(r -> r.get("stage").equalsIgnoreCase("Qualified To Buy"))
                .findFirst().orElseThrow();
        assertThat(qualified.get("reached_count")).isEqualTo("3");
    }

    @Test
    void aLeadsStageReachedAfterTheAsOfDateHadNotHappenedYet() throws Exception {
        // HubSpot contacts exported in late October, analysed as of September 30: Ann became an MQL on October 20 and
        // Ben an SQL on October 21, after it. On September 30 the MQL was Ben (August 10), and there was no SQL. Di,
        // imported as a customer (no lead, MQL or SQL date), never was a lead of the funnel.
        Path folder = Files.createDirectories(temp.resolve("contacts"));
        Files.writeString(folder.resolve("hubspot-contacts.csv"), String.join("\n",
                "\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Lifecycle Stage\",\"Create Date\",\"Became a Lead Date\","
                        + "\"Became a Marketing Qualified Lead Date\",\"Became a Sales Qualified Lead Date\",\"Became an Opportunity Date\","
                        + "\"Became a Customer Date\"",
                "\"1\",\"Ann\",\"A\",\"a@x.com\",\"Marketing Qualified Lead\",\"2026-08-01 09:00\",\"2026-08-01 09:00\",\"2026-10-20 10:00\",\"\",\"\",\"\"",
                "\"2\",\"Ben\",\"B\",\"b@x.com\",\"Sales Qualified Lead\",\"2026-08-02 09:00\",\"2026-08-02 09:00\",\"2026-08-10 09:00\",\"2026-10-21 09:00\",\"\",\"\"",
                "\"3\",\"Cy\",\"C\",\"c@x.com\",\"Lead\",\"2026-08-03 09:00\",\"2026-08-03 09:00\",\"\",\"\",\"\",\"\"",
                "\"4\",\"Di\",\"D\",\"d@x.com\",\"Customer\",\"2026-09-01 09:00\",\"\",\"\",\"\",\"\",\"2026-09-01 09:00\"") + "\n");
        Path out = temp.resolve("out-contacts");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString(), "--as-of", "2026-09-30");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        java.util.Map<String, String> reached = new java.util.HashMap<>();
        csv(out, "lead_funnel").forEach(r -> reached.put(r.get("lead_stage"), r.get("reached_count")));
        assertThat(reached).containsEntry("created", "3").containsEntry("mql", "1").containsEntry("sql", "0");
    }

    @Test
    void anExportWithSeveralPipelinesHasTheFunnelOfTheLargestAndSaysSo() throws Exception {
        // Six deals in the default "Sales Pipeline", three in "Partners", whose stages share two names with it and
        // add one of its own. All created in 2026, as of 2026-10-31. Without stage history a deal reached the stage
        // it stands in (a won or lost Pipedrive deal stays in the stage it reached) and every earlier one.
        String header = "\"Deal - ID\",\"Deal - Title\",\"Deal - Value\",\"Deal - Currency of Value\",\"Deal - Pipeline\","
                + "\"Deal - Stage\",\"Deal - Status\",\"Deal - Deal created\",\"Deal - Deal closed on\"\n";
        String deals = header
                + "1,S1,1000,USD,Sales Pipeline,Qualified,open,2026-02-01 09:00:00,\n"
                + "2,S2,1000,USD,Sales Pipeline,Contact Made,lost,2026-02-02 09:00:00,2026-03-02 09:00:00\n"
                + "3,S3,1000,USD,Sales Pipeline,Demo Scheduled,open,2026-02-03 09:00:00,\n"
                + "4,S4,1000,USD,Sales Pipeline,Proposal Made,won,2026-02-04 09:00:00,2026-04-04 09:00:00\n"
                + "5,S5,1000,USD,Sales Pipeline,Proposal Made,lost,2026-02-05 09:00:00,2026-04-05 09:00:00\n"
                + "6,S6,1000,USD,Sales Pipeline,Negotiations Started,open,2026-02-06 09:00:00,\n"
                + "7,P1,5000,USD,Partners,Qualified,open,2026-03-01 09:00:00,\n"
                + "8,P2,5000,USD,Partners,Proposal Made,won,2026-03-02 09:00:00,2026-05-02 09:00:00\n"
                + "9,P3,5000,USD,Partners,Partner Contract,open,2026-03-03 09:00:00,\n";
        Path folder = Files.createDirectories(temp.resolve("pipedrive-pipelines"));
        Files.writeString(folder.resolve("deals.csv"), deals);
        Path out = temp.resolve("out-pipelines");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString(),
                "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        // The funnel is the Sales Pipeline's: its five stages (not Partner Contract) and its six deals. Reached:
        // Qualified all 6; Contact Made S2-S6 = 5; Demo Scheduled S3-S6 = 4; Proposal Made S4, S5, S6 = 3;
        // Negotiations Started S4 (won: passed every stage) and S6 = 2; Won S4 = 1. With the Partners' deals in it,
        // Qualified would read 9 and Proposal Made 5.
        List<List<String>> funnel = csv(out, "stage_funnel").stream()
                .map(r -> List.of(r.get("stage"), r.get("reached_count"))).toList();
        assertThat(funnel).containsExactly(List.of("Qualified", "6"), List.of("Contact Made", "5"),
                List.of("Demo Scheduled", "4"), List.of("Proposal Made", "3"), List.of("Negotiations Started", "2"),
                List.of("Won", "1"));
        assertThat(note(out, "stage_funnel")).endsWith(
                "funnel of pipeline \"Sales Pipeline\" (6 deals); 3 deals in other pipelines are not in it (Partners: 3)");
        // Win rates are every pipeline's: won S4 and P2, lost S2 and S5.
        CSVRecord summary = csv(out, "win_rate_summary").get(0);
        assertThat(List.of(summary.get("won_count"), summary.get("lost_count"), summary.get("win_rate")))
                .containsExactly("2", "2", "0.5");
        assertThat(PdfText.of(out.resolve("client-dump-analysis.pdf")).text())
                .contains("3 deals in other pipelines are not in it (Partners: 3)");
    }

    @Test
    void aFunnelWhoseStageOrderIsAGuessIsNotComputedUntilTheOrderIsDeclared() throws Exception {
        // An org's own Pipedrive stages whose labels hold no pipeline word and whose deals carry no probability:
        // nothing says whether Business Case comes before Technical Validation. In the org's order (Business Case,
        // Technical Validation, Contract Signature) deal 1 is open at Business Case, 2 lost at Technical
        // Validation, 3 won at Contract Signature, 4 open at Technical Validation.
        Path folder = Files.createDirectories(temp.resolve("custom-stages"));
        Files.writeString(folder.resolve("deals.csv"), "\"Deal - ID\",\"Deal - Title\",\"Deal - Value\",\"Deal - Stage\","
                + "\"Deal - Status\",\"Deal - Deal created\",\"Deal - Deal closed on\"\n"
                + "1,A,1000,Business Case,open,2026-03-01 09:00:00,\n"
                + "2,B,2000,Technical Validation,lost,2026-03-02 09:00:00,2026-05-01 09:00:00\n"
                + "3,C,3000,Contract Signature,won,2026-03-03 09:00:00,2026-06-01 09:00:00\n"
                + "4,D,4000,Technical Validation,open,2026-03-04 09:00:00,\n");
        Path out = temp.resolve("out-guess");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString(),
                "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(csv(out, "stage_funnel")).isEmpty();
        assertThat(csv(out, "funnel_by_dimension")).isEmpty();
        String why = "funnel not computed: the stages' order is not known (Contract Signature: by stage words, "
                + "Business Case: by nothing, Technical Validation: by nothing); declare them in order in "
                + "profiles/pipedrive-deals.yml inside the input folder: extends: pipedrive-deals, then stages: order: "
                + "[the stages, first to last] (docs/data-model.md)";
        assertThat(note(out, "stage_funnel")).isEqualTo(why);
        assertThat(PdfText.of(out.resolve("client-dump-analysis.pdf")).text().replaceAll("\\s+", " "))
                .contains("Not available: " + why);

        // The org's order, declared as the note says: three lines over the built-in profile, which keeps the rest
        // (won, lost and open from Deal - Status). Reached: Business Case all 4; Technical Validation 2, 3, 4;
        // Contract Signature 3 (won: passed every stage); Won 3.
        Files.createDirectories(folder.resolve("profiles"));
        Files.writeString(folder.resolve("profiles/pipedrive-deals.yml"), """
                extends: pipedrive-deals
                stages:
                  order: [Business Case, Technical Validation, Contract Signature]
                """);
        Path declared = temp.resolve("out-declared");
        run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", declared.toString(),
                "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<List<String>> funnel = csv(declared, "stage_funnel").stream()
                .map(r -> List.of(r.get("stage"), r.get("reached_count"))).toList();
        assertThat(funnel).containsExactly(List.of("Business Case", "4"), List.of("Technical Validation", "3"),
                List.of("Contract Signature", "1"), List.of("Won", "1"));
        CSVRecord summary = csv(declared, "win_rate_summary").get(0);
        assertThat(List.of(summary.get("won_count"), summary.get("lost_count"))).containsExactly("1", "1");
    }

    @Test
    void theCrmsWinProbabilitiesConfirmAStageOrderPlacedByDifferentRules() throws Exception {
        // HubSpot's declared stages (Qualified To Buy, Contract Sent) and an org's own stage placed after them by its
        // words. Where the deals' win probabilities rise along that order (0.2, 0.8, then Verbal Yes at 0.9), the CRM
        // confirms it: without stage history a deal reached its stage and the earlier ones, a won deal every stage.
        // Qualified To Buy: all 5; Contract Sent: C, F and the won D = 3; Verbal Yes: F and D = 2; won: D = 1.
        String header = "\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Amount\",\"Create Date\",\"Close Date\",\"Deal probability\"\n";
        String common = "\"1\",\"A\",\"Qualified To Buy\",\"1000\",\"2026-03-01 09:00\",\"\",\"0.2\"\n"
                + "\"3\",\"C\",\"Contract Sent\",\"1000\",\"2026-03-03 09:00\",\"\",\"0.8\"\n"
                + "\"4\",\"D\",\"Closed Won\",\"1000\",\"2026-03-04 09:00\",\"2026-05-01 09:00\",\"1\"\n"
                + "\"5\",\"E\",\"Closed Lost\",\"1000\",\"2026-03-05 09:00\",\"2026-05-02 09:00\",\"0\"\n";
        Path confirmed = Files.createDirectories(temp.resolve("confirmed"));
        Files.writeString(confirmed.resolve("deals.csv"), header + common
                + "\"6\",\"F\",\"Verbal Yes\",\"1000\",\"2026-03-06 09:00\",\"\",\"0.9\"\n");
        Path out = temp.resolve("out-confirmed");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", confirmed.toString(), "--out", out.toString(), "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(csv(out, "stage_funnel").stream().map(r -> List.of(r.get("stage"), r.get("reached_count"))).toList())
                .containsExactly(List.of("Qualified To Buy", "5"), List.of("Contract Sent", "3"), List.of("Verbal Yes", "2"),
                        List.of("Closed Won", "1"));

        // An org's Discovery Call at 0.3, placed after Contract Sent at 0.8 by the same rules: the CRM contradicts the
        // order, so no funnel, and the note names what placed each stage.
        Path refuted = Files.createDirectories(temp.resolve("refuted"));
        Files.writeString(refuted.resolve("deals.csv"), header + common
                + "\"6\",\"F\",\"Discovery Call\",\"1000\",\"2026-03-06 09:00\",\"\",\"0.3\"\n");
        Path refutedOut = temp.resolve("out-refuted");
        run = CliRun.of(temp.resolve("home"), "analyze", refuted.toString(), "--out", refutedOut.toString(), "--as-of", "2026-10-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(csv(refutedOut, "stage_funnel")).isEmpty();
        assertThat(note(refutedOut, "stage_funnel")).startsWith("funnel not computed: the stages' order is not known "
                + "(Qualified To Buy: declared, Contract Sent: declared, Discovery Call: by stage words)");
    }

    private static String note(Path out, String metric) throws Exception {
        return csv(out, "metric_status").stream().filter(r -> r.get("metric").equals(metric)).findFirst().orElseThrow().get("note");
    }

    private static List<CSVRecord> csv(Path out, String table) throws Exception {
        try (Reader reader = Files.newBufferedReader(out.resolve("metrics").resolve(table + ".csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            return parser.getRecords();
        }
    }
}
