package io.revlens.job;

import io.revlens.ingest.load.IngestProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs one job over many client folders (docs/scaling.md): a Spring Batch partitioned step with one
 * partition per client, run on a pool of threads. Each partition is that client's own run of the job
 * (its own job instance, DuckDB file, output folder and lock), so a failing client fails only its
 * partition and the others complete.
 */
@Component
public class MultiClientRunner {

    static final String CLIENT = "client";
    static final String INPUT = "input";
    static final String OUT = "out";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JobRunner jobRunner;

    MultiClientRunner(JobOperator jobOperator, JobRepository jobRepository, JobRunner jobRunner) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobRunner = jobRunner;
    }

    /** One client's result: its run (null when it did not start), or the note that it had already completed. */
    public record ClientOutcome(String client, Path input, Path outDir, JobRunner.RunOutcome outcome, String error) {

        public boolean succeeded() {
            return error == null && outcome != null && (outcome.alreadyComplete()
                    || outcome.execution().getStatus() == BatchStatus.COMPLETED);
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

    public Outcome run(JobDefinition job, Path clientsRoot, Path outRoot, LocalDate asOf, boolean force, int threads,
                       IngestProgress progress) throws Exception {
        List<Path> clients = clientFolders(clientsRoot);
        if (clients.isEmpty()) {
            throw new BadInputException(clientsRoot + " has no client folders: put each client's exports in its own"
                    + " subfolder (e.g. " + clientsRoot.resolve("acme") + ")");
        }
        Map<String, ClientOutcome> results = new ConcurrentHashMap<>();
        Partitioner partitioner = gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (Path client : clients) {
                ExecutionContext context = new ExecutionContext();
                String name = client.getFileName().toString();
                context.putString(CLIENT, name);
                context.putString(INPUT, client.toAbsolutePath().normalize().toString());
                context.putString(OUT, outRoot.resolve(name).toAbsolutePath().normalize().toString());
                partitions.put("client:" + name, context);
            }
            return partitions;
        };
        // A plain step, not a tasklet: Spring Batch refuses to start a job inside a step's transaction, and a
        // client's run is a job of its own with its own transactions.
        AbstractStep clientRun = new AbstractStep(jobRepository) {
            @Override
            protected void doExecute(StepExecution stepExecution) {
                ExecutionContext context = stepExecution.getExecutionContext();
                String name = context.getString(CLIENT);
                Path input = Path.of(context.getString(INPUT));
                Path out = Path.of(context.getString(OUT));
                ClientOutcome result;
                try {
                    JobRunner.RunOutcome outcome = jobRunner.run(
                            new RunRequest(job.withInput(input), out, asOf, force), progress);
                    String error = outcome.alreadyComplete() || outcome.execution().getStatus() == BatchStatus.COMPLETED
                            ? null : failureOf(outcome.execution());
                    result = new ClientOutcome(name, input, out, outcome, error);
                } catch (Exception e) {
                    result = new ClientOutcome(name, input, out, null,
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
                results.put(name, result);
                if (!result.succeeded()) {
                    throw new IllegalStateException(name + ": " + result.error());
                }
            }
        };
        clientRun.setName(job.name() + "-client");
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("revlens-client-");
        executor.setConcurrencyLimit(Math.max(1, threads));
        Step partitioned = new StepBuilder(job.name() + "-clients", jobRepository)
                .partitioner(clientRun.getName(), partitioner)
                .step(clientRun)
                .gridSize(clients.size())
                .taskExecutor(executor)
                .build();
        Job manager = new JobBuilder(job.name() + "-clients", jobRepository).start(partitioned).build();
        JobExecution execution = jobOperator.start(manager, new JobParametersBuilder()
                .addString("clients", clientsRoot.toAbsolutePath().normalize().toString())
                .addString("out", outRoot.toAbsolutePath().normalize().toString())
                .addLong("started_at", Instant.now().toEpochMilli())
                .toJobParameters());
        List<ClientOutcome> ordered = new ArrayList<>();
        for (Path client : clients) {
            String name = client.getFileName().toString();
            ordered.add(results.getOrDefault(name, new ClientOutcome(name, client, outRoot.resolve(name), null,
                    "did not run")));
        }
        return new Outcome(execution, ordered);
    }

    private static String failureOf(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                .findFirst().orElse("run ended " + execution.getStatus());
    }
}
