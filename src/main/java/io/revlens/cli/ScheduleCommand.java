package io.revlens.cli;

import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionException;
import io.revlens.job.JobDefinitionLoader;
import io.revlens.job.JobRunner;
import io.revlens.job.JobScheduler;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code revlens schedule}: stays up and runs every job of the jobs folder that has a
 * {@code schedule:} at its cron, until SIGTERM or Ctrl-C.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Stay up and run every job in jobs/ that has a schedule (cron in its time zone), one run per job"
                + " at a time; a fire while the job's previous run is still going is skipped and logged.",
                "SIGTERM or Ctrl-C stops it cleanly: a running job stops at its next step boundary (restartable),"
                        + " its folder lock is released, and the process exits 0."})
class ScheduleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--jobs", paramLabel = "DIR", description = "Folder of job files (default: jobs/).")
    Path jobsFolder;

    @Option(names = "--out", paramLabel = "DIR", description = "Output root: each job writes to DIR/<job>/ (default: out/).")
    Path out;

    @Option(names = "--job", paramLabel = "NAME", description = "Schedule only this job (repeatable).")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        ProjectPaths paths = ProjectPaths.detect();
        Path folder = jobsFolder != null ? jobsFolder.toAbsolutePath().normalize() : paths.jobs();
        Path outRoot = (out != null ? out : paths.root().resolve("out")).toAbsolutePath().normalize();
        List<JobScheduler.ScheduledJob> jobs = scheduledJobs(folder, outRoot);

        CountDownLatch stop = new CountDownLatch(1);
        // Handle the signals ourselves instead of via shutdown hooks, so the running job and the job
        // history are closed in order and the exit code is 0.
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try (ConfigurableApplicationContext context = JobLaunch.context(paths, OutputMode.NORMAL)) {
            JobScheduler scheduler = new JobScheduler(context.getBean(JobRunner.class), jobs, line -> { });
            console.printf("RevLens scheduler (PID %d): %d job(s) from %s, outputs under %s. SIGTERM or Ctrl-C stops it.%n",
                    ProcessHandle.current().pid(), jobs.size(), folder, outRoot);
            console.flush();
            scheduler.start();
            stop.await();
            console.println("Stopping the scheduler ...");
            console.flush();
            scheduler.close();
        }
        console.println("Scheduler stopped.");
        console.flush();
        return ExitCodes.SUCCESS;
    }

    private List<JobScheduler.ScheduledJob> scheduledJobs(Path folder, Path outRoot) {
        if (!Files.isDirectory(folder)) {
            throw new JobDefinitionException("Jobs folder " + folder + " does not exist");
        }
        JobDefinitionLoader loader = new JobDefinitionLoader(folder);
        List<String> names = only != null && !only.isEmpty() ? only : loader.available();
        List<JobScheduler.ScheduledJob> jobs = new ArrayList<>();
        for (String name : names) {
            JobDefinition job = loader.load(name);
            if (job.schedule() == null) {
                if (only != null && !only.isEmpty()) {
                    throw new JobDefinitionException("Job " + name + " has no schedule: in " + folder.resolve(name + ".yml")
                            + " add schedule: {cron: \"0 0 6 2 * *\", zone: America/New_York}");
                }
                continue;
            }
            jobs.add(new JobScheduler.ScheduledJob(job, folder.resolve(name + ".yml"), outRoot.resolve(name)));
        }
        if (jobs.isEmpty()) {
            throw new JobDefinitionException("No job in " + folder + " has a schedule: add schedule: {cron: ..., zone: ...}"
                    + " to a job file");
        }
        return jobs;
    }
}
