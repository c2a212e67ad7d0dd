package io.revlens.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --quiet} / {@code --json}: how much a job command prints, shared by run, analyze, demo and restart. */
class OutputOptions {

    @ArgGroup(exclusive = true)
    Choice choice;

    static class Choice {
        @Option(names = "--quiet", description = "Print only errors and the final one-line result.")
        boolean quiet;

        @Option(names = "--json", description = "Print only a machine-readable summary (JSON) on stdout.")
        boolean json;
    }

    OutputMode mode() {
        if (choice == null) {
            return OutputMode.NORMAL;
        }
        return choice.json ? OutputMode.JSON : choice.quiet ? OutputMode.QUIET : OutputMode.NORMAL;
    }
}
