package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activity exports in the three CRM shapes (Salesforce Task and Event objects, HubSpot calls and meetings exports,
 * a Pipedrive activities export) load into `activities` with the usual accounting and feed the weekly activity
 * measure. As of 2026-03-31, a Tuesday: the last week starts Monday 2026-03-30, the one before 2026-03-23.
 */
class ActivityExportsIntegrationTests {

    @TempDir
    Path temp;

    private Path folder(String name, Map<String, String> files) throws Exception {
        Path folder = Files.createDirectories(temp.resolve(name));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return folder;
    }

    private Path analyze(Path folder) {
        Path out = temp.resolve(folder.getFileName() + "-out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString(), "--as-of", "2026-03-31");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return out;
    }

    /** rep|week -> activities, calls, meetings, emails */
    private static Map<String, String> weeks(Path out) throws Exception {
        Map<String, String> weeks = new HashMap<>();
        for (CSVRecord r : MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/rep_weekly_activity.csv"))) {
            weeks.put(r.get("rep_name") + "|" + r.get("week_start"),
                    r.get("activities") + "," + r.get("calls") + "," + r.get("meetings") + "," + r.get("emails"));
        }
        return weeks;
    }

    private static JsonNode file(Path out, String name) throws Exception {
        for (JsonNode file : new ObjectMapper().readTree(out.resolve("run-summary.json").toFile()).path("files")) {
            if (file.path("path").asText().endsWith("/" + name)) {
                assertThat(file.path("rows_read").asLong()).as(name + ": read = loaded + rejected + skipped")
                        .isEqualTo(file.path("rows_loaded").asLong() + file.path("rows_rejected").asLong()
                                + file.path("rows_skipped").asLong());
                return file;
            }
        }
        throw new AssertionError("no " + name + " in run-summary.json");
    }

    @Test
    void salesforceTasksAndEventsCountDoneActivitiesPerRepPerWeek() throws Exception {
        Path folder = folder("salesforce", Map.of(
                "Opportunity.csv", """
                        Id,Name,StageName,IsWon,IsClosed,Amount,CloseDate,CreatedDate,OwnerId,AccountId
                        006X,Acme renewal,Proposal,false,false,5000,2026-05-30,2026-02-01T10:00:00.000+0000,005A,001A
                        006Y,Bolt new,Closed Won,true,true,3000,2026-03-10,2026-01-15T10:00:00.000+0000,005B,001B
                        """,
                "User.csv", """
                        Id,Name,Username,IsActive
                        005A,Alice Ames,alice@x.test,true
                        005B,Bob Berg,bob@x.test,true
                        """,
                "Task.csv", """
                        Id,WhoId,WhatId,Subject,ActivityDate,Status,Type,TaskSubtype,OwnerId,CreatedDate
                        00T1,,006X,Call Acme,2026-03-30,Completed,Call,Call,005A,2026-03-30T09:00:00.000+0000
                        00T2,,006X,Email Acme,2026-03-31,Completed,Email,Email,005A,2026-03-31T09:00:00.000+0000
                        00T3,,006X,Call again,2026-03-31,Not Started,Call,Call,005A,2026-03-31T09:00:00.000+0000
                        00T4,,006X,Call next week,2026-04-02,Completed,Call,Call,005A,2026-03-31T09:00:00.000+0000
                        00T5,,001A,Prepare QBR,2026-03-24,Completed,Other,Task,005A,2026-03-20T09:00:00.000+0000
                        00T6,,006X,Broken date,31/31/2026,Completed,Call,Call,005A,2026-03-20T09:00:00.000+0000
                        """,
                "Event.csv", """
                        Id,WhoId,WhatId,Subject,ActivityDate,StartDateTime,EndDateTime,DurationInMinutes,OwnerId
                        00U1,,006Y,Demo at Bolt,2026-03-25,2026-03-25T10:00:00.000+0000,2026-03-25T11:00:00.000+0000,60,005B
                        """));
        Path out = analyze(folder);
        JsonNode tasks = file(out, "Task.csv");
        assertThat(tasks.path("kind").asText()).isEqualTo("activities");
        // Six rows: five loaded, the one dated 31/31/2026 rejected with its reason.
        assertThat(tasks.path("rows_loaded").asLong()).isEqualTo(5);
        assertThat(tasks.path("rows_rejected").asLong()).isEqualTo(1);
        assertThat(file(out, "Event.csv").path("rows_loaded").asLong()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("rejects.csv"))).contains("Task.csv,7,ActivityDate,31/31/2026");

        Map<String, String> weeks = weeks(out);
        // Alice, week of 03-30: T1 (call) and T2 (e-mail) done; T3 not started, T4 after the as-of date.
        assertThat(weeks.get("Alice Ames|2026-03-30")).isEqualTo("2,1,0,1");
        // Alice, week of 03-23: T5, a task (neither call, meeting nor e-mail). Bob: the demo event, a meeting.
        assertThat(weeks.get("Alice Ames|2026-03-23")).isEqualTo("1,0,0,0");
        assertThat(weeks.get("Bob Berg|2026-03-23")).isEqualTo("1,0,1,0");
        assertThat(weeks.get("Bob Berg|2026-03-30")).isEqualTo("0,0,0,0");
    }

    @Test
    void hubspotCallsAndMeetingsExports() throws Exception {
        Path folder = folder("hubspot", Map.of(
                "deals.csv", """
                        "Record ID","Deal Name","Deal Stage","Close Date","Deal owner","Amount","Create Date","Pipeline"
                        "101","Acme renewal","Proposal","2026-05-30 00:00","Alice Ames","5000","2026-02-01 10:00","Sales Pipeline"
                        "102","Bolt new","Closed Won","2026-03-10 00:00","Bob Berg","3000","2026-01-15 10:00","Sales Pipeline"
                        """,
                "calls.csv", """
                        "Record ID","Activity date","Activity assigned to","Call outcome","Call direction","Associated Deal"
                        "9001","2026-03-30 09:15","Alice Ames","Connected","Outbound","Acme renewal"
                        "9002","2026-03-31 14:00","Alice Ames","No answer","Outbound","Acme renewal"
                        "9003","2026-03-26 11:00","Bob Berg","Connected","Inbound",""
                        """,
                "meetings.csv", """
                        "Record ID","Activity date","Activity assigned to","Meeting outcome","Associated Deal"
                        "7001","2026-03-24 10:00","Bob Berg","Completed","Bolt new"
                        "7002","2026-03-27 10:00","Bob Berg","No show","Bolt new"
                        """));
        Path out = analyze(folder);
        assertThat(file(out, "calls.csv").path("profile").asText()).isEqualTo("hubspot-calls");
        assertThat(file(out, "meetings.csv").path("profile").asText()).isEqualTo("hubspot-meetings");
        assertThat(file(out, "calls.csv").path("rows_loaded").asLong()).isEqualTo(3);
        Map<String, String> weeks = weeks(out);
        // A logged call happened whatever its outcome (no answer is still a call): Alice 2 calls in the last week.
        assertThat(weeks.get("Alice Ames|2026-03-30")).isEqualTo("2,2,0,0");
        // Bob, week of 03-23: the call on the 26th and the completed meeting; the no-show is not a meeting held.
        assertThat(weeks.get("Bob Berg|2026-03-23")).isEqualTo("2,1,1,0");
    }

    @Test
    void pipedriveActivitiesExport() throws Exception {
        Path folder = folder("pipedrive", Map.of(
                "deals.csv", """
                        Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Organization
                        1,Acme renewal,Alice Ames,5000,Proposal Made,open,2026-02-01 10:00:00,Acme
                        2,Bolt new,Bob Berg,3000,Negotiations Started,won,2026-01-15 10:00:00,Bolt
                        """,
                "activities.csv", """
                        Activity - ID,Activity - Type,Activity - Subject,Activity - Due date,Activity - Done,Activity - Assigned to user,Activity - Deal,Activity - Organization
                        11,Call,Intro call,2026-03-30,Done,Alice Ames,Acme renewal,Acme
                        12,Meeting,Demo,2026-03-31,To do,Alice Ames,Acme renewal,Acme
                        13,Email,Proposal sent,2026-03-23,Done,Alice Ames,Acme renewal,Acme
                        14,Lunch,Lunch,2026-03-25,Done,Bob Berg,Bolt new,Bolt
                        """));
        Path out = analyze(folder);
        JsonNode activities = file(out, "activities.csv");
        assertThat(activities.path("profile").asText()).isEqualTo("pipedrive-activities");
        assertThat(activities.path("rows_loaded").asLong()).isEqualTo(4);
        Map<String, String> weeks = weeks(out);
        // The demo is still to do: only the call counts in the last week; the e-mail on the 23rd the week before.
        assertThat(weeks.get("Alice Ames|2026-03-30")).isEqualTo("1,1,0,0");
        assertThat(weeks.get("Alice Ames|2026-03-23")).isEqualTo("1,0,0,1");
        // A lunch is an activity of another kind.
        assertThat(weeks.get("Bob Berg|2026-03-23")).isEqualTo("1,0,0,0");
    }

    @Test
    void withoutAnActivityExportActivitiesAreUnknownNotZero() throws Exception {
        Path folder = folder("deals-only", Map.of("deals.csv", """
                opportunity_id,stage,amount,close_date,created_date,account,sales_agent
                A1,Won,1000,2026-03-10,2026-02-01,Acme,Alice Ames
                """));
        Path out = analyze(folder);
        assertThat(weeks(out).get("Alice Ames|2026-03-30")).isEqualTo(",,,");
        List<CSVRecord> status = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/metric_status.csv"));
        assertThat(status).filteredOn(r -> r.get("metric").equals("rep_weekly_activity")).singleElement()
                .satisfies(r -> assertThat(r.get("note")).contains("no activity export"));
    }
}
