package io.revlens.job;

/** A job file that cannot be used; the message names the file and what to change. */
public class JobDefinitionException extends RuntimeException {
    public JobDefinitionException(String message) {
        super(message);
    }

    public JobDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
