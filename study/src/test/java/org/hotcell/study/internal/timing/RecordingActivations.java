package org.hotcell.study.internal.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.registry.PluginRegistry;

/**
 * Activations named {@code probe_a}, {@code probe_b}, {@code probe_c} that compute tanh and note every call in one
 * shared log, a new entry only when the call differs from the last one noted: the order in which a measurement
 * takes its turns, without the repetitions within a turn. For one thread.
 */
final class RecordingActivations implements ActivationFactory {
    static final List<String> NAMES = List.of("probe_a", "probe_b", "probe_c");

    /** The calls in order, as {@code name} or {@code name kernel}, consecutive repeats collapsed. */
    final List<String> log = new ArrayList<>();
    private final boolean kernels;

    /** @param kernels whether entries tell the forward kernel from the derivative kernel, or name only */
    private RecordingActivations(boolean kernels) {
        this.kernels = kernels;
    }

    /** The standard plugins found on the class path, plus a recorder serving the probes. */
    static RecordingActivations addTo(PluginRegistry registry, boolean kernels) {
        RecordingActivations recorder = new RecordingActivations(kernels);
        registry.add(recorder, "test");
        return recorder;
    }

    /** The log expected from {@code cycles} rounds that each take one turn per entry of {@code turn}. */
    static List<String> cycles(List<String> turn, int cycles) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            expected.addAll(turn);
        }
        return expected;
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(NAMES);
    }

    @Override
    public List<ActivationParameter> parameters(String name) {
        return List.of();
    }

    @Override
    public String describe(String name) {
        return "tanh(x), noting each call";
    }

    @Override
    public Activation create(ActivationSpec canonicalSpec) {
        return new Probe(canonicalSpec);
    }

    private void note(String entry) {
        if (log.isEmpty() || !log.getLast().equals(entry)) {
            log.add(entry);
        }
    }

    private final class Probe implements Activation {
        private final ActivationSpec spec;

        Probe(ActivationSpec spec) {
            this.spec = spec;
        }

        @Override
        public ActivationSpec spec() {
            return spec;
        }

        @Override
        public ActivationProperties properties() {
            return new ActivationProperties(-1, 1, true, true, true, List.of());
        }

        @Override
        public float apply(float x) {
            note(spec.name());
            return (float) Math.tanh(x);
        }

        @Override
        public float derivative(float x, float y) {
            note(spec.name());
            return 1 - y * y;
        }

        @Override
        public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
            note(kernels ? spec.name() + " apply" : spec.name());
            for (int i = 0; i < length; i++) {
                dst[dstOff + i] = (float) Math.tanh(src[srcOff + i]);
            }
        }

        @Override
        public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
            note(kernels ? spec.name() + " derivative" : spec.name());
            for (int i = 0; i < length; i++) {
                dst[dstOff + i] = 1 - y[yOff + i] * y[yOff + i];
            }
        }
    }
}
