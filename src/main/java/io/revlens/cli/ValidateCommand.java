package io.revlens.cli;

import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionLoader;
import io.revlens.job.RunInputs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens validate <job>}: checks a job file and its input folders without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check jobs/<job>.yml (keys, cron, thresholds, input folders) without running it.")
class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>")
    String jobName;

    @Override
    public Integer call() {
        JobDefinition job = new JobDefinitionLoader(ProjectPaths.detect().jobs()).load(jobName);
        RunInputs inputs = RunInputs.resolve(job);
        var out = spec.commandLine().getOut();
        out.printf("%s is valid: %d input file(s), reports %s, as_of %s%s%n", jobName, inputs.files().size(),
                job.reports().stream().map(JobDefinition.ReportOutput::template).toList(), job.asOf().label(),
                job.schedule() == null ? "" : ", schedule '" + job.schedule().cron() + "' " + job.schedule().zone());
        return ExitCodes.SUCCESS;
    }
}
