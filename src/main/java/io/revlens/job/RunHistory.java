package io.revlens.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/** Reads the job history (every execution of every job) from Spring Batch's job repository. */
@Component
public class RunHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobRepository jobRepository;

    RunHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** One execution as the {@code runs} command shows it; counts are null when the run recorded none. */
    public record RunRecord(long executionId, String job, String asOf, String status, LocalDateTime startedAt,
                            LocalDateTime endedAt, Long rowsRead, Long rowsLoaded, Long rowsRejected, String outDir,
                            String exitMessage) {
    }

    /** Every execution, newest first; only those of {@code jobName} when it is not null. */
    public List<RunRecord> list(String jobName) {
        List<RunRecord> runs = new ArrayList<>();
        for (String name : jobRepository.getJobNames()) {
            if (jobName != null && !jobName.equals(name)) {
                continue;
            }
            for (JobInstance instance : jobRepository.findJobInstances(name)) {
                for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                    runs.add(record(execution));
                }
            }
        }
        runs.sort(Comparator.comparingLong(RunRecord::executionId).reversed());
        return runs;
    }

    /** The execution with this id, or null. */
    public RunRecord find(long executionId) {
        JobExecution execution = RunHistory.execution(jobRepository, executionId);
        return execution == null ? null : record(execution);
    }

    /** The execution with this id, or null (some repositories throw for an unknown id instead of returning null). */
    static JobExecution execution(JobRepository jobRepository, long executionId) {
        try {
            return jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    private static RunRecord record(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        String out = execution.getJobParameters().getString(JobRunner.OUT);
        String asOf = context.containsKey(ComputeMetricsTasklet.AS_OF_DATE)
                ? context.getString(ComputeMetricsTasklet.AS_OF_DATE) : execution.getJobParameters().getString("as_of");
        Long read = count(context, RunSummaryWriter.ROWS_READ);
        Long loaded = count(context, RunSummaryWriter.ROWS_LOADED);
        Long rejected = count(context, RunSummaryWriter.ROWS_REJECTED);
        if (read == null && out != null) {
            // Runs recorded before the totals were kept in the history: the run's own summary, if it is this run's.
            JsonNode totals = summaryTotals(Path.of(out).resolve("run-summary.json"), execution.getId());
            if (totals != null) {
                read = totals.path("rows_read").asLong();
                loaded = totals.path("rows_loaded").asLong();
                rejected = totals.path("rows_rejected").asLong();
            }
        }
        String message = execution.getExitStatus().getExitDescription();
        if (execution.isRunning() && out != null && !WorkingFolderLock.isHeld(Path.of(out))) {
            message = "not running any more (the process was killed); resume it with ./revlens restart " + execution.getId();
        }
        return new RunRecord(execution.getId(), execution.getJobInstance().getJobName(), asOf,
                execution.getStatus().name(), execution.getStartTime(), execution.getEndTime(), read, loaded, rejected,
                out, message == null || message.isBlank() ? null : firstLine(message));
    }

    private static Long count(ExecutionContext context, String key) {
        return context.containsKey(key) ? context.getLong(key) : null;
    }

    private static JsonNode summaryTotals(Path summary, long executionId) {
        try {
            if (Files.isRegularFile(summary)) {
                JsonNode node = JSON.readTree(summary.toFile());
                if (node.path("job_execution_id").asLong(-1) == executionId) {
                    return node.path("totals");
                }
            }
        } catch (Exception e) {
            // An unreadable summary only means the counts are not shown.
        }
        return null;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
