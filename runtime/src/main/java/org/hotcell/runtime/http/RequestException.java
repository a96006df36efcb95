package org.hotcell.runtime.http;

import org.hotcell.core.error.HotcellException;

/**
 * A request the API cannot serve, with the HTTP status and the stable code of its answer: bad JSON or a wrong shape
 * (400), an unknown route (404), a wrong method (405), a body that does not arrive in time (408), a body too
 * large (413), a server too busy to queue the request (503).
 */
final class RequestException extends HotcellException {
    private static final long serialVersionUID = 1L;

    private final int status;

    private RequestException(int status, String code, String message) {
        super(code, message);
        this.status = status;
    }

    /** 400 {@code HC-BAD-REQUEST}: the body or the path cannot be read. */
    static RequestException badRequest(String message) {
        return new RequestException(400, "HC-BAD-REQUEST", message);
    }

    /** 404 {@code HC-NOT-FOUND}: no route serves the path; the message names it. */
    static RequestException notFound(String message) {
        return new RequestException(404, "HC-NOT-FOUND", message);
    }

    /** 405 {@code HC-METHOD-NOT-ALLOWED}: a known route asked with another method. */
    static RequestException methodNotAllowed(String message) {
        return new RequestException(405, "HC-METHOD-NOT-ALLOWED", message);
    }

    /** 413 {@code HC-BODY-TOO-LARGE}: the body is over {@link HttpApi#MAX_BODY}. */
    static RequestException bodyTooLarge(String message) {
        return new RequestException(413, "HC-BODY-TOO-LARGE", message);
    }

    /** 408 {@code HC-TIMEOUT}: the body did not arrive in time (see {@link HttpApi#BODY_TIME}). */
    static RequestException timeout(String message) {
        return new RequestException(408, "HC-TIMEOUT", message);
    }

    /** 503 {@code HC-BUSY}: every worker is busy and the queue is full; the answer carries Retry-After. */
    static RequestException busy(String message) {
        return new RequestException(503, "HC-BUSY", message);
    }

    int status() {
        return status;
    }
}
