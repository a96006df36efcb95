package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels. Each computes one tile of
 * {@code C = alpha * A . B + beta * C} where B is one packed panel ({@link PanelMatrix}): every k step loads
 * two vectors of the panel and broadcasts one A value per row, so a 4-row tile keeps 8 independent
 * accumulators in flight (enough to cover the FMA latency on two FMA ports) and touches C only at the end.
 *
 * <p>A is addressed as {@code a[row_r + p * aStep]}, so the same kernels serve A and its transpose.
 */
public final class TileKernels {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;
    private static final int P = Lanes.PANEL;

    private TileKernels() {
    }

    /**
     * Four rows of C against one panel over {@code kLen} steps.
     *
     * @param a0    where row i0's A values start ({@code A(i0, 0)}); rows i0+1.. at a1, a2, a3
     * @param aStep distance in a between A(i, p) and A(i, p+1)
     * @param b     packed panels; the panel's first k step at bOff
     * @param c0    where C(i0, j0) is; the next rows follow at ldc
     * @param width valid columns of the tile (PANEL except in the last panel)
     */
    public static void tile4(int kLen, float[] a, int a0, int a1, int a2, int a3, int aStep,
                             float[] b, int bOff, float alpha, float beta, float[] c, int c0, int ldc, int width) {
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        int bp = bOff;
        int ap = 0;
        for (int p = 0; p < kLen; p++, bp += P, ap += aStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + ap]);
            r00 = b0.fma(x0, r00);
            r01 = b1.fma(x0, r01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + ap]);
            r10 = b0.fma(x1, r10);
            r11 = b1.fma(x1, r11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + ap]);
            r20 = b0.fma(x2, r20);
            r21 = b1.fma(x2, r21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + ap]);
            r30 = b0.fma(x3, r30);
            r31 = b1.fma(x3, r31);
        }
        store(r00, r01, alpha, beta, c, c0, width);
        store(r10, r11, alpha, beta, c, c0 + ldc, width);
        store(r20, r21, alpha, beta, c, c0 + 2 * ldc, width);
        store(r30, r31, alpha, beta, c, c0 + 3 * ldc, width);
    }

    /**
     * One row of C against one panel: the batch-1 (GEMV) case. The k loop is unrolled by four into eight
     * accumulators so that the panel streams at load speed rather than at FMA latency.
     */
    public static void tile1(int kLen, float[] a, int a0, int aStep, float[] b, int bOff,
                             float alpha, float beta, float[] c, int c0, int width) {
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S);
        FloatVector s11 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S);
        FloatVector s21 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S);
        FloatVector s31 = FloatVector.zero(S);
        int p = 0;
        int bp = bOff;
        int ap = a0;
        for (; p + 4 <= kLen; p += 4, bp += 4 * P, ap += 4 * aStep) {
            FloatVector x0 = FloatVector.broadcast(S, a[ap]);
            s00 = FloatVector.fromArray(S, b, bp).fma(x0, s00);
            s01 = FloatVector.fromArray(S, b, bp + L).fma(x0, s01);
            FloatVector x1 = FloatVector.broadcast(S, a[ap + aStep]);
            s10 = FloatVector.fromArray(S, b, bp + P).fma(x1, s10);
            s11 = FloatVector.fromArray(S, b, bp + P + L).fma(x1, s11);
            FloatVector x2 = FloatVector.broadcast(S, a[ap + 2 * aStep]);
            s20 = FloatVector.fromArray(S, b, bp + 2 * P).fma(x2, s20);
            s21 = FloatVector.fromArray(S, b, bp + 2 * P + L).fma(x2, s21);
            FloatVector x3 = FloatVector.broadcast(S, a[ap + 3 * aStep]);
            s30 = FloatVector.fromArray(S, b, bp + 3 * P).fma(x3, s30);
            s31 = FloatVector.fromArray(S, b, bp + 3 * P + L).fma(x3, s31);
        }
        for (; p < kLen; p++, bp += P, ap += aStep) {
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            s00 = FloatVector.fromArray(S, b, bp).fma(x, s00);
            s01 = FloatVector.fromArray(S, b, bp + L).fma(x, s01);
        }
        store(s00.add(s10).add(s20.add(s30)), s01.add(s11).add(s21.add(s31)), alpha, beta, c, c0, width);
    }

    /** {@code C[at .. at+width) = alpha * (v0 ++ v1) + beta * C}, masked when the tile is narrower than a panel. */
    private static void store(FloatVector v0, FloatVector v1, float alpha, float beta, float[] c, int at, int width) {
        if (alpha != 1f) {
            v0 = v0.mul(alpha);
            v1 = v1.mul(alpha);
        }
        FloatVector vb = FloatVector.broadcast(S, beta);
        if (width == P) {
            if (beta != 0f) {
                v0 = FloatVector.fromArray(S, c, at).fma(vb, v0);
                v1 = FloatVector.fromArray(S, c, at + L).fma(vb, v1);
            }
            v0.intoArray(c, at);
            v1.intoArray(c, at + L);
            return;
        }
        VectorMask<Float> m0 = S.indexInRange(0, width);
        VectorMask<Float> m1 = S.indexInRange(L, width);
        if (beta != 0f) {
            v0 = FloatVector.fromArray(S, c, at, m0).fma(vb, v0);
            v1 = FloatVector.fromArray(S, c, at + L, m1).fma(vb, v1);
        }
        v0.intoArray(c, at, m0);
        v1.intoArray(c, at + L, m1);
    }
}
