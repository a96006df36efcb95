package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.LengthResult;
import org.hotcell.study.Probes;
import org.hotcell.study.Recipe;
import org.hotcell.study.RunResult;
import org.hotcell.study.Verdict;
import org.hotcell.study.internal.report.ClaimCharts;
import org.hotcell.study.internal.stats.FisherExact;
import org.hotcell.study.internal.stats.Holm;
import org.hotcell.study.internal.stats.MannWhitney;
import org.hotcell.study.internal.stats.MannWhitneyResult;
import org.hotcell.study.internal.stats.Median;
import org.hotcell.study.internal.stats.Proportion;

/**
 * Claim 4: tanh keeps the state bounded, relu lets it run away. tanh and relu (as candidate and output) trained
 * at T = 50 without clipping, over the whole budget (no stopping once solved), over a learning-rate sweep with
 * Adam and with SGD; each trained model is then run on longer sequences. Measured: how often training diverges
 * (a NaN or infinity), and the largest |c| on sequences of each length.
 */
final class BoundedStateClaim extends BaseClaim {
    BoundedStateClaim() {
        super(4, "tanh keeps the cell state bounded, relu lets it run away: without clipping relu diverges more often "
                + "and its |c| grows with sequence length.",
                "Keras users report ReLU LSTMs going NaN at modest learning rates (e.g. keras-team/keras issues on "
                + "'relu' LSTM loss nan); with tanh, |c| can grow at most by 1 per step.");
    }

    private static final List<String> CANDIDATES = List.of("tanh", "relu");




    @Override
    public List<Arm> arms(Budget budget) {
        List<Arm> arms = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        lengths.add(budget.adding().length());
        lengths.addAll(budget.evalLengths());
        for (String candidate : CANDIDATES) {
            for (String optimizer : List.of("adam", "sgd")) {
                for (double lr : optimizer.equals("adam") ? budget.adamRates() : budget.sgdRates()) {
                    Recipe recipe = new Recipe(optimizer, lr, 0, false);
                    arms.add(new Arm(candidate + " " + optimizer + " " + lr, budget.base()
                            .withCandidateAndOutput(candidate).withRecipe(recipe)
                            .withProbes(new Probes(lengths, false))));
                }
            }
        }
        return arms;
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        List<Arm> arms = arms(budget);
        Map<String, List<RunResult>> pooled = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Arm arm : arms) {
            List<RunResult> runs = evidence.of(arm);
            pooled.computeIfAbsent(arm.config().candidate(), k -> new ArrayList<>()).addAll(runs);
            Outcomes o = Outcomes.of(arm.name(), runs);
            lines.add(String.format(Locale.ROOT, "%s, no clipping: %d/%d diverged, %d/%d solved; median max |c| "
                            + "on T=%d: %s", arm.name(), o.diverged(), o.runs(), o.solved(), o.runs(),
                    last(budget), Text.number(Median.of(Outcomes.finite(runs, r -> maxC(r, last(budget)))))));
        }
        List<RunResult> tanh = pooled.get("tanh");
        List<RunResult> relu = pooled.get("relu");
        int tanhDiverged = (int) tanh.stream().filter(RunResult::diverged).count();
        int reluDiverged = (int) relu.stream().filter(RunResult::diverged).count();
        double fisherP = FisherExact.twoSided(reluDiverged, relu.size() - reluDiverged, tanhDiverged,
                tanh.size() - tanhDiverged).pValue();
        double[] tanhC = Outcomes.finite(tanh, r -> maxC(r, last(budget)));
        double[] reluC = Outcomes.finite(relu, r -> maxC(r, last(budget)));
        MannWhitneyResult growth = tanhC.length == 0 || reluC.length == 0 ? null : MannWhitney.test(reluC, tanhC);
        double[] adjusted = Holm.adjust(fisherP, growth == null ? 1.0 : growth.pValue());
        boolean divergesMore = adjusted[0] < Comparison.ALPHA && reluDiverged > tanhDiverged;
        boolean growsMore = growth != null && adjusted[1] < Comparison.ALPHA
                && growth.probabilityOfSuperiority() > 0.5;
        double tanhMedian = Median.of(tanhC);
        double reluMedian = Median.of(reluC);
        Verdict verdict = divergesMore || growsMore ? Verdict.HELD
                : reluDiverged <= tanhDiverged && !(reluMedian > tanhMedian) ? Verdict.NOT_HELD
                : Verdict.INCONCLUSIVE;
        String effect = String.format(Locale.ROOT, "diverged without clipping: relu %d/%d (%s) vs tanh %d/%d (%s), "
                        + "Holm p = %s; median max |c| at T=%d: relu %s vs tanh %s, P(relu larger) = %s, Holm p = %s",
                reluDiverged, relu.size(), Outcomes.ci(Proportion.wilson(reluDiverged, relu.size())), tanhDiverged,
                tanh.size(), Outcomes.ci(Proportion.wilson(tanhDiverged, tanh.size())), Comparison.p(adjusted[0]),
                last(budget), Text.number(reluMedian), Text.number(tanhMedian),
                growth == null ? "n/a" : String.format(Locale.ROOT, "%.2f", growth.probabilityOfSuperiority()),
                Comparison.p(adjusted[1]));
        lines.add(0, "pooled over the sweep; max |c| of runs that stayed finite, measured on a test set at each length "
                + "after training at T=" + budget.adding().length());
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (String candidate : CANDIDATES) {
            for (String optimizer : List.of("adam", "sgd")) {
                List<RunResult> mine = pooled.get(candidate).stream()
                        .filter(r -> r.config().recipe().optimizer().equals(optimizer)).toList();
                List<Integer> lengths = arms.get(0).config().probes().evalLengths();
                double[] x = new double[lengths.size()];
                double[] y = new double[lengths.size()];
                for (int i = 0; i < lengths.size(); i++) {
                    int length = lengths.get(i);
                    x[i] = length;
                    y[i] = Median.of(Outcomes.finite(mine, r -> maxC(r, length)));
                }
                series.put(candidate + " (" + optimizer + ")", new double[][] {x, y});
            }
        }
        ClaimFinding finding = finding(verdict, effect, lines, agreement(verdict));
        return new Judgement(finding, ClaimCharts.lines("Claim 4: max |c| by length (trained at T="
                + budget.adding().length() + ", no clipping; median of runs)",
                "sequence length", "max |c|", series, true));
    }

    private static int last(Budget budget) {
        return budget.evalLengths().get(budget.evalLengths().size() - 1);
    }

    /**
     * Max |c| of a run on the test at {@code length}, or NaN when it was not measured (a run that diverged in
     * training). A state that overflowed on the long test (+inf, while training stayed finite) is the runaway the
     * claim is about: it counts as larger than any finite state (Double.MAX_VALUE: the rank test uses ranks only),
     * not as an error and not as a missing run.
     */
    private static double maxC(RunResult r, int length) {
        for (LengthResult l : r.lengths()) {
            if (l.length() == length) {
                return Double.isInfinite(l.maxAbsC()) ? Double.MAX_VALUE : l.maxAbsC();
            }
        }
        return Double.NaN;
    }
}
