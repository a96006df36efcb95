package org.hotcell.core.backend;

import java.util.Arrays;
import java.util.Objects;

import org.hotcell.core.error.ShapeMismatchException;

/**
 * The oracle: plain Java loops, one output element at a time, accumulated in double precision. Slow and
 * obviously right; every other backend is tested against it. Always available, rank 0.
 */
public final class ReferenceBackend implements Backend {

    /** The backend's name. */
    public static final String NAME = "reference";

    /** Used by ServiceLoader; {@link #instance()} is the shared one. */
    public ReferenceBackend() {
    }

    private static final ReferenceBackend INSTANCE = new ReferenceBackend();

    /** The shared instance (it holds no state). */
    public static ReferenceBackend instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String describe() {
        return "reference: scalar Java loops, double accumulation, 1 thread";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        checkSizes(m, n, k);
        checkMatrix("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        checkMatrix("C", c, cOff, m, n, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += (double) av * bv;
                }
                int at = cOff + i * ldc + j;
                double previous = beta == 0 ? 0 : (double) beta * c[at];
                c[at] = (float) (alpha * sum + previous);
            }
        }
    }

    @Override
    public PackedMatrix pack(float[] w, int off, int rows, int cols) {
        checkSizes(rows, cols, 1);
        checkMatrix("W", w, off, rows, cols, cols);
        return new Packed(Arrays.copyOfRange(w, off, off + rows * cols), rows, cols);
    }

    @Override
    public boolean addsInPlace() {
        return true;
    }

    /** Row-major in place: the copy {@link #pack} made is W itself. */
    @Override
    public void addTo(PackedMatrix w, float alpha, float[] d, int dOff) {
        Packed packed = own(w);
        checkMatrix("D", d, dOff, packed.rows, packed.cols, packed.cols);
        Matrices.addScaled(alpha, d, dOff, packed.data, 0, packed.data.length);
    }

    @Override
    public void multiplyUntransposed(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff,
                                     int ldy, boolean accumulate) {
        Packed packed = own(w);
        gemm(false, false, m, packed.cols, packed.rows, 1f, x, xOff, ldx, packed.data, 0, packed.cols,
                accumulate ? 1f : 0f, y, yOff, ldy);
    }

    @Override
    public void multiply(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                         boolean accumulate) {
        Packed packed = own(w);
        gemm(false, true, m, packed.rows, packed.cols, 1f, x, xOff, ldx, packed.data, 0, packed.cols,
                accumulate ? 1f : 0f, y, yOff, ldy);
    }

    private static Packed own(PackedMatrix w) {
        if (w instanceof Packed packed) {
            return packed;
        }
        throw new IllegalArgumentException("matrix packed by backend '" + Objects.requireNonNull(w).backend()
                + "' cannot be used by the reference backend; pack it with this backend");
    }

    private static void checkSizes(int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new ShapeMismatchException("matrix sizes must not be negative: m=" + m + ", n=" + n + ", k=" + k);
        }
    }

    static void checkMatrix(String name, float[] data, int off, int rows, int cols, int ld) {
        Matrices.checkFits(name, data, off, rows, cols, ld);
    }

    /** The reference packing: a private row-major copy. */
    private record Packed(float[] data, int rows, int cols) implements PackedMatrix {
        @Override
        public String backend() {
            return NAME;
        }
    }
}
