package org.hotcell.backend.simd.internal;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y = x . W} for one row x, straight from W's panels (which are laid out for {@code x . W^T}): the
 * backward pass's per-step product by the recurrent weights at batch 1, without a transposed copy of W.
 *
 * <p>Panel p holds, for every column i of W, the PANEL values {@code W[p*PANEL + l, i]} side by side, so
 * {@code y[i]} is the sum over panels of a dot product of PANEL lanes: {@code x[p*PANEL ..]} against column
 * i's run. Four panels at a time are read front to back side by side, as the GEMV kernel reads them; x's
 * values for those panels stay in registers, and each column's partial sums (one vector) go to a scratch
 * array whose lanes are added up once at the end.
 */
public final class PanelDot {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;
    private static final int P = Lanes.PANEL;
    /** Per thread: x padded to whole panels, then one partial-sum vector per column. */
    private static final ThreadBuffer BUFFER = new ThreadBuffer(1 << 20);

    private PanelDot() {
    }

    /**
     * Columns {@code [i0, i1)} of {@code y = x . W} (or {@code y +=} when {@code accumulate}) for the row of
     * {@code w.rows()} values at {@code x[xOff]}, into {@code y[yOff + i]}.
     */
    public static void row(float[] x, int xOff, PanelMatrix w, float[] y, int yOff, boolean accumulate, int i0,
                           int i1) {
        if (i1 <= i0) {
            return;
        }
        int panels = w.panels();
        int rows = w.rows();
        int padded = panels * P;
        int accFloats = (i1 - i0) * L;
        // One per-step call of a backward pass: the thread's kept buffer, not two new arrays per step. It holds
        // x padded with zeros to whole panels (W's panels are zero past its last row), then the partial sums.
        float[] xs = BUFFER.atLeast(padded + accFloats);
        System.arraycopy(x, xOff, xs, 0, rows);
        Arrays.fill(xs, rows, padded + accFloats, 0f);
        int p = 0;
        for (; p + 4 <= panels; p += 4) {
            four(xs, p * P, w.data(), w.panelOffset(p), w.cols() * P, i0, i1, xs, padded);
        }
        for (; p < panels; p++) {
            one(xs, p * P, w.data(), w.panelOffset(p), i0, i1, xs, padded);
        }
        for (int i = i0; i < i1; i++) {
            float sum = FloatVector.fromArray(S, xs, padded + (i - i0) * L).reduceLanes(VectorOperators.ADD);
            y[yOff + i] = accumulate ? y[yOff + i] + sum : sum;
        }
    }

    /**
     * Four panels from {@code b[q0]}, {@code stride} apart, against {@code xs[xi ..]}, added to column i's
     * partial sums at {@code acc[acc0 + (i - i0) * L ..]}.
     */
    private static void four(float[] xs, int xi, float[] b, int q0, int stride, int i0, int i1, float[] acc,
                             int acc0) {
        FloatVector a0 = FloatVector.fromArray(S, xs, xi);
        FloatVector a1 = FloatVector.fromArray(S, xs, xi + L);
        FloatVector b0 = FloatVector.fromArray(S, xs, xi + P);
        FloatVector b1 = FloatVector.fromArray(S, xs, xi + P + L);
        FloatVector c0 = FloatVector.fromArray(S, xs, xi + 2 * P);
        FloatVector c1 = FloatVector.fromArray(S, xs, xi + 2 * P + L);
        FloatVector d0 = FloatVector.fromArray(S, xs, xi + 3 * P);
        FloatVector d1 = FloatVector.fromArray(S, xs, xi + 3 * P + L);
        int q1 = q0 + stride;
        int q2 = q1 + stride;
        int q3 = q2 + stride;
        for (int i = i0; i < i1; i++) {
            int o = i * P;
            int ai = acc0 + (i - i0) * L;
            FloatVector s = FloatVector.fromArray(S, b, q0 + o).fma(a0, FloatVector.fromArray(S, acc, ai));
            FloatVector t = FloatVector.fromArray(S, b, q0 + o + L).mul(a1);
            s = FloatVector.fromArray(S, b, q1 + o).fma(b0, s);
            t = FloatVector.fromArray(S, b, q1 + o + L).fma(b1, t);
            s = FloatVector.fromArray(S, b, q2 + o).fma(c0, s);
            t = FloatVector.fromArray(S, b, q2 + o + L).fma(c1, t);
            s = FloatVector.fromArray(S, b, q3 + o).fma(d0, s);
            t = FloatVector.fromArray(S, b, q3 + o + L).fma(d1, t);
            s.add(t).intoArray(acc, ai);
        }
    }

    /** {@link #four} for the one panel at {@code b[q]}. */
    private static void one(float[] xs, int xi, float[] b, int q, int i0, int i1, float[] acc, int acc0) {
        FloatVector a0 = FloatVector.fromArray(S, xs, xi);
        FloatVector a1 = FloatVector.fromArray(S, xs, xi + L);
        for (int i = i0; i < i1; i++) {
            int o = q + i * P;
            int ai = acc0 + (i - i0) * L;
            FloatVector.fromArray(S, b, o).fma(a0, FloatVector.fromArray(S, b, o + L)
                    .fma(a1, FloatVector.fromArray(S, acc, ai))).intoArray(acc, ai);
        }
    }
}
