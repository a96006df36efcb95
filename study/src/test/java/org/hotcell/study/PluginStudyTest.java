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
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.study.internal.plugin.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dropped-in activation joins claim 9 (cell x candidate) and trains; bad plugin directories are named. */
class PluginStudyTest {

    @Test
    void aPluginActivationJoinsTheCellByCandidateClaimAndTrains(@TempDir Path plugins, @TempDir Path work,
                                                               @TempDir Path report) throws IOException {
        PluginJarBuilder.build(plugins, work);
        assertThat(PluginRegistry.discover().activationNames()).doesNotContain(PluginJarBuilder.NAME);

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        StudyOutcome outcome = Study.run(new StudyRequest(false, List.of(9), 1, 5, null, report, plugins, 2, null),
                new PrintStream(text, true, StandardCharsets.UTF_8), null);

        assertThat(text.toString(StandardCharsets.UTF_8)).contains("plugins:  " + PluginJarBuilder.NAME);
        List<RunResult> mine = outcome.results().stream()
                .filter(r -> r.config().candidate().equals(PluginJarBuilder.NAME)).toList();
        assertThat(mine).extracting(r -> r.config().cell()).containsExactly("lstm", "gru");
        assertThat(mine).allSatisfy(r -> assertThat(r.finalMetric()).isFinite());
        // The plugin's function really ran: a different candidate gives a different model.
        RunResult tanh = outcome.results().stream().filter(r -> r.config().cell().equals("lstm")
                && r.config().candidate().equals("tanh")).findFirst().orElseThrow();
        assertThat(mine.get(0).finalMetric()).isNotEqualTo(tanh.finalMetric());
        assertThat(report.resolve("results.csv")).content().contains(",lstm,sigmoid," + PluginJarBuilder.NAME + ","
                + PluginJarBuilder.NAME + ",adam,");
    }

    @Test
    void emptyOrMissingPluginDirectoriesAreRefused(@TempDir Path empty) throws IOException {
        PluginRegistry registry = PluginRegistry.discover();
        assertThatThrownBy(() -> PluginJars.load(empty, registry))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("no .jar");
        Files.writeString(empty.resolve("notes.txt"), "not a plugin");
        assertThatThrownBy(() -> PluginJars.load(empty.resolve("notes.txt"), registry))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("not a directory");
    }
}
