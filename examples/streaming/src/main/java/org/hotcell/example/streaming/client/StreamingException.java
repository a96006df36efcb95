package org.hotcell.example.streaming.client;

import org.hotcell.core.error.HotcellException;

/** A streaming step failed: the server refused it (its status and message are given) or could not be reached. */
public final class StreamingException extends HotcellException {
    private static final long serialVersionUID = 1L;

    public StreamingException(String message) {
        super("HC-STREAM-STEP", message);
    }

    public StreamingException(String message, Throwable cause) {
        super("HC-STREAM-STEP", message, cause);
    }
}
