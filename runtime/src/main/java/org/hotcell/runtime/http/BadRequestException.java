package org.hotcell.runtime.http;

import org.hotcell.core.error.HotcellException;

/** A request the API cannot use: bad JSON, a wrong shape, a body too large, an unknown route. */
final class BadRequestException extends HotcellException {
    private static final long serialVersionUID = 1L;

    private final int status;

    BadRequestException(int status, String message) {
        super("HC-BAD-REQUEST", message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
