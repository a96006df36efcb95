package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.Verdict;

/**
 * Claim 5: the output activation matters. Greff et al.'s NOAF (no output activation: {@code identity} as the
 * LSTM's output function) and NIAF (no input activation: {@code identity} as the candidate) against tanh. The
 * GRU has no second tanh at all, which is why the question comes up.
 */
final class OutputActivationClaim extends BaseClaim {
    OutputActivationClaim() {
        super(5, "The output activation matters: an LSTM without it (identity output, Greff's NOAF) learns worse than "
                + "with tanh; so does one without the candidate's (identity candidate, NIAF).",
                "Greff et al. 2017 (LSTM: A Search Space Odyssey): removing the output activation (NOAF) hurt "
                + "performance significantly on all three datasets.");
    }

    @Override
    public List<Arm> arms(Budget budget) {
        return List.of(new Arm("tanh output and candidate", budget.base()),
                new Arm("identity output (NOAF)", budget.base().withOutput("identity")),
                new Arm("identity candidate (NIAF)", budget.base().withCandidate("identity")));
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        VersusBase v = firstAgainstRest(evidence, budget);
        Comparison noaf = v.of("identity output (NOAF)");
        Comparison niaf = v.of("identity candidate (NIAF)");
        Verdict verdict = noaf.worse() ? Verdict.HELD
                : noaf.asGood() || noaf.better() ? Verdict.NOT_HELD : Verdict.INCONCLUSIVE;
        String effect = String.format(Locale.ROOT, "NOAF %d/%d solved vs tanh %d/%d, difference %+.2f (%s), Holm "
                        + "p = %s; NIAF %d/%d, Holm p = %s", noaf.arm().solved(), noaf.arm().runs(),
                v.baseOutcomes.solved(), v.baseOutcomes.runs(), noaf.arm().share() - v.baseOutcomes.share(),
                Outcomes.ci(noaf.difference()), Comparison.p(noaf.adjustedP()), niaf.arm().solved(),
                niaf.arm().runs(), Comparison.p(niaf.adjustedP()));
        List<String> lines = new ArrayList<>(v.lines());
        lines.add(Text.maxC(v.runs));
        ClaimFinding finding = finding(verdict, effect, lines, agreement(verdict));
        return new Judgement(finding, v.successPlot("Claim 5: output and candidate activation (LSTM, adding T=50)"));
    }
}
