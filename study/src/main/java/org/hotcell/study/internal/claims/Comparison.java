package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotcell.study.RunResult;
import org.hotcell.study.internal.stats.FisherExact;
import org.hotcell.study.internal.stats.Holm;
import org.hotcell.study.internal.stats.Interval;
import org.hotcell.study.internal.stats.MannWhitney;
import org.hotcell.study.internal.stats.MannWhitneyResult;
import org.hotcell.study.internal.stats.ProportionDifference;

/**
 * An arm against a baseline (usually the standard tanh LSTM) on the task: the primary test is Mann-Whitney on
 * time to solve with unsolved runs tied as the worst outcome (so it sees both "fewer solved" and "solved later"),
 * Holm-adjusted over the claim's comparisons; Fisher's exact test on the solved counts and Newcombe's interval
 * for the difference in success rate are reported beside it.
 *
 * @param arm        the arm's outcomes
 * @param base       the baseline's
 * @param difference arm's success rate minus the baseline's, 95% interval
 * @param fisherP    Fisher's exact two-sided p on solved counts
 * @param rank       Mann-Whitney of the arm's time to solve against the baseline's
 * @param adjustedP  the rank test's p, Holm-adjusted over the claim's comparisons
 */
record Comparison(Outcomes arm, Outcomes base, Interval difference, double fisherP, MannWhitneyResult rank,
                  double adjustedP) {
    static final double ALPHA = 0.05;

    /** Compares each arm with the baseline, adjusting the rank tests' p-values together (Holm). */
    static List<Comparison> against(Outcomes baseOutcomes, List<RunResult> base, List<Outcomes> arms,
                                    List<List<RunResult>> armRuns) {
        double[] baseTimes = Outcomes.timeToSolve(base);
        List<MannWhitneyResult> ranks = new ArrayList<>();
        double[] raw = new double[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            MannWhitneyResult rank = MannWhitney.test(Outcomes.timeToSolve(armRuns.get(i)), baseTimes);
            ranks.add(rank);
            raw[i] = rank.pValue();
        }
        double[] adjusted = Holm.adjust(raw);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Outcomes a = arms.get(i);
            comparisons.add(new Comparison(a, baseOutcomes,
                    ProportionDifference.newcombe(a.solved(), a.runs(), baseOutcomes.solved(), baseOutcomes.runs()),
                    FisherExact.twoSided(a.solved(), a.runs() - a.solved(), baseOutcomes.solved(),
                            baseOutcomes.runs() - baseOutcomes.solved()).pValue(),
                    ranks.get(i), adjusted[i]));
        }
        return comparisons;
    }

    /** Significantly worse than the baseline: slower or less often solved, Holm-adjusted p &lt; 0.05. */
    boolean worse() {
        return adjustedP < ALPHA && rank.probabilityOfSuperiority() > 0.5;
    }

    /** Significantly better. */
    boolean better() {
        return adjustedP < ALPHA && rank.probabilityOfSuperiority() < 0.5;
    }

    /** At least as good on both point estimates: success rate and median steps to solve. */
    boolean asGood() {
        if (arm.share() < base.share()) {
            return false;
        }
        if (base.steps().median().isEmpty()) {
            return true;
        }
        return arm.steps().median().isPresent()
                && arm.steps().median().getAsInt() <= base.steps().median().getAsInt() * 1.25;
    }

    /** One line: outcomes, difference with CI and the tests. */
    String describe() {
        return String.format(Locale.ROOT, "%s: %s; vs %s: %s; success difference %+.2f (%s), Fisher p = %s, "
                        + "Mann-Whitney on time to solve P(slower) = %.2f, Holm p = %s", arm.name(), arm.describe(),
                base.name(), base.describe(), arm.share() - base.share(), Outcomes.ci(difference),
                p(fisherP), rank.probabilityOfSuperiority(), p(adjustedP));
    }

    static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
