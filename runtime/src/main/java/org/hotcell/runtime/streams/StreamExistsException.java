package org.hotcell.runtime.streams;

import org.hotcell.core.error.HotcellException;

/** A stream of that id exists already and was asked to be created (HTTP 409). */
public final class StreamExistsException extends HotcellException {
    private static final long serialVersionUID = 1L;

    public StreamExistsException(String message) {
        super("HC-STREAM-EXISTS", message);
    }
}
