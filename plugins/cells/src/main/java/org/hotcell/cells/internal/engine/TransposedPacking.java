package org.hotcell.cells.internal.engine;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;

/**
 * A weight block M ({@code rows x cols}, row-major in a larger array) packed as the transpose the backward
 * pass multiplies by: {@code backend.multiply(x, get())} computes {@code x . M} (the gradient flowing back
 * through {@code h . M^T}). Packed on first use, once per cell: inference never pays for it, and training
 * does not repack M at every step.
 */
public final class TransposedPacking {
    private final Backend backend;
    private final float[] m;
    private final int off;
    private final int rows;
    private final int cols;
    private volatile PackedMatrix packed;

    /** M is {@code rows x cols} at {@code m[off ..]}; the array is the cell's own copy and never changes. */
    public TransposedPacking(Backend backend, float[] m, int off, int rows, int cols) {
        this.backend = backend;
        this.m = m;
        this.off = off;
        this.rows = rows;
        this.cols = cols;
    }

    /** M^T packed for {@link Backend#multiply}; made once (a race at first use only packs twice). */
    public PackedMatrix get() {
        PackedMatrix result = packed;
        if (result == null) {
            result = backend.packTransposed(m, off, rows, cols);
            packed = result;
        }
        return result;
    }
}
