package org.hotcell.runtime.streams;

import java.time.Duration;

import org.hotcell.core.error.HotcellException;

/**
 * A new stream refused because the capacity is reached (HTTP 429 with Retry-After); no existing stream is dropped
 * to make room.
 */
public final class TooManyStreamsException extends HotcellException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyStreamsException(String message, Duration retryAfter) {
        super("HC-TOO-MANY-STREAMS", message);
        this.retryAfter = retryAfter;
    }

    /** When room may have been made: the next idle sweep. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
