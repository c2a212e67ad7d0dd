package io.revlens.job;

import io.revlens.ingest.IngestProgress;
import io.revlens.report.ReportRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts one run of a job through Spring Batch. A job instance is identified by the job's name,
 * the as-of date (or rule) and the fingerprint of its inputs and output folder, so rerunning a
 * completed run is a no-op unless forced, and rerunning a failed one resumes it.
 */
@Component
public class JobRunner {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ReportJobFactory factory;
    private final Clock clock;

    JobRunner(JobOperator jobOperator, JobRepository jobRepository, PlatformTransactionManager transactionManager,
              @Value("${revlens.home}") Path home) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.factory = new ReportJobFactory(jobRepository, transactionManager,
                new ReportRenderer(home.resolve("template-cache")));
        this.clock = Clock.systemDefaultZone();
    }

    /** The result of asking for a run: the execution, or the note that an identical run already completed. */
    public record RunOutcome(JobExecution execution, boolean alreadyComplete, RunRequest request) {
    }

    public RunOutcome run(RunRequest request, IngestProgress progress) throws Exception {
        RunInputs inputs = RunInputs.resolve(request.job());
        LocalDate runDate = LocalDate.now(clock);
        String asOfKey = request.asOfDate() != null ? request.asOfDate().toString()
                : request.job().asOf().fromRunDate(runDate).map(LocalDate::toString).orElse(request.job().asOf().label());
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("as_of", asOfKey)
                .addString("inputs", inputs.fingerprint())
                .addString("out", request.outDir().toAbsolutePath().toString());
        if (request.force()) {
            parameters.addLong("forced_at", Instant.now(clock).toEpochMilli());
        }
        JobParameters jobParameters = parameters.toJobParameters();
        Job job = factory.build(request, inputs, progress, runDate);
        try (WorkingFolderLock lock = WorkingFolderLock.acquire(request.outDir())) {
            recoverKilledExecution(request.job().name(), jobParameters);
            return new RunOutcome(jobOperator.start(job, jobParameters), false, request);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new RunOutcome(null, true, request);
        }
    }

    /**
     * We hold the folder lock, so an execution of this instance still marked running was killed
     * (kill -9, power loss): mark it failed so that starting again resumes it from the failed step.
     */
    private void recoverKilledExecution(String jobName, JobParameters jobParameters) {
        JobExecution last = jobRepository.getLastJobExecution(jobName, jobParameters);
        if (last != null && last.isRunning()) {
            jobOperator.recover(last);
        }
    }
}
