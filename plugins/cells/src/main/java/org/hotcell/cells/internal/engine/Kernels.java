package org.hotcell.cells.internal.engine;

import org.hotcell.core.activation.Activation;

/** Small element-wise loops shared by the cells' forward and backward steps. */
public final class Kernels {
    private Kernels() {
    }

    /**
     * Forward of one gate block in place: keeps the raw pre-activation in the trace (when there is one), bounds
     * it to [-clip, clip] (when clipping), applies f in bulk, and keeps the result.
     */
    public static void activate(Activation f, float clip, boolean clipped, float[] g, int off, int length,
                                Trace trace, int traceOff) {
        if (trace != null) {
            System.arraycopy(g, off, trace.pre, traceOff, length);
        }
        if (clipped) {
            clamp(g, off, length, clip);
        }
        f.applyInPlace(g, off, length);
        if (trace != null) {
            System.arraycopy(g, off, trace.act, traceOff, length);
        }
    }

    /**
     * Writes f'(clip(x)) for one traced block to {@code dst}, with zero where x was outside [-clip, clip]: a
     * clipped input does not move with x, so nothing flows back through it.
     */
    public static void derivative(Activation f, float clip, boolean clipped, float[] pre, float[] act, int traceOff,
                                  float[] dst, int dstOff, int length) {
        System.arraycopy(pre, traceOff, dst, dstOff, length);
        if (clipped) {
            clamp(dst, dstOff, length, clip);
        }
        f.derivative(dst, dstOff, act, traceOff, dst, dstOff, length);
        if (clipped) {
            for (int i = 0; i < length; i++) {
                float x = pre[traceOff + i];
                if (x > clip || x < -clip) {
                    dst[dstOff + i] = 0f;
                }
            }
        }
    }

    /** Bounds a[off .. off+length) to [-clip, clip]. */
    public static void clamp(float[] a, int off, int length, float clip) {
        for (int i = off, end = off + length; i < end; i++) {
            float v = a[i];
            if (v > clip) {
                a[i] = clip;
            } else if (v < -clip) {
                a[i] = -clip;
            }
        }
    }

    /** {@code sums[sumOff + j] += m[row*ld + colOff + j]} over all rows, for j in [0, cols). */
    public static void addColumnSums(float[] m, int rows, int ld, int colOff, int cols, float[] sums, int sumOff) {
        double[] acc = new double[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * ld + colOff;
            for (int j = 0; j < cols; j++) {
                acc[j] += m[base + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            sums[sumOff + j] += (float) acc[j];
        }
    }
}
