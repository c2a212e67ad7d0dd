package io.revlens.cli;

import io.revlens.ingest.ExportInspector;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.recognise.ProfileDraftWriter;
import io.revlens.job.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens inspect <folder>}: what RevLens recognises in each file, without loading anything. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show per file: format, encoding, delimiter, sheet, header row, the readings considered with"
                + " their scores and evidence, profile, column mapping and sample coerced values, without loading"
                + " anything.")
class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "Folder of CSV/Excel exports.")
    Path folder;

    @Option(names = "--draft-profile", paramLabel = "FILE",
            description = "Write a profile YAML for this export (a path inside <folder>, or its name) to edit and"
                    + " put in <folder>/profiles/.")
    Path draftFor;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out the files this glob matches (as run and analyze would); repeatable.")
    java.util.List<String> exclude = new java.util.ArrayList<>();

    @Option(names = "--draft-to", paramLabel = "DIR", defaultValue = ".",
            description = "Where --draft-profile writes the YAML (default: the current folder).")
    Path draftTo;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + " is not a folder; give the folder that holds the exports");
        }
        Path root = folder.toAbsolutePath().normalize();
        if (draftFor != null) {
            Path export = draftFor.isAbsolute() ? draftFor : root.resolve(draftFor);
            if (!Files.isRegularFile(export)) {
                throw new BadInputException(draftFor + " is not a file in " + root + "; name one of its exports");
            }
            Path written;
            try {
                written = new ProfileDraftWriter(ProfileCatalog.load(root.resolve("profiles"))).write(export, draftTo);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            spec.commandLine().getOut().println("Wrote a draft profile for " + export.getFileName() + " to "
                    + written.toAbsolutePath().normalize() + ". Check its kind and mappings, then move it to "
                    + root.resolve("profiles") + "/ and run ./revlens inspect " + root + " again.");
            spec.commandLine().getOut().flush();
            return ExitCodes.SUCCESS;
        }
        io.revlens.ingest.read.ExcludeGlobs globs;
        try {
            globs = io.revlens.ingest.read.ExcludeGlobs.of(exclude);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        spec.commandLine().getOut().print(ExportInspector.describe(root, globs));
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }
}
