package org.hotcell.backend.simd.internal.lowp;

import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.PanelMatrix;

/**
 * What the compact layouts share: W's shape, its panels of {@link Lanes#PANEL} rows, and the float32 copy made
 * on first use for products by W itself ({@link #widened}). The storage and its kernels are the subclass's.
 */
abstract sealed class CompactPanelMatrix implements CompactPanels permits Bf16PanelMatrix, Int8PanelMatrix {
    /** Rows of W. */
    protected final int rows;
    /** Columns of W (k). */
    protected final int cols;
    /** Panels of {@link Lanes#PANEL} rows, the last one padded with zero rows. */
    protected final int panels;
    private volatile PanelMatrix widened;

    /**
     * @param slack elements the storage needs past its panels (a kernel's over-read), for the size check
     * @throws IllegalArgumentException when {@code elementsPerPanelStep} per k step of every panel, plus slack,
     *         would not fit one Java array
     */
    CompactPanelMatrix(int rows, int cols, int elementsPerPanelStep, int slack) {
        this.rows = rows;
        this.cols = cols;
        this.panels = (rows + Lanes.PANEL - 1) / Lanes.PANEL;
        if (storageLength(elementsPerPanelStep, slack) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix of " + rows + "x" + cols + " is too large to pack");
        }
    }

    /** Elements of the storage array: every panel's k steps, {@code elementsPerPanelStep} each, plus slack. */
    final long storageLength(int elementsPerPanelStep, int slack) {
        return (long) panels * cols * elementsPerPanelStep + slack;
    }

    @Override
    public final PanelMatrix widened() {
        PanelMatrix made = widened;
        if (made == null) {
            // A race at first use only widens twice.
            made = Widening.of(this);
            widened = made;
        }
        return made;
    }

    @Override
    public final int panels() {
        return panels;
    }

    @Override
    public final int panelWidth(int q) {
        return Math.min(Lanes.PANEL, rows - q * Lanes.PANEL);
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public final String backend() {
        return "simd";
    }
}
