package io.revlens.cli;

import io.revlens.delivery.DeliveryException;
import io.revlens.job.BadInputException;
import io.revlens.job.JobDefinitionException;
import io.revlens.job.WorkingFolderLock;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code revlens} command and its subcommands. */
@Command(name = "revlens", mixinStandardHelpOptions = true, version = "RevLens 0.1.0",
        description = "Turns CRM and finance exports into board-ready metrics and PDF reports.",
        subcommands = {DemoCommand.class, RunCommand.class, AnalyzeCommand.class, InspectCommand.class, RunsCommand.class,
                RestartCommand.class, ScheduleCommand.class, ValidateCommand.class, GenerateSampleCommand.class,
                RunClientsCommand.class, WorkerCommand.class, BenchIngestCommand.class, SendTestCommand.class, InitCommand.class, CommandLine.HelpCommand.class})
public class RevLensCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and returns the process exit code; never calls {@code System.exit}. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new RevLensCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExitCodeExceptionMapper(RevLensCommand::exitCodeOf);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("revlens: " + messageOf(e));
            if (exitCodeOf(e) == ExitCodes.INTERNAL_FAILURE) {
                cmd.getErr().println("(internal failure; rerun with REVLENS_DEBUG=1 for the stack trace)");
                if (System.getenv("REVLENS_DEBUG") != null) {
                    e.printStackTrace(cmd.getErr());
                }
            }
            return exitCodeOf(e);
        });
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("revlens: " + usageMessage(e));
            return ExitCodes.USAGE;
        });
        return commandLine.execute(args);
    }

    /**
     * A mistake on the command line as one sentence with what to do: a value that is not a date names the form, an
     * unknown command or option gets the closest one, and the help command is named instead of printed whole.
     */
    static String usageMessage(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        String help = " (" + command.getCommandSpec().qualifiedName() + " --help lists them all)";
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            java.util.Collection<String> known = typed.startsWith("-")
                    ? command.getCommandSpec().optionsMap().keySet() : command.getSubcommands().keySet();
            String what = typed.startsWith("-") ? "option" : command.getSubcommands().isEmpty() ? "argument" : "command";
            return "unknown " + what + " '" + typed + "'"
                    + io.revlens.job.ClosestName.to(typed, known).map(n -> "; did you mean " + n + "?").orElse("") + help;
        }
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option && option.type() == java.time.LocalDate.class) {
            return option.longestName() + " " + e.getValue() + ": not a date; give it as YYYY-MM-DD, e.g. 2026-10-31";
        }
        return e.getMessage() + help;
    }

    /** Maps a failure (or the cause it wraps) to the documented exit code. */
    static int exitCodeOf(Throwable e) {
        if (historyLostToAnotherProcess(e)) {
            return ExitCodes.BUSY;
        }
        if (damagedHistory(e) != null) {
            return ExitCodes.BAD_CONFIGURATION;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JobDefinitionException || cause instanceof io.revlens.ingest.recognise.ProfileException
                    || cause instanceof io.revlens.remote.RemoteSetupException) {
                return ExitCodes.BAD_CONFIGURATION;
            }
            if (cause instanceof BadInputException) {
                return ExitCodes.BAD_INPUT;
            }
            if (cause instanceof WorkingFolderLock.WorkingFolderBusyException) {
                return ExitCodes.BUSY;
            }
            if (cause instanceof DeliveryException) {
                return ExitCodes.DELIVERY_FAILED;
            }
        }
        return ExitCodes.INTERNAL_FAILURE;
    }

    /**
     * The embedded job history (H2 in automatic server mode) is served by the first RevLens process that opened it;
     * when that process ends while another run is using the history through it, the other run loses its
     * connection. That run is not broken (it resumes when run again), and another process is the cause: exit 5.
     */
    static boolean historyLostToAnotherProcess(Throwable e) {
        // H2: the connection is broken, or the database was closed under it
        return h2Error(e, 90067, 90121) != null;
    }

    /**
     * The embedded job history's file when H2 finds it damaged (a disk that filled up, a copy taken mid-write), else
     * null: the user's fix is to move it aside, not to read a chain of bean-creation messages.
     */
    static String damagedHistory(Throwable e) {
        // file corrupted; not an H2 file; a read error on the file (too short, unreadable)
        java.sql.SQLException sql = h2Error(e, 90030, 90048, 90028);
        if (sql == null) {
            return null;
        }
        java.util.regex.Matcher file = java.util.regex.Pattern.compile("\"([^\"]+\\.mv\\.db)\"")
                .matcher(String.valueOf(sql.getMessage()));
        return file.find() ? file.group(1) : "the job history database";
    }

    /** The H2 error with one of these codes in the failure's cause chain, or null. */
    private static java.sql.SQLException h2Error(Throwable e, int... codes) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getClass().getName().startsWith("org.h2.")
                    && java.util.Arrays.stream(codes).anyMatch(code -> code == sql.getErrorCode())) {
                return sql;
            }
        }
        return null;
    }

    private static String messageOf(Throwable e) {
        String damaged = damagedHistory(e);
        if (damaged != null) {
            return "The job history " + damaged + " is damaged or cannot be read, so no run can start or resume from"
                    + " it. Move it aside (mv " + damaged + " " + damaged + ".damaged) and run again: a new history"
                    + " starts with it; reports and outputs already written are not affected.";
        }
        if (historyLostToAnotherProcess(e)) {
            return "The job history was shared with another RevLens process that ended during this run, and the"
                    + " connection through it was lost. Run the same command again: the run resumes where it stopped."
                    + " To run jobs side by side, keep the job history in PostgreSQL (REVLENS_HISTORY_URL, see README).";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
