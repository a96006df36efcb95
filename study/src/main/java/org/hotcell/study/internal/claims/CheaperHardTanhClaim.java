package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotcell.study.ClaimFinding;
import org.hotcell.study.Verdict;
import org.hotcell.study.internal.report.ClaimCharts;
import org.hotcell.study.internal.stats.Holm;
import org.hotcell.study.internal.stats.MannWhitney;
import org.hotcell.study.internal.stats.MannWhitneyResult;
import org.hotcell.study.internal.stats.Median;

/**
 * Claim 8: hard_tanh is cheaper than tanh. Timed in this process, activations interleaved round-robin so the
 * machine's noise falls on all alike: nanoseconds per element of each activation's bulk forward kernel on an
 * L1-resident array, and milliseconds per training step of the standard LSTM with each candidate. No runs.
 */
final class CheaperHardTanhClaim extends BaseClaim {
    CheaperHardTanhClaim() {
        super(8, "hard_tanh is cheaper than tanh: its kernel takes less time per element, and so does a training step.",
                "Common knowledge (Gulcehre et al. 2016 and others use hard saturating functions for speed); no "
                + "published per-step figure for an LSTM on a CPU was found.");
    }

    /** The activations timed: tanh and its cheap stand-ins, and the others the study compares. */
    static final List<String> TIMED = List.of("tanh", "hard_tanh", "sigmoid", "hard_sigmoid", "relu",
            "leaky_relu", "softsign", "elu", "silu", "identity");
    /** The candidates whose training step is timed. */
    static final List<String> STEP_TIMED = List.of("tanh", "hard_tanh", "relu");




    @Override
    public List<Arm> arms(Budget budget) {
        return List.of();
    }

    @Override
    public Judgement judge(Evidence evidence, Budget budget) {
        Timings t = evidence.timings();
        if (t == null) {
            throw new IllegalStateException("claim 8 needs the timings");
        }
        MannWhitneyResult kernel = MannWhitney.test(t.kernelNanos().get("hard_tanh"), t.kernelNanos().get("tanh"));
        MannWhitneyResult step = MannWhitney.test(t.stepMillis().get("hard_tanh"), t.stepMillis().get("tanh"));
        double[] adjusted = Holm.adjust(kernel.pValue(), step.pValue());
        double kernelRatio = Median.of(t.kernelNanos().get("hard_tanh")) / Median.of(t.kernelNanos().get("tanh"));
        double stepRatio = Median.of(t.stepMillis().get("hard_tanh")) / Median.of(t.stepMillis().get("tanh"));
        boolean kernelFaster = adjusted[0] < Comparison.ALPHA && kernel.probabilityOfSuperiority() < 0.5;
        boolean kernelSlower = adjusted[0] < Comparison.ALPHA && kernel.probabilityOfSuperiority() > 0.5;
        boolean stepFaster = adjusted[1] < Comparison.ALPHA && step.probabilityOfSuperiority() < 0.5;
        Verdict verdict = kernelFaster && stepFaster ? Verdict.HELD
                : kernelSlower || !kernelFaster && kernelRatio >= 1 ? Verdict.NOT_HELD : Verdict.INCONCLUSIVE;
        String effect = String.format(Locale.ROOT, "kernel: hard_tanh %.3f vs tanh %.3f ns/element (ratio %.2f), "
                        + "Holm p = %s; training step: %.3f vs %.3f ms (ratio %.3f), Holm p = %s",
                Median.of(t.kernelNanos().get("hard_tanh")), Median.of(t.kernelNanos().get("tanh")), kernelRatio,
                Comparison.p(adjusted[0]), Median.of(t.stepMillis().get("hard_tanh")), Median.of(t.stepMillis().get("tanh")),
                stepRatio, Comparison.p(adjusted[1]));
        List<String> lines = new ArrayList<>();
        lines.add("machine: " + t.machine());
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String name : TIMED) {
            double[] samples = t.kernelNanos().get(name);
            if (samples != null) {
                names.add(name);
                values.add(Median.of(samples));
                double[] backward = t.derivativeNanos().get(name);
                lines.add(String.format(Locale.ROOT, "%s: forward %.3f ns/element, derivative %s ns/element "
                                + "(medians of %d samples)", name, Median.of(samples),
                        backward == null ? "n/a" : String.format(Locale.ROOT, "%.3f", Median.of(backward)),
                        samples.length));
            }
        }
        Map<String, double[]> steps = new LinkedHashMap<>();
        for (String name : STEP_TIMED) {
            double[] samples = t.stepMillis().get(name);
            if (samples != null) {
                steps.put(name, samples);
                lines.add(String.format(Locale.ROOT, "training step with %s: %.3f ms (median of %d)", name,
                        Median.of(samples), samples.length));
            }
        }
        lines.add("verdict needs both: a kernel and a training step significantly faster (Holm p < 0.05)");
        ClaimFinding finding = finding(verdict, effect, lines, "-");
        return new Judgement(finding, ClaimCharts.bars("Claim 8: bulk forward kernel, ns per element (median)",
                "ns per element", names, values.stream().mapToDouble(Double::doubleValue).toArray(), null, null));
    }

}
