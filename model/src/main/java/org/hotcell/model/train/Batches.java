package org.hotcell.model.train;

import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.task.Batch;

/** Slices of batches: the items of a batch as a batch of their own (worker shares, probes). */
public final class Batches {
    private Batches() {
    }

    /**
     * The sequences {@code [from, to)} of a batch as a batch of their own: inputs (time-major), lengths, and the
     * target, weight and scored rows that belong to them ({@code t * N + n} rows per step, n at the last step).
     */
    public static Batch items(Batch batch, int from, int to, boolean perStep) {
        SequenceBatch x = batch.x();
        int steps = x.steps();
        int n = x.batch();
        int count = to - from;
        int features = x.features();
        float[] data = new float[steps * count * features];
        for (int t = 0; t < steps; t++) {
            for (int item = from; item < to; item++) {
                System.arraycopy(x.data(), x.rowOffset(t, item), data, (t * count + item - from) * features, features);
            }
        }
        int[] lengths = null;
        if (x.lengths() != null) {
            lengths = java.util.Arrays.copyOfRange(x.lengths(), from, to);
        }
        int rows = perStep ? steps * count : count;
        int width = batch.target().length / batch.rows();
        float[] target = new float[rows * width];
        float[] weights = batch.weights() == null ? null : new float[rows];
        float[] scored = batch.scored() == null ? null : new float[rows];
        for (int r = 0; r < rows; r++) {
            int source = perStep ? (r / count) * n + from + r % count : from + r;
            System.arraycopy(batch.target(), source * width, target, r * width, width);
            if (weights != null) {
                weights[r] = batch.weights()[source];
            }
            if (scored != null) {
                scored[r] = batch.scored()[source];
            }
        }
        SequenceBatch part = new SequenceBatch(data, 0, steps, count, features, Layout.TIME_MAJOR, lengths);
        return new Batch(part, target, weights, scored, rows);
    }
}
