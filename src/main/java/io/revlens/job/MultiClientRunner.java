package io.revlens.job;

import io.revlens.ingest.load.IngestProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Runs one job over many client folders (docs/scaling.md): a Spring Batch partitioned step with one
 * partition per client ({@link ClientPartitioner}), each partition that client's own run of the job
 * ({@link ClientRunStep}: its own job instance, DuckDB file, output folder and lock), so a failing client
 * fails only its partition and the others complete. The partitions run on local threads, or on worker
 * processes that take them from a message channel ({@link Dispatch.Remote}); either way the manager learns
 * each client's result from the job history, never from memory.
 *
 * <p>Running the same command again resumes an incomplete multi-client run: Spring Batch re-sends only the
 * partitions that did not complete, and the clients completed before are reported "unchanged".
 */
@Component
public class MultiClientRunner {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JobRunner jobRunner;

    MultiClientRunner(JobOperator jobOperator, JobRepository jobRepository, JobRunner jobRunner) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobRunner = jobRunner;
    }

    /** How partitions reach the process that runs them. */
    public sealed interface Dispatch {
        /** On {@code threads} threads of this process. */
        record Threads(int threads) implements Dispatch {
        }

        /**
         * As messages on {@code requests} (a queue that workers consume); the manager polls the job history
         * every {@code pollInterval} until every partition has ended, or fails after {@code timeout}.
         */
        record Remote(MessageChannel requests, Duration pollInterval, Duration timeout) implements Dispatch {
        }
    }

    /** One client's result: {@code completed}, {@code unchanged} or {@code failed} with the error. */
    public record ClientOutcome(String client, Path input, Path outDir, String result, Long run, String error) {

        public boolean succeeded() {
            return error == null && ("completed".equals(result) || "unchanged".equals(result));
        }
    }

    /** The clients' results in folder-name order, and the partitioned run that produced them. */
    public record Outcome(JobExecution execution, List<ClientOutcome> clients) {
    }

    /** The client folders of {@code clientsRoot}: its subfolders, by name (hidden ones skipped). */
    public static List<Path> clientFolders(Path clientsRoot) throws IOException {
        try (Stream<Path> children = Files.list(clientsRoot)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** The step a worker runs for one client of {@code job}; the partition steps are named {@code <this>:client:<name>}. */
    public static String clientStepName(String jobName) {
        return jobName + "-client";
    }

    /** A worker's step for the clients of any job: their working folders under {@code localRoot}. */
    public Step workerStep(String name, Path localRoot, IngestProgress progress) {
        return new ClientRunStep(name, jobRepository, jobRunner, localRoot, progress);
    }

    public Outcome run(JobDefinition job, Path jobFile, Path clientsRoot, Path outRoot, LocalDate asOf, boolean force,
                       Dispatch dispatch, IngestProgress progress) throws Exception {
        List<Path> clients = clientFolders(clientsRoot);
        if (clients.isEmpty()) {
            throw new BadInputException(clientsRoot + " has no client folders: put each client's exports in its own"
                    + " subfolder (e.g. " + clientsRoot.resolve("acme") + ")");
        }
        String managerName = job.name() + "-clients";
        String clientStep = clientStepName(job.name());
        ClientPartitioner partitioner = new ClientPartitioner(clients, outRoot, jobFile, asOf, force);
        Step partitioned;
        if (dispatch instanceof Dispatch.Remote remote) {
            partitioned = new RemotePartitioningManagerStepBuilder(managerName, jobRepository)
                    .partitioner(clientStep, partitioner)
                    .gridSize(clients.size())
                    .outputChannel(remote.requests())
                    .pollInterval(remote.pollInterval().toMillis())
                    .timeout(remote.timeout().toMillis())
                    .build();
        } else {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("revlens-client-");
            executor.setConcurrencyLimit(Math.max(1, ((Dispatch.Threads) dispatch).threads()));
            partitioned = new StepBuilder(managerName, jobRepository)
                    .partitioner(clientStep, partitioner)
                    .step(workerStep(clientStep, null, progress))
                    .gridSize(clients.size())
                    .taskExecutor(executor)
                    .build();
        }
        Job manager = new JobBuilder(managerName, jobRepository).start(partitioned).build();
        JobExecution execution;
        // The lock on the output root marks this process as the manager of these clients: an execution of
        // theirs still marked running while we hold it was killed, and is resumed.
        try (WorkingFolderLock lock = WorkingFolderLock.acquire(outRoot)) {
            execution = jobOperator.start(manager, parameters(managerName, clientsRoot, outRoot, asOf, force));
        }
        List<ClientOutcome> outcomes = new ArrayList<>();
        for (Path client : clients) {
            outcomes.add(outcomeOf(execution, clientStep, client, outRoot));
        }
        return new Outcome(execution, outcomes);
    }

    /**
     * The parameters of the last multi-client run over the same clients, output and as-of date when it did not
     * complete (so starting it again resumes it), else of a new run.
     */
    private JobParameters parameters(String managerName, Path clientsRoot, Path outRoot, LocalDate asOf, boolean force) {
        JobParametersBuilder same = new JobParametersBuilder()
                .addString("clients", clientsRoot.toAbsolutePath().normalize().toString())
                .addString("out", outRoot.toAbsolutePath().normalize().toString())
                .addString("as_of", asOf == null ? "job rule" : asOf.toString());
        JobParameters key = same.toJobParameters();
        if (!force) {
            JobExecution previous = jobRepository.findJobInstances(managerName).stream()
                    .filter(instance -> sameRun(instance, key))
                    .map(jobRepository::getLastJobExecution)
                    .filter(Objects::nonNull)
                    .max(Comparator.comparing(JobExecution::getId))
                    .orElse(null);
            if (previous != null && previous.getStatus() != BatchStatus.COMPLETED) {
                if (previous.isRunning()) {
                    jobOperator.recover(previous);
                }
                return previous.getJobParameters();
            }
        }
        return same.addLong("started_at", Instant.now().toEpochMilli()).toJobParameters();
    }

    private boolean sameRun(JobInstance instance, JobParameters key) {
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last == null) {
            return false;
        }
        JobParameters parameters = last.getJobParameters();
        return key.parameters().stream().allMatch(p -> Objects.equals(p.value(), parameters.getString(p.name())));
    }

    private ClientOutcome outcomeOf(JobExecution execution, String clientStep, Path client, Path outRoot) {
        String name = client.getFileName().toString();
        Path out = outRoot.resolve(name);
        StepExecution last = jobRepository.getLastStepExecution(execution.getJobInstance(),
                clientStep + ":" + ClientPartitioner.partitionKey(name));
        if (last == null) {
            return new ClientOutcome(name, client, out, "failed", null, "did not run");
        }
        ExecutionContext context = last.getExecutionContext();
        Long run = context.containsKey(ClientRunStep.RUN) ? context.getLong(ClientRunStep.RUN) : null;
        if (last.getStatus() == BatchStatus.COMPLETED) {
            boolean earlier = !Objects.equals(last.getJobExecutionId(), execution.getId());
            String result = earlier ? "unchanged" : context.getString(ClientRunStep.RESULT, "completed");
            return new ClientOutcome(name, client, out, result, run, null);
        }
        String error = context.containsKey(ClientRunStep.ERROR) ? context.getString(ClientRunStep.ERROR)
                : "partition ended " + last.getStatus()
                + (last.getExitStatus().getExitDescription().isBlank() ? "" : ": " + firstLine(last.getExitStatus().getExitDescription()));
        return new ClientOutcome(name, client, out, "failed", run, error);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
