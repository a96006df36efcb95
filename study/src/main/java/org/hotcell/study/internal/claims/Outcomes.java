package org.hotcell.study.internal.claims;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.hotcell.study.RunResult;
import org.hotcell.study.internal.stats.Interval;
import org.hotcell.study.internal.stats.Proportion;
import org.hotcell.study.internal.stats.StepsToSolve;

/**
 * The outcome of one arm's runs: how many solved (with a Wilson interval), how fast (the Kaplan-Meier median of
 * steps to solve, unsolved runs censored at the budget), how many diverged.
 */
record Outcomes(String name, int runs, int solved, int diverged, Interval rate, StepsToSolve steps) {

    static Outcomes of(String name, List<RunResult> results) {
        int solved = (int) results.stream().filter(RunResult::solved).count();
        int diverged = (int) results.stream().filter(RunResult::diverged).count();
        int budget = results.get(0).config().setting().steps();
        int[] steps = results.stream().mapToInt(r -> r.solved() ? r.solvedStep() : StepsToSolve.UNSOLVED).toArray();
        return new Outcomes(name, results.size(), solved, diverged, Proportion.wilson(solved, results.size()),
                StepsToSolve.of(budget, steps));
    }

    /** The success rate. */
    double share() {
        return (double) solved / runs;
    }

    /** E.g. {@code 9/10 solved (95% CI 0.60-0.98), median 575 steps}. */
    String describe() {
        return String.format(Locale.ROOT, "%d/%d solved (%s), median %s steps%s", solved, runs, ci(rate),
                steps.describeMedian(), diverged == 0 ? "" : ", " + diverged + " diverged");
    }


    static String ci(Interval interval) {
        return String.format(Locale.ROOT, "95%% CI %.2f-%.2f", interval.low(), interval.high());
    }

    /**
     * Time to solve per run for a rank test: the step solved, or one past the budget for a run that never
     * solved (or diverged) -- all such runs tie as the worst outcome.
     */
    static double[] timeToSolve(List<RunResult> results) {
        return results.stream().mapToDouble(r -> r.solved() ? r.solvedStep()
                : r.config().setting().steps() + 1.0).toArray();
    }

    /** A per-run figure, NaN ones (diverged runs) left out. */
    static double[] finite(List<RunResult> results, ToDoubleFunction<RunResult> figure) {
        return results.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).toArray();
    }

}
