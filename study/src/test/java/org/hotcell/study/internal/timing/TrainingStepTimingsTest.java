package org.hotcell.study.internal.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The shape of what the step timing returns and the order it takes its turns in; never how fast anything is. */
class TrainingStepTimingsTest {
    private static final Duration SHORT = Duration.ofMillis(1500);

    @Test
    void oneRowPerCandidateInTheOrderAskedWithPositiveFiniteSamples() {
        PluginRegistry registry = PluginRegistry.discover();
        List<String> candidates = List.of("tanh", "hard_tanh");
        List<StepTiming> timings = TrainingStepTimings.measure(registry, registry.defaultBackend(), candidates,
                SHORT);

        assertThat(timings).extracting(StepTiming::candidate).containsExactlyElementsOf(candidates);
        int samples = timings.getFirst().millis().count();
        assertThat(samples).isBetween(TrainingStepTimings.MIN_ROUNDS, TrainingStepTimings.MAX_ROUNDS);
        for (StepTiming timing : timings) {
            assertThat(timing.millis().unit()).isEqualTo("ms/step");
            assertThat(timing.millis().count()).as("the same rounds for every candidate").isEqualTo(samples);
            assertThat(timing.millis().values()).allSatisfy(value -> assertThat(value).isPositive().isFinite());
            assertThat(timing.millisPerStep()).isEqualTo(timing.millis().median());
        }
    }

    @Test
    void eachRoundTrainsEveryCandidateInTurn() {
        PluginRegistry registry = PluginRegistry.discover();
        RecordingActivations recorder = RecordingActivations.addTo(registry, false);

        List<StepTiming> timings = TrainingStepTimings.measure(registry, registry.defaultBackend(),
                RecordingActivations.NAMES, SHORT);

        int rounds = recorder.log.size() / RecordingActivations.NAMES.size();
        assertThat(recorder.log).containsExactlyElementsOf(RecordingActivations.cycles(RecordingActivations.NAMES,
                rounds));
        assertThat(rounds).isGreaterThanOrEqualTo(timings.getFirst().millis().count() + 2);
    }

    @Test
    void theModelIsTheStudysStandardLstm() {
        var spec = TrainingStepTimings.modelSpec("hard_tanh", org.hotcell.model.task.Tasks.create("adding", 50));
        assertThat(spec.layers()).singleElement().satisfies(layer -> {
            assertThat(layer.cellType()).isEqualTo("lstm");
            assertThat(layer.hiddenSize()).isEqualTo(TrainingStepTimings.HIDDEN);
            assertThat(layer.activations()).hasToString("{gate=sigmoid, candidate=hard_tanh, output=hard_tanh}");
        });
    }

    @Test
    void anUnknownCandidateIsNamedBeforeAnythingIsTimed() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThatThrownBy(() -> TrainingStepTimings.measure(registry, registry.defaultBackend(),
                List.of("tanh", "no_such_candidate"), Duration.ofMinutes(1)))
                .isInstanceOf(UnknownActivationException.class)
                .hasMessageContaining("'no_such_candidate'");
    }

    @Test
    void emptyOrDuplicateCandidatesAreRefused() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThatThrownBy(() -> TrainingStepTimings.measure(registry, registry.defaultBackend(), List.of(), SHORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no candidates to time");
        assertThatThrownBy(() -> TrainingStepTimings.measure(registry, registry.defaultBackend(),
                List.of("relu", "relu"), SHORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }
}
