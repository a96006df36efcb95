package org.hotcell.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seeds give the same numbers, however the runs are spread over threads. */
class DeterminismTest {

    @Test
    void twoStudiesOfTheSameGridWriteIdenticalResults(@TempDir Path first, @TempDir Path second,
                                                     @TempDir Path serial) throws IOException {
        StudyPlan plan = new StudyPlan(List.of(TinyGrids.tinyAdding()), List.of("lstm", "gru"), List.of("sigmoid"),
                List.of("tanh", "relu"), List.of(1L, 2L), Presets.CLIP);
        PluginRegistry registry = PluginRegistry.discover();
        TinyGrids.run(plan, registry, first, 2);
        TinyGrids.run(plan, registry, second, 2);
        TinyGrids.run(plan, registry, serial, 1);
        String csv = Files.readString(first.resolve("results.csv"));
        assertThat(csv.lines()).hasSize(1 + 8);
        assertThat(second.resolve("results.csv")).hasContent(csv);
        assertThat(serial.resolve("results.csv")).hasContent(csv);
        assertThat(second.resolve("curves.csv")).hasContent(Files.readString(first.resolve("curves.csv")));
    }

    @Test
    void differentSeedsGiveDifferentRuns(@TempDir Path dir) {
        StudyPlan plan = new StudyPlan(List.of(TinyGrids.tinyAdding()), List.of("lstm"), List.of("sigmoid"),
                List.of("tanh"), List.of(1L, 2L), Presets.CLIP);
        List<RunResult> results = TinyGrids.run(plan, PluginRegistry.discover(), dir, 2).outcome().results();
        assertThat(results.get(0).finalMetric()).isNotEqualTo(results.get(1).finalMetric());
    }
}
