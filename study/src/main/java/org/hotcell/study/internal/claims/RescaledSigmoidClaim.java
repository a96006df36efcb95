package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.RunResult;
import org.hotcell.study.Verdict;
import org.hotcell.study.internal.report.ClaimCharts;
import org.hotcell.study.internal.stats.TestResult;
import org.hotcell.study.internal.stats.WilcoxonSignedRank;

/**
 * Claim 3: tanh is a rescaled sigmoid, tanh(x) = 2 sigmoid(2x) - 1. The candidate and output of one arm are
 * {@code scaled_sigmoid(2, 2, -1)}, computed through the sigmoid: same seeds, so the same initial weights and
 * batches. The two differ only by float rounding, which training can amplify (the loss surface is chaotic over
 * hundreds of Adam steps), so "the same" is judged where rounding cannot have grown yet (the first recorded
 * point) and, over the whole run, as no systematic difference seed by seed.
 */
final class RescaledSigmoidClaim extends BaseClaim {
    RescaledSigmoidClaim() {
        super(3, "tanh is a rescaled sigmoid, tanh(x) = 2 sigmoid(2x) - 1: an LSTM whose candidate and output are that "
                + "expression trains to the same losses as tanh, within float error.",
                "An identity of the functions (tanh(x) = 2 sigmoid(2x) - 1), so exact in real arithmetic; nothing to "
                + "dispute, only float rounding to measure.");
    }

    static final String RESCALED = "scaled_sigmoid(2, 2, -1)";
    /** Relative agreement of the first recorded test metric that float rounding alone allows. */
    static final double EARLY_TOLERANCE = 1e-3;




    @Override
    public List<Arm> arms(Budget budget) {
        return List.of(new Arm("tanh", budget.base()),
                new Arm("2 sigmoid(2x) - 1", budget.base().withCandidateAndOutput(RESCALED)));
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        List<Arm> arms = arms(budget);
        List<RunResult> tanh = evidence.of(arms.get(0));
        List<RunResult> rescaled = evidence.of(arms.get(1));
        int seeds = Math.min(tanh.size(), rescaled.size());
        double worstEarly = 0;
        int sameOutcome = 0;
        double[] a = new double[seeds];
        double[] b = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            RunResult x = tanh.get(i);
            RunResult y = rescaled.get(i);
            if (x.curve().size() > 1 && y.curve().size() > 1) {
                double p = x.curve().get(1).metric();
                double q = y.curve().get(1).metric();
                worstEarly = Math.max(worstEarly, Math.abs(p - q) / Math.max(Math.abs(p), 1e-12));
            }
            if (x.solved() == y.solved() && x.diverged() == y.diverged()) {
                sameOutcome++;
            }
            a[i] = Outcomes.timeToSolve(List.of(x))[0];
            b[i] = Outcomes.timeToSolve(List.of(y))[0];
        }
        boolean allEqual = java.util.Arrays.equals(a, b);
        TestResult paired = allEqual ? null : WilcoxonSignedRank.test(a, b);
        double p = paired == null ? 1.0 : paired.pValue();
        Verdict verdict;
        if (p < Comparison.ALPHA) {
            verdict = Verdict.NOT_HELD;
        } else if (worstEarly <= EARLY_TOLERANCE && sameOutcome >= 0.9 * seeds) {
            verdict = Verdict.HELD;
        } else {
            verdict = Verdict.INCONCLUSIVE;
        }
        Outcomes ta = Outcomes.of("tanh", tanh);
        Outcomes re = Outcomes.of("2 sigmoid(2x) - 1", rescaled);
        String effect = String.format(Locale.ROOT, "first recorded test metric equal within %.1e relative (worst "
                        + "seed); same outcome in %d/%d seeds; steps to solve paired by seed: Wilcoxon p = %s; "
                        + "median %s vs %s steps", worstEarly, sameOutcome, seeds, Comparison.p(p),
                ta.steps().describeMedian(), re.steps().describeMedian());
        List<String> lines = new ArrayList<>();
        lines.add("tanh: " + ta.describe());
        lines.add("2 sigmoid(2x) - 1 (" + RESCALED + "): " + re.describe());
        lines.add(String.format(Locale.ROOT, "tolerance: the first recorded metric (step %d) must agree within %.0e "
                + "relative in every seed; rounding grows over training, so later points are compared as a paired "
                + "test", budget.adding().every(), EARLY_TOLERANCE));
        Map<String, List<RunResult>> curves = new LinkedHashMap<>();
        curves.put("tanh", tanh);
        curves.put("2 sigmoid(2x) - 1", rescaled);
        ClaimFinding finding = finding(verdict, effect, lines, agreement(verdict));
        return new Judgement(finding, ClaimCharts.curves("Claim 3: tanh vs 2 sigmoid(2x) - 1 (LSTM, adding T=50)",
                budget.adding().goal().metric(), curves));
    }
}
