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

    @Option(names = "--opportunities", paramLabel = "N",
            description = "For benchmarks: exactly N deals (instead of --scale).")
    Integer opportunities;

    @Option(names = "--invoice-lines", paramLabel = "N",
            description = "For benchmarks: exactly N invoice lines (instead of --scale).")
    Integer invoiceLines;

    @Option(names = "--invoices-csv", description = "Write the invoice lines as a Xero-style CSV instead of .xlsx.")
    boolean invoicesCsv;

    @Override
    public Integer call() throws Exception {
        if (scale < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be at least 1");
        }
        if (opportunities != null && opportunities < 1 || invoiceLines != null && invoiceLines < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--opportunities and --invoice-lines must be at least 1");
        }
        SampleCompanyGenerator.Size size = SampleCompanyGenerator.Size.of(scale);
        if (opportunities != null || invoiceLines != null) {
            SampleCompanyGenerator.Size exact = SampleCompanyGenerator.Size.exactly(
                    opportunities == null ? 1_779 * scale : opportunities,
                    invoiceLines == null ? 2_453 * scale : invoiceLines, invoicesCsv);
            size = exact;
        } else if (invoicesCsv) {
            size = new SampleCompanyGenerator.Size(scale, null, scale, null, true);
        }
        var sample = SampleCompanyGenerator.generate(out, seed, size);
        spec.commandLine().getOut().println("Wrote sample company (seed " + seed + ", scale " + scale + ") to "
                + out.toAbsolutePath() + ":");
        spec.commandLine().getOut().println(sample);
        return ExitCodes.SUCCESS;
    }
}
