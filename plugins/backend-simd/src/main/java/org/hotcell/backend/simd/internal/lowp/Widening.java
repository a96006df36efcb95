package org.hotcell.backend.simd.internal.lowp;

import org.hotcell.backend.simd.internal.PanelMatrix;

/** The float32 panels of a compact matrix's stored weights (exactly the values its kernels multiply by). */
final class Widening {
    private Widening() {
    }

    static PanelMatrix of(CompactPanels w) {
        int rows = w.rows();
        int cols = w.cols();
        float[] full = new float[Math.multiplyExact(rows, cols)];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                full[r * cols + k] = w.get(r, k);
            }
        }
        PanelMatrix packed = PanelMatrix.allocate(rows, cols);
        packed.fill(full, 0, cols, 1, 0, packed.panels());
        return packed;
    }
}
