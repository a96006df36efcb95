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
import org.hotcell.study.internal.stats.Median;

/**
 * Claim 2: the candidate must be able to be negative. With a sigmoid candidate (0..1) or a relu one (0..inf),
 * {@code i * g} never pushes c down, so c can only fall by the forget gate's decay. The output function stays
 * tanh, so only the candidate changes.
 */
final class NegativeCandidateClaim extends BaseClaim {
    NegativeCandidateClaim() {
        super(2, "The candidate must be able to be negative: with a sigmoid (or relu) candidate the cell state can "
                + "only grow between forget-gate decays, and the LSTM learns worse.",
                "Every published LSTM uses a zero-centred candidate (Hochreiter & Schmidhuber 1997: 4 sigmoid(x) - 2, "
                + "in -2..2; later tanh); no study of a non-negative candidate was found.");
    }

    @Override
    public List<Arm> arms(Budget budget) {
        return List.of(new Arm("tanh candidate", budget.base()),
                new Arm("sigmoid candidate", budget.base().withCandidate("sigmoid")),
                new Arm("relu candidate", budget.base().withCandidate("relu")));
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        VersusBase v = firstAgainstRest(evidence, budget);
        Comparison sigmoid = v.of("sigmoid candidate");
        Verdict verdict = sigmoid.worse() ? Verdict.HELD
                : sigmoid.asGood() || sigmoid.better() ? Verdict.NOT_HELD : Verdict.INCONCLUSIVE;
        Map<String, double[]> shares = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(v.runs.keySet());
        double[] falls = new double[names.size()];
        double[] negative = new double[names.size()];
        double[] solved = new double[names.size()];
        List<String> lines = new ArrayList<>(v.lines());
        for (int i = 0; i < names.size(); i++) {
            List<RunResult> runs = v.runs.get(names.get(i));
            falls[i] = Median.of(Outcomes.finite(runs, r -> r.state().fallShare()));
            negative[i] = Median.of(Outcomes.finite(runs, r -> r.state().negativeShare()));
            solved[i] = Outcomes.of(names.get(i), runs).share();
            lines.add(String.format(Locale.ROOT, "%s: c fell at %.1f%% of steps, c < 0 at %.1f%% (medians over "
                    + "seeds, test set)", names.get(i), 100 * falls[i], 100 * negative[i]));
        }
        shares.put("share of steps where c fell", falls);
        shares.put("share of states c < 0", negative);
        shares.put("share of seeds solved", solved);
        String effect = String.format(Locale.ROOT, "sigmoid candidate: %d/%d solved vs tanh %d/%d, difference "
                        + "%+.2f (%s), Holm p = %s; c fell at %.1f%% vs %.1f%% of steps",
                sigmoid.arm().solved(), sigmoid.arm().runs(), v.baseOutcomes.solved(), v.baseOutcomes.runs(),
                sigmoid.arm().share() - v.baseOutcomes.share(), Outcomes.ci(sigmoid.difference()),
                Comparison.p(sigmoid.adjustedP()), 100 * falls[1], 100 * falls[0]);
        ClaimFinding finding = finding(verdict, effect, lines, "-");
        return new Judgement(finding, ClaimCharts.groupedBars("Claim 2: candidate sign (LSTM, tanh output, "
                + "adding T=50)", "share", names, shares, false));
    }
}
