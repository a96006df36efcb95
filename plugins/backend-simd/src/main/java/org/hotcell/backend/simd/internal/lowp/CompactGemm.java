package org.hotcell.backend.simd.internal.lowp;

import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.PanelGemm;
import org.hotcell.backend.simd.internal.ThreadBuffer;
import org.hotcell.backend.simd.internal.TileKernels;

/**
 * {@code C[:, panels] = A . W^T + beta * C} (beta 0 or 1) for a row-major A and W in a {@link CompactPanels}
 * layout: {@code PanelGemm}'s loops for a row-major A, over the compact kernels. One row streams every panel
 * once, four at a time ({@link CompactPanels#gemv4}); more rows go through k blocks and row blocks so that a
 * panel's k block stays in cache while every row tile passes over it.
 */
public final class CompactGemm {
    private static final int MR = TileKernels.MR;
    private static final int P = Lanes.PANEL;
    /** Per thread: the scratch tile (4 panel rows, or 4 panels' sums of one row). */
    private static final ThreadBuffer TILE = new ThreadBuffer(MR * P);

    private CompactGemm() {
    }

    /**
     * Over panels {@code [panelFrom, panelTo)} of each of {@code groups} groups of {@code groupPanels} panels:
     * A's row i at {@code a[aOff + i*lda ..]}, C's at {@code c[cOff + i*ldc ..]}.
     */
    public static void run(float[] a, int aOff, int lda, int m, CompactPanels w, float beta, float[] c, int cOff,
                           int ldc, int panelFrom, int panelTo, int groups, int groupPanels) {
        int k = w.cols();
        float[] tile = TILE.atLeast(MR * P);
        if (k == 0) {
            for (int g = 0; g < groups; g++) {
                for (int q = g * groupPanels + panelFrom; q < g * groupPanels + panelTo; q++) {
                    java.util.Arrays.fill(tile, 0f);
                    for (int i = 0; i < m; i++) {
                        TileKernels.merge(tile, 1, w.panelWidth(q), 1f, beta, c, cOff + i * ldc + q * P, 0);
                    }
                }
            }
            return;
        }
        if (m == 1) {
            for (int g = 0; g < groups; g++) {
                singleRow(a, aOff, w, beta, c, cOff, g * groupPanels + panelFrom, g * groupPanels + panelTo, tile);
            }
            return;
        }
        // k and row blocks as PanelGemm makes them for float32 panels.
        int kc = PanelGemm.kBlock(m, k);
        for (int pc = 0; pc < k; pc += kc) {
            int kLen = Math.min(kc, k - pc);
            float blockBeta = pc == 0 ? beta : 1f;
            for (int ic = 0; ic < m; ic += PanelGemm.MC) {
                int rows = Math.min(PanelGemm.MC, m - ic);
                for (int g = 0; g < groups; g++) {
                    for (int q = g * groupPanels + panelFrom; q < g * groupPanels + panelTo; q++) {
                        panel(a, aOff + ic * lda + pc, lda, pc, kLen, rows, w, q, blockBeta, c,
                                cOff + ic * ldc + q * P, ldc, tile);
                    }
                }
            }
        }
    }

    /** Rows {@code [0, rows)} of a row block against panel q over one k block, into C from {@code c0}. */
    private static void panel(float[] a, int a0, int lda, int pc, int kLen, int rows, CompactPanels w, int q,
                              float beta, float[] c, int c0, int ldc, float[] tile) {
        int width = w.panelWidth(q);
        // Straight into C when the panel is whole: beta is 0 or 1, so a kernel that stores or adds is the merge.
        boolean direct = width == P && (beta == 0f || beta == 1f);
        int i = 0;
        for (; i + MR <= rows; i += MR) {
            if (direct) {
                w.rows4(pc, kLen, a, a0 + i * lda, lda, q, c, c0 + i * ldc, ldc, beta != 0f);
            } else {
                w.rows4(pc, kLen, a, a0 + i * lda, lda, q, tile, 0, P, false);
                TileKernels.merge(tile, MR, width, 1f, beta, c, c0 + i * ldc, ldc);
            }
        }
        for (; i < rows; i++) {
            w.rows1(pc, kLen, a, a0 + i * lda, 1, q, tile, 0);
            TileKernels.merge(tile, 1, width, 1f, beta, c, c0 + i * ldc, ldc);
        }
    }

    /** One row: four panels at a time over all of k, then the rest one by one. */
    private static void singleRow(float[] a, int aOff, CompactPanels w, float beta, float[] c, int cOff,
                                  int panelFrom, int panelTo, float[] tile) {
        int k = w.cols();
        int q = panelFrom;
        for (; q + 4 <= panelTo; q += 4) {
            w.gemv4(a, aOff, 1, q, tile);
            for (int j = 0; j < 4; j++) {
                TileKernels.merge(tile, j * P, 1, w.panelWidth(q + j), 1f, beta, c, cOff + (q + j) * P, 0);
            }
        }
        for (; q < panelTo; q++) {
            w.rows1(0, k, a, aOff, 1, q, tile, 0);
            TileKernels.merge(tile, 1, w.panelWidth(q), 1f, beta, c, cOff + q * P, 0);
        }
    }
}
