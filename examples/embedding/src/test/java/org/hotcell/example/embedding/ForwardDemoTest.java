package org.hotcell.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.junit.jupiter.api.Test;

class ForwardDemoTest {
    private final Registry registry = PluginRegistry.discover();

    @Test
    void theDefaultBackendAgreesWithTheReferenceBackend() {
        assertThat(registry.defaultBackend().name()).isEqualTo("simd");
        float[] simd = ForwardDemo.run(registry);
        float[] reference = ForwardDemo.run(registry, ReferenceBackend.instance());
        assertThat(simd).hasSize(ForwardDemo.STEPS * ForwardDemo.BATCH * ForwardDemo.HIDDEN);
        for (int i = 0; i < simd.length; i++) {
            assertThat(simd[i]).as("y[%d]", i).isCloseTo(reference[i], within(1e-6f));
        }
        // Not a degenerate pass: an LSTM's outputs lie strictly inside (-1, 1) and are not all zero.
        float largest = 0;
        for (float v : simd) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).isGreaterThan(0.05f).isLessThan(1f);
    }

    @Test
    void theSameSeedGivesTheSameOutputs() {
        assertThat(ForwardDemo.run(registry)).containsExactly(ForwardDemo.run(registry));
    }

    @Test
    void theLineNamesSizesBackendAndValues() {
        assertThat(ForwardDemo.line(registry))
                .startsWith(ForwardDemo.PREFIX + "lstm T=6 N=2 I=3 H=5 backend=simd sum=")
                .matches(".* y\\[5,0\\]=\\[(-?\\d\\.\\d{6}, ){4}-?\\d\\.\\d{6}\\]");
    }
}
