package io.revlens.job;

import io.revlens.ingest.load.IngestProgress;
import io.revlens.report.ReportRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
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

    /** Job parameters that do not identify the instance but let {@link #restart} rebuild the run. */
    static final String JOB_FILE = "job_file";
    static final String INPUT = "input";
    static final String AS_OF_RULE = "as_of_rule";
    static final String AS_OF_GIVEN = "as_of_given";
    static final String RUN_DATE = "run_date";
    static final String OUT = "out";
    static final String PSEUDONYMISE = "pseudonymise";
    static final String ACCEPT_SCHEMA_CHANGE = "accept_schema_change";
    static final String ROW_LEVEL = "row_level_tables";
    static final String CURRENCY = "currency";
    /** Whether the currency was chosen for the run ({@code --currency}), which the currency check then takes as is. */
    static final String CURRENCY_CHOSEN = "currency_chosen";
    static final String EXCLUDE = "exclude";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ReportJobFactory factory;
    private final Clock clock;

    JobRunner(JobOperator jobOperator, JobRepository jobRepository, PlatformTransactionManager transactionManager,
              javax.sql.DataSource history, @Value("${revlens.home}") Path home) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.factory = new ReportJobFactory(jobRepository, transactionManager,
                new ReportRenderer(home.resolve("template-cache")), new TriggerMemory(history));
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * The result of asking for a run: the execution, or the note that an identical run already
     * completed ({@code completedBy} is then that run's execution id when known).
     */
    public record RunOutcome(JobExecution execution, boolean alreadyComplete, RunRequest request, Long completedBy,
                             String note) {
        public RunOutcome(JobExecution execution, boolean alreadyComplete, RunRequest request) {
            this(execution, alreadyComplete, request, null, null);
        }

        public RunOutcome(JobExecution execution, boolean alreadyComplete, RunRequest request, Long completedBy) {
            this(execution, alreadyComplete, request, completedBy, null);
        }

        /** The run's first failure, by its innermost message (the one naming the file); null if none. */
        public String error() {
            return execution == null ? null : RunSummaryWriter.firstError(execution);
        }
    }

    public RunOutcome run(RunRequest request, IngestProgress progress) throws Exception {
        RunInputs inputs = RunInputs.resolve(request.job());
        LocalDate runDate = request.runDate() != null ? request.runDate() : LocalDate.now(clock);
        String asOfKey = request.asOfDate() != null ? request.asOfDate().toString()
                : request.job().asOf().fromRunDate(runDate).map(LocalDate::toString).orElse(request.job().asOf().label());
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("as_of", asOfKey)
                .addString("inputs", inputs.fingerprint())
                .addString(OUT, request.outDir().toAbsolutePath().toString())
                // Identifying: the same inputs with another company name, threshold or target are another run.
                .addString("settings", request.job().settingsKey());
        if (request.job().currency() != null) {
            // Identifying: the same inputs in another currency are another run with other figures (--currency).
            parameters.addString(CURRENCY, request.job().currency());
        }
        if (request.force()) {
            parameters.addLong("forced_at", Instant.now(clock).toEpochMilli());
        }
        if (request.jobFile() != null) {
            parameters.addString(JOB_FILE, request.jobFile().toAbsolutePath().toString(), false);
        }
        List<JobDefinition.Input> jobInputs = request.job().inputs();
        if (jobInputs.size() == 1 && jobInputs.get(0).glob() == null && jobInputs.get(0).profile() == null) {
            parameters.addString(INPUT, jobInputs.get(0).path().toString(), false);
        }
        parameters.addString(AS_OF_RULE, request.job().asOf().label(), false);
        if (request.asOfDate() != null) {
            parameters.addString(AS_OF_GIVEN, request.asOfDate().toString(), false);
        }
        parameters.addString(RUN_DATE, runDate.toString(), false);
        parameters.addString(PSEUDONYMISE, Boolean.toString(request.job().pseudonymise()), false);
        parameters.addString(CURRENCY_CHOSEN, Boolean.toString(request.job().currencyChosen()), false);
        parameters.addString(ACCEPT_SCHEMA_CHANGE, Boolean.toString(request.job().acceptSchemaChange()), false);
        parameters.addString(ROW_LEVEL, Boolean.toString(request.job().rowLevelTables()), false);
        if (!request.job().exclude().isEmpty()) {
            parameters.addString(EXCLUDE, String.join("\n", request.job().exclude()), false);
        }
        RunRequest resolved = new RunRequest(request.job(), request.outDir(), request.asOfDate(), request.force(),
                request.jobFile(), runDate, request.keepHistory());
        return start(resolved, inputs, parameters.toJobParameters(), progress);
    }

    /**
     * Resumes a failed (or killed) run from its failed step with the parameters it was started with.
     * The job file is read again from where the run found it ({@code jobsFolder} when unknown).
     */
    public RunOutcome restart(long executionId, Path jobsFolder, IngestProgress progress) throws Exception {
        JobExecution previous = RunHistory.execution(jobRepository, executionId);
        if (previous == null) {
            throw new UnknownRunException("No run with id " + executionId + " in the job history;"
                    + " ./revlens runs lists the runs and their ids");
        }
        JobParameters parameters = previous.getJobParameters();
        String jobName = previous.getJobInstance().getJobName();
        if (parameters.getString("inputs") == null || parameters.getString(OUT) == null) {
            throw new JobDefinitionException("Run " + executionId + " (" + jobName + ") is not a single job run and cannot"
                    + " be restarted by id; run the same command again (a multi-client run resumes its failed clients)");
        }
        String jobFile = parameters.getString(JOB_FILE);
        JobDefinition job = jobFile != null && Files.isRegularFile(Path.of(jobFile))
                ? JobDefinitionLoader.load(Path.of(jobFile))
                : new JobDefinitionLoader(jobsFolder).load(jobName);
        if (parameters.getString(INPUT) != null) {
            job = job.forInput(Path.of(parameters.getString(INPUT)));
        }
        if (parameters.getString(AS_OF_RULE) != null) {
            job = job.withAsOf(AsOfRule.parse(parameters.getString(AS_OF_RULE)));
        }
        if ("true".equals(parameters.getString(PSEUDONYMISE))) {
            job = job.withPseudonymise();
        }
        if ("true".equals(parameters.getString(ACCEPT_SCHEMA_CHANGE))) {
            job = job.withAcceptSchemaChange();
        }
        if ("true".equals(parameters.getString(ROW_LEVEL))) {
            job = job.withRowLevelTables();
        }
        if (parameters.getString(CURRENCY) != null) {
            job = job.withCurrency(parameters.getString(CURRENCY), "true".equals(parameters.getString(CURRENCY_CHOSEN)));
        }
        if (parameters.getString(EXCLUDE) != null) {
            job = job.withExclude(List.of(parameters.getString(EXCLUDE).split("\n")));
        }
        String given = parameters.getString(AS_OF_GIVEN);
        String runDate = parameters.getString(RUN_DATE);
        RunRequest request = new RunRequest(job, Path.of(parameters.getString(OUT)),
                given == null ? null : LocalDate.parse(given), false,
                jobFile == null ? null : Path.of(jobFile), runDate == null ? LocalDate.now(clock) : LocalDate.parse(runDate));
        JobExecution last = jobRepository.getLastJobExecution(previous.getJobInstance());
        if (last != null && last.getStatus() == BatchStatus.COMPLETED && OutputsCheck.intact(request)) {
            return new RunOutcome(null, true, request, last.getId());
        }
        RunInputs inputs = RunInputs.resolve(job);
        if (!inputs.fingerprint().equals(parameters.getString("inputs"))) {
            throw new BadInputException("The input files of run " + executionId + " changed since it ran ("
                    + job.inputs().stream().map(i -> i.path().toString()).toList() + "); a restart would mix old and new"
                    + " data. Start a new run instead: ./revlens run " + jobName);
        }
        String settings = parameters.getString("settings");
        if (settings != null && !settings.equals(job.settingsKey())) {
            throw new BadInputException("The settings of run " + executionId + " are not those of its job file now (it"
                    + " was started with --company or --set, or the job file changed since): a restart would make its"
                    + " figures with other settings. Run the same command again instead; unchanged files are not loaded"
                    + " again");
        }
        return start(request, inputs, parameters, progress);
    }

    private RunOutcome start(RunRequest request, RunInputs inputs, JobParameters jobParameters, IngestProgress progress)
            throws Exception {
        try {
            return launch(request, inputs, jobParameters, progress);
        } finally {
            // A hash read for this run is not trusted by a later one in the same process (the scheduler, a worker):
            // that run reads each file again.
            io.revlens.ingest.read.ContentHashes.forget();
        }
    }

    private RunOutcome launch(RunRequest request, RunInputs inputs, JobParameters jobParameters, IngestProgress progress)
            throws Exception {
        Job job = factory.build(request, inputs, progress, request.runDate());
        try (WorkingFolderLock lock = WorkingFolderLock.acquire(request.outDir());
             RunDatabase database = RunDatabase.hold(request)) {
            String note = database.startCleanIfOtherInputs();
            recoverKilledExecution(request.job().name(), jobParameters);
            JobParameters parameters = jobParameters;
            JobExecution last = jobRepository.getLastJobExecution(request.job().name(), jobParameters);
            if (last != null && last.getStatus() != BatchStatus.COMPLETED && !Files.exists(request.databaseFile())) {
                // Resuming would skip the load into a database that is no longer there (the output folder was
                // deleted or emptied): the report would be computed from nothing. Start from the beginning.
                parameters = new JobParametersBuilder(jobParameters)
                        .addLong("forced_at", Instant.now(clock).toEpochMilli()).toJobParameters();
                note = (note == null ? "" : note + "\n") + "Run " + last.getId() + " stopped here before completing, and"
                        + " its database is gone from " + request.outDir() + ": starting from the beginning instead of"
                        + " resuming.";
            } else if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                if (OutputsCheck.intact(request) && note == null) {
                    return new RunOutcome(null, true, request, last.getId());
                }
                // "Nothing to do" only while the outputs are there as that run wrote them: else produce them again.
                parameters = new JobParametersBuilder(jobParameters)
                        .addLong("forced_at", Instant.now(clock).toEpochMilli()).toJobParameters();
                note = (note == null ? "" : note + "\n") + "An identical run (" + last.getId() + ") completed, but its"
                        + " outputs in " + request.outDir() + " are missing or changed: producing them again.";
            }
            database.holdForSteps();
            return new RunOutcome(jobOperator.start(job, parameters), false, request, null, note);
        } catch (JobInstanceAlreadyCompleteException e) {
            return new RunOutcome(null, true, request);
        }
    }

    /**
     * Asks this process's running executions of a job in a working folder to stop at their next
     * chunk or step boundary; they end STOPPED and can be restarted.
     */
    public void stopRunning(String jobName, Path outDir) {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
            if (outDir.toAbsolutePath().toString().equals(execution.getJobParameters().getString(OUT))) {
                try {
                    jobOperator.stop(execution);
                } catch (Exception e) {
                    // It ended meanwhile: nothing to stop.
                }
            }
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
