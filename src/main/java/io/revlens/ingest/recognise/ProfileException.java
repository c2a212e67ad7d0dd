package io.revlens.ingest.recognise;

/**
 * A profile YAML the user wrote (in profiles/ of the input folder) that cannot be used: invalid YAML, a missing
 * required key, a bad regular expression. The run stops before loading anything and names the file: a profile
 * that silently did nothing would leave the export it was written for unloaded.
 */
public class ProfileException extends IllegalArgumentException {

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProfileException(String message) {
        super(message);
    }
}
