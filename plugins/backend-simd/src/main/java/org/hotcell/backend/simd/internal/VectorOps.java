package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Element-wise kernels and the rank-1 update, each with a scalar tail. */
public final class VectorOps {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;

    private VectorOps() {
    }

    /** dst = a + b. */
    public static void add(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int length) {
        int i = 0;
        for (int upper = S.loopBound(length); i < upper; i += S.length()) {
            FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i)).intoArray(dst, dstOff + i);
        }
        for (; i < length; i++) {
            dst[dstOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    /** dst = a * b. */
    public static void mul(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int length) {
        int i = 0;
        for (int upper = S.loopBound(length); i < upper; i += S.length()) {
            FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i)).intoArray(dst, dstOff + i);
        }
        for (; i < length; i++) {
            dst[dstOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    /** y = s * x + y over a range (one row of a rank-1 update). */
    public static void axpy(float s, float[] x, int xOff, float[] y, int yOff, int length) {
        FloatVector vs = FloatVector.broadcast(S, s);
        int i = 0;
        for (int upper = S.loopBound(length); i < upper; i += S.length()) {
            FloatVector.fromArray(S, x, xOff + i).fma(vs, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < length; i++) {
            y[yOff + i] = Math.fma(s, x[xOff + i], y[yOff + i]);
        }
    }
}
