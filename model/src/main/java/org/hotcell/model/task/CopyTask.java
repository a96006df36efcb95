package org.hotcell.model.task;

import java.util.SplittableRandom;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.loss.SoftmaxCrossEntropy;
import org.hotcell.model.spec.Readout;

/**
 * The copy task (after Hochreiter and Schmidhuber, 1997; Arjovsky et al., 2016): S symbols drawn from an
 * alphabet of K are shown one per step (one-hot), then {@code delay} blank steps whose last carries a "go"
 * marker, then S more blank steps during which the model must output the symbols in order. Inputs have K + 2
 * channels (K symbols, blank, go); outputs K + 1 classes (K symbols, blank), predicted at every step with
 * softmax cross-entropy. Accuracy counts the S recall steps only. A model without memory can do no better than
 * a cross-entropy of {@code S ln K / (2S + delay)}.
 */
public final class CopyTask implements Task {
    private final int symbols;
    private final int alphabet;
    private final int delay;

    /**
     * @param symbols  S, how many symbols to recall, at least 1
     * @param alphabet K, the number of distinct symbols, at least 2
     * @param delay    steps between the last symbol and the first recall, at least 1
     */
    public CopyTask(int symbols, int alphabet, int delay) {
        if (symbols < 1 || alphabet < 2 || delay < 1) {
            throw new InvalidSpecException("copy task needs at least 1 symbol, an alphabet of at least 2 and a "
                    + "delay of at least 1; got symbols=" + symbols + ", alphabet=" + alphabet + ", delay=" + delay);
        }
        this.symbols = symbols;
        this.alphabet = alphabet;
        this.delay = delay;
    }

    /** T = 2S + delay. */
    public int steps() {
        return 2 * symbols + delay;
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public String describe() {
        return "copy task: recall " + symbols + " of " + alphabet + " symbols after " + delay + " steps; chance accuracy "
                + String.format(java.util.Locale.ROOT, "%.3f", 1.0 / alphabet);
    }

    @Override
    public int inputSize() {
        return alphabet + 2;
    }

    @Override
    public int outputSize() {
        return alphabet + 1;
    }

    @Override
    public Readout readout() {
        return Readout.PER_STEP;
    }

    @Override
    public Loss loss() {
        return new SoftmaxCrossEntropy();
    }

    @Override
    public boolean reportsAccuracy() {
        return true;
    }

    @Override
    public Batch batch(int size, SplittableRandom random) {
        int steps = steps();
        int in = inputSize();
        int out = outputSize();
        int blankIn = alphabet;
        int goIn = alphabet + 1;
        int blankOut = alphabet;
        float[] x = new float[steps * size * in];
        float[] target = new float[steps * size * out];
        float[] scored = new float[steps * size];
        for (int n = 0; n < size; n++) {
            int[] shown = new int[symbols];
            for (int s = 0; s < symbols; s++) {
                shown[s] = random.nextInt(alphabet);
            }
            for (int t = 0; t < steps; t++) {
                int row = t * size + n;
                int input;
                if (t < symbols) {
                    input = shown[t];
                } else if (t == symbols + delay - 1) {
                    input = goIn;
                } else {
                    input = blankIn;
                }
                x[row * in + input] = 1f;
                int recall = t - symbols - delay;
                int expected = recall >= 0 ? shown[recall] : blankOut;
                target[row * out + expected] = 1f;
                scored[row] = recall >= 0 ? 1f : 0f;
            }
        }
        return new Batch(SequenceBatch.timeMajor(x, steps, size, in), target, null, scored, steps * size);
    }
}
