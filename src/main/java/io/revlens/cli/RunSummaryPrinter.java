package io.revlens.cli;

import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.revlens.job.JobRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Comparator;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Prints the end-of-run summary from {@code run-summary.json}: read, rejected, computed, written, where. */
final class RunSummaryPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESUME_HINT =
            "Fix the cause, then run ./revlens restart %d: it resumes at the failed step, keeping what completed.%n";

    private RunSummaryPrinter() {
    }

    static int print(JobRunner.RunOutcome outcome, PrintWriter out, OutputMode mode) throws Exception {
        var request = outcome.request();
        if (outcome.alreadyComplete()) {
            if (mode == OutputMode.JSON) {
                ObjectNode node = JSON.createObjectNode();
                node.put("job", request.job().name());
                node.put("status", "ALREADY_COMPLETED");
                node.put("exit_code", ExitCodes.SUCCESS);
                if (outcome.completedBy() != null) {
                    node.put("completed_by_execution_id", outcome.completedBy());
                }
                node.put("out", request.outDir().toString());
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } else {
                out.printf("An identical run of %s (same inputs, settings and as-of date) already completed%s; its outputs are in %s.%n"
                        + "Nothing to do. Use --force to run it again.%n", request.job().name(),
                        outcome.completedBy() == null ? "" : " (run " + outcome.completedBy() + ")", request.outDir());
            }
            out.flush();
            return ExitCodes.SUCCESS;
        }
        if (outcome.note() != null && mode != OutputMode.JSON) {
            out.println(outcome.note());
        }
        JobExecution execution = outcome.execution();
        int exitCode = exitCode(execution);
        JsonNode written = Files.exists(request.summaryJson()) ? JSON.readTree(request.summaryJson().toFile()) : null;
        // A summary left by an earlier run (this one could not write its own: a full disk, say) must not speak for it.
        if (written == null || written.path("job_execution_id").asLong(-1) != execution.getId()) {
            String error = outcome.error();
            if (mode == OutputMode.JSON) {
                ObjectNode node = JSON.createObjectNode();
                node.put("job", request.job().name());
                node.put("status", execution.getStatus().name());
                node.put("job_execution_id", execution.getId());
                node.put("error", error);
                node.put("exit_code", exitCode);
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } else {
                out.printf("%s %s (run %d); its summary could not be written to %s (see the log above).%n",
                        request.job().name(), execution.getStatus(), execution.getId(), request.summaryJson());
                if (error != null) {
                    out.printf("FAILED: %s%n", error);
                }
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    out.printf(RESUME_HINT, execution.getId());
                }
            }
            out.flush();
            return exitCode;
        }
        JsonNode summary = written;
        if (mode == OutputMode.JSON) {
            ((ObjectNode) summary).put("exit_code", exitCode);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        } else if (mode == OutputMode.QUIET) {
            out.println(oneLine(summary, execution));
        } else {
            printDetailed(summary, execution, request.summaryJson().toString(), out);
        }
        out.flush();
        return exitCode;
    }

    /** The final one-line result that {@code --quiet} prints. */
    static String oneLine(JsonNode summary, JobExecution execution) {
        JsonNode totals = summary.path("totals");
        String line = String.format("%s %s (run %d), as of %s: %,d rows read, %,d loaded, %,d rejected; %d document(s) in %s",
                summary.path("job").asText(), summary.path("status").asText(), execution.getId(),
                summary.path("as_of_date").asText("-"), totals.path("rows_read").asLong(),
                totals.path("rows_loaded").asLong(), totals.path("rows_rejected").asLong(),
                summary.path("outputs").path("documents").size(), summary.path("outputs").path("folder").asText());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            line += " — FAILED: " + summary.path("error").asText("see the log");
        }
        return line;
    }

    private static void printDetailed(JsonNode summary, JobExecution execution, String summaryPath, PrintWriter out) {
        out.println();
        out.printf("%s %s (run %d), as of %s (%s), in %.1f s%n", summary.path("job").asText(),
                summary.path("status").asText(), execution.getId(),
                summary.path("as_of_date").asText("-"), summary.path("as_of_basis").asText("-"),
                summary.path("duration_seconds").asDouble());
        if (summary.hasNonNull("data_stale")) {
            out.println("NOTE: " + summary.path("data_stale").asText() + " (stale_after_days "
                    + "in the job file): figures after it are unknown, and inactivity and this month's bookings are"
                    + " not judged");
        }
        JsonNode totals = summary.path("totals");
        out.printf("Read %d file(s): %,d rows read = %,d loaded + %,d rejected + %,d skipped%n",
                totals.path("files").asLong(), totals.path("rows_read").asLong(), totals.path("rows_loaded").asLong(),
                totals.path("rows_rejected").asLong(), totals.path("rows_skipped").asLong());
        out.printf("  %-40s %-16s %-30s %10s %10s %9s %9s%n", "file", "kind", "profile", "read", "loaded", "rejected", "skipped");
        for (JsonNode file : summary.path("files")) {
            String path = file.path("path").asText();
            // the name every output uses (RelativePaths: path in the input folder, #sheet for a workbook's sheets)
            String name = file.hasNonNull("relative_path") ? file.path("relative_path").asText()
                    : path.substring(path.lastIndexOf('/') + 1);
            out.printf("  %-40s %-16s %-30s %,10d %,10d %,9d %,9d%s%n", name, file.path("kind").asText(),
                    file.path("profile").asText("-"), file.path("rows_read").asLong(), file.path("rows_loaded").asLong(),
                    file.path("rows_rejected").asLong(), file.path("rows_skipped").asLong(),
                    (file.path("unchanged").asBoolean() ? "  (unchanged: reused from the earlier load)" : "")
                    + (file.path("message").isNull() || file.path("message").isMissingNode() ? ""
                            : "  (" + file.path("status").asText() + ": " + file.path("message").asText() + ")"));
        }
        JsonNode reused = summary.path("reused");
        if (reused.path("files").asLong() > 0 || reused.path("metrics").asBoolean() || reused.path("reports").asBoolean()) {
            out.printf("Unchanged since the earlier run: %d file(s) kept as loaded, data profile %s, metrics %s, reports %s%n",
                    reused.path("files").asLong(), reused.path("profile").asBoolean() ? "kept" : "built",
                    reused.path("metrics").asBoolean() ? "kept" : "computed",
                    reused.path("reports").asBoolean() ? "kept" : "rendered");
        }
        long computed = 0;
        StringBuilder notComputed = new StringBuilder();
        for (JsonNode metric : summary.path("metrics")) {
            if ("not_computed".equals(metric.path("status").asText())) {
                notComputed.append(String.format("  not computed: %s — %s%n", metric.path("table").asText(),
                        metric.path("note").asText()));
            } else if ("failed".equals(metric.path("status").asText())) {
                notComputed.append(String.format("  FAILED: %s%n", metric.path("note").asText()));
            } else {
                computed++;
            }
        }
        if (summary.path("metrics").size() > 0) {
            out.printf("Computed %d metric table(s) → %s%n", computed, summary.path("outputs").path("metrics_dir").asText());
            out.print(notComputed);
            List<String> noCsv = new java.util.ArrayList<>();
            summary.path("metrics").forEach(m -> {
                if (m.hasNonNull("csv_note")) {
                    noCsv.add(m.path("table").asText());
                }
            });
            if (!noCsv.isEmpty()) {
                out.printf("  not written out: %s — one row per input row; --row-level-tables (row_level_tables: true)"
                        + " writes their CSVs and sheets%n",
                        String.join(", ", noCsv));
            }
        }
        JsonNode headline = summary.path("headline");
        if (headline.path("triggers").size() > 0 || headline.path("kpis").size() > 0) {
            out.println("Headline:");
            int n = 1;
            for (JsonNode trigger : headline.path("triggers")) {
                out.printf("  %d. %s%n", n++, trigger.asText());
            }
            List<String> kpis = new java.util.ArrayList<>();
            headline.path("kpis").forEach(k -> kpis.add(k.asText()));
            if (!kpis.isEmpty()) {
                out.printf("  %s%n", String.join(" · ", kpis));
            }
        }
        // Only files that exist are named: a message never points to a file that was not written.
        String rejects = summary.path("outputs").path("rejects_csv").asText();
        if (!rejects.isEmpty() && java.nio.file.Files.exists(java.nio.file.Path.of(rejects))) {
            out.printf("Rejects → %s%n", rejects);
        }
        for (JsonNode document : summary.path("outputs").path("documents")) {
            if (java.nio.file.Files.exists(java.nio.file.Path.of(document.asText()))) {
                out.printf("Wrote %s%n", document.asText());
            }
        }
        JsonNode delivery = summary.path("delivery");
        if (!delivery.isMissingNode() && !delivery.isNull()) {
            if (!delivery.path("folder").isMissingNode()) {
                out.printf("Delivered → %s%n", delivery.path("folder").asText());
            }
            if (!delivery.path("email").isMissingNode()) {
                out.printf("E-mail → %s%n", delivery.path("email").asText());
            }
        }
        out.printf("Summary → %s%n", summaryPath);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            out.printf("FAILED: %s%n", summary.path("error").asText("see the log above"));
            if (exitCode(execution) == ExitCodes.BAD_INPUT) {
                // A restart would read the same inputs and fail the same way.
                out.println("Fix the inputs as the message says, then run the same command again.");
            } else {
                out.printf(RESUME_HINT, execution.getId());
            }
        }
    }

    private static int exitCode(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCodes.SUCCESS;
        }
        return execution.getAllFailureExceptions().stream()
                .map(RevLensCommand::exitCodeOf)
                .min(Comparator.naturalOrder())
                .orElse(ExitCodes.INTERNAL_FAILURE);
    }
}
