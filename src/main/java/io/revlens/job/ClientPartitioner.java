package io.revlens.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per client folder. Everything a client's run needs travels in the partition's execution
 * context (kept in the job history), so a worker in another process or on another machine can run it from
 * the step execution alone: the client, its input and output folders, the job file, the as-of date when
 * given, and whether to force a rerun.
 */
public final class ClientPartitioner implements Partitioner {

    public static final String CLIENT = "client";
    static final String INPUT = "input";
    static final String OUT = "out";
    static final String JOB_FILE = "job_file";
    static final String AS_OF = "as_of";
    static final String FORCE = "force";

    private final List<Path> clients;
    private final Path outRoot;
    private final Path jobFile;
    private final LocalDate asOf;
    private final boolean force;

    public ClientPartitioner(List<Path> clients, Path outRoot, Path jobFile, LocalDate asOf, boolean force) {
        this.clients = clients;
        this.outRoot = outRoot;
        this.jobFile = jobFile;
        this.asOf = asOf;
        this.force = force;
    }

    /** The partition's key for a client folder; the partition step is named {@code <job>-client:<key>}. */
    static String partitionKey(String client) {
        return "client:" + client;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (Path client : clients) {
            String name = client.getFileName().toString();
            ExecutionContext context = new ExecutionContext();
            context.putString(CLIENT, name);
            context.putString(INPUT, client.toAbsolutePath().normalize().toString());
            context.putString(OUT, outRoot.resolve(name).toAbsolutePath().normalize().toString());
            context.putString(JOB_FILE, jobFile.toAbsolutePath().normalize().toString());
            if (asOf != null) {
                context.putString(AS_OF, asOf.toString());
            }
            context.putString(FORCE, Boolean.toString(force));
            partitions.put(partitionKey(name), context);
        }
        return partitions;
    }
}
