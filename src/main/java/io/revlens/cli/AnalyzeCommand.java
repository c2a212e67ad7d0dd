package io.revlens.cli;

import io.revlens.job.BadInputException;
import io.revlens.job.JobDefinition;
import io.revlens.job.JobDefinitionLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens analyze <folder>}: the one-off analysis of a new client's folder of exports. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse a folder of unknown exports: inventory, data quality and every metric the data supports.",
                "Without --as-of the as-of date is the latest transaction date found in the data."})
class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "Folder of CSV/Excel exports.")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/analysis/<folder name>).")
    Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "As-of date (default: latest date in the data).")
    LocalDate asOf;

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
        Path input = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(input)) {
            throw new BadInputException(folder + " is not a folder; give the folder that holds the client's exports");
        }
        ProjectPaths paths = ProjectPaths.detect();
        JobDefinition job = new JobDefinitionLoader(paths.jobs()).load("client-dump-analysis").withInput(input);
        if (job.company().equals(job.name())) {
            // the job file names no company: the client is the folder ("acme-export" for a folder acme-export/)
            job = job.withCompany(input.getFileName().toString());
        }
        job = overrides.apply(job);
        Path outDir = out != null ? out : paths.defaultOut("analysis").resolve(input.getFileName().toString());
        // A dump is analysed on demand: always recompute (its files may have been replaced in place).
        return JobLaunch.run(job, paths.jobs().resolve("client-dump-analysis.yml"), outDir, asOf, true, keepHistory,
                output.mode(), spec.commandLine().getOut());
    }
}
