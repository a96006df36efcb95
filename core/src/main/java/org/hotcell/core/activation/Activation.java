package org.hotcell.core.activation;

/**
 * An element-wise function used as a gate, candidate or output function of a recurrent cell.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every cell and thread that uses it.
 * Every finite input gives a finite result; NaN gives NaN; infinities give the function's limits.
 *
 * <p>The hot loops of a cell call the bulk forms once per gate block, so a plugin should override them
 * (with the Vector API where it pays); the defaults loop over the scalar forms and are always correct.
 * Bulk and scalar forms must agree to within a small bound the implementation documents.
 */
public interface Activation {

    /** The spec this activation was created from, with every parameter named and defaults filled in. */
    ActivationSpec spec();

    /** What this activation is like: output range, monotonicity, centring, saturation, kinks. */
    ActivationProperties properties();

    /** f(x). */
    float apply(float x);

    /**
     * f'(x), given both x and y = f(x), so that functions whose derivative is cheaper from the output (the
     * logistic sigmoid's y(1-y), tanh's 1-y^2) need not recompute f. At a kink, the derivative of the
     * right-hand piece, matching common frameworks (ReLU'(0) = 0 is also acceptable if documented).
     */
    float derivative(float x, float y);

    /**
     * Writes f(src[srcOff + i]) to dst[dstOff + i] for i in [0, length). The ranges may be the same array
     * region (in-place use); partial overlap at different offsets is not allowed.
     */
    default void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    /** Applies f in place to a[off .. off+length). */
    default void applyInPlace(float[] a, int off, int length) {
        apply(a, off, a, off, length);
    }

    /**
     * Writes f'(x[xOff + i]) given y[yOff + i] = f(x[xOff + i]) to dst[dstOff + i] for i in [0, length).
     * dst may be the same region as x or y.
     */
    default void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }
}
