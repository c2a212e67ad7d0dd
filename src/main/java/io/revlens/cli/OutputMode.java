package io.revlens.cli;

/** What a job command prints: everything, one final line, or JSON only. */
enum OutputMode {
    NORMAL, QUIET, JSON;

    /** Whether progress lines and the detailed summary are printed. */
    boolean verbose() {
        return this == NORMAL;
    }
}
