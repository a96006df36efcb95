package org.hotcell.runtime.models;

import java.util.Arrays;

import org.hotcell.core.error.ShapeMismatchException;

/**
 * Inputs for a model, batch-major: {@code data[(n * steps + t) * features + i]}, the shape {@code N x T x I} of
 * the HTTP API's {@code "inputs"}.
 *
 * @param data     the floats
 * @param batch    N
 * @param steps    T
 * @param features I
 */
public record Batch(float[] data, int batch, int steps, int features) {

    /** @throws ShapeMismatchException when a size is below 1 or the data does not hold N*T*I floats */
    public Batch {
        if (batch < 1 || steps < 1 || features < 1) {
            throw new ShapeMismatchException("inputs of shape N=" + batch + " x T=" + steps + " x I=" + features
                    + ": every size must be at least 1");
        }
        ShapeMismatchException.check("number of input floats (N*T*I)", data.length, batch * steps * features);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && b.batch == batch && b.steps == steps && b.features == features
                && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + batch * 17 + steps * 7 + features;
    }

    @Override
    public String toString() {
        return "Batch[N=" + batch + ", T=" + steps + ", I=" + features + "]";
    }
}
