package org.hotcell.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.study.internal.plugin.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dropped-in activation joins the grid; unknown names are refused with the known ones listed. */
class PluginStudyTest {

    @Test
    void aPluginActivationJoinsTheCandidatesAndTrains(@TempDir Path plugins, @TempDir Path work,
                                                     @TempDir Path report) throws IOException {
        PluginJarBuilder.build(plugins, work);
        PluginRegistry registry = PluginRegistry.discover();
        assertThat(registry.activationNames()).doesNotContain(PluginJarBuilder.NAME);

        List<String> added = PluginJars.load(plugins, registry);

        assertThat(added).containsExactly(PluginJarBuilder.NAME);
        StudyPlan plan = Study.plan(new StudyRequest(false, List.of("adding"), List.of("lstm"), null, null,
                List.of(1L), null, null, report, plugins, 1), registry, added);
        assertThat(plan.candidates()).containsAll(Presets.CANDIDATES).endsWith(PluginJarBuilder.NAME);

        StudyPlan tiny = TinyGrids.plan(List.of("tanh", PluginJarBuilder.NAME));
        List<RunResult> results = TinyGrids.run(tiny, registry, report, 1).outcome().results();
        RunResult plugin = results.get(1);
        assertThat(plugin.spec().candidate()).isEqualTo(PluginJarBuilder.NAME);
        assertThat(plugin.finalMetric()).isFinite();
        // The plugin's function really ran: a different candidate gives a different model.
        assertThat(plugin.finalMetric()).isNotEqualTo(results.get(0).finalMetric());
        assertThat(report.resolve("results.csv")).content().contains(",lstm,sigmoid," + PluginJarBuilder.NAME + ",7,");
    }

    @Test
    void chosenCandidatesReplaceThePresetsAndPluginsAreNotAdded() {
        PluginRegistry registry = PluginRegistry.discover();
        StudyPlan plan = Study.plan(new StudyRequest(true, List.of("sine", "adding"), List.of("gru"),
                List.of("hard_sigmoid"), List.of("relu", "tanh"), List.of(4L, 5L), 12, 0.0, null, null, 0), registry,
                List.of("something_from_a_plugin"));
        assertThat(plan.candidates()).containsExactly("relu", "tanh");
        assertThat(plan.gates()).containsExactly("hard_sigmoid");
        assertThat(plan.cells()).containsExactly("gru");
        assertThat(plan.seeds()).containsExactly(4L, 5L);
        // Preset order (adding, copy, sine), with the steps overridden.
        assertThat(plan.tasks()).extracting(TaskSetting::task).containsExactly("adding", "sine");
        assertThat(plan.tasks()).extracting(TaskSetting::steps).containsOnly(12);
        assertThat(plan.runs()).hasSize(2 * 2 * 2);
        assertThat(plan.clip()).isZero();
    }

    @Test
    void anUnknownCandidateIsRefusedWithTheKnownActivations() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThatThrownBy(() -> Study.plan(new StudyRequest(false, null, null, null, List.of("tanh", "rleu"),
                null, null, null, null, null, 0), registry, List.of()))
                .isInstanceOf(UnknownActivationException.class)
                .hasMessageContaining("rleu")
                .hasMessageContaining("relu")
                .hasMessageContaining("softsign")
                .hasMessageContaining("hard_sigmoid");
    }

    @Test
    void unknownTasksCellsWithoutGatesAndEmptyPluginDirectoriesAreRefused(@TempDir Path empty) throws IOException {
        PluginRegistry registry = PluginRegistry.discover();
        assertThatThrownBy(() -> Study.plan(new StudyRequest(false, List.of("adding", "parity"), null, null, null,
                null, null, null, null, null, 0), registry, List.of()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("parity")
                .hasMessageContaining("adding, copy, sine");
        assertThatThrownBy(() -> Study.plan(new StudyRequest(false, null, List.of("rnn"), null, null,
                null, null, null, null, null, 0), registry, List.of()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("rnn")
                .hasMessageContaining("activation");
        assertThatThrownBy(() -> Study.plan(new StudyRequest(false, null, null, null, null,
                null, null, -1.0, null, null, 0), registry, List.of()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("--clip").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> PluginJars.load(empty, registry))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("no .jar");
        Files.writeString(empty.resolve("notes.txt"), "not a plugin");
        assertThatThrownBy(() -> PluginJars.load(empty.resolve("notes.txt"), registry))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("not a directory");
    }
}
