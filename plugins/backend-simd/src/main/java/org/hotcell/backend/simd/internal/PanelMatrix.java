package org.hotcell.backend.simd.internal;

import org.hotcell.core.backend.PackedMatrix;

/**
 * W ({@code rows x cols}) packed for {@code X . W^T} as column panels of W^T: panel q holds, for every k, the
 * {@link Lanes#PANEL} consecutive values {@code W[q*PANEL + j, k]}, j = 0..PANEL-1, zero past the last row.
 * So the micro-kernel reads each panel front to back, two full vectors per k, with no masks and no gathers,
 * and a thread that owns a range of panels owns a contiguous slice of memory (which stays in its core's L2).
 */
public final class PanelMatrix implements PackedMatrix {
    private final float[] data;
    private final int rows;
    private final int cols;
    private final int panels;

    private PanelMatrix(float[] data, int rows, int cols, int panels) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.panels = panels;
    }

    /** Packs the row-major {@code rows x cols} matrix at {@code w[off ..]}. */
    public static PanelMatrix pack(float[] w, int off, int rows, int cols) {
        return pack(w, off, rows, cols, cols, 1);
    }

    /**
     * Packs the {@code rows x cols} matrix whose element (r, k) is {@code w[off + r*rowStride + k*colStride]}
     * (so a transposed view packs without a copy first).
     */
    public static PanelMatrix pack(float[] w, int off, int rows, int cols, int rowStride, int colStride) {
        int panels = (rows + Lanes.PANEL - 1) / Lanes.PANEL;
        long size = (long) panels * cols * Lanes.PANEL;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix of " + rows + "x" + cols + " is too large to pack");
        }
        float[] data = new float[(int) size];
        for (int q = 0; q < panels; q++) {
            int base = q * cols * Lanes.PANEL;
            int width = Math.min(Lanes.PANEL, rows - q * Lanes.PANEL);
            int first = off + q * Lanes.PANEL * rowStride;
            if (rowStride == 1) {
                packColumns(w, first, colStride, cols, width, data, base);
            } else {
                packRows(w, first, rowStride, colStride, cols, width, data, base);
            }
        }
        return new PanelMatrix(data, rows, cols, panels);
    }

    /**
     * A panel whose source rows are adjacent (a transposed view, such as W^T stored row-major): each k step's
     * values are contiguous in the source too, so packing is a copy of short runs.
     */
    private static void packColumns(float[] w, int first, int colStride, int cols, int width, float[] data,
                                    int base) {
        for (int k = 0; k < cols; k++) {
            System.arraycopy(w, first + k * colStride, data, base + k * Lanes.PANEL, width);
        }
    }

    /**
     * A panel read from W's rows (W row-major): a transpose. Writing the panel front to back and reading the
     * PANEL rows side by side keeps the reads within PANEL cache lines per 16 k steps (all in L1) and makes
     * every store sequential.
     */
    private static void packRows(float[] w, int first, int rowStride, int colStride, int cols, int width,
                                 float[] data, int base) {
        for (int k = 0; k < cols; k++) {
            int src = first + k * colStride;
            int dst = base + k * Lanes.PANEL;
            for (int j = 0; j < width; j++) {
                data[dst + j] = w[src + j * rowStride];
            }
        }
    }

    /** The packed floats. */
    public float[] data() {
        return data;
    }

    /** Number of panels. */
    public int panels() {
        return panels;
    }

    /** Where panel q starts in {@link #data()}. */
    public int panelOffset(int q) {
        return q * cols * Lanes.PANEL;
    }

    /** Valid columns of output in panel q (PANEL except maybe the last). */
    public int panelWidth(int q) {
        return Math.min(Lanes.PANEL, rows - q * Lanes.PANEL);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public String backend() {
        return "simd";
    }
}
