package org.hotcell.core.cell;

import java.util.Objects;

import org.hotcell.core.error.ShapeMismatchException;

/**
 * A batch of N sequences of T steps of {@code features} floats each, in a {@code float[]} from an offset, laid
 * out time-major or batch-major. Each (step, item) row is contiguous either way.
 *
 * @param data     the floats
 * @param offset   where the batch starts in data
 * @param steps    T, the number of steps (the longest sequence)
 * @param batch    N, the number of sequences
 * @param features floats per step
 * @param layout   how rows are ordered
 * @param lengths  the valid length of each sequence ({@code 0..T}), or null when all are T; steps past a
 *                 sequence's length are ignored by cells and produce zero outputs
 */
public record SequenceBatch(float[] data, int offset, int steps, int batch, int features, Layout layout,
                            int[] lengths) {

    /** @throws ShapeMismatchException when the sizes do not fit the array or a length is out of [0, T] */
    public SequenceBatch {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(layout, "layout");
        if (steps < 0 || batch < 0 || features < 1 || offset < 0) {
            throw new ShapeMismatchException("sequence batch of T=" + steps + ", N=" + batch + ", features="
                    + features + " at offset " + offset + " is not a valid shape");
        }
        long needed = (long) offset + (long) steps * batch * features;
        if (needed > data.length) {
            throw new ShapeMismatchException("sequence batch of T=" + steps + ", N=" + batch + ", features="
                    + features + " at offset " + offset + " needs " + needed + " floats, the array has " + data.length);
        }
        if (lengths != null) {
            ShapeMismatchException.check("number of sequence lengths", lengths.length, batch);
            for (int n = 0; n < batch; n++) {
                if (lengths[n] < 0 || lengths[n] > steps) {
                    throw new ShapeMismatchException("sequence length of batch item " + n + " is " + lengths[n]
                            + ", must be in [0, " + steps + "]");
                }
            }
        }
    }

    /** A time-major batch with every sequence of full length. */
    public static SequenceBatch timeMajor(float[] data, int steps, int batch, int features) {
        return new SequenceBatch(data, 0, steps, batch, features, Layout.TIME_MAJOR, null);
    }

    /** The same data with per-item lengths. */
    public SequenceBatch withLengths(int[] newLengths) {
        return new SequenceBatch(data, offset, steps, batch, features, layout, newLengths);
    }

    /** The valid length of sequence n. */
    public int length(int n) {
        return lengths == null ? steps : lengths[n];
    }

    /**
     * The same sequences in {@code target} layout as one contiguous array from offset 0: this batch itself when it
     * already is one, else a copy. The one place that reorders between time-major and batch-major.
     */
    public SequenceBatch inLayout(Layout target) {
        int size = steps * batch * features;
        if (layout == target && offset == 0 && data.length == size) {
            return this;
        }
        SequenceBatch copy = new SequenceBatch(new float[size], 0, steps, batch, features, target, lengths);
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < batch; n++) {
                System.arraycopy(data, rowOffset(t, n), copy.data, copy.rowOffset(t, n), features);
            }
        }
        return copy;
    }

    /** Where the row of step t of item n starts in data. */
    public int rowOffset(int t, int n) {
        return offset + (layout == Layout.TIME_MAJOR ? t * batch + n : n * steps + t) * features;
    }
}
