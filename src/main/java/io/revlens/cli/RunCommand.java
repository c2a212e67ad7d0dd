package io.revlens.cli;

import io.revlens.job.BadInputException;
import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens run <job>}: runs a job defined in {@code jobs/<job>.yml} once. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job defined in jobs/<job>.yml once (e.g. monthly-board-report).")
class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "Job name: a file jobs/<job>.yml.")
    String jobName;

    @Option(names = "--input", paramLabel = "DIR", description = "Read this folder instead of the job file's inputs.")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<job>).")
    Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "As-of date (default: from the job file's as_of rule).")
    LocalDate asOf;

    @Option(names = "--jobs", paramLabel = "DIR", description = "Folder of job files (default: jobs/).")
    Path jobsFolder;

    @Option(names = "--force", description = "Run again even when an identical run already completed.")
    boolean force;

    @Mixin
    OutputOptions output;

    @Mixin
    JobOverrides overrides;



    @Option(names = "--keep-history",
            description = "Keep the output folder's database when it holds other input folders' data (by default a"
                    + " run of other folders starts a clean one, so one client's data never reaches another's report).")
    boolean keepHistory;



    @Override
    public Integer call() throws Exception {
        ProjectPaths paths = ProjectPaths.detect();
        Path jobs = jobsFolder != null ? jobsFolder.toAbsolutePath().normalize() : paths.jobs();
        JobDefinition job = new JobDefinitionLoader(jobs).load(jobName);
        String otherInput = null;
        if (input != null) {
            Path folder = input.toAbsolutePath().normalize();
            if (!job.readsFolder(folder) && output.mode() == OutputMode.NORMAL) {
                otherInput = "Note: " + folder + " is not an input of " + jobName + ".yml, whose company name ("
                        + job.company() + "), targets, scorecard and Rocks are for its own data: this run is titled \""
                        + folder.getFileName() + "\" (--company names it) and leaves them out. For a client's own"
                        + " goals: ./revlens init <client> --input " + input;
            }
            job = job.forInput(folder);
        }
        job = overrides.apply(job);
        if (otherInput != null) {
            spec.commandLine().getOut().println(otherInput);
        }
        Path outDir = out != null ? out : paths.defaultOut(jobName);
        return JobLaunch.run(job, jobs.resolve(jobName + ".yml"), outDir, asOf, force, keepHistory,
                output.mode(), spec.commandLine().getOut());
    }
}
