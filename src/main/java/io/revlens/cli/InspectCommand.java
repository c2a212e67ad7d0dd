package io.revlens.cli;

import io.revlens.ingest.ExportInspector;
import io.revlens.job.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revlens inspect <folder>}: what RevLens recognises in each file, without loading anything. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show per file: format, encoding, delimiter, sheet, header row, profile, column mapping"
                + " and sample coerced values, without loading anything.")
class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "Folder of CSV/Excel exports.")
    Path folder;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + " is not a folder; give the folder that holds the exports");
        }
        spec.commandLine().getOut().print(ExportInspector.describe(folder.toAbsolutePath().normalize()));
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }
}
