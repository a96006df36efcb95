package org.hotcell.study.internal.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotcell.study.Goal;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.TaskSetting;

/**
 * The report's summary: sentences computed from the results, never written in advance. Per task it says which
 * configurations solved it and how fast, which diverged and where, how far the cell state grew, how the gate
 * functions compare, and the best candidate per cell.
 */
public final class Summary {
    /** At most this many configurations are named in one list; the rest are counted. */
    static final int LIST_LIMIT = 6;

    private Summary() {
    }

    /** The sentences, task by task in the order the tasks were run. */
    public static List<String> sentences(List<RunResult> results) {
        List<String> sentences = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> task : Grouping.byTask(results).entrySet()) {
            List<RunResult> runs = task.getValue();
            sentences.add(solved(task.getKey(), runs));
            sentences.add(diverged(task.getKey(), runs));
            String growth = cellStateGrowth(task.getKey(), runs);
            if (growth != null) {
                sentences.add(growth);
            }
            String gates = gates(task.getKey(), runs);
            if (gates != null) {
                sentences.add(gates);
            }
            sentences.add(bestCandidates(task.getKey(), runs));
        }
        return sentences;
    }

    static String solved(String task, List<RunResult> runs) {
        TaskSetting setting = runs.get(0).spec().setting();
        Goal goal = setting.goal();
        Map<String, List<RunResult>> configurations = Grouping.byConfiguration(runs);
        record Solver(String configuration, int solved, int seeds, double medianSteps) {
        }
        List<Solver> solvers = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> c : configurations.entrySet()) {
            List<Integer> steps = c.getValue().stream().filter(RunResult::solved).map(RunResult::solvedStep).toList();
            if (!steps.isEmpty()) {
                solvers.add(new Solver(c.getKey(), steps.size(), c.getValue().size(), Grouping.median(steps)));
            }
        }
        if (solvers.isEmpty()) {
            String best = null;
            double bestValue = Double.NaN;
            for (Map.Entry<String, List<RunResult>> c : configurations.entrySet()) {
                double mean = Grouping.meanFinite(c.getValue(), RunResult::finalMetric);
                if (goal.better(mean, bestValue)) {
                    bestValue = mean;
                    best = c.getKey();
                }
            }
            String bestText = best == null ? "every run diverged"
                    : "the best mean final " + goal.metric() + " was " + number(bestValue) + " (" + best + ")";
            return String.format(Locale.ROOT, "No configuration solved %s (%s) within %d steps; %s, against %s "
                            + "before training.", task, goal.describe(), setting.steps(), bestText,
                    number(Grouping.meanFinite(runs, RunResult::initialMetric)));
        }
        solvers.sort(Comparator.comparingDouble(Solver::medianSteps).thenComparing(s -> -s.solved()));
        List<String> parts = new ArrayList<>();
        for (Solver s : solvers.subList(0, Math.min(LIST_LIMIT, solvers.size()))) {
            parts.add(String.format(Locale.ROOT, "%s in %d of %d seeds (median %d steps)", s.configuration(),
                    s.solved(), s.seeds(), (long) s.medianSteps()));
        }
        String more = solvers.size() > LIST_LIMIT ? " and " + (solvers.size() - LIST_LIMIT) + " more" : "";
        return String.format(Locale.ROOT, "%d of %d configurations solved %s (%s) in at least one seed, fastest "
                        + "first: %s%s.", solvers.size(), configurations.size(), task, goal.describe(),
                String.join("; ", parts), more);
    }

    static String diverged(String task, List<RunResult> runs) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> c : Grouping.byConfiguration(runs).entrySet()) {
            List<RunResult> bad = c.getValue().stream().filter(RunResult::diverged).toList();
            if (bad.isEmpty()) {
                continue;
            }
            RunSpec spec = bad.get(0).spec();
            List<String> steps = bad.stream().map(r -> String.valueOf(r.divergedStep())).toList();
            parts.add(String.format(Locale.ROOT, "%s as %s (%s, %s gates) diverged in %d of %d seeds "
                            + "(first non-finite at step%s %s)", spec.candidate(), role(spec.cell()), spec.cell(),
                    spec.gate(), bad.size(), c.getValue().size(), steps.size() == 1 ? "" : "s",
                    String.join(", ", steps)));
        }
        if (parts.isEmpty()) {
            return String.format(Locale.ROOT, "No run diverged on %s: no NaN or infinity in %d runs.", task,
                    runs.size());
        }
        return "On " + task + ", " + String.join("; ", parts) + ".";
    }

    static String cellStateGrowth(String task, List<RunResult> runs) {
        record Growth(String configuration, RunSpec spec, double maxC) {
        }
        List<Growth> growth = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> c : Grouping.byConfiguration(runs).entrySet()) {
            double max = c.getValue().stream().mapToDouble(RunResult::maxAbsC).max().orElse(0);
            if (max > 0) {
                growth.add(new Growth(c.getKey(), c.getValue().get(0).spec(), max));
            }
        }
        if (growth.isEmpty()) {
            return null;
        }
        growth.sort(Comparator.comparingDouble(Growth::maxC).reversed());
        List<String> top = new ArrayList<>();
        for (Growth g : growth.subList(0, Math.min(3, growth.size()))) {
            top.add(g.configuration() + " " + number(g.maxC()));
        }
        Growth least = growth.get(growth.size() - 1);
        String tanh = growth.stream().filter(g -> g.spec().candidate().equals("tanh"))
                .map(g -> g.configuration() + " " + number(g.maxC())).reduce((a, b) -> a + ", " + b).orElse(null);
        return String.format(Locale.ROOT, "Largest max |c| over training on %s: %s; smallest: %s %s%s.", task,
                String.join(", ", top), least.configuration(), number(least.maxC()),
                tanh == null ? "" : "; with tanh: " + tanh);
    }

    static String gates(String task, List<RunResult> runs) {
        List<String> gates = Grouping.distinct(runs, r -> r.spec().gate());
        if (gates.size() < 2) {
            return null;
        }
        Goal goal = runs.get(0).spec().setting().goal();
        List<String> parts = new ArrayList<>();
        for (String gate : gates) {
            List<RunResult> mine = runs.stream().filter(r -> r.spec().gate().equals(gate)).toList();
            long solved = mine.stream().filter(RunResult::solved).count();
            long diverged = mine.stream().filter(RunResult::diverged).count();
            parts.add(String.format(Locale.ROOT, "%s solved %d of %d runs, diverged in %d, mean final %s %s", gate,
                    solved, mine.size(), diverged, goal.metric(),
                    number(Grouping.meanFinite(mine, RunResult::finalMetric))));
        }
        return "Gate functions on " + task + ": " + String.join("; ", parts) + ".";
    }

    static String bestCandidates(String task, List<RunResult> runs) {
        Goal goal = runs.get(0).spec().setting().goal();
        List<String> parts = new ArrayList<>();
        for (String cell : Grouping.distinct(runs, r -> r.spec().cell())) {
            String best = null;
            double bestValue = Double.NaN;
            String worst = null;
            double worstValue = Double.NaN;
            for (String candidate : Grouping.distinct(runs, r -> r.spec().candidate())) {
                List<RunResult> mine = runs.stream()
                        .filter(r -> r.spec().cell().equals(cell) && r.spec().candidate().equals(candidate)).toList();
                double mean = Grouping.meanFinite(mine, RunResult::finalMetric);
                if (Double.isNaN(mean)) {
                    continue;
                }
                if (best == null || goal.better(mean, bestValue)) {
                    best = candidate;
                    bestValue = mean;
                }
                if (worst == null || goal.better(worstValue, mean)) {
                    worst = candidate;
                    worstValue = mean;
                }
            }
            if (best != null) {
                parts.add(String.format(Locale.ROOT, "%s best with %s (%s %s), worst with %s (%s)", cell, best,
                        goal.metric(), number(bestValue), worst, number(worstValue)));
            }
        }
        if (parts.isEmpty()) {
            return "No candidate finished a run on " + task + ".";
        }
        return "Mean final " + goal.metric() + " by candidate on " + task + " (over gates and seeds that stayed "
                + "finite): " + String.join("; ", parts) + ".";
    }

    /** The role a run's candidate function plays in a cell. */
    static String role(String cell) {
        return cell.equals("lstm") ? "candidate and output" : "candidate";
    }

    /** Three significant digits, e.g. {@code 0.0123}, {@code 1.23e+04}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
