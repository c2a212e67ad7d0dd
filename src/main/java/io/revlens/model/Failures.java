package io.revlens.model;

/** What to tell a person about an exception. */
public final class Failures {

    private Failures() {
    }

    /** The innermost message of the cause chain, which is the one that names the file or the problem. */
    public static String innermostMessage(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
