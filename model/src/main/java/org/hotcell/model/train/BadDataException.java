package org.hotcell.model.train;

import org.hotcell.core.error.HotcellException;

/** Training or test data that cannot be used: a NaN or infinity, named with its position. */
public final class BadDataException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the batch, the tensor, the position and the value */
    public BadDataException(String message) {
        super("HC-BAD-DATA", message);
    }
}
