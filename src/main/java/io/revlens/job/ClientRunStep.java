package io.revlens.job;

import io.revlens.delivery.OutputCopier;
import io.revlens.ingest.load.IngestProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One client's partition: that client's own run of the ordinary job, read entirely from the partition's
 * execution context ({@link ClientPartitioner}), with its result written back there for the manager to read
 * from the job history ({@link #RESULT}, {@link #ERROR}, {@link #RUN}).
 *
 * <p>A plain step, not a tasklet: Spring Batch refuses to start a job inside a step's transaction, and a
 * client's run is a job of its own with its own transactions.
 *
 * <p>On a worker ({@code localRoot} set) the run's working folder — its DuckDB file above all — is on the
 * worker's local disk, {@code <localRoot>/<client>}; the finished outputs are then copied to the shared output
 * folder, whose lock the worker holds meanwhile so that no two workers run one client at once.
 */
public final class ClientRunStep extends AbstractStep {

    /** The partition's outcome: {@code completed}, {@code unchanged} (an identical run had completed) or {@code failed}. */
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    /** The id of the client's own job execution, when it ran. */
    static final String RUN = "run";

    private final JobRunner jobRunner;
    private final Path localRoot;
    private final IngestProgress progress;

    /**
     * @param localRoot where a worker keeps each client's working folder; null to work in the output folder itself
     */
    public ClientRunStep(String name, JobRepository jobRepository, JobRunner jobRunner, Path localRoot,
                         IngestProgress progress) {
        super(name);
        setJobRepository(jobRepository);
        this.jobRunner = jobRunner;
        this.localRoot = localRoot;
        this.progress = progress;
    }

    @Override
    protected void doExecute(StepExecution stepExecution) throws Exception {
        ExecutionContext context = stepExecution.getExecutionContext();
        String client = context.getString(ClientPartitioner.CLIENT);
        Path out = Path.of(context.getString(ClientPartitioner.OUT));
        context.remove(ERROR);
        context.remove(RUN);
        String error;
        try {
            error = localRoot == null ? runIn(context, out) : runLocallyAndCopy(context, localRoot.resolve(client), out);
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (error != null) {
            context.putString(RESULT, "failed");
            context.putString(ERROR, error);
            throw new ClientFailedException(client + ": " + error);
        }
    }

    private String runLocallyAndCopy(ExecutionContext context, Path local, Path out) throws Exception {
        try (WorkingFolderLock shared = WorkingFolderLock.acquire(out)) {
            String error = runIn(context, local);
            // A failed run's summary and rejects are copied too: they say what went wrong, as they do in the
            // output folder of a run on one machine.
            if (Files.isDirectory(local)) {
                copyOutputs(local, out);
            }
            return error;
        }
    }

    /** Runs the client's job with its working folder {@code workingFolder}; returns the failure, or null. */
    private String runIn(ExecutionContext context, Path workingFolder) throws Exception {
        Path jobFile = Path.of(context.getString(ClientPartitioner.JOB_FILE));
        JobDefinition job = JobDefinitionLoader.load(jobFile).forInput(Path.of(context.getString(ClientPartitioner.INPUT)));
        String asOf = context.containsKey(ClientPartitioner.AS_OF) ? context.getString(ClientPartitioner.AS_OF) : null;
        RunRequest request = new RunRequest(job, workingFolder, asOf == null ? null : LocalDate.parse(asOf),
                Boolean.parseBoolean(context.getString(ClientPartitioner.FORCE)), jobFile, null);
        JobRunner.RunOutcome outcome = jobRunner.run(request, progress);
        if (outcome.execution() != null) {
            context.putLong(RUN, outcome.execution().getId());
        }
        if (outcome.alreadyComplete()) {
            context.putString(RESULT, "unchanged");
            return null;
        }
        if (outcome.execution().getStatus() == BatchStatus.COMPLETED) {
            context.putString(RESULT, "completed");
            return null;
        }
        String error = outcome.error();
        return error != null ? error : "run ended " + outcome.execution().getStatus();
    }

    /** Every output of the working folder except the database and the lock, into the shared output folder. */
    private static void copyOutputs(Path local, Path out) throws IOException {
        try (Stream<Path> children = Files.list(local)) {
            List<Path> entries = children.filter(p -> !isWorkingFile(p.getFileName().toString())).sorted().toList();
            OutputCopier.copy(entries.stream().filter(Files::isRegularFile).toList(),
                    entries.stream().filter(Files::isDirectory).toList(), out);
        }
    }

    private static boolean isWorkingFile(String name) {
        return name.startsWith("revlens.duckdb") || name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp");
    }

    /** A client's run did not complete; the message is the client and the run's first error. */
    static final class ClientFailedException extends RuntimeException {
        ClientFailedException(String message) {
            super(message);
        }
    }
}
