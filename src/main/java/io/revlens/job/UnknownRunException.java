package io.revlens.job;

/** An execution id that the job history does not hold; the message says how to list the runs. */
public class UnknownRunException extends JobDefinitionException {
    public UnknownRunException(String message) {
        super(message);
    }
}
