package org.hotcell.model.net;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * The dense layer on top of the recurrent stack: {@code out[r] = W . in[r] + b} for each of R rows, with W
 * {@code [O, F]} row-major and b {@code [O]}. Stateless; weights are passed in.
 */
public final class DenseHead {
    private final Backend backend;
    private final int inputs;
    private final int outputs;

    /** A head of F = {@code inputs} and O = {@code outputs}, computing on {@code backend}. */
    public DenseHead(Backend backend, int inputs, int outputs) {
        this.backend = backend;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** {@code out [rows, O] = in [rows, F] . W^T + b}. */
    public float[] forward(float[] in, int rows, float[] w, float[] b) {
        check(in, rows, w, b);
        float[] out = new float[rows * outputs];
        backend.gemm(false, true, rows, outputs, inputs, 1f, in, 0, inputs, w, 0, inputs, 0f, out, 0, outputs);
        backend.addRowVector(out, 0, outputs, rows, outputs, b, 0);
        return out;
    }

    /**
     * The gradients of a loss L given {@code dOut = dL/dout [rows, O]}: {@code dW = dOut^T . in} (added to
     * dW), {@code db = sum over rows of dOut} (added to db), and returns {@code dIn = dOut . W [rows, F]}.
     */
    public float[] backward(float[] in, int rows, float[] w, float[] dOut, float[] dW, float[] db) {
        ShapeMismatchException.check("length of head output gradient for " + rows + " rows", dOut.length,
                (long) rows * outputs);
        backend.gemm(true, false, outputs, inputs, rows, 1f, dOut, 0, outputs, in, 0, inputs, 1f, dW, 0, inputs);
        for (int r = 0; r < rows; r++) {
            backend.add(db, 0, dOut, r * outputs, db, 0, outputs);
        }
        float[] dIn = new float[rows * inputs];
        backend.gemm(false, false, rows, inputs, outputs, 1f, dOut, 0, outputs, w, 0, inputs, 0f, dIn, 0, inputs);
        return dIn;
    }

    private void check(float[] in, int rows, float[] w, float[] b) {
        ShapeMismatchException.check("length of head input for " + rows + " rows of " + inputs, in.length,
                (long) rows * inputs);
        ShapeMismatchException.check("length of head weights W [" + outputs + ", " + inputs + "]", w.length,
                (long) outputs * inputs);
        ShapeMismatchException.check("length of head bias b", b.length, outputs);
    }
}
