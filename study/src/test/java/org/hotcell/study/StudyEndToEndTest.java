package org.hotcell.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.UnknownActivationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole study on a small scale, as {@code hotcell study --claims 3 --seeds 2 --steps 30} runs it: real
 * training, a verdict, the report's files; the same seeds give the same results.csv on one thread and on two.
 */
class StudyEndToEndTest {

    static StudyOutcome run(Path out, int threads, List<Integer> claims, int seeds, int steps) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        return Study.run(new StudyRequest(false, claims, seeds, steps, null, out, null, threads, null),
                new PrintStream(text, true, StandardCharsets.UTF_8), null);
    }

    @Test
    void aSmallStudyWritesTheClaimsTableAndTheSameResultsOnAnyNumberOfThreads(@TempDir Path one,
                                                                              @TempDir Path two) throws IOException {
        StudyOutcome first = run(one, 1, List.of(3), 2, 30);
        StudyOutcome second = run(two, 2, List.of(3), 2, 30);

        assertThat(first.findings()).singleElement().satisfies(f -> {
            assertThat(f.number()).isEqualTo(3);
            assertThat(f.verdict()).isNotNull();
            assertThat(f.effect()).contains("Wilcoxon");
            assertThat(f.command()).isEqualTo("./hotcell study --claims 3");
        });
        // 2 configurations (tanh, 2 sigmoid(2x) - 1) x 2 seeds.
        assertThat(first.results()).hasSize(4);
        assertThat(first.results()).allSatisfy(r -> assertThat(r.stepsTrained()).isBetween(1, 30));
        assertThat(Files.readString(one.resolve("results.csv")))
                .isEqualTo(Files.readString(two.resolve("results.csv")));
        assertThat(Files.readString(one.resolve("curves.csv")))
                .isEqualTo(Files.readString(two.resolve("curves.csv")));
        String index = Files.readString(one.resolve("index.html"));
        assertThat(index).contains("<th>verdict</th>").contains("scaled_sigmoid(2, 2, -1)")
                .contains("./hotcell study --claims 3");
        assertThat(one.resolve("plots/claim-3.png")).isNotEmptyFile();
        assertThat(Files.readAllLines(one.resolve("results.csv"))).hasSize(5);
        // The gradient-flow probe ran on every run: 26 positions before and after training.
        assertThat(first.results()).allSatisfy(r -> {
            assertThat(r.flowBefore()).hasSize(26).allSatisfy(n -> assertThat(n).isPositive());
            assertThat(r.state().fallShare()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void badRequestsAreRefusedNamingTheCulprit(@TempDir Path out) {
        assertThatThrownBy(() -> run(out, 1, List.of(10), 1, 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("claim 10").hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> run(out, 1, List.of(3), 0, 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("--seeds");
        assertThatThrownBy(() -> Study.run(new StudyRequest(false, List.of(9), 1, 1, List.of("rleu"), out, null, 1,
                null), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), null))
                .isInstanceOf(UnknownActivationException.class).hasMessageContaining("rleu")
                .hasMessageContaining("relu");
        assertThatThrownBy(() -> Study.run(new StudyRequest(false, List.of(3), 1, 1, null, out, null, 1,
                "local[2]"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), null))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("--spark local[2]")
                .hasMessageContaining("class path");
    }
}
