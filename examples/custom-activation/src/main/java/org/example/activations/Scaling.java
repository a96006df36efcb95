package org.example.activations;

import java.util.Objects;

/**
 * The scaling both functions share, and the range check of their bulk forms.
 *
 * <p>Both functions are written over {@code m = max(|x|, 1)}, {@code t = x / m} and {@code u = 1 / m}, so that
 * nothing is squared beyond 1 and no float overflows, whatever x is. Infinities are first clamped to
 * {@code +-Float.MAX_VALUE}, which turns {@code inf / inf} into a finite quotient; NaN passes through
 * ({@code Math.max}/{@code Math.min} and their lane-wise forms keep NaN). {@link Lanes} has the lane-wise clamp.
 */
final class Scaling {
    private Scaling() {
    }

    /** x with infinities replaced by +-Float.MAX_VALUE; NaN stays NaN. */
    static float clamp(float x) {
        return Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, x));
    }

    /** Checks that {@code [off, off + length)} lies in every array, naming the array that is too short. */
    static void checkRange(float[] a, int off, int length, String name) {
        Objects.requireNonNull(a, name);
        Objects.checkFromIndexSize(off, length, a.length);
    }
}
