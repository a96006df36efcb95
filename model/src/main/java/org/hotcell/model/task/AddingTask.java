package org.hotcell.model.task;

import java.util.SplittableRandom;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.loss.MeanSquaredError;
import org.hotcell.model.spec.Readout;

/**
 * The adding problem (Hochreiter and Schmidhuber, 1997, in the form of Le et al., 2015): each step has two
 * channels, a value drawn from U[0, 1] and a marker; exactly two markers are 1, one in the first half of the
 * sequence and one in the second. The target, read after the last step, is the sum of the two marked values.
 * Always answering 1 scores an MSE of {@code Var(u1 + u2) = 2/12 ~ 0.167}; a model must remember the first
 * marked value across at least half the sequence to do better.
 */
public final class AddingTask implements Task {
    private final int length;

    /** @param length T, the number of steps, at least 2 */
    public AddingTask(int length) {
        if (length < 2) {
            throw new InvalidSpecException("adding task length must be at least 2 (two marked steps), got " + length);
        }
        this.length = length;
    }

    @Override
    public String name() {
        return "adding";
    }

    @Override
    public String describe() {
        return "adding problem, T=" + length + ": sum the two marked values; answering 1 always scores MSE 0.167";
    }

    @Override
    public int inputSize() {
        return 2;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public Readout readout() {
        return Readout.LAST_STEP;
    }

    @Override
    public Loss loss() {
        return new MeanSquaredError();
    }

    @Override
    public Batch batch(int size, SplittableRandom random) {
        float[] x = new float[length * size * 2];
        float[] target = new float[size];
        int half = length / 2;
        for (int n = 0; n < size; n++) {
            for (int t = 0; t < length; t++) {
                x[(t * size + n) * 2] = (float) random.nextDouble();
            }
            int first = random.nextInt(half);
            int second = half + random.nextInt(length - half);
            x[(first * size + n) * 2 + 1] = 1f;
            x[(second * size + n) * 2 + 1] = 1f;
            target[n] = x[(first * size + n) * 2] + x[(second * size + n) * 2];
        }
        return new Batch(SequenceBatch.timeMajor(x, length, size, 2), target, null, null, size);
    }
}
