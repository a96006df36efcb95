package org.hotcell.model.train;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.task.Batch;

/** Checks data before it is trained on. */
public final class DataChecks {
    private DataChecks() {
    }

    /**
     * Requires every input, target and weight of a batch to be finite.
     *
     * @param name names the batch in the message, e.g. {@code training batch 3}
     * @throws BadDataException naming the batch, the tensor, the step, item and feature (or row and column) of
     *                          the first NaN or infinity
     */
    public static void requireFinite(Batch batch, String name) {
        SequenceBatch x = batch.x();
        for (int t = 0; t < x.steps(); t++) {
            for (int n = 0; n < x.batch(); n++) {
                int row = x.rowOffset(t, n);
                for (int f = 0; f < x.features(); f++) {
                    float v = x.data()[row + f];
                    if (!Float.isFinite(v)) {
                        throw new BadDataException(name + ": input holds " + v + " at step " + t + ", item " + n
                                + ", feature " + f + "; inputs must be finite");
                    }
                }
            }
        }
        int width = batch.rows() == 0 ? 0 : batch.target().length / batch.rows();
        for (int i = 0; i < batch.target().length; i++) {
            if (!Float.isFinite(batch.target()[i])) {
                throw new BadDataException(name + ": target holds " + batch.target()[i] + " at row " + i / width
                        + ", column " + i % width + "; targets must be finite");
            }
        }
        if (batch.weights() != null) {
            for (int i = 0; i < batch.weights().length; i++) {
                float w = batch.weights()[i];
                if (!Float.isFinite(w) || w < 0) {
                    throw new BadDataException(name + ": loss weight of row " + i + " is " + w
                            + "; weights must be finite and non-negative");
                }
            }
        }
    }
}
