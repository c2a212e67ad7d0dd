package io.revlens.cli;

import io.revlens.ingest.ExportInspector;
import io.revlens.job.BadInputException;
import io.revlens.job.JobDefinitionException;
import io.revlens.job.JobDefinitionLoader;
import io.revlens.job.JobFileDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens init <client> --input DIR}: starts a new client's job file from what its folder holds. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a job for a new client: inspect the folder of exports and write jobs/<client>.yml (the monthly"
                + " board report on it, the company named, what was recognised, a schedule left commented)."})
class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<client>", description = "The job's name, e.g. acme (letters, digits, - . _).")
    String client;

    @Option(names = "--input", paramLabel = "DIR", required = true, description = "The client's folder of exports.")
    Path input;

    @Option(names = "--company", paramLabel = "NAME", description = "Company name on the reports (default: the client name).")
    String company;

    @Option(names = "--jobs", paramLabel = "DIR", description = "Folder of job files (default: jobs/).")
    Path jobsFolder;

    @Override
    public Integer call() throws Exception {
        if (!client.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new BadInputException("init " + client + ": a client name is letters, digits, '-', '.' or '_' (it becomes"
                    + " jobs/<client>.yml), e.g. acme-corp");
        }
        if (!Files.isDirectory(input)) {
            throw new BadInputException(input + " is not a folder; give the folder that holds the client's exports");
        }
        Path jobs = jobsFolder != null ? jobsFolder.toAbsolutePath().normalize() : ProjectPaths.detect().jobs();
        Path file = jobs.resolve(client + ".yml");
        if (Files.exists(file)) {
            throw new JobDefinitionException(file + " exists already; edit it, or choose another client name");
        }
        List<ExportInspector.Recognised> files = ExportInspector.recognise(input);
        Files.createDirectories(jobs);
        Files.writeString(file, JobFileDraft.of(client, company == null ? client : company, input, jobs, files, LocalDate.now()));
        var out = spec.commandLine().getOut();
        long recognised = files.stream().filter(ExportInspector.Recognised::loadable).count();
        out.printf("Wrote %s: %d of %d file(s) in %s recognised%n", file, recognised, files.size(), input);
        files.stream().filter(f -> !f.loadable()).forEach(f -> out.printf("  not loaded: %s%n", f.file()));
        try {
            JobDefinitionLoader.load(file);
            out.printf("Run it: ./revlens run %s%s%n", client, jobsFolder == null ? "" : " --jobs " + jobs);
        } catch (JobDefinitionException e) {
            // written, but the folder lies outside the allowed input roots (or the like): say how to fix it
            out.printf("Before it runs: %s%n", e.getMessage());
        }
        return ExitCodes.SUCCESS;
    }
}
