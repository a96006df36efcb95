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
import org.hotcell.study.internal.stats.Holm;
import org.hotcell.study.internal.stats.MannWhitney;
import org.hotcell.study.internal.stats.MannWhitneyResult;
import org.hotcell.study.internal.stats.Median;

/**
 * Claim 7: leaky ReLU fixes ReLU's dead units. relu against leaky_relu with slopes 0.01 (the default), 0.1 and
 * 0.3 as candidate and output. A unit is dead when its cell state is at or below zero at every step of every
 * test sequence: with relu as the output function its h is then always 0.
 */
final class LeakyReluClaim extends BaseClaim {
    LeakyReluClaim() {
        super(7, "Leaky ReLU avoids ReLU's dead units, and its negative slope makes the LSTM learn better.",
                "Maas et al. 2013 introduced the leaky ReLU against units that never activate in feed-forward "
                + "networks; no recurrent study was found.");
    }

    @Override
    public List<Arm> arms(Budget budget) {
        return List.of(new Arm("relu", budget.base().withCandidateAndOutput("relu")),
                new Arm("leaky_relu 0.01", budget.base().withCandidateAndOutput("leaky_relu")),
                new Arm("leaky_relu 0.1", budget.base().withCandidateAndOutput("leaky_relu(0.1)")),
                new Arm("leaky_relu 0.3", budget.base().withCandidateAndOutput("leaky_relu(0.3)")));
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        VersusBase v = firstAgainstRest(evidence, budget);
        double[] reluDead = Outcomes.finite(evidence.of(v.base), r -> r.state().deadShare());
        List<RunResult> leaky = new ArrayList<>();
        v.arms.forEach(a -> leaky.addAll(evidence.of(a)));
        double[] leakyDead = Outcomes.finite(leaky, r -> r.state().deadShare());
        MannWhitneyResult dead = reluDead.length == 0 || leakyDead.length == 0 ? null
                : MannWhitney.test(reluDead, leakyDead);
        double deadP = dead == null || java.util.Arrays.equals(reluDead, leakyDead) ? 1.0
                : Holm.adjust(dead.pValue())[0];
        boolean moreDead = dead != null && deadP < Comparison.ALPHA && dead.probabilityOfSuperiority() > 0.5;
        boolean leakyBetter = v.comparisons.stream().anyMatch(Comparison::better);
        boolean reluAsGood = v.comparisons.stream().noneMatch(Comparison::better)
                && v.comparisons.stream().allMatch(c -> c.base().share() >= c.arm().share());
        Verdict verdict = moreDead && leakyBetter ? Verdict.HELD
                : reluAsGood && !moreDead ? Verdict.NOT_HELD : Verdict.INCONCLUSIVE;
        Map<String, double[]> bars = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(v.runs.keySet());
        double[] deadShares = new double[names.size()];
        double[] solved = new double[names.size()];
        List<String> lines = new ArrayList<>(v.lines());
        for (int i = 0; i < names.size(); i++) {
            List<RunResult> runs = v.runs.get(names.get(i));
            deadShares[i] = Median.of(Outcomes.finite(runs, r -> r.state().deadShare()));
            solved[i] = Outcomes.of(names.get(i), runs).share();
            lines.add(String.format(Locale.ROOT, "%s: median share of dead units %.1f%%", names.get(i),
                    100 * deadShares[i]));
        }
        bars.put("share of dead units (median)", deadShares);
        bars.put("share of seeds solved", solved);
        String effect = String.format(Locale.ROOT, "dead units: relu %.1f%% vs leaky %.1f%% (medians), P(relu more) "
                        + "= %s, p = %s; a leaky slope significantly better than relu: %s",
                100 * Median.of(reluDead), 100 * Median.of(leakyDead),
                dead == null ? "n/a" : String.format(Locale.ROOT, "%.2f", dead.probabilityOfSuperiority()),
                Comparison.p(deadP), leakyBetter ? "yes" : "no");
        ClaimFinding finding = finding(verdict, effect, lines, "-");
        return new Judgement(finding, ClaimCharts.groupedBars("Claim 7: relu vs leaky_relu (LSTM, adding T=50)",
                "share", names, bars, false));
    }
}
