package io.revlens.cli;

import io.revlens.sample.SampleCompanyGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revlens generate-sample}: writes the deterministic sample company's exports. */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
        description = "Write the sample company's exports (HubSpot deals and companies, a reps roster,"
                + " invoice lines as .xlsx). The same seed and scale always give the same files.")
class GenerateSampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "11", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1", description = "Size multiplier for benchmarks (default: ${DEFAULT-VALUE}).")
    int scale;

    @Override
    public Integer call() throws Exception {
        if (scale < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be at least 1");
        }
        var sample = SampleCompanyGenerator.generate(out, seed, scale);
        spec.commandLine().getOut().println("Wrote sample company (seed " + seed + ", scale " + scale + ") to "
                + out.toAbsolutePath() + ":");
        spec.commandLine().getOut().println(sample);
        return ExitCodes.SUCCESS;
    }
}
