package org.hotcell.core.cell;

import org.hotcell.core.backend.Matrices;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * The parameters of one cell (one layer, one direction), in ONNX's layout and gate order (LSTM {@code i, o, f,
 * c}; GRU {@code z, r, h}; RNN one block). G is the cell type's gate count, H the hidden size, I the input size.
 * The arrays are shared, not copied: a cell packs what it needs when created, and gradients use the same type.
 *
 * @param w          input weights {@code [G*H, I]}, row-major
 * @param r          recurrent weights {@code [G*H, H]}, row-major
 * @param wBias      input bias {@code [G*H]}, or null for none
 * @param rBias      recurrent bias {@code [G*H]}, or null for none
 * @param peepholes  LSTM peephole weights {@code [3*H]} in order {@code i, o, f}, or null for none
 */
public record CellWeights(float[] w, float[] r, float[] wBias, float[] rBias, float[] peepholes) {

    /** Zero weights of the right shape for a spec (biases and peepholes present when the options ask). */
    public static CellWeights zeros(int gates, CellSpec spec) {
        int gh = gates * spec.hiddenSize();
        boolean bias = spec.options().bias();
        return new CellWeights(new float[gh * spec.inputSize()], new float[gh * spec.hiddenSize()],
                bias ? new float[gh] : null, bias ? new float[gh] : null,
                spec.options().peepholes() ? new float[3 * spec.hiddenSize()] : null);
    }

    /**
     * Checks every array against the shape a cell of {@code gates} gates and this spec needs.
     *
     * @throws ShapeMismatchException naming the tensor, its length and the length needed
     */
    public void check(int gates, CellSpec spec) {
        int h = spec.hiddenSize();
        String cell = spec.cellType() + " cell (hidden " + h + ", input " + spec.inputSize() + ")";
        requireLength("input weights W of " + cell, w, (long) gates * h * spec.inputSize());
        requireLength("recurrent weights R of " + cell, r, (long) gates * h * h);
        if (wBias != null) {
            requireLength("input bias Wb of " + cell, wBias, (long) gates * h);
        }
        if (rBias != null) {
            requireLength("recurrent bias Rb of " + cell, rBias, (long) gates * h);
        }
        if (peepholes != null) {
            requireLength("peepholes P of " + cell, peepholes, 3L * h);
        }
        if (spec.options().peepholes() && peepholes == null) {
            throw new ShapeMismatchException(cell + " has peepholes on but no peephole weights");
        }
    }

    /**
     * {@code master += alpha * delta}, tensor by tensor, each element {@code m + alpha * d} in float (the product
     * rounded, then the sum: the expression in-place updates use); a null tensor of {@code delta} is skipped.
     *
     * @throws ShapeMismatchException when a tensor of {@code delta} has no counterpart of its length in master
     */
    public static void addScaled(CellWeights master, float alpha, CellWeights delta) {
        float[][] to = {master.w, master.r, master.wBias, master.rBias, master.peepholes};
        float[][] from = {delta.w, delta.r, delta.wBias, delta.rBias, delta.peepholes};
        String[] names = {"W", "R", "Wb", "Rb", "P"};
        for (int t = 0; t < to.length; t++) {
            if (from[t] != null) {
                requireLength("master " + names[t], to[t], from[t].length);
            }
        }
        for (int t = 0; t < to.length; t++) {
            if (from[t] != null) {
                Matrices.addScaled(alpha, from[t], 0, to[t], 0, from[t].length);
            }
        }
    }

    private static void requireLength(String what, float[] array, long expected) {
        if (array == null) {
            throw new ShapeMismatchException(what + " is missing; expected " + expected + " floats");
        }
        ShapeMismatchException.check("length of " + what, array.length, expected);
    }
}
