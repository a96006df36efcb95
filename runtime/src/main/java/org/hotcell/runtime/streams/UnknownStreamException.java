package org.hotcell.runtime.streams;

import org.hotcell.core.error.HotcellException;

/** No stream of that id for that model (HTTP 404); the message names both. */
public final class UnknownStreamException extends HotcellException {
    private static final long serialVersionUID = 1L;

    public UnknownStreamException(String message) {
        super("HC-UNKNOWN-STREAM", message);
    }
}
