package io.revlens.cli;

import io.revlens.ingest.load.IngestProgress;
import io.revlens.job.MultiClientRunner;
import io.revlens.remote.Broker;
import io.revlens.remote.ClientWorker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revlens worker}: runs the clients a remote {@code run-clients} sends, until stopped (docs/scaling.md). */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run clients sent by `run-clients --remote` through the message broker (REVLENS_BROKER_URL), with"
                + " the shared job history (REVLENS_HISTORY_URL), until stopped. Each client's database is kept in a"
                + " local working folder; its outputs are copied to the manager's --out folder when it completes."
                + " SIGTERM stops taking clients and lets the ones running finish.")
class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = Broker.DEFAULT_QUEUE,
            description = "Queue to take clients from (default: ${DEFAULT-VALUE}); the manager's --queue.")
    String queue;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1",
            description = "Clients run at once by this worker (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Local folder for the clients' working folders and databases (default: <revlens home>/work)."
                    + " Give every worker the same path, so a client resumed on another machine is the same run.")
    Path work;

    @Override
    public Integer call() throws Exception {
        ProjectPaths paths = ProjectPaths.detect();
        Path workRoot = (work != null ? work : paths.home().resolve("work")).toAbsolutePath().normalize();
        PrintWriter console = spec.commandLine().getOut();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RevLensApplication.class)
                .properties("revlens.home=" + paths.home())
                .logStartupInfo(false)
                                .run();
        Broker broker;
        ClientWorker worker;
        try {
            broker = Broker.connect(context.getEnvironment(), queue);
            worker = ClientWorker.start(broker, concurrency, context.getBean(JobRepository.class),
                    context.getBean(MultiClientRunner.class).workerStep("client", workRoot, IngestProgress.NONE),
                    context.getBeanFactory(), console);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // The signals are handled here rather than by shutdown hooks: a client still running when the JVM shuts
        // down fails (fonts, temporary files and DuckDB refuse work once shutdown has begun), so the worker
        // stops taking clients, lets the running ones finish, and only then exits.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        console.printf("RevLens worker (PID %d) waiting for clients on %s, queue %s, %d at a time; working folders in %s%n",
                ProcessHandle.current().pid(), broker.where(), broker.queue(), Math.max(1, concurrency), workRoot);
        console.flush();
        stop.await();
        console.println("worker stopping: no new clients; waiting for the running ones to finish");
        console.flush();
        worker.close();
        broker.close();
        context.close();
        console.println("worker stopped");
        console.flush();
        return ExitCodes.SUCCESS;
    }
}
