package org.hotcell.study;

import java.util.List;

/**
 * The study's two standard grids. Both cover every cell, gate and candidate function; they differ in model size,
 * training budget and seeds.
 *
 * <p>The quick grid is sized to finish in under ten minutes on two cores (measured: about 5 minutes for its 252
 * runs while the machine was busy with other builds): three seeds, hidden 16, 400 steps of 16 sequences (150 on
 * sine). That is enough to solve sine and, for some functions, adding at T=50, but not copy; the full grid
 * (three seeds, hidden 32, 2000 steps of 32) gives every configuration a fair budget and takes hours.
 */
public final class Presets {
    /** The cells of the grid. */
    public static final List<String> CELLS = List.of("lstm", "gru");
    /** The gate functions of the grid. */
    public static final List<String> GATES = List.of("sigmoid", "hard_sigmoid");
    /** The standard candidate/output functions of the grid (plugins add theirs). */
    public static final List<String> CANDIDATES = List.of("tanh", "relu", "leaky_relu", "hard_tanh", "softsign",
            "elu", "silu");
    /** Gradient-norm clipping of every run, as most LSTM training uses. */
    public static final double CLIP = 1.0;

    private Presets() {
    }

    /** The quick grid's task settings: adding T=50, copy with delay 10, sine T=40. */
    public static List<TaskSetting> quickTasks() {
        return List.of(
                new TaskSetting("adding", 50, 16, 400, 16, 25, 128, 0.01, TaskSetting.defaultGoal("adding")),
                new TaskSetting("copy", 10, 16, 400, 16, 25, 128, 0.01, TaskSetting.defaultGoal("copy")),
                new TaskSetting("sine", 40, 16, 150, 16, 10, 128, 0.01, TaskSetting.defaultGoal("sine")));
    }

    /** The full grid's task settings. */
    public static List<TaskSetting> fullTasks() {
        return List.of(
                new TaskSetting("adding", 50, 32, 2000, 32, 100, 512, 0.01, TaskSetting.defaultGoal("adding")),
                new TaskSetting("copy", 10, 32, 2000, 32, 100, 512, 0.01, TaskSetting.defaultGoal("copy")),
                new TaskSetting("sine", 40, 32, 800, 32, 50, 512, 0.01, TaskSetting.defaultGoal("sine")));
    }

    /** The quick grid. */
    public static StudyPlan quick() {
        return new StudyPlan(quickTasks(), CELLS, GATES, CANDIDATES, List.of(1L, 2L, 3L), CLIP);
    }

    /** The full grid. */
    public static StudyPlan full() {
        return new StudyPlan(fullTasks(), CELLS, GATES, CANDIDATES, List.of(1L, 2L, 3L), CLIP);
    }
}
