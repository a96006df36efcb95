package org.hotcell.study;

import java.util.List;

/**
 * What one run gave. Every number is a function of the run's spec and seed alone (no timings), so the same grid
 * gives the same results.
 *
 * @param spec             the run
 * @param curve            the recorded points, from step 0; up to the last step before divergence
 * @param initialMetric    the test metric before training
 * @param finalMetric      the test metric after the last step, or NaN when the run diverged
 * @param solvedStep       the first recorded step whose test metric met the goal, or -1
 * @param divergedStep     the step at which a NaN or infinity first appeared, or -1
 * @param divergence       where it appeared (layer, step, gate), or "" when the run stayed finite
 * @param maxAbsC          the largest |c| over all of training (0 for GRU, which has no cell state)
 * @param maxAbsH          the largest |h| over all of training
 * @param gradNormMean     the mean global gradient norm (before clipping) over all steps
 * @param gradNormMax      the largest global gradient norm
 * @param layerGradNormMean the mean gradient norm of the recurrent layer alone
 */
public record RunResult(RunSpec spec, List<CurvePoint> curve, double initialMetric, double finalMetric,
                        int solvedStep, int divergedStep, String divergence, double maxAbsC, double maxAbsH,
                        double gradNormMean, double gradNormMax, double layerGradNormMean) {

    public RunResult {
        curve = List.copyOf(curve);
    }

    /** Whether a NaN or infinity stopped the run. */
    public boolean diverged() {
        return divergedStep >= 0;
    }

    /** Whether the test metric met the goal at some recorded step. */
    public boolean solved() {
        return solvedStep >= 0;
    }
}
