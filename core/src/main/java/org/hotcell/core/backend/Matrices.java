package org.hotcell.core.backend;

import java.util.Objects;

import org.hotcell.core.error.ShapeMismatchException;

/**
 * Argument checks shared by backends, so every backend rejects a bad matrix with the same words; and the one
 * update expression every in-place weight update uses ({@link #addScaled}).
 */
public final class Matrices {
    private Matrices() {
    }

    /**
     * Checks that a {@code rows x cols} row-major matrix with leading dimension {@code ld} fits in
     * {@code data} from {@code off}.
     *
     * @param name the matrix's name in the operation, e.g. {@code "A"}
     * @throws ShapeMismatchException naming the matrix, its shape and what the array holds
     */
    public static void checkFits(String name, float[] data, int off, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0) {
            throw new ShapeMismatchException(name + " of " + rows + "x" + cols + " is not a shape");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        if (ld < cols) {
            throw new ShapeMismatchException("leading dimension of " + name + " is " + ld
                    + ", smaller than its " + cols + " columns");
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > data.length) {
            throw new ShapeMismatchException(name + " of " + rows + "x" + cols + " (leading dimension " + ld
                    + ") at offset " + off + " needs " + last + " floats, the array has " + data.length);
        }
    }

    /**
     * {@code m[mOff + i] = m[mOff + i] + alpha * d[dOff + i]} for i in [0, n): the product rounded to float, then
     * the sum, never fused. Packed weights, their master copies and the optimizers' parameters are all updated
     * with this expression ({@link Backend#addTo}), which is what keeps them bitwise equal; a backend's vector
     * form must round the same way.
     */
    public static void addScaled(float alpha, float[] d, int dOff, float[] m, int mOff, int n) {
        for (int i = 0; i < n; i++) {
            m[mOff + i] = m[mOff + i] + alpha * d[dOff + i];
        }
    }

    /**
     * The units per group when the {@code rows} rows of a packed matrix are {@code groups} equal blocks
     * ({@link Backend#multiplyThen}).
     *
     * @throws ShapeMismatchException when they are not
     */
    public static int unitsPerGroup(int rows, int groups) {
        if (groups < 1 || rows % groups != 0) {
            throw new ShapeMismatchException("a matrix of " + rows + " rows does not split into " + groups
                    + " equal groups");
        }
        return rows / groups;
    }

    /**
     * Checks the weights of {@link Backend#multiplyPairThen}: W and R with the same rows, and {@code W.rows()}
     * floats of bias from {@code biasOff}.
     *
     * @throws ShapeMismatchException naming what does not fit
     */
    public static void checkPair(PackedMatrix w, PackedMatrix r, float[] bias, int biasOff) {
        Objects.requireNonNull(w, "W");
        Objects.requireNonNull(r, "R");
        Objects.requireNonNull(bias, "bias (zeros for none)");
        if (w.rows() != r.rows()) {
            throw new ShapeMismatchException("W has " + w.rows() + " rows and R " + r.rows()
                    + "; a step's two products need the same rows");
        }
        if (biasOff < 0 || (long) biasOff + w.rows() > bias.length) {
            throw new ShapeMismatchException("bias of " + w.rows() + " floats at offset " + biasOff
                    + " does not fit in an array of " + bias.length);
        }
    }
}
