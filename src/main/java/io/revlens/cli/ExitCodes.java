package io.revlens.cli;

/** Process exit codes, documented in README.md ("Exit codes"). */
public final class ExitCodes {
    public static final int SUCCESS = 0;
    /** An input file or folder cannot be used (missing folder, unreadable export). */
    public static final int BAD_INPUT = 2;
    /** A job file or option is wrong (unknown key, bad cron, unknown job). */
    public static final int BAD_CONFIGURATION = 3;
    /** A bug or an environment failure (disk, database); the message says where. */
    public static final int INTERNAL_FAILURE = 4;
    /** Another process is running in the same working folder. */
    public static final int BUSY = 5;
    /** A multi-client run finished with at least one client failed (the others completed). */
    public static final int SOME_CLIENTS_FAILED = 6;
    /** The command line itself is wrong (picocli's usage error code). */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
