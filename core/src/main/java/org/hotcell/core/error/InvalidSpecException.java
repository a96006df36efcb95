package org.hotcell.core.error;

/**
 * A specification that cannot be used as written: activation-spec text that does not parse, a parameter
 * that is unknown, not a number or out of range, a cell spec that misses a required setting.
 */
public final class InvalidSpecException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the spec, the offending part and what would be valid */
    public InvalidSpecException(String message) {
        super("HC-INVALID-SPEC", message);
    }
}
