package org.hotcell.cells.internal.engine;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;

/**
 * The transpose of a packed weight block M, which the backward pass multiplies by:
 * {@code backend.multiply(x, get())} computes {@code x . M} (the gradient flowing back through
 * {@code h . M^T}). Made from the packed M on first use, once per cell: inference never pays for it, and the
 * cell needs no unpacked copy of its weights for it.
 */
public final class TransposedPacking {
    private final Backend backend;
    private final PackedMatrix m;
    private volatile PackedMatrix transposed;

    /** The transpose of {@code m}, which {@code backend} packed. */
    public TransposedPacking(Backend backend, PackedMatrix m) {
        this.backend = backend;
        this.m = m;
    }

    /** M^T packed for {@link Backend#multiply}; made once (a race at first use only transposes twice). */
    public PackedMatrix get() {
        PackedMatrix result = transposed;
        if (result == null) {
            result = backend.transpose(m);
            transposed = result;
        }
        return result;
    }
}
