package io.revlens.cli;

import io.revlens.job.JobRunner;
import io.revlens.job.RunHistory;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens restart <id>}: resumes a failed or killed run from its failed step, with the same parameters. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Resume a failed (or killed) run from its failed step, with the parameters it was started with.",
                "The ids are in ./revlens runs. A completed run is not redone (use run --force)."})
class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<executionId>", description = "Execution id from ./revlens runs.")
    long executionId;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        ProjectPaths paths = ProjectPaths.detect();
        OutputMode mode = output.mode();
        try (ConfigurableApplicationContext context = JobLaunch.context(paths, mode)) {
            RunHistory.RunRecord previous = context.getBean(RunHistory.class).find(executionId);
            if (previous != null && mode.verbose()) {
                out.printf("Restarting run %d of %s (%s, as of %s) → %s%n", executionId, previous.job(), previous.status(),
                        previous.asOf(), previous.outDir());
            }
            JobRunner.RunOutcome outcome = context.getBean(JobRunner.class)
                    .restart(executionId, paths.jobs(), new ConsoleProgress(out, !mode.verbose()));
            if (outcome.alreadyComplete() && mode != OutputMode.JSON) {
                out.printf("Run %d of %s has nothing to resume: it%s completed%s. Its outputs are in %s.%n"
                                + "Use ./revlens run %s --force to run it again.%n", executionId, outcome.request().job().name(),
                        outcome.completedBy() != null && outcome.completedBy() != executionId ? "s job instance" : "",
                        outcome.completedBy() != null && outcome.completedBy() != executionId
                                ? " in run " + outcome.completedBy() : "",
                        outcome.request().outDir(), outcome.request().job().name());
                return ExitCodes.SUCCESS;
            }
            return RunSummaryPrinter.print(outcome, out, mode);
        }
    }
}
