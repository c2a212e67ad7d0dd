package io.revlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revlens.job.JobRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Comparator;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Prints the short end-of-run summary from {@code run-summary.json}: read, rejected, computed, written, where. */
final class RunSummaryPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunSummaryPrinter() {
    }

    static int print(JobRunner.RunOutcome outcome, PrintWriter out, boolean quiet) throws Exception {
        var request = outcome.request();
        if (outcome.alreadyComplete()) {
            out.printf("An identical run of %s (same inputs and as-of date) already completed; its outputs are in %s.%n"
                    + "Nothing to do. Use --force to run it again.%n", request.job().name(), request.outDir());
            return ExitCodes.SUCCESS;
        }
        JobExecution execution = outcome.execution();
        if (!Files.exists(request.summaryJson())) {
            out.println("Run ended " + execution.getStatus() + " without a summary file.");
            return exitCode(execution);
        }
        JsonNode summary = JSON.readTree(request.summaryJson().toFile());
        out.println();
        out.printf("%s %s, as of %s (%s), in %.1f s%n", summary.path("job").asText(), summary.path("status").asText(),
                summary.path("as_of_date").asText("-"), summary.path("as_of_basis").asText("-"),
                summary.path("duration_seconds").asDouble());
        JsonNode totals = summary.path("totals");
        out.printf("Read %d file(s): %,d rows read = %,d loaded + %,d rejected + %,d skipped%n",
                totals.path("files").asLong(), totals.path("rows_read").asLong(), totals.path("rows_loaded").asLong(),
                totals.path("rows_rejected").asLong(), totals.path("rows_skipped").asLong());
        if (!quiet) {
            out.printf("  %-40s %-16s %-30s %10s %10s %9s %9s%n", "file", "kind", "profile", "read", "loaded", "rejected", "skipped");
            for (JsonNode file : summary.path("files")) {
                String path = file.path("path").asText();
                String name = path.substring(path.lastIndexOf('/') + 1);
                out.printf("  %-40s %-16s %-30s %,10d %,10d %,9d %,9d%s%n", name, file.path("kind").asText(),
                        file.path("profile").asText("-"), file.path("rows_read").asLong(), file.path("rows_loaded").asLong(),
                        file.path("rows_rejected").asLong(), file.path("rows_skipped").asLong(),
                        file.path("message").isNull() || file.path("message").isMissingNode() ? ""
                                : "  (" + file.path("status").asText() + ": " + file.path("message").asText() + ")");
            }
        }
        long computed = 0;
        StringBuilder notComputed = new StringBuilder();
        for (JsonNode metric : summary.path("metrics")) {
            if ("not_computed".equals(metric.path("status").asText())) {
                notComputed.append(String.format("  not computed: %s — %s%n", metric.path("table").asText(),
                        metric.path("note").asText()));
            } else {
                computed++;
            }
        }
        if (summary.path("metrics").size() > 0) {
            out.printf("Computed %d metric table(s) → %s%n", computed, summary.path("outputs").path("metrics_dir").asText());
            out.print(notComputed);
        }
        out.printf("Rejects → %s%n", summary.path("outputs").path("rejects_csv").asText());
        for (JsonNode document : summary.path("outputs").path("documents")) {
            out.printf("Wrote %s%n", document.asText());
        }
        out.printf("Summary → %s%n", request.summaryJson());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            out.printf("FAILED: %s%n", summary.path("error").asText("see the log above"));
        }
        return exitCode(execution);
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
