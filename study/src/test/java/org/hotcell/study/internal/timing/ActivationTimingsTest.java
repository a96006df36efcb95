package org.hotcell.study.internal.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The shape of what the kernel timing returns and the order it takes its turns in; never how fast anything is. */
class ActivationTimingsTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void oneRowPerActivationInTheOrderAskedWithPositiveFiniteSamples() {
        List<String> specs = List.of("hard_tanh", "tanh", "leaky_relu(alpha=0.1)");
        List<KernelTiming> timings = ActivationTimings.measure(PluginRegistry.discover(), specs, 256, SHORT);

        assertThat(timings).extracting(KernelTiming::activation).containsExactlyElementsOf(specs);
        int samples = timings.getFirst().apply().count();
        assertThat(samples).isBetween(ActivationTimings.MIN_ROUNDS, ActivationTimings.MAX_ROUNDS);
        for (KernelTiming timing : timings) {
            assertThat(timing.elements()).isEqualTo(256);
            assertThat(timing.applyCalls()).isPositive();
            assertThat(timing.derivativeCalls()).isPositive();
            for (Samples kernel : List.of(timing.apply(), timing.derivative())) {
                assertThat(kernel.unit()).isEqualTo("ns/element");
                assertThat(kernel.count()).as("the same rounds for every kernel").isEqualTo(samples);
                assertThat(kernel.values()).allSatisfy(value -> assertThat(value).isPositive().isFinite());
            }
            assertThat(timing.applyNanosPerElement()).isEqualTo(timing.apply().median());
            assertThat(timing.derivativeNanosPerElement()).isEqualTo(timing.derivative().median());
        }
    }

    @Test
    void eachRoundTakesEveryActivationInTurnForwardThenDerivative() {
        PluginRegistry registry = PluginRegistry.discover();
        RecordingActivations recorder = RecordingActivations.addTo(registry, true);

        List<KernelTiming> timings = ActivationTimings.measure(registry, RecordingActivations.NAMES, 64, SHORT);

        List<String> turn = List.of("probe_a apply", "probe_a derivative", "probe_b apply", "probe_b derivative",
                "probe_c apply", "probe_c derivative");
        int rounds = recorder.log.size() / turn.size();
        assertThat(recorder.log).containsExactlyElementsOf(RecordingActivations.cycles(turn, rounds));
        // Warm-up rounds (at least 2) and then one timed round per sample, all in the same order.
        assertThat(rounds).isGreaterThanOrEqualTo(timings.getFirst().apply().count() + 2);
    }

    @Test
    void anUnknownActivationIsNamedBeforeAnythingIsTimed() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> ActivationTimings.measure(PluginRegistry.discover(),
                List.of("tanh", "no_such_activation"), 256, Duration.ofMinutes(1)))
                .isInstanceOf(UnknownActivationException.class)
                .hasMessageContaining("'no_such_activation'");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void emptyDuplicateOrShapelessRequestsAreRefused() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThatThrownBy(() -> ActivationTimings.measure(registry, List.of(), 256, SHORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no activations to time");
        assertThatThrownBy(() -> ActivationTimings.measure(registry, List.of("tanh", "relu", "tanh"), 256, SHORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice: [tanh, relu, tanh]");
        assertThatThrownBy(() -> ActivationTimings.measure(registry, List.of("tanh"), 0, SHORT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 element, got 0");
        assertThatThrownBy(() -> ActivationTimings.measure(registry, List.of("tanh"), 256, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget must be positive");
    }
}
