package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.RunConfig;
import org.hotcell.study.RunResult;
import org.hotcell.study.Verdict;
import org.hotcell.study.internal.report.ClaimCharts;
import org.hotcell.study.internal.stats.Holm;
import org.hotcell.study.internal.stats.MannWhitney;
import org.hotcell.study.internal.stats.MannWhitneyResult;
import org.hotcell.study.internal.stats.Median;
import org.hotcell.study.internal.stats.WilcoxonSignedRank;

/**
 * Claim 6: tanh's gradient carries longer ranges. tanh and relu (candidate and output) on adding at growing T.
 * Two measures. The task: time to solve at each longer T (Mann-Whitney, unsolved runs tied as worst). The
 * gradient: {@code log10(|dL/dc_0| / |dL/dc_(T-1)|)} on a test batch at initialisation, how many decades the
 * gradient's size at the first step departs from its size at the last (-3: a thousandth reaches back; +3: it
 * grew a thousandfold on the way). Its absolute value is compared, since an exploding gradient carries a range
 * no better than a vanishing one; the two functions start from the same weights for the same seed, so seed by
 * seed (Wilcoxon). Holm over all these tests.
 */
final class GradientFlowClaim extends BaseClaim {
    GradientFlowClaim() {
        super(6, "tanh's gradient carries longer ranges: the gradient reaching early steps decays less with tanh than "
                + "with relu, and tanh keeps solving as T grows.",
                "Hochreiter & Schmidhuber 1997 solved the adding problem at T = 100 and beyond with squashing "
                + "(sigmoid-shaped) functions; the constant-error-carousel argument ties long ranges to the forget "
                + "path, not to the candidate's slope.");
    }

    private static final List<String> CANDIDATES = List.of("tanh", "relu");




    private static RunConfig config(Budget budget, String candidate, int length) {
        return budget.base().withCandidateAndOutput(candidate).withSetting(budget.adding().withLength(length));
    }

    @Override
    public List<Arm> arms(Budget budget) {
        List<Arm> arms = new ArrayList<>();
        for (int length : budget.lengths()) {
            for (String candidate : CANDIDATES) {
                arms.add(new Arm(candidate + " T=" + length, config(budget, candidate, length)));
            }
        }
        return arms;
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        List<String> lines = new ArrayList<>();
        List<Integer> longer = budget.lengths().subList(1, budget.lengths().size());
        int tests = longer.size();
        double[] raw = new double[2 * tests];
        double[] flowGap = new double[tests];
        double[] slower = new double[tests];
        Map<String, double[][]> series = new LinkedHashMap<>();
        Outcomes tanhLongest = null;
        Outcomes reluLongest = null;
        for (int length : budget.lengths()) {
            List<RunResult> tanh = evidence.of(config(budget, "tanh", length));
            List<RunResult> relu = evidence.of(config(budget, "relu", length));
            double[] a = tanh.stream().mapToDouble(r -> Math.abs(retention(r.flowBefore()))).toArray();
            double[] b = relu.stream().mapToDouble(r -> Math.abs(retention(r.flowBefore()))).toArray();
            Outcomes to = Outcomes.of("tanh T=" + length, tanh);
            Outcomes ro = Outcomes.of("relu T=" + length, relu);
            lines.add(String.format(Locale.ROOT, "T=%d: gradient size at step 0 vs step T-1 at initialisation, "
                            + "decades (median of log10 ratio): tanh %s, relu %s; after training: tanh %s, relu %s; "
                            + "%s; %s", length, Text.number(median(tanh, true)), Text.number(median(relu, true)),
                    Text.number(median(tanh, false)), Text.number(median(relu, false)), to.describe(),
                    ro.describe()));
            int i = longer.indexOf(length);
            if (i >= 0) {
                raw[i] = java.util.Arrays.equals(a, b) ? 1.0 : WilcoxonSignedRank.test(a, b).pValue();
                flowGap[i] = Median.of(a) - Median.of(b);
                MannWhitneyResult solve = MannWhitney.test(Outcomes.timeToSolve(tanh), Outcomes.timeToSolve(relu));
                raw[tests + i] = solve.pValue();
                slower[i] = solve.probabilityOfSuperiority();
            }
            if (length == budget.lengths().get(budget.lengths().size() - 1)) {
                tanhLongest = to;
                reluLongest = ro;
                series.put("tanh T=" + length, profile(tanh));
                series.put("relu T=" + length, profile(relu));
            }
        }
        double[] adjusted = Holm.adjust(raw);
        boolean tanhFlows = true;
        boolean tanhSolvesBetter = false;
        boolean reluSolvesBetter = false;
        for (int i = 0; i < tests; i++) {
            tanhFlows &= adjusted[i] < Comparison.ALPHA && flowGap[i] < 0;
            tanhSolvesBetter |= adjusted[tests + i] < Comparison.ALPHA && slower[i] < 0.5;
            reluSolvesBetter |= adjusted[tests + i] < Comparison.ALPHA && slower[i] > 0.5;
        }
        Verdict verdict = (tanhSolvesBetter || tanhFlows) && !reluSolvesBetter ? Verdict.HELD
                : reluSolvesBetter && !tanhSolvesBetter ? Verdict.NOT_HELD : Verdict.INCONCLUSIVE;
        StringBuilder effect = new StringBuilder();
        for (int i = 0; i < tests; i++) {
            effect.append(String.format(Locale.ROOT, "T=%d: |gradient decades| tanh minus relu %+.2f (Holm p = %s), "
                            + "P(tanh slower to solve) = %.2f (Holm p = %s); ", longer.get(i), flowGap[i],
                    Comparison.p(adjusted[i]), slower[i], Comparison.p(adjusted[tests + i])));
        }
        effect.append(String.format(Locale.ROOT, "solved at T=%d: tanh %d/%d, relu %d/%d",
                budget.lengths().get(budget.lengths().size() - 1), tanhLongest.solved(), tanhLongest.runs(),
                reluLongest.solved(), reluLongest.runs()));
        lines.add("an exploding gradient (positive decades, relu in some seeds) counts as far from 1 as a vanishing "
                + "one; the task measure decides when the two disagree");
        ClaimFinding finding = finding(verdict, effect.toString(), lines,
                tanhLongest.share() >= 0.5 ? "agree" : "disagree");
        return new Judgement(finding, ClaimCharts.lines("Claim 6: |dL/dc_t| at initialisation, relative to the last "
                + "step (median over seeds)", "step t", "|dL/dc_t| / |dL/dc_T-1|", series, true));
    }

    private static double median(List<RunResult> runs, boolean before) {
        return Median.of(runs.stream().mapToDouble(r -> retention(before ? r.flowBefore() : r.flowAfter()))
                .filter(Double::isFinite).toArray());
    }

    /** log10 of the norm at the first probed step over the norm at the last; NaN when not measured. */
    static double retention(List<Double> flow) {
        if (flow.size() < 2) {
            return Double.NaN;
        }
        double first = flow.get(0);
        double last = flow.get(flow.size() - 1);
        return last > 0 && first >= 0 ? Math.log10(Math.max(first, Double.MIN_VALUE) / last) : Double.NaN;
    }

    /** The median over seeds of each probed step's norm, relative to the run's last-step norm. */
    private static double[][] profile(List<RunResult> runs) {
        int steps = runs.get(0).config().setting().length();
        List<Integer> positions = org.hotcell.study.internal.run.FlowPositions.of(steps);
        double[] x = positions.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = i;
            y[i] = Median.of(runs.stream().filter(r -> r.flowBefore().size() == x.length)
                    .mapToDouble(r -> r.flowBefore().get(k) / r.flowBefore().get(x.length - 1))
                    .filter(Double::isFinite).toArray());
        }
        return new double[][] {x, y};
    }
}
