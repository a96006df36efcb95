package org.hotcell.core.error;

/**
 * A size that cannot be served: a weight matrix larger than one Java array holds, or a model (and what training
 * keeps beside it) larger than the JVM's heap. Raised before anything is allocated.
 */
public final class TooLargeException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the flag or field, its value, the limit that applies and how to raise it */
    public TooLargeException(String message) {
        super("HC-TOO-LARGE", message);
    }
}
