package io.revlens.job;

/** An input folder or file the user named cannot be used; the message says which and what to do. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
