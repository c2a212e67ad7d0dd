package io.revlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revlens.ingest.load.IngestProgress;
import io.revlens.job.BadInputException;
import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionLoader;
import io.revlens.job.MultiClientRunner;
import io.revlens.remote.Broker;
import io.revlens.remote.PartitionRequestQueue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens run-clients <job> --clients DIR}: one job over every client folder, in parallel partitions. */
@Command(name = "run-clients", mixinStandardHelpOptions = true,
        description = "Run a job for every client: each subfolder of --clients is one client's exports. Clients run"
                + " in parallel (Spring Batch partitions), each with its own database and outputs in <out>/<client>/;"
                + " a failing client does not stop the others.")
class RunClientsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "Job name: a file jobs/<job>.yml.")
    String jobName;

    @Option(names = "--clients", required = true, paramLabel = "DIR", description = "Folder with one subfolder per client.")
    Path clients;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<job>-clients).")
    Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "As-of date (default: the job file's rule).")
    LocalDate asOf;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "Clients run at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--force", description = "Run clients again even when an identical run already completed.")
    boolean force;

    @Option(names = "--remote", description = "Send the clients to worker processes (`revlens worker`) through the"
            + " message broker (REVLENS_BROKER_URL) instead of running them here; needs the job history in PostgreSQL"
            + " (REVLENS_HISTORY_URL). --threads is then ignored: the workers' number and --concurrency decide.")
    boolean remote;

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = Broker.DEFAULT_QUEUE,
            description = "With --remote: the workers' queue (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "360",
            description = "With --remote: give up waiting for the workers after this long (default: ${DEFAULT-VALUE});"
                    + " running the command again resumes the clients not completed.")
    long timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(clients)) {
            throw new BadInputException(clients + " is not a folder; give the folder that holds one subfolder per client");
        }
        ProjectPaths paths = ProjectPaths.detect();
        JobDefinition job = new JobDefinitionLoader(paths.jobs()).load(jobName);
        Path outRoot = (out != null ? out : paths.defaultOut(jobName + "-clients")).toAbsolutePath().normalize();
        PrintWriter console = spec.commandLine().getOut();
        int count = MultiClientRunner.clientFolders(clients).size();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RevLensApplication.class)
                .properties("revlens.home=" + paths.home())
                .logStartupInfo(false)
                .run()) {
            Broker broker = remote ? Broker.connect(context.getEnvironment(), queue) : null;
            try {
                MultiClientRunner.Dispatch dispatch = broker == null ? new MultiClientRunner.Dispatch.Threads(threads)
                        : new MultiClientRunner.Dispatch.Remote(PartitionRequestQueue.to(broker, context.getBeanFactory()),
                        Duration.ofSeconds(1), Duration.ofMinutes(timeoutMinutes));
                console.printf("RevLens %s for %d client(s) in %s, %s → %s%n", job.name(), count,
                        clients.toAbsolutePath().normalize(), broker == null ? threads + " at a time"
                                : "sent to the workers on " + broker.where() + ", queue " + broker.queue(), outRoot);
                console.flush();
                MultiClientRunner.Outcome outcome = context.getBean(MultiClientRunner.class).run(job,
                        paths.jobs().resolve(jobName + ".yml"), clients.toAbsolutePath().normalize(), outRoot, asOf, force,
                        dispatch, IngestProgress.NONE);
                return print(outcome, console);
            } finally {
                if (broker != null) {
                    broker.close();
                }
            }
        }
    }

    /** The combined summary: one line per client, then the totals. */
    private static int print(MultiClientRunner.Outcome outcome, PrintWriter out) throws Exception {
        out.println();
        out.printf("  %-24s %-10s %6s %12s %12s %10s  %s%n", "client", "status", "files", "rows read", "loaded",
                "rejected", "outputs / error");
        long read = 0;
        long loaded = 0;
        long rejected = 0;
        int failed = 0;
        for (MultiClientRunner.ClientOutcome client : outcome.clients()) {
            Path summaryFile = client.outDir().resolve("run-summary.json");
            JsonNode totals = Files.exists(summaryFile) ? JSON.readTree(summaryFile.toFile()).path("totals") : null;
            String status = client.succeeded() ? client.result() : "FAILED";
            if (!client.succeeded()) {
                failed++;
            }
            long r = totals == null ? 0 : totals.path("rows_read").asLong();
            long l = totals == null ? 0 : totals.path("rows_loaded").asLong();
            long j = totals == null ? 0 : totals.path("rows_rejected").asLong();
            read += r;
            loaded += l;
            rejected += j;
            out.printf("  %-24s %-10s %6s %,12d %,12d %,10d  %s%n", client.client(), status,
                    totals == null ? "-" : totals.path("files").asText(), r, l, j,
                    client.succeeded() ? client.outDir() : client.error());
        }
        out.printf("%d client(s): %d completed, %d failed; %,d rows read = %,d loaded + %,d rejected + skipped."
                        + " Partitioned run #%d %s.%n", outcome.clients().size(), outcome.clients().size() - failed,
                failed, read, loaded, rejected, outcome.execution().getId(), outcome.execution().getStatus());
        out.flush();
        return failed == 0 ? ExitCodes.SUCCESS : ExitCodes.SOME_CLIENTS_FAILED;
    }
}
