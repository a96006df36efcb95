package org.hotcell.backend.simd.internal;

import java.util.Random;

/**
 * Packs one matrix both ways (from its rows, and from a transposed copy) and checks the layout float for float:
 * panel q holds W[q*PANEL + j, k] at {@code q*cols*PANEL + k*PANEL + j}, zero past the last row. Packing is a
 * copy, so equality is exact. No JUnit here: {@link #main} runs the same checks in a child JVM with another
 * vector width ({@code hotcell.simd.bits}), which a species fixed per JVM needs.
 */
final class PanelLayoutCheck {
    /**
     * rows, cols, extra (row stride - cols): k tails, ragged last panels, single rows and columns; for the
     * transpose, whose panels run along W's columns, the same edges the other way round.
     */
    static final int[][] SHAPES = {{16, 8, 0}, {16, 7, 3}, {16, 9, 0}, {33, 21, 5}, {64, 100, 0}, {17, 1, 2},
        {1, 40, 0}, {48, 64, 11}, {130, 257, 1}};

    private PanelLayoutCheck() {
    }

    /** Checks every shape; prints "layout ok at N lanes" or fails with the first wrong float. */
    public static void main(String[] args) {
        for (int[] shape : SHAPES) {
            check(shape[0], shape[1], shape[2]);
        }
        System.out.println("layout ok at " + Lanes.LENGTH + " lanes");
    }

    static void check(int rows, int cols, int extra) {
        Random random = new Random(rows * 31L + cols);
        // W sits inside a wider array (row stride cols + extra) at an offset, as a slice of a bigger matrix.
        int stride = cols + extra;
        int off = 3;
        float[] w = new float[off + rows * stride];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextFloat() - 0.5f;
        }
        // The same matrix stored transposed: element (r, k) at t[off + k * tStride + r].
        int tStride = rows + extra;
        float[] t = new float[off + cols * tStride];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                t[off + k * tStride + r] = w[off + r * stride + k];
            }
        }
        PanelMatrix fromRows = PanelMatrix.allocate(rows, cols);
        PanelMatrix fromColumns = PanelMatrix.allocate(rows, cols);
        int split = fromRows.panels() / 2;
        // Two ranges, as two threads fill them.
        fromRows.fill(w, off, stride, 1, 0, split);
        fromRows.fill(w, off, stride, 1, split, fromRows.panels());
        fromColumns.fill(t, off, 1, tStride, 0, split);
        fromColumns.fill(t, off, 1, tStride, split, fromColumns.panels());
        compare("from rows", fromRows, w, off, stride, rows, cols);
        compare("from columns", fromColumns, w, off, stride, rows, cols);
        // Packed from the packed matrix: W^T laid out as if packed from t (its rows are W's columns).
        PanelMatrix transposed = PanelMatrix.allocate(cols, rows);
        int half = transposed.panels() / 2;
        transposed.fillTransposed(fromRows, 0, half);
        transposed.fillTransposed(fromRows, half, transposed.panels());
        compare("transposed from packed", transposed, t, off, tStride, cols, rows);
        // And back: the transpose of the transpose is W's own layout.
        PanelMatrix back = PanelMatrix.allocate(rows, cols);
        back.fillTransposed(transposed, 0, back.panels());
        compare("transposed twice", back, w, off, stride, rows, cols);
        // W^T's rows as the GEMM's A micro-panels, read from W's panels: all of it, and a window that starts
        // off a panel edge and leaves a short last micro-panel.
        checkTransposedRows(fromRows, w, off, stride, 0, cols, 0, rows);
        checkTransposedRows(fromRows, w, off, stride, cols > 1 ? 1 : 0, Math.max(1, cols - 2), rows / 3,
                rows - rows / 3);
        checkProductByTranspose(fromRows, w, off, stride, random);
    }

    private static void checkTransposedRows(PanelMatrix packed, float[] w, int off, int stride, int row0, int count,
                                            int k0, int kLen) {
        int mr = TileKernels.MR;
        int micro = (count + mr - 1) / mr;
        int dstOff = 2;
        float[] dst = new float[dstOff + micro * mr * kLen + 3];
        java.util.Arrays.fill(dst, Float.NaN);
        packed.packTransposedRows(row0, count, k0, kLen, dst, dstOff);
        for (int i = 0; i < micro * mr; i++) {
            for (int p = 0; p < kLen; p++) {
                float expected = i < count ? w[off + (k0 + p) * stride + row0 + i] : 0f;
                int at = dstOff + (i / mr) * kLen * mr + p * mr + i % mr;
                if (Float.compare(expected, dst[at]) != 0) {
                    throw new AssertionError("rows of W^T from " + packed.rows() + "x" + packed.cols() + " at "
                            + Lanes.LENGTH + " lanes, window (" + row0 + ", " + count + ", " + k0 + ", " + kLen
                            + "): A[" + i + ", " + p + "] = " + expected + " but packed[" + at + "] = " + dst[at]);
                }
            }
        }
    }

    /** C = W^T . X^T from W's panels, against plain sums in double, for every row split of W^T into two. */
    private static void checkProductByTranspose(PanelMatrix packed, float[] w, int off, int stride, Random random) {
        int rows = packed.rows();
        int cols = packed.cols();
        int m = 1 + random.nextInt(20);
        float[] x = new float[m * rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() - 0.5f;
        }
        PanelMatrix xPacked = PanelMatrix.allocate(m, rows);
        xPacked.fill(x, 0, rows, 1, 0, xPacked.panels());
        float[] c = new float[cols * m];
        int split = cols / 2 / TileKernels.MR * TileKernels.MR;
        PanelGemm.runOnTransposeOf(packed, 0, split, xPacked, 1f, 0f, c, 0, m);
        PanelGemm.runOnTransposeOf(packed, split, cols - split, xPacked, 1f, 0f, c, split * m, m);
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < rows; p++) {
                    double term = (double) w[off + p * stride + i] * x[j * rows + p];
                    sum += term;
                    magnitude += Math.abs(term);
                }
                if (Math.abs(c[i * m + j] - sum) > 1e-5 * magnitude + 1e-30) {
                    throw new AssertionError("W^T . X^T from " + rows + "x" + cols + " panels at " + Lanes.LENGTH
                            + " lanes, m=" + m + ": C[" + i + ", " + j + "] = " + c[i * m + j] + " but " + sum);
                }
            }
        }
    }

    private static void compare(String how, PanelMatrix packed, float[] w, int off, int stride, int rows, int cols) {
        float[] data = packed.data();
        if (data.length != packed.panels() * cols * Lanes.PANEL) {
            throw new AssertionError(how + ": " + data.length + " floats for " + packed.panels() + " panels");
        }
        for (int q = 0; q < packed.panels(); q++) {
            for (int k = 0; k < cols; k++) {
                for (int j = 0; j < Lanes.PANEL; j++) {
                    int row = q * Lanes.PANEL + j;
                    float expected = row < rows ? w[off + row * stride + k] : 0f;
                    int at = q * cols * Lanes.PANEL + k * Lanes.PANEL + j;
                    if (Float.compare(expected, data[at]) != 0) {
                        throw new AssertionError(how + ", " + rows + "x" + cols + " at " + Lanes.LENGTH + " lanes: W["
                                + row + ", " + k + "] = " + expected + " but packed[" + at + "] = " + data[at]);
                    }
                }
            }
        }
    }
}
