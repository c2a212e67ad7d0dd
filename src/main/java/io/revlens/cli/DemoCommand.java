package io.revlens.cli;

import io.revlens.job.AsOfRule;
import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code revlens demo}: the monthly board report on the bundled sample company. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the monthly board report on the bundled sample data (sample-data/) into out/demo/.")
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "Output folder (default: out/demo).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        ProjectPaths paths = ProjectPaths.detect();
        // The sample is a fixed history: report it as of its own last day, not today.
        JobDefinition job = new JobDefinitionLoader(paths.jobs()).load("monthly-board-report")
                .withInput(paths.sampleData())
                .withAsOf(AsOfRule.LATEST_DATA);
        Path outDir = out != null ? out : paths.defaultOut("demo");
        return JobLaunch.run(job, paths.jobs().resolve("monthly-board-report.yml"), outDir, null, true,
                output.mode(), spec.commandLine().getOut());
    }
}
