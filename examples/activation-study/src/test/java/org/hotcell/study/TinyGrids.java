package org.hotcell.study;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.hotcell.core.registry.PluginRegistry;

/** Grids small enough to train in a second, for tests. */
final class TinyGrids {
    private TinyGrids() {
    }

    /** Adding with T=6: hidden 4, 6 steps of 4, the metric every 2 steps on 8 test sequences. */
    static TaskSetting tinyAdding() {
        return new TaskSetting("adding", 6, 4, 6, 4, 2, 8, 0.01, TaskSetting.defaultGoal("adding"));
    }

    /** 1 cell x 2 candidates x 1 seed on the tiny adding task. */
    static StudyPlan plan(List<String> candidates) {
        return new StudyPlan(List.of(tinyAdding()), List.of("lstm"), List.of("sigmoid"), candidates, List.of(7L),
                Presets.CLIP);
    }

    /** Runs a plan quietly (no progress bars), returning what it printed with the outcome. */
    static Ran run(StudyPlan plan, PluginRegistry registry, Path dir, int threads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StudyOutcome outcome = Study.run(plan, registry, dir, threads, out, null);
        return new Ran(outcome, bytes.toString(StandardCharsets.UTF_8));
    }

    record Ran(StudyOutcome outcome, String printed) {
    }
}
