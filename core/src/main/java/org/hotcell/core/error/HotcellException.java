package org.hotcell.core.error;

/**
 * The root of every error Hotcell raises on purpose.
 *
 * <p>Each subclass carries a stable {@link #code() code} that tests and tools can match on, and a message
 * that names the thing at fault, the value it had and what would have been valid. Hotcell never lets a
 * bad model, shape, activation or plugin surface as an unrelated runtime exception: callers may catch this
 * type alone to isolate a fault.
 */
public class HotcellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /** Creates an error with a stable code (such as {@code HC-SHAPE}) and a message naming the culprit. */
    public HotcellException(String code, String message) {
        super(message);
        this.code = requireCode(code);
    }

    /** Creates an error with a stable code, a message naming the culprit and the failure that caused it. */
    public HotcellException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireCode(code);
    }

    /** The stable identifier of this kind of error, e.g. {@code HC-UNKNOWN-ACTIVATION}. */
    public final String code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }

    private static String requireCode(String code) {
        if (code == null || !code.startsWith("HC-")) {
            throw new IllegalArgumentException("error code must start with 'HC-', got " + code);
        }
        return code;
    }
}
