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
            for (int j = 0; j < width; j++) {
                int row = off + (q * Lanes.PANEL + j) * rowStride;
                for (int k = 0; k < cols; k++) {
                    data[base + k * Lanes.PANEL + j] = w[row + k * colStride];
                }
            }
        }
        return new PanelMatrix(data, rows, cols, panels);
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
