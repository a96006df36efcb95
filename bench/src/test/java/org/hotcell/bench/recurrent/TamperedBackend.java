package org.hotcell.bench.recurrent;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;

/**
 * A backend that computes like its delegate but gets one element of every product wrong: the forward products
 * ({@link #multiply}) or the backward products ({@link #gemm}), as asked. Self-checks must reject it.
 */
public final class TamperedBackend implements Backend {
    public enum Part { MULTIPLY, GEMM }

    private final Backend delegate;
    private final Part part;

    public TamperedBackend(Backend delegate, Part part) {
        this.delegate = delegate;
        this.part = part;
    }

    @Override
    public String name() {
        return "tampered-" + delegate.name();
    }

    @Override
    public int rank() {
        return -1;
    }

    @Override
    public PackedMatrix pack(float[] w, int off, int rows, int cols) {
        return delegate.pack(w, off, rows, cols);
    }

    @Override
    public void multiplyUntransposed(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff,
                                     int ldy, boolean accumulate) {
        delegate.multiplyUntransposed(x, xOff, ldx, m, w, y, yOff, ldy, accumulate);
    }

    @Override
    public void multiply(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                         boolean accumulate) {
        delegate.multiply(x, xOff, ldx, m, w, y, yOff, ldy, accumulate);
        if (part == Part.MULTIPLY && m > 0) {
            y[yOff] += 0.25f;
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        delegate.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        if (part == Part.GEMM && m > 0 && n > 0) {
            c[cOff] += 0.25f;
        }
    }
}
