package org.hotcell.runtime.streams;

import org.hotcell.core.error.HotcellException;

/** A stream id that is empty, too long or holds control characters (HTTP 400). */
public final class InvalidStreamIdException extends HotcellException {
    private static final long serialVersionUID = 1L;

    public InvalidStreamIdException(String message) {
        super("HC-BAD-STREAM-ID", message);
    }
}
