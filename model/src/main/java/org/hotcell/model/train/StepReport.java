package org.hotcell.model.train;

import java.util.Map;

/**
 * Diagnostics of one training step.
 *
 * @param step          the step, from 1
 * @param loss          the training loss of the batch, before the update
 * @param gradientNorm  the global gradient norm before clipping
 * @param layerNorms    the gradient norm of each layer ({@code layers.0}, ...) and of the {@code head}
 * @param maxAbsH       the largest |h| of any layer's output at any step
 * @param maxAbsC       the largest |c| of any layer's cell state after the last step of each window (0 for cells
 *                      without one): an unbounded candidate shows here as growth long before it overflows
 * @param nonFinite     the first NaN or infinity found, or null when all was finite
 */
public record StepReport(int step, double loss, double gradientNorm, Map<String, Double> layerNorms, double maxAbsH,
                         double maxAbsC, NonFinite nonFinite) {

    /** Whether something was NaN or infinite. */
    public boolean diverged() {
        return nonFinite != null;
    }

    /** One line: step, loss, gradient norm, max |h| and |c|. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "step %d loss %.6g |grad| %.4g max|h| %.4g max|c| %.4g", step,
                loss, gradientNorm, maxAbsH, maxAbsC);
    }
}
