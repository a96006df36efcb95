package org.hotcell.study;

import java.io.Serializable;
import java.util.List;

/**
 * What one run gave. Every number is a function of the run's spec and seed alone (no timings), so the same runs
 * give the same results wherever they run: on any number of threads or on a Spark cluster of the same JVM and
 * machine kind.
 *
 * @param spec             the run
 * @param curve            the recorded points, from step 0; up to the last step before divergence
 * @param initialMetric    the test metric before training
 * @param finalMetric      the test metric after the last step trained, or NaN when the run diverged
 * @param solvedStep       the first recorded step whose test metric met the goal, or -1
 * @param stepsTrained     the optimizer steps taken (fewer than the budget when the run stopped once solved)
 * @param divergedStep     the step at which a NaN or infinity first appeared, or -1
 * @param divergence       where it appeared (layer, step, gate), or "" when the run stayed finite
 * @param maxAbsC          the largest |c| over all of training (0 for GRU, which has no cell state)
 * @param maxAbsH          the largest |h| over all of training
 * @param gradNormMean     the mean global gradient norm (before clipping) over all steps
 * @param gradNormMax      the largest global gradient norm
 * @param state            how the trained model's state behaves on the test set
 * @param lengths          the trained model on the configuration's longer evaluation lengths
 * @param flowBefore       per step t, the mean over a test batch of |dL/dc_t| (|dL/dh_t| without a cell
 *                         state) before training; empty when not probed
 * @param flowAfter        the same after training (empty when not probed or diverged)
 */
public record RunResult(RunSpec spec, List<CurvePoint> curve, double initialMetric, double finalMetric,
                        int solvedStep, int stepsTrained, int divergedStep, String divergence, double maxAbsC,
                        double maxAbsH, double gradNormMean, double gradNormMax, StateStats state,
                        List<LengthResult> lengths, List<Double> flowBefore, List<Double> flowAfter)
        implements Serializable {

    public RunResult {
        curve = List.copyOf(curve);
        lengths = List.copyOf(lengths);
        flowBefore = List.copyOf(flowBefore);
        flowAfter = List.copyOf(flowAfter);
    }

    /** The configuration of the run. */
    public RunConfig config() {
        return spec.config();
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
