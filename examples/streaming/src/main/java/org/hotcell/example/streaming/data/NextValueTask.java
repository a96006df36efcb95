package org.hotcell.example.streaming.data;

import java.util.SplittableRandom;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.loss.MeanSquaredError;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.task.Batch;
import org.hotcell.model.task.Task;

/**
 * Training on normal streams only: at every step, predict every sensor's next reading (mean squared error).
 * The warm-up steps of each sequence weigh 0, as they are not scored when detecting either.
 *
 * @param generator makes the normal streams
 * @param length    T of each training sequence; longer than the warm-up
 */
public record NextValueTask(StreamGenerator generator, int length) implements Task {

    @Override
    public String name() {
        return "sensors";
    }

    @Override
    public String describe() {
        return "next reading of " + generator.sensors() + " sensors (two sines + noise " + generator.noise()
                + "), T=" + length;
    }

    @Override
    public int inputSize() {
        return generator.sensors();
    }

    @Override
    public int outputSize() {
        return generator.sensors();
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
        int s = generator.sensors();
        float[] x = new float[length * size * s];
        float[] target = new float[length * size * s];
        float[] weights = new float[length * size];
        for (int n = 0; n < size; n++) {
            float[][] stream = generator.normal(length + 1, random).values();
            for (int t = 0; t < length; t++) {
                int row = t * size + n;
                System.arraycopy(stream[t], 0, x, row * s, s);
                System.arraycopy(stream[t + 1], 0, target, row * s, s);
                weights[row] = t < generator.warmup() ? 0f : 1f;
            }
        }
        return new Batch(SequenceBatch.timeMajor(x, length, size, s), target, weights, null, length * size);
    }
}
