package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Element-wise kernels and the matrix-vector products, each with a scalar tail. */
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

    /** The dot product of two ranges, in two accumulators and one reduction. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int length) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        int i = 0;
        int step = S.length();
        for (int upper = S.loopBound(length) - step; i < upper; i += 2 * step) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
            s1 = FloatVector.fromArray(S, a, aOff + i + step).fma(FloatVector.fromArray(S, b, bOff + i + step), s1);
        }
        for (int upper = S.loopBound(length); i < upper; i += step) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
        }
        float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum = Math.fma(a[aOff + i], b[bOff + i], sum);
        }
        return sum;
    }

    /** y = alpha * x * s + y over a range (one row of a transposed matrix-vector product). */
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
