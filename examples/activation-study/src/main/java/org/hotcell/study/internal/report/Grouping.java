package org.hotcell.study.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.hotcell.study.RunResult;

/** Results grouped the ways the report needs them, in the order the runs were planned. */
final class Grouping {
    private Grouping() {
    }

    /** Task name to its results. */
    static Map<String, List<RunResult>> byTask(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.spec().setting().task(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** Configuration ({@code cell/gate/candidate}) to its seeds' results. */
    static Map<String, List<RunResult>> byConfiguration(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.spec().configuration(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** The distinct values of a key, in order of first appearance. */
    static List<String> distinct(List<RunResult> results, java.util.function.Function<RunResult, String> key) {
        List<String> values = new ArrayList<>();
        for (RunResult r : results) {
            String v = key.apply(r);
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return values;
    }

    /** The mean of the finite values, or NaN when there are none. */
    static double meanFinite(List<RunResult> results, ToDoubleFunction<RunResult> value) {
        double sum = 0;
        int n = 0;
        for (RunResult r : results) {
            double v = value.applyAsDouble(r);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The median of the values (the lower middle one for an even count); NaN for none. */
    static double median(List<Integer> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
