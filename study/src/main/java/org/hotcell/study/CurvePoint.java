package org.hotcell.study;

import java.io.Serializable;

/**
 * The state of a run at a recorded step.
 *
 * @param step      the optimizer step (0 before training)
 * @param trainLoss the training loss, an exponential moving average over about the last 20 batches
 * @param metric    the test metric on the fixed test set after this step
 * @param maxAbsC   the largest |c| of any step since the previous point (0 for cells without a cell state)
 * @param maxAbsH   the largest |h| of any step since the previous point
 * @param gradNorm  the mean global gradient norm (before clipping) of the steps since the previous point
 */
public record CurvePoint(int step, double trainLoss, double metric, double maxAbsC, double maxAbsH,
                         double gradNorm) implements Serializable {
}
