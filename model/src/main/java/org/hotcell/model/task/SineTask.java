package org.hotcell.model.task;

import java.util.SplittableRandom;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.loss.MeanSquaredError;
import org.hotcell.model.spec.Readout;

/**
 * Next-value regression on sine waves: each sequence is {@code sin(omega t + phi)} with omega drawn from
 * U[0.1, 0.5] and phi from U[0, 2 pi), and at every step the model predicts the next value. Repeating the
 * current value scores an MSE of about {@code 1 - E[cos omega]} ~ 0.051; the first steps, before the frequency
 * can be seen, are weighted 0.
 */
public final class SineTask implements Task {
    /** Steps at the start that are not scored: a frequency needs a few samples to be inferred. */
    static final int WARMUP = 3;

    private final int length;

    /** @param length T, at least {@value #WARMUP} + 1 */
    public SineTask(int length) {
        if (length <= WARMUP) {
            throw new InvalidSpecException("sine task length must be more than " + WARMUP + ", got " + length);
        }
        this.length = length;
    }

    @Override
    public String name() {
        return "sine";
    }

    @Override
    public String describe() {
        return "sine next-value regression, T=" + length + "; repeating the current value scores MSE ~0.051";
    }

    @Override
    public int inputSize() {
        return 1;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public Readout readout() {
        return Readout.PER_STEP;
    }

    @Override
    public Loss loss() {
        return new MeanSquaredError();
    }

    @Override
    public Batch batch(int size, SplittableRandom random) {
        float[] x = new float[length * size];
        float[] target = new float[length * size];
        float[] weights = new float[length * size];
        for (int n = 0; n < size; n++) {
            double omega = 0.1 + 0.4 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            for (int t = 0; t < length; t++) {
                x[t * size + n] = (float) Math.sin(omega * t + phase);
                target[t * size + n] = (float) Math.sin(omega * (t + 1) + phase);
                weights[t * size + n] = t < WARMUP ? 0f : 1f;
            }
        }
        return new Batch(SequenceBatch.timeMajor(x, length, size, 1), target, weights, null, length * size);
    }
}
