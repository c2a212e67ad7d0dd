package io.revlens.cli;

import io.revlens.job.JobDefinition;
import io.revlens.job.JobRunner;
import io.revlens.job.RunRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context, runs one job and prints its summary; shared by demo, run and analyze. */
final class JobLaunch {

    private JobLaunch() {
    }

    /** Runs the job and returns the exit code. */
    static int run(JobDefinition job, Path jobFile, Path outDir, LocalDate asOf, boolean force, OutputMode mode,
                   PrintWriter out) throws Exception {
        return run(job, jobFile, outDir, asOf, force, false, mode, out);
    }

    /** @param keepHistory keep a database built from other input folders ({@code --keep-history}) */
    static int run(JobDefinition job, Path jobFile, Path outDir, LocalDate asOf, boolean force, boolean keepHistory,
                   OutputMode mode, PrintWriter out) throws Exception {
        ProjectPaths paths = ProjectPaths.detect();
        RunRequest request = new RunRequest(job, outDir.toAbsolutePath().normalize(), asOf, force, jobFile, null,
                keepHistory);
        if (mode.verbose()) {
            out.printf("RevLens %s → %s%n", job.name(), request.outDir());
        }
        StartupWarmUp.LoggingConfigured warmUp = StartupWarmUp.begin(paths.home().resolve("template-cache"),
                job.reports().stream().map(JobDefinition.ReportOutput::template).toList(), inputFiles(job));
        try (ConfigurableApplicationContext context = startContext(paths, mode, warmUp)) {
            JobRunner runner = context.getBean(JobRunner.class);
            JobRunner.RunOutcome outcome = runner.run(request, new ConsoleProgress(out, !mode.verbose()));
            return RunSummaryPrinter.print(outcome, out, mode);
        }
    }

    /** The job's input files, for the warm-up; none when they cannot be listed (the run says why). */
    private static List<Path> inputFiles(JobDefinition job) {
        try {
            return io.revlens.job.RunInputs.resolve(job).files();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The Spring context with the job history of this installation ({@code revlens.home}). */
    static ConfigurableApplicationContext context(ProjectPaths paths, OutputMode mode) {
        return startContext(paths, mode, StartupWarmUp.begin());
    }

    private static ConfigurableApplicationContext startContext(ProjectPaths paths, OutputMode mode,
                                                               StartupWarmUp.LoggingConfigured warmUp) {
        List<String> properties = new ArrayList<>();
        properties.add("revlens.home=" + paths.home());
        if (mode == OutputMode.QUIET) {
            properties.add("logging.level.io.revlens=WARN");
        } else if (mode == OutputMode.JSON) {
            // stdout carries only the JSON document; failures are in it and in the exit code.
            properties.add("logging.threshold.console=OFF");
        }
        // Given as command-line arguments: those outrank application.yml (whose io.revlens: INFO
        // would otherwise keep the step log on the console under --quiet and --json).
        return new SpringApplicationBuilder(RevLensApplication.class)
                .listeners(warmUp)
                .logStartupInfo(false)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
