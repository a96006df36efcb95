package org.hotcell.study.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.study.CurvePoint;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.TaskSetting;
import org.junit.jupiter.api.Test;

/** The summary's sentences follow from fabricated numbers. */
class SummaryTest {
    static final TaskSetting ADDING = new TaskSetting("adding", 50, 16, 1000, 16, 100, 64, 0.01,
            TaskSetting.defaultGoal("adding"));
    static final TaskSetting COPY = new TaskSetting("copy", 10, 16, 300, 16, 100, 64, 0.01,
            TaskSetting.defaultGoal("copy"));

    /** A finished run. */
    static RunResult finished(TaskSetting task, String cell, String gate, String candidate, long seed,
                              double finalMetric, int solvedStep, double maxC) {
        return new RunResult(new RunSpec(task, cell, gate, candidate, seed), List.of(new CurvePoint(0, Double.NaN,
                0.17, 0, 0, Double.NaN)), 0.17, finalMetric, solvedStep, -1, "", maxC, 1, 0.5, 2, 0.4);
    }

    /** A run stopped by a NaN or infinity at {@code step}. */
    static RunResult diverged(TaskSetting task, String cell, String gate, String candidate, long seed, int step,
                              double maxC) {
        return new RunResult(new RunSpec(task, cell, gate, candidate, seed), List.of(), 0.17, Double.NaN, -1, step,
                "first non-finite value NaN in layer 0 forward (lstm)", maxC, 1, 0.5, 2, 0.4);
    }

    static List<RunResult> reluDivergesTanhSolves() {
        List<RunResult> runs = new ArrayList<>();
        runs.add(finished(ADDING, "lstm", "sigmoid", "tanh", 1, 0.004, 400, 3));
        runs.add(finished(ADDING, "lstm", "sigmoid", "tanh", 2, 0.006, 600, 2.5));
        runs.add(finished(ADDING, "lstm", "sigmoid", "tanh", 3, 0.005, 500, 2));
        runs.add(diverged(ADDING, "lstm", "sigmoid", "relu", 1, 120, 5000));
        runs.add(diverged(ADDING, "lstm", "sigmoid", "relu", 2, 340, 800));
        runs.add(finished(ADDING, "lstm", "sigmoid", "relu", 3, 0.05, -1, 40));
        return runs;
    }

    @Test
    void namesWhatSolvedHowFastAndInHowManySeeds() {
        assertThat(Summary.solved("adding", reluDivergesTanhSolves())).isEqualTo(
                "1 of 2 configurations solved adding (test_mse < 0.01) in at least one seed, fastest first: "
                        + "lstm/sigmoid/tanh in 3 of 3 seeds (median 500 steps).");
    }

    @Test
    void namesWhatDivergedWithTheStepsOfTheFirstNonFiniteValue() {
        assertThat(Summary.diverged("adding", reluDivergesTanhSolves())).isEqualTo(
                "On adding, relu as candidate and output (lstm, sigmoid gates) diverged in 2 of 3 seeds "
                        + "(first non-finite at steps 120, 340).");
    }

    @Test
    void gruCandidatesAreCalledCandidatesOnly() {
        List<RunResult> runs = List.of(diverged(ADDING, "gru", "hard_sigmoid", "elu", 4, 77, 0));
        assertThat(Summary.diverged("adding", runs)).isEqualTo(
                "On adding, elu as candidate (gru, hard_sigmoid gates) diverged in 1 of 1 seeds "
                        + "(first non-finite at step 77).");
        // A GRU has no cell state, so there is nothing to say about its growth.
        assertThat(Summary.cellStateGrowth("adding", runs)).isNull();
    }

    @Test
    void reportsTheLargestCellStateAndTanhsForComparison() {
        assertThat(Summary.cellStateGrowth("adding", reluDivergesTanhSolves())).isEqualTo(
                "Largest max |c| over training on adding: lstm/sigmoid/relu 5.00e+03, lstm/sigmoid/tanh 3.00; "
                        + "smallest: lstm/sigmoid/tanh 3.00; with tanh: lstm/sigmoid/tanh 3.00.");
    }

    @Test
    void bestAndWorstCandidateUseOnlyFiniteRuns() {
        assertThat(Summary.bestCandidates("adding", reluDivergesTanhSolves())).isEqualTo(
                "Mean final test_mse by candidate on adding (over gates and seeds that stayed finite): "
                        + "lstm best with tanh (test_mse 0.00500), worst with relu (0.0500).");
    }

    @Test
    void whenNothingSolvedItNamesTheBestAndTheStart() {
        List<RunResult> runs = List.of(
                finished(COPY, "gru", "sigmoid", "tanh", 1, 0.40, -1, 0),
                finished(COPY, "gru", "sigmoid", "relu", 1, 0.25, -1, 0));
        assertThat(Summary.solved("copy", runs)).isEqualTo("No configuration solved copy (test_accuracy >= 0.95) "
                + "within 300 steps; the best mean final test_accuracy was 0.400 (gru/sigmoid/tanh), against 0.170 "
                + "before training.");
        assertThat(Summary.diverged("copy", runs)).isEqualTo("No run diverged on copy: no NaN or infinity in 2 runs.");
        assertThat(Summary.bestCandidates("copy", runs)).contains("gru best with tanh (test_accuracy 0.400), "
                + "worst with relu (0.250)");
    }

    @Test
    void comparesGateFunctionsBySolvedDivergedAndMeanMetric() {
        List<RunResult> runs = List.of(
                finished(ADDING, "lstm", "sigmoid", "tanh", 1, 0.002, 300, 2),
                finished(ADDING, "lstm", "sigmoid", "tanh", 2, 0.004, 350, 2),
                finished(ADDING, "lstm", "hard_sigmoid", "tanh", 1, 0.1, -1, 2),
                diverged(ADDING, "lstm", "hard_sigmoid", "tanh", 2, 10, 2));
        assertThat(Summary.gates("adding", runs)).isEqualTo("Gate functions on adding: sigmoid solved 2 of 2 runs, "
                + "diverged in 0, mean final test_mse 0.00300; hard_sigmoid solved 0 of 2 runs, diverged in 1, "
                + "mean final test_mse 0.100.");
        assertThat(Summary.gates("adding", runs.subList(0, 2))).isNull();
    }

    @Test
    void sentencesGoTaskByTaskAndChangeWithTheNumbers() {
        List<RunResult> runs = new ArrayList<>(reluDivergesTanhSolves());
        runs.add(finished(COPY, "lstm", "sigmoid", "tanh", 1, 0.96, 200, 4));
        List<String> sentences = Summary.sentences(runs);
        assertThat(sentences.get(0)).contains("solved adding");
        assertThat(sentences).anyMatch(s -> s.contains("lstm/sigmoid/tanh in 1 of 1 seeds (median 200 steps)"));
        // One more diverged seed changes the count in the sentence.
        runs.set(5, diverged(ADDING, "lstm", "sigmoid", "relu", 3, 9, 1));
        assertThat(Summary.sentences(runs)).anyMatch(s -> s.contains("diverged in 3 of 3 seeds "
                + "(first non-finite at steps 120, 340, 9)"));
    }
}
