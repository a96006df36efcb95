package org.hotcell.study;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.error.InvalidSpecException;

/**
 * The grid: every task setting x cell x gate function x candidate function x seed, run with gradient-norm
 * clipping at {@code clip}.
 *
 * @param tasks      the tasks and how to train on each
 * @param cells      cell types with a gate and a candidate role ({@code lstm}, {@code gru})
 * @param gates      activations for every gate
 * @param candidates activations for the candidate (and an LSTM's output)
 * @param seeds      one run per seed
 * @param clip       the gradient-norm clipping bound (0 for none)
 */
public record StudyPlan(List<TaskSetting> tasks, List<String> cells, List<String> gates, List<String> candidates,
                        List<Long> seeds, double clip) {

    /** @throws InvalidSpecException when a list is empty */
    public StudyPlan {
        tasks = List.copyOf(tasks);
        cells = List.copyOf(cells);
        gates = List.copyOf(gates);
        candidates = List.copyOf(candidates);
        seeds = List.copyOf(seeds);
        if (tasks.isEmpty() || cells.isEmpty() || gates.isEmpty() || candidates.isEmpty() || seeds.isEmpty()) {
            throw new InvalidSpecException("a study needs at least one task, cell, gate, candidate and seed; got "
                    + tasks.size() + " tasks, " + cells + ", gates " + gates + ", candidates " + candidates
                    + ", seeds " + seeds);
        }
    }

    /** Every run, task-major then cell, gate, candidate and seed: the order of results.csv. */
    public List<RunSpec> runs() {
        List<RunSpec> runs = new ArrayList<>();
        for (TaskSetting task : tasks) {
            for (String cell : cells) {
                for (String gate : gates) {
                    for (String candidate : candidates) {
                        for (long seed : seeds) {
                            runs.add(new RunSpec(task, cell, gate, candidate, seed));
                        }
                    }
                }
            }
        }
        return runs;
    }

    /** The same grid with other candidates. */
    public StudyPlan withCandidates(List<String> newCandidates) {
        return new StudyPlan(tasks, cells, gates, newCandidates, seeds, clip);
    }
}
