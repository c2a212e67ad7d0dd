package io.revlens.cli;

import io.revlens.job.JobDefinition;
import io.revlens.job.JobRunner;
import io.revlens.job.RunRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context, runs one job and prints its summary; shared by demo, run and analyze. */
final class JobLaunch {

    private JobLaunch() {
    }

    /** Runs the job and returns the exit code. */
    static int run(JobDefinition job, Path outDir, LocalDate asOf, boolean force, boolean quiet, PrintWriter out)
            throws Exception {
        ProjectPaths paths = ProjectPaths.detect();
        RunRequest request = new RunRequest(job, outDir.toAbsolutePath().normalize(), asOf, force);
        if (!quiet) {
            out.printf("RevLens %s → %s%n", job.name(), request.outDir());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RevLensApplication.class)
                .properties("revlens.home=" + paths.home())
                .logStartupInfo(false)
                .run()) {
            JobRunner runner = context.getBean(JobRunner.class);
            JobRunner.RunOutcome outcome = runner.run(request, new ConsoleProgress(out, quiet));
            return RunSummaryPrinter.print(outcome, out, quiet);
        }
    }
}
