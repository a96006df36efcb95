package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.Verdict;

/**
 * Claim 1: sigmoid's 0..1 range is what gating needs. Gates of sigmoid, hard_sigmoid (also 0..1), tanh (-1..1,
 * so a gate can flip the sign of what it passes) and relu (unbounded, so a gate can amplify) on the standard LSTM.
 */
final class GatingRangeClaim extends BaseClaim {
    GatingRangeClaim() {
        super(1, "Sigmoid's 0..1 range is what gating needs: 0..1 gates (sigmoid, hard_sigmoid) train, gates outside "
                + "0..1 (tanh, relu) fail or become unstable.",
                "Keras shipped hard_sigmoid as the LSTM's default gate function until TensorFlow 2 (2019) without "
                + "reported loss; published LSTM variants (Greff et al. 2017) keep gates in 0..1.");
    }

    @Override
    public List<Arm> arms(Budget budget) {
        return List.of(new Arm("sigmoid gates", budget.base()),
                new Arm("hard_sigmoid gates", budget.base().withGate("hard_sigmoid")),
                new Arm("tanh gates", budget.base().withGate("tanh")),
                new Arm("relu gates", budget.base().withGate("relu")));
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        VersusBase v = firstAgainstRest(evidence, budget);
        Comparison hard = v.of("hard_sigmoid gates");
        Comparison tanh = v.of("tanh gates");
        Comparison relu = v.of("relu gates");
        Verdict verdict;
        if (!hard.worse() && tanh.worse() && relu.worse()) {
            verdict = Verdict.HELD;
        } else if (hard.worse() || tanh.asGood() || relu.asGood()) {
            verdict = Verdict.NOT_HELD;
        } else {
            verdict = Verdict.INCONCLUSIVE;
        }
        String effect = String.format(java.util.Locale.ROOT, "solved: sigmoid %d/%d, hard_sigmoid %d/%d, "
                        + "tanh %d/%d, relu %d/%d; tanh gates vs sigmoid %+.2f (%s), relu gates %+.2f (%s)",
                v.baseOutcomes.solved(), v.baseOutcomes.runs(), hard.arm().solved(), hard.arm().runs(),
                tanh.arm().solved(), tanh.arm().runs(), relu.arm().solved(), relu.arm().runs(),
                tanh.arm().share() - v.baseOutcomes.share(), Outcomes.ci(tanh.difference()),
                relu.arm().share() - v.baseOutcomes.share(), Outcomes.ci(relu.difference()));
        List<String> evidenceLines = new ArrayList<>(v.lines());
        evidenceLines.add(Text.maxC(v.runs));
        ClaimFinding finding = finding(verdict, effect, evidenceLines, hard.worse() ? "disagree" : "agree");
        return new Judgement(finding, v.successPlot("Claim 1: gate functions (LSTM, tanh candidate/output, "
                + "adding T=50)"));
    }
}
