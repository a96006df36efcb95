package org.hotcell.study.internal.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How many steps a configuration's runs took to solve a task, when some never did within the budget B: each
 * unsolved run is right-censored at B, and the median is the Kaplan-Meier median rather than a median of the
 * solved runs only, which would flatter a configuration that solved 1 run of 3.
 *
 * <p>The median is the first step t at which the Kaplan-Meier survival curve S(t) (the estimated fraction of runs
 * still unsolved after step t) is at most 1/2. It is absent when S never gets there, i.e. when more than half of
 * the runs are unsolved: report it as "&gt; B". A run solved at step B counts as solved at B. With every run
 * solved this is the lower median of the steps, the ((n + 1) / 2)-th smallest in integer division (the 2nd of
 * 4), as elsewhere in the report; with some unsolved it is the same order statistic with the unsolved runs
 * sorted last.
 *
 * @param runs     how many runs there are, at least 1
 * @param censored how many of them never solved the task within the budget
 * @param budget   the budget B: the steps each run trained for
 * @param median   the Kaplan-Meier median of the steps to solve, absent when it is beyond the budget
 */
public record StepsToSolve(int runs, int censored, int budget, OptionalInt median) {
    /** How a run that never solved the task is given: the value RunResult uses for "not solved". */
    public static final int UNSOLVED = -1;

    /** Checks the counts against each other. */
    public StepsToSolve {
        Objects.requireNonNull(median, "median");
        if (runs < 1 || censored < 0 || censored > runs || budget < 0) {
            throw new IllegalArgumentException("need runs >= 1, 0 <= censored <= runs and budget >= 0, got runs "
                    + runs + ", censored " + censored + ", budget " + budget);
        }
    }

    /**
     * The steps to solve of {@code solvedSteps}, one per run: the step at which the run solved the task, in
     * [0, budget], or {@link #UNSOLVED}.
     *
     * @throws IllegalArgumentException if {@code budget} is negative, there are no runs, or a step is neither
     *                                  {@link #UNSOLVED} nor in [0, budget]
     * @throws NullPointerException     if {@code solvedSteps} is null
     */
    public static StepsToSolve of(int budget, int... solvedSteps) {
        Objects.requireNonNull(solvedSteps, "solvedSteps");
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0, got " + budget);
        }
        if (solvedSteps.length == 0) {
            throw new IllegalArgumentException("solvedSteps must have at least 1 run, got 0");
        }
        int censored = 0;
        for (int i = 0; i < solvedSteps.length; i++) {
            int step = solvedSteps[i];
            if (step == UNSOLVED) {
                censored++;
            } else if (step < 0 || step > budget) {
                throw new IllegalArgumentException("solvedSteps[" + i + "] must be in [0, budget] = [0, " + budget
                        + "] or " + UNSOLVED + " (unsolved), got " + step);
            }
        }
        return new StepsToSolve(solvedSteps.length, censored, budget, kaplanMeierMedian(solvedSteps));
    }

    /**
     * The first solved step t with S(t) &lt;= 1/2. Every censoring is at the budget, after every event (a run
     * solved at B is, by the usual convention, an event before the censorings at B), so each run is at risk
     * until its own event and the product-limit S(t) = product over event times s &lt;= t of
     * (1 - solved(s) / atRisk(s)) telescopes to (runs not solved by t) / runs. Comparing that fraction with 1/2
     * in integers keeps rounding out of the median.
     */
    private static OptionalInt kaplanMeierMedian(int[] solvedSteps) {
        int[] events = Arrays.stream(solvedSteps).filter(s -> s != UNSOLVED).sorted().toArray();
        int runs = solvedSteps.length;
        // S(events[i]) <= 1/2 once i + 1 runs have solved with 2 (runs - i - 1) <= runs; ties share that step.
        int needed = (runs + 1) / 2;
        return events.length >= needed ? OptionalInt.of(events[needed - 1]) : OptionalInt.empty();
    }

    /** The median as a report shows it: the step, or "&gt; B" when it lies beyond the budget. */
    public String describeMedian() {
        return median.isPresent() ? Integer.toString(median.getAsInt()) : "> " + budget;
    }
}
