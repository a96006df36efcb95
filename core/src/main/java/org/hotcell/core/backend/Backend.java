package org.hotcell.core.backend;

/**
 * Plugin SPI: the numeric kernels a cell runs on. Matrices are float32, row-major, in {@code float[]} with an
 * offset and a leading dimension (the distance between the starts of two rows), as in BLAS.
 *
 * <p>Every backend must give the results of {@link ReferenceBackend} to within float rounding; the
 * differential tests hold faster backends to that. The one exception is a variant asked for with {@link
 * #withWeightStorage} and a storage other than fp32, for inference only, whose error bound that method states. Implementations are thread-safe: calls on disjoint
 * outputs may run at once.
 *
 * <p>The cells use {@link #pack} once per model and {@link #multiply} for every step, so a backend puts its
 * speed there; {@link #multiplyUntransposed} serves the backward pass from the same packed weights, and
 * {@link #gemm} the rest (weight gradients, tests, ad hoc products). Training changes packed weights in place
 * with {@link #addTo} rather than packing them again after every optimizer step.
 */
public interface Backend {

    /** The backend's name, e.g. {@code reference} or {@code simd}. */
    String name();

    /** Preference when no backend is asked for by name: the highest available rank wins. Reference is 0. */
    int rank();

    /** One line on how it computes, e.g. {@code Vector API, 16 float lanes, 2 threads}. */
    default String describe() {
        return name();
    }

    /**
     * A variant of this backend that uses up to {@code threads} threads (1 = the calling thread only). A
     * backend without threading returns itself.
     */
    default Backend withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return this;
    }

    /**
     * A variant of this backend that stores the weights it packs as {@code storage} (same threads, same name):
     * an <em>inference-only</em> option, off by default. Products read the stored weights and accumulate in
     * float32, so they no longer equal the reference backend's to float rounding: each element of a product
     * {@code X . W^T} may differ from the float32 one by up to {@code sum_k |w_k x_k|} times
     * {@link WeightStorage#relativeError} (for {@link WeightStorage#INT8}, with |w_k| replaced by the largest
     * |w| of that row), plus float rounding. Training still works on such a variant, but its weights are
     * rounded again every time they are packed.
     *
     * <p>{@link WeightStorage#FP32} returns this backend (or its float32 variant when this one is not). This
     * default supports nothing else: a backend written before this method existed keeps working as it did.
     *
     * @throws UnsupportedOperationException naming the backend and the storage, when the backend has no such
     *         storage
     */
    default Backend withWeightStorage(WeightStorage storage) {
        if (storage == WeightStorage.FP32) {
            return this;
        }
        throw new UnsupportedOperationException("backend '" + name() + "' cannot store weights as "
                + storage.spelling() + "; it stores them as fp32 only");
    }

    /** How this backend stores the weights it packs: {@link WeightStorage#FP32} unless it is a variant. */
    default WeightStorage weightStorage() {
        return WeightStorage.FP32;
    }

    /**
     * General matrix product {@code C = alpha * op(A) . op(B) + beta * C}, where op(A) is {@code m x k},
     * op(B) is {@code k x n} and C is {@code m x n}. {@code transA} means A is stored {@code k x m} (and lda
     * is at least m); likewise transB. When beta is 0, C is overwritten, NaNs in it included.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** Lays out the {@code rows x cols} row-major matrix at {@code w[off ..]} for {@link #multiply}. */
    PackedMatrix pack(float[] w, int off, int rows, int cols);

    /**
     * Whether this backend implements {@link #addTo}. Callers that update weights ask first and, when it is
     * false, pack the updated weights again instead (a cell: be rebuilt from its updated weights), so that a
     * backend without in-place updates is never left with a half-applied one. This default says false.
     */
    default boolean addsInPlace() {
        return false;
    }

    /**
     * {@code W += alpha * D} in place, D a {@code W.rows() x W.cols()} row-major matrix at {@code d[dOff ..]}:
     * a training step's update of packed weights, instead of packing the updated weights again. Every element
     * becomes {@code w + alpha * d} in float arithmetic (the product rounded to float, then the sum; no fused
     * multiply-add), so that a master copy updated with the same expression stays bitwise equal to what the
     * products use, and the result equals {@code pack} of the updated matrix exactly.
     *
     * <p>Must not run while any product with W runs (on any thread); the caller orders it before the next
     * product (a happens-before edge, such as the same thread or a hand-off through a queue). After it, every
     * product by W ({@link #multiply}, {@link #multiplyUntransposed}, {@link #multiplyThen}) sees the new W,
     * including any layout the backend derived from W and keeps with it (which it updates too).
     *
     * <p>This default throws: a third-party backend written before this method existed cannot update its
     * layout, and says so through {@link #addsInPlace}.
     *
     * @throws UnsupportedOperationException naming the backend, when {@link #addsInPlace} is false
     * @throws IllegalArgumentException      when W was packed by another backend
     * @throws org.hotcell.core.error.ShapeMismatchException when D does not fit in {@code d} from {@code dOff}
     */
    default void addTo(PackedMatrix w, float alpha, float[] d, int dOff) {
        throw new UnsupportedOperationException("backend '" + name() + "' cannot update packed weights in place;"
                + " pack the updated weights again (rebuild the cell)");
    }

    /**
     * {@link #addTo(PackedMatrix, float, float[], int)}, and the same update of {@code master}, the row-major
     * copy W was packed from ({@code master[masterOff + i] += alpha * d[dOff + i]}, the same float expression, so
     * the two stay bitwise equal), in one pass over D where the backend can: a training step's update of its
     * master weights and of their packed form, reading the gradient once and on all the backend's threads. This
     * default updates the master, then calls {@code addTo}.
     *
     * @throws org.hotcell.core.error.ShapeMismatchException when D or the master does not fit in its array
     */
    default void addTo(PackedMatrix w, float alpha, float[] d, int dOff, float[] master, int masterOff) {
        long size = (long) w.rows() * w.cols();
        org.hotcell.core.error.ShapeMismatchException.check("floats of the master copy from offset " + masterOff,
                Math.min(master.length - (long) masterOff, size), size);
        org.hotcell.core.error.ShapeMismatchException.check("floats of D from offset " + dOff,
                Math.min(d.length - (long) dOff, size), size);
        addTo(w, alpha, d, dOff);
        Matrices.addScaled(alpha, d, dOff, master, masterOff, (int) size);
    }

    /**
     * {@code Y = X . W^T} (or {@code Y += X . W^T} when {@code accumulate}), where X is {@code m x W.cols()}
     * with leading dimension ldx and Y is {@code m x W.rows()} with leading dimension ldy. At m = 1 this is the
     * batch-1 recurrent product that dominates streaming inference.
     */
    void multiply(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                  boolean accumulate);

    /**
     * {@code Y = X . W} (or {@code Y += X . W} when {@code accumulate}) for a W this backend packed: X is
     * {@code m x W.rows()} with leading dimension ldx and Y is {@code m x W.cols()} with leading dimension ldy.
     * The backward pass's products by the weights themselves ({@code dX = dG . W}, {@code dH = dG . R}), from
     * the same packed matrix the forward pass uses, so that a cell keeps no unpacked copy of its weights (which
     * would double its memory and cost a copy per cell). How is the backend's business: from W's layout
     * directly, or from a transposed layout it derives once and keeps with W.
     */
    void multiplyUntransposed(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                              boolean accumulate);

    /**
     * {@link #multiply}, then {@code after} over every unit of a grouped product. The rows of W (the columns of
     * Y) are {@code groups} equal blocks of {@code units = W.rows() / groups} (an LSTM's four gate blocks of H
     * units); unit u stands for column {@code b*units + u} of every block b. {@code after.run(from, to)} is
     * called for disjoint ranges that together cover {@code [0, units)} once, each as soon as those units'
     * columns are final in all m rows of Y.
     *
     * <p>A multi-threaded backend splits the units among its threads so that each thread computes its
     * units' columns in every block and then runs {@code after} on them while they are still in its cache:
     * the cell's element-wise step runs in parallel and beside the product instead of after it on one thread.
     * So {@code after} may run on several threads at once, and while other threads still read X: it may read
     * and write Y's columns of its own units and memory the product does not touch, and must not write X or
     * call this backend.
     * This default runs the whole product, then {@code after} once over all units on the calling thread.
     *
     * @throws org.hotcell.core.error.ShapeMismatchException when W's rows do not split into {@code groups}
     *         equal blocks
     */
    default void multiplyThen(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                              boolean accumulate, int groups, UnitTask after) {
        int units = Matrices.unitsPerGroup(w.rows(), groups);
        multiply(x, xOff, ldx, m, w, y, yOff, ldy, accumulate);
        if (units > 0) {
            after.run(0, units);
        }
    }

    /**
     * A recurrent step's two products in one call: {@code Y = (X . W^T + bias) + H . R^T}, summed in that order,
     * then {@code after} over every unit as in {@link #multiplyThen}. X is {@code m x W.cols()}, H is
     * {@code m x R.cols()}, W and R have the same rows, bias is {@code W.rows()} floats added to every row. Y's
     * elements are what {@link #multiply} into Y, {@link #addRowVector} and {@link #multiplyThen} accumulating
     * into Y give, to float rounding.
     *
     * <p>Why one call: a step that has its input product computed just before it (a batch of streams, or one
     * streaming step) would otherwise hand work to a multi-threaded backend's threads twice per step, with the
     * bias added on one thread in between. Split by units, each thread computes its units' columns of both
     * products and adds their bias, then runs {@code after}: one hand-off per step. The same rules on
     * {@code after} hold as for {@link #multiplyThen}; in particular it must not write X or H.
     * This default makes the three calls above.
     *
     * @throws org.hotcell.core.error.ShapeMismatchException when W and R differ in rows, the rows do not split
     *         into {@code groups} equal blocks, bias is shorter than W's rows, or X, H or Y do not fit their
     *         arrays; before anything is written
     */
    default void multiplyPairThen(float[] x, int xOff, int ldx, PackedMatrix w, float[] bias, int biasOff,
                                  float[] h, int hOff, int ldh, PackedMatrix r, int m, float[] y, int yOff, int ldy,
                                  int groups, UnitTask after) {
        // Every argument is checked before Y is first written, so a call refused by the last product loses nothing.
        Matrices.checkPair(w, r, bias, biasOff);
        Matrices.checkFits("X", x, xOff, m, w.cols(), ldx);
        Matrices.checkFits("H", h, hOff, m, r.cols(), ldh);
        Matrices.checkFits("Y", y, yOff, m, w.rows(), ldy);
        Matrices.unitsPerGroup(r.rows(), groups);
        multiply(x, xOff, ldx, m, w, y, yOff, ldy, false);
        addRowVector(y, yOff, ldy, m, w.rows(), bias, biasOff);
        multiplyThen(h, hOff, ldh, m, r, y, yOff, ldy, true, groups, after);
    }

    /** {@code dst[i] = a[i] + b[i]} for i in [0, length). dst may alias a or b exactly. */
    default void add(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    /** {@code dst[i] = a[i] * b[i]} for i in [0, length). dst may alias a or b exactly. */
    default void mul(float[] a, int aOff, float[] b, int bOff, float[] dst, int dstOff, int length) {
        for (int i = 0; i < length; i++) {
            dst[dstOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    /** Adds {@code bias[biasOff .. biasOff+cols)} to each of the {@code rows} rows of M (leading dim ldm). */
    default void addRowVector(float[] m, int mOff, int ldm, int rows, int cols, float[] bias, int biasOff) {
        for (int r = 0; r < rows; r++) {
            add(m, mOff + r * ldm, bias, biasOff, m, mOff + r * ldm, cols);
        }
    }
}
