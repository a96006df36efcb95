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
import org.hotcell.study.internal.stats.FisherExact;

/**
 * Claim 9: the GRU works with any candidate, the LSTM less so. Every candidate function (and for the LSTM the
 * same function as output) on both cells; within each cell every candidate is compared with that cell's tanh
 * (Holm over the candidates), and the non-tanh candidates' success is pooled per cell and compared across cells
 * (Fisher): the cell x candidate interaction. On adding at the second length of the budget (T = 100): at T = 50
 * every candidate solves on both cells within the budget, which leaves no interaction to see.
 */
final class CellCandidateClaim extends BaseClaim {
    CellCandidateClaim() {
        super(9, "The GRU works with any candidate function, the LSTM less so: swapping tanh out hurts an LSTM more "
                + "than a GRU.",
                "Chung et al. 2014 and Jozefowicz et al. 2015 compared GRU and LSTM with tanh only; no published "
                + "cell x candidate comparison was found.");
    }

    @Override
    public List<Arm> arms(Budget budget) {
        List<Arm> arms = new ArrayList<>();
        for (String cell : List.of("lstm", "gru")) {
            for (String candidate : candidates(budget)) {
                arms.add(new Arm(cell + " " + candidate, budget.base().withCell(cell)
                        .withCandidateAndOutput(candidate).withSetting(budget.harder())));
            }
        }
        return arms;
    }

    private static List<String> candidates(Budget budget) {
        List<String> candidates = new ArrayList<>(List.of("tanh"));
        budget.candidates().stream().filter(c -> !c.equals("tanh")).forEach(candidates::add);
        return candidates;
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        List<Arm> arms = arms(budget);
        int perCell = candidates(budget).size();
        List<String> lines = new ArrayList<>();
        Map<String, double[]> bars = new LinkedHashMap<>();
        int[] worse = new int[2];
        int[] pooledSolved = new int[2];
        int[] pooledRuns = new int[2];
        for (int c = 0; c < 2; c++) {
            List<Arm> mine = arms.subList(c * perCell, (c + 1) * perCell);
            VersusBase v = new VersusBase(evidence, mine.get(0), mine.subList(1, mine.size()));
            double[] shares = new double[perCell];
            shares[0] = v.baseOutcomes.share();
            for (int i = 0; i < v.comparisons.size(); i++) {
                Comparison comparison = v.comparisons.get(i);
                shares[i + 1] = comparison.arm().share();
                worse[c] += comparison.worse() ? 1 : 0;
                pooledSolved[c] += comparison.arm().solved();
                pooledRuns[c] += comparison.arm().runs();
            }
            lines.add(mine.get(0).config().cell() + ": " + v.baseOutcomes.describe() + " with tanh; "
                    + worse[c] + " of " + v.comparisons.size() + " other candidates significantly worse");
            lines.addAll(v.lines());
            bars.put(mine.get(0).config().cell(), shares);
        }
        double p = FisherExact.twoSided(pooledSolved[1], pooledRuns[1] - pooledSolved[1], pooledSolved[0],
                pooledRuns[0] - pooledSolved[0]).pValue();
        double lstmShare = (double) pooledSolved[0] / Math.max(1, pooledRuns[0]);
        double gruShare = (double) pooledSolved[1] / Math.max(1, pooledRuns[1]);
        Verdict verdict = p < Comparison.ALPHA && gruShare > lstmShare && worse[0] > worse[1] ? Verdict.HELD
                : lstmShare >= gruShare ? Verdict.NOT_HELD : Verdict.INCONCLUSIVE;
        String effect = String.format(Locale.ROOT, "non-tanh candidates solved: GRU %d/%d (%.2f) vs LSTM %d/%d "
                        + "(%.2f), Fisher p = %s; candidates significantly worse than tanh: LSTM %d, GRU %d",
                pooledSolved[1], pooledRuns[1], gruShare, pooledSolved[0], pooledRuns[0], lstmShare,
                Comparison.p(p), worse[0], worse[1]);
        ClaimFinding finding = finding(verdict, effect, lines, "-");
        return new Judgement(finding, ClaimCharts.groupedBars("Claim 9: share of seeds solved by cell and candidate "
                + "(adding T=" + budget.harder().length() + ")", "share of seeds solved", candidates(budget), bars,
                false));
    }

    /** Every run of a cell, for tests. */
    static List<RunResult> runs(Evidence evidence, List<Arm> arms) {
        List<RunResult> all = new ArrayList<>();
        arms.forEach(a -> all.addAll(evidence.of(a)));
        return all;
    }
}
