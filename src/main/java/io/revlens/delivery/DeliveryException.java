package io.revlens.delivery;

/** The outputs were written but could not be delivered (e-mail not sent, delivery folder not writable). */
public class DeliveryException extends Exception {
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
