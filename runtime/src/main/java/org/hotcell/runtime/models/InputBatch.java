package org.hotcell.runtime.models;

import java.util.Arrays;

import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * The inputs of one inference or streaming step: N sequences of T steps of I features each, every sequence of full
 * length, batch-major as the HTTP API's {@code "inputs"} nests them (N x T x I; a streaming step has T = 1). The
 * network reads them as the {@link SequenceBatch} {@link #sequences()} describes, so their layout is said once.
 *
 * @param data     the floats, {@code data[(n * steps + t) * features + i]}
 * @param batch    N
 * @param steps    T
 * @param features I
 */
public record InputBatch(float[] data, int batch, int steps, int features) {

    /** @throws ShapeMismatchException when a size is below 1 or the data does not hold N*T*I floats */
    public InputBatch {
        if (batch < 1 || steps < 1 || features < 1) {
            throw new ShapeMismatchException("inputs of shape N=" + batch + " x T=" + steps + " x I=" + features
                    + ": every size must be at least 1");
        }
        ShapeMismatchException.check("number of input floats (N*T*I)", data.length, batch * steps * features);
    }

    /** The same floats as a batch-major sequence batch: where each (step, item) row lies, for readers and writers. */
    public SequenceBatch sequences() {
        return new SequenceBatch(data, 0, steps, batch, features, Layout.BATCH_MAJOR, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputBatch b && b.batch == batch && b.steps == steps && b.features == features
                && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + batch * 17 + steps * 7 + features;
    }

    @Override
    public String toString() {
        return "InputBatch[N=" + batch + ", T=" + steps + ", I=" + features + "]";
    }
}
