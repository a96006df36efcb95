package org.hotcell.runtime.models;

import java.util.Arrays;

/**
 * What a model computed: {@code [N, O]} for a last-step readout (and for a streaming step), {@code [N, T, O]}
 * for a per-step readout, row-major.
 *
 * @param data  the floats
 * @param shape the sizes, outermost first
 */
public record Outputs(float[] data, int[] shape) {

    public Outputs {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outputs other && Arrays.equals(other.data, data) && Arrays.equals(other.shape, shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Outputs" + Arrays.toString(shape) + Arrays.toString(data);
    }
}
