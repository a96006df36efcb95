package org.hotcell.runtime.streams;

import org.hotcell.core.error.HotcellException;

/**
 * A stream's state that does not fit: bytes that are no stream snapshot, or layer sizes other than the model's
 * (HTTP 400). The message names what differs.
 */
public final class StateMismatchException extends HotcellException {
    private static final long serialVersionUID = 1L;

    public StateMismatchException(String message) {
        super("HC-STATE-MISMATCH", message);
    }
}
