package org.hotcell.bench.load;

/** An answer that is not what the API promises: the request, the status received and the start of the body. */
final class WrongAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongAnswer(String request, int status, String body) {
        super(request + ": status " + status + ", body "
                + (body == null ? "(none)" : body.length() > 300 ? body.substring(0, 300) + "..." : body));
    }
}
