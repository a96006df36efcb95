package org.hotcell.core.error;

/** A model file or model spec that is malformed, truncated, or asks for something Hotcell cannot do. */
public final class BadModelException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file or node, the field and what is wrong with it */
    public BadModelException(String message) {
        super("HC-BAD-MODEL", message);
    }

    /** @param message names the file or node, the field and what is wrong with it */
    public BadModelException(String message, Throwable cause) {
        super("HC-BAD-MODEL", message, cause);
    }
}
