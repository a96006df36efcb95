package org.hotcell.runtime.models;

import java.util.Arrays;

import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;

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

    /**
     * Per-step outputs {@code [N, T, O]} from one row of O floats per step and item, laid out as {@code rows} says
     * (the network answers time-major); the rows are copied batch-major.
     */
    static Outputs perStep(SequenceBatch rows) {
        int n = rows.batch();
        int t = rows.steps();
        int o = rows.features();
        return new Outputs(rows.inLayout(Layout.BATCH_MAJOR).data(), new int[] {n, t, o});
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
