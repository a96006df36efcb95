package org.hotcell.model.train;

import org.hotcell.core.error.InvalidSpecException;

/**
 * How to train.
 *
 * @param steps        optimizer steps, at least 1
 * @param batchSize    sequences per step, at least 1
 * @param seed         seeds the training batches and the test set (the model's weights have their own seed)
 * @param clipNorm     gradient-norm clipping bound; 0 for none
 * @param bpttWindow   truncated backpropagation through time: windows of this many steps, the state carried
 *                     from one to the next but no gradient; 0 for full backpropagation through time
 * @param testSize     sequences in the test set, at least 1
 * @param workers      threads that each take a contiguous share of every batch (data parallelism), at least 1;
 *                     their gradients are summed in a fixed order, so a run is reproducible for a given count
 *                     (results differ from another count by float rounding only)
 */
public record TrainingConfig(int steps, int batchSize, long seed, double clipNorm, int bpttWindow, int testSize,
                             int workers) {

    /** A config with one worker. */
    public TrainingConfig(int steps, int batchSize, long seed, double clipNorm, int bpttWindow, int testSize) {
        this(steps, batchSize, seed, clipNorm, bpttWindow, testSize, 1);
    }

    /** @throws InvalidSpecException naming the setting out of range */
    public TrainingConfig {
        if (steps < 1) {
            throw new InvalidSpecException("training steps must be at least 1, got " + steps);
        }
        if (batchSize < 1) {
            throw new InvalidSpecException("batch size must be at least 1, got " + batchSize);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new InvalidSpecException("gradient clipping norm must be a finite number >= 0 (0 for none), got "
                    + clipNorm);
        }
        if (bpttWindow < 0) {
            throw new InvalidSpecException("BPTT window must be >= 0 (0 for full BPTT), got " + bpttWindow);
        }
        if (workers < 1) {
            throw new InvalidSpecException("workers must be at least 1, got " + workers);
        }
        if (testSize < 1) {
            throw new InvalidSpecException("test set size must be at least 1, got " + testSize);
        }
    }
}
