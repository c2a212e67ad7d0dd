package io.revlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.revlens.job.RunHistory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revlens runs}: the job history — every run with its status, times, row counts and output folder. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the job history: execution id, job, as-of date, status, start and end, rows read,"
                + " loaded and rejected, output folder (newest first).")
class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--job", paramLabel = "NAME", description = "Only the runs of this job.")
    String job;

    @Option(names = "--json", description = "Print the history as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        List<RunHistory.RunRecord> runs;
        try (ConfigurableApplicationContext context = JobLaunch.context(ProjectPaths.detect(), OutputMode.JSON)) {
            runs = context.getBean(RunHistory.class).list(job);
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunHistory.RunRecord run : runs) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("execution_id", run.executionId());
                row.put("job", run.job());
                row.put("as_of", run.asOf());
                row.put("status", run.status());
                row.put("started_at", text(run.startedAt()));
                row.put("ended_at", text(run.endedAt()));
                row.put("rows_read", run.rowsRead());
                row.put("rows_loaded", run.rowsLoaded());
                row.put("rows_rejected", run.rowsRejected());
                row.put("out", run.outDir());
                row.put("message", run.exitMessage());
                rows.add(row);
            }
            out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else if (runs.isEmpty()) {
            out.println(job == null ? "No runs in the job history yet." : "No runs of " + job + " in the job history.");
        } else {
            out.printf("%6s  %-28s %-12s %-10s %-19s  %-19s %10s %10s %9s  %s%n", "id", "job", "as-of", "status",
                    "started", "ended", "read", "loaded", "rejected", "output folder");
            for (RunHistory.RunRecord run : runs) {
                out.printf("%6d  %-28s %-12s %-10s %-19s  %-19s %10s %10s %9s  %s%n", run.executionId(), run.job(),
                        run.asOf() == null ? "-" : run.asOf(), run.status(), time(run.startedAt()), time(run.endedAt()),
                        count(run.rowsRead()), count(run.rowsLoaded()), count(run.rowsRejected()),
                        run.outDir() == null ? "-" : run.outDir());
            }
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    private static String text(LocalDateTime time) {
        return time == null ? null : time.toString();
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    private static String count(Long value) {
        return value == null ? "-" : String.format("%,d", value);
    }
}
