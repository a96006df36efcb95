package org.hotcell.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.study.internal.report.ResultsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that overflows is a result (the step and place of the first NaN or infinity), not a failed study. */
class DivergenceTest {

    @Test
    void anExplodingCandidateIsRecordedAsDivergedWithItsStep(@TempDir Path dir) throws IOException {
        // alpha * x with alpha = 1e30: the first candidate is ~1e30 and the output of c ~1e60 overflows float.
        String exploding = "affine(alpha=1e30, beta=0)";
        StudyPlan plan = new StudyPlan(List.of(TinyGrids.tinyAdding()), List.of("lstm"), List.of("sigmoid"),
                List.of("tanh", exploding), List.of(1L), 0);
        List<RunResult> results = TinyGrids.run(plan, PluginRegistry.discover(), dir, 2).outcome().results();

        RunResult fine = results.get(0);
        RunResult exploded = results.get(1);
        assertThat(fine.diverged()).isFalse();
        assertThat(exploded.diverged()).isTrue();
        assertThat(exploded.divergedStep()).isEqualTo(1);
        assertThat(exploded.divergence()).contains("non-finite", "layer 0");
        assertThat(exploded.finalMetric()).isNaN();
        assertThat(exploded.solved()).isFalse();
        assertThat(exploded.curve()).extracting(CurvePoint::step).containsExactly(0);

        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(lines).hasSize(3);
        // The spec holds a comma, so it is quoted; the divergence is the last field, quoted too.
        assertThat(lines.get(2)).startsWith("adding,6,lstm,sigmoid,\"affine(alpha=1e30, beta=0)\",1,");
        int diverged = ResultsCsv.COLUMNS.indexOf("diverged_step");
        assertThat(lines.get(2).replace("\"affine(alpha=1e30, beta=0)\"", "spec").split(",", -1)[diverged])
                .isEqualTo("1");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("diverged in 1 of 1 seeds");
    }
}
