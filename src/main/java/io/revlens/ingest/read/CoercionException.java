package io.revlens.ingest.read;

/** A raw value that does not fit its canonical column; the message is the reject reason. */
public class CoercionException extends Exception {

    public CoercionException(String reason) {
        super(reason, null, false, false);
    }
}
