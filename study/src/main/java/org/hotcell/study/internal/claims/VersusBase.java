package org.hotcell.study.internal.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcell.study.RunResult;
import org.hotcell.study.internal.report.ClaimCharts;

/** Claims that compare some arms with a baseline arm on the task: outcomes, comparisons and their plots. */
final class VersusBase {
    final Arm base;
    final List<Arm> arms;
    final Outcomes baseOutcomes;
    final List<Comparison> comparisons;
    final Map<String, List<RunResult>> runs = new LinkedHashMap<>();

    VersusBase(Evidence evidence, Arm base, List<Arm> arms) {
        this.base = base;
        this.arms = List.copyOf(arms);
        List<RunResult> baseRuns = evidence.of(base);
        runs.put(base.name(), baseRuns);
        this.baseOutcomes = Outcomes.of(base.name(), baseRuns);
        List<Outcomes> outcomes = new ArrayList<>();
        List<List<RunResult>> armRuns = new ArrayList<>();
        for (Arm arm : arms) {
            List<RunResult> r = evidence.of(arm);
            runs.put(arm.name(), r);
            armRuns.add(r);
            outcomes.add(Outcomes.of(arm.name(), r));
        }
        this.comparisons = Comparison.against(baseOutcomes, baseRuns, outcomes, armRuns);
    }

    /** The comparison of the named arm. */
    Comparison of(String name) {
        return comparisons.stream().filter(c -> c.arm().name().equals(name)).findFirst().orElseThrow();
    }

    /** A line per comparison. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        comparisons.forEach(c -> lines.add(c.describe()));
        return lines;
    }

    /** Success rates with Wilson intervals, the baseline first. */
    byte[] successPlot(String title) {
        List<Outcomes> all = new ArrayList<>();
        all.add(baseOutcomes);
        comparisons.forEach(c -> all.add(c.arm()));
        return successPlot(title, all);
    }

    static byte[] successPlot(String title, List<Outcomes> all) {
        double[] v = all.stream().mapToDouble(Outcomes::share).toArray();
        double[] lo = all.stream().mapToDouble(o -> o.rate().low()).toArray();
        double[] hi = all.stream().mapToDouble(o -> o.rate().high()).toArray();
        return ClaimCharts.bars(title, "share of seeds solved (95% Wilson CI)", all.stream().map(Outcomes::name)
                .toList(), v, lo, hi);
    }
}
