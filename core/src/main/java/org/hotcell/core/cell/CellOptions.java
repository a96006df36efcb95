package org.hotcell.core.cell;

import org.hotcell.core.error.InvalidSpecException;

/**
 * The switches of a cell's equations, with ONNX's meanings.
 *
 * @param bias              whether the cell has bias vectors (else they are zero)
 * @param peepholes         LSTM only: the gates also see the cell state through diagonal weights P
 * @param inputForget       LSTM only: couple the input and forget gates, {@code f = 1 - i}
 * @param clip              bound every activation's input to {@code [-clip, clip]}; +inf for no clipping
 * @param linearBeforeReset GRU only: apply the reset gate after the recurrent product of the candidate
 */
public record CellOptions(boolean bias, boolean peepholes, boolean inputForget, float clip,
                          boolean linearBeforeReset) {

    /** Bias on, everything else off. */
    public static final CellOptions DEFAULT = new CellOptions(true, false, false, Float.POSITIVE_INFINITY, false);

    public CellOptions {
        if (!(clip > 0)) {
            throw new InvalidSpecException("clip must be a positive number (or +inf for none), got " + clip);
        }
    }

    /** Whether activation inputs are clipped. */
    public boolean clipped() {
        return clip != Float.POSITIVE_INFINITY;
    }
}
