package org.hotcell.backend.simd.internal;

/**
 * Drives the micro-kernels over a range of panels: {@code C[:, panels] = alpha * A . W^T + beta * C}.
 *
 * <p>Blocking follows the usual plan for this cache hierarchy: k in blocks of {@link #KC} so that a panel's
 * block (KC x PANEL floats, 32 KiB at 512 bits) stays in L1 while every row block of A passes over it, and A
 * in blocks of {@link #MC} rows so that A's block stays in L2.
 */
public final class PanelGemm {
    static final int KC = 256;
    static final int MC = 96;

    private PanelGemm() {
    }

    /**
     * @param a          A, element (i, p) at {@code a[aOff + i*aRowStride + p*aStep]}
     * @param m          rows of A and C
     * @param w          W packed; k = w.cols(), n = w.rows()
     * @param panelFrom  first panel (of W's rows, i.e. of C's columns) to compute
     * @param panelTo    one past the last
     */
    public static void run(float[] a, int aOff, int aRowStride, int aStep, int m, PanelMatrix w, float alpha,
                           float beta, float[] c, int cOff, int ldc, int panelFrom, int panelTo) {
        int k = w.cols();
        float[] b = w.data();
        if (k == 0) {
            scale(m, w, beta, c, cOff, ldc, panelFrom, panelTo);
            return;
        }
        for (int pc = 0; pc < k; pc += KC) {
            int kLen = Math.min(KC, k - pc);
            float blockBeta = pc == 0 ? beta : 1f;
            for (int ic = 0; ic < m; ic += MC) {
                int rows = Math.min(MC, m - ic);
                for (int q = panelFrom; q < panelTo; q++) {
                    int bOff = w.panelOffset(q) + pc * Lanes.PANEL;
                    int width = w.panelWidth(q);
                    int cCol = cOff + q * Lanes.PANEL;
                    int i = ic;
                    for (; i + 4 <= ic + rows; i += 4) {
                        int a0 = aOff + i * aRowStride + pc * aStep;
                        TileKernels.tile4(kLen, a, a0, a0 + aRowStride, a0 + 2 * aRowStride, a0 + 3 * aRowStride,
                                aStep, b, bOff, alpha, blockBeta, c, cCol + i * ldc, ldc, width);
                    }
                    for (; i < ic + rows; i++) {
                        TileKernels.tile1(kLen, a, aOff + i * aRowStride + pc * aStep, aStep, b, bOff, alpha,
                                blockBeta, c, cCol + i * ldc, width);
                    }
                }
            }
        }
    }

    /** C = beta * C over the panels' columns (the k = 0 product). */
    private static void scale(int m, PanelMatrix w, float beta, float[] c, int cOff, int ldc, int panelFrom,
                              int panelTo) {
        for (int i = 0; i < m; i++) {
            for (int q = panelFrom; q < panelTo; q++) {
                int at = cOff + i * ldc + q * Lanes.PANEL;
                for (int j = 0; j < w.panelWidth(q); j++) {
                    c[at + j] = beta == 0f ? 0f : beta * c[at + j];
                }
            }
        }
    }
}
