package io.revlens.remote;

/** Remote partitioning cannot start: no broker, a broker that does not answer, or a job history not shared. */
public class RemoteSetupException extends RuntimeException {

    public RemoteSetupException(String message) {
        super(message);
    }
}
