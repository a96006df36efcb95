package org.hotcell.core.error;

/** Arrays or tensors whose sizes do not fit together, such as an input of the wrong width for a cell. */
public final class ShapeMismatchException extends HotcellException {
    private static final long serialVersionUID = 1L;

    /** @param message names the tensor, the size it has and the size it needs */
    public ShapeMismatchException(String message) {
        super("HC-SHAPE", message);
    }

    /**
     * Throws when {@code actual != expected}.
     *
     * @param what names the quantity, e.g. {@code "input size of X (dimension 2)"}
     */
    public static void check(String what, long actual, long expected) {
        if (actual != expected) {
            throw new ShapeMismatchException(what + " is " + actual + ", expected " + expected);
        }
    }
}
