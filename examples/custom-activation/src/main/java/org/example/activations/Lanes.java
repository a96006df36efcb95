package org.example.activations;

import java.util.Objects;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape the bulk forms use, and the scaling both functions share.
 *
 * <p>Both functions are written over {@code m = max(|x|, 1)}, {@code t = x / m} and {@code u = 1 / m}, so that
 * nothing is squared beyond 1 and no float overflows, whatever x is. Infinities are first clamped to
 * {@code +-Float.MAX_VALUE}, which turns {@code inf / inf} into a finite quotient; NaN passes through
 * ({@code Math.max}/{@code Math.min} and their lane-wise forms keep NaN).
 */
final class Lanes {
    /** A static final species, so that C2 sees a constant shape; never kept in an instance field. */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private Lanes() {
    }

    /** x with infinities replaced by +-Float.MAX_VALUE; NaN stays NaN. */
    static float clamp(float x) {
        return Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, x));
    }

    /** The lane-wise form of {@link #clamp(float)}. */
    static FloatVector clamp(FloatVector x) {
        return x.min(Float.MAX_VALUE).max(-Float.MAX_VALUE);
    }

    /** Checks that {@code [off, off + length)} lies in every array, naming the array that is too short. */
    static void checkRange(float[] a, int off, int length, String name) {
        Objects.requireNonNull(a, name);
        Objects.checkFromIndexSize(off, length, a.length);
    }
}
