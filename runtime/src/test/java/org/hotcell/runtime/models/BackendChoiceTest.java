package org.hotcell.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcell.core.backend.WeightStorage;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.UnknownBackendException;
import org.hotcell.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

/** {@code run --backend NAME --weights STORAGE}: what a model is bound with. */
class BackendChoiceTest {
    private final PluginRegistry registry = PluginRegistry.discover();

    @Test
    void fp32IsTheDefaultAndResolvesToTheBackendItself() {
        assertThat(BackendChoice.AUTO.weights()).isEqualTo(WeightStorage.FP32);
        assertThat(new BackendChoice("reference").resolve(registry).name()).isEqualTo("reference");
        assertThat(BackendChoice.AUTO.resolve(registry).weightStorage()).isEqualTo(WeightStorage.FP32);
    }

    @Test
    void bf16AndInt8ResolveToTheSimdBackendStoringWeightsSo() {
        for (WeightStorage storage : new WeightStorage[] {WeightStorage.BF16, WeightStorage.INT8}) {
            var backend = new BackendChoice("simd").withWeights(storage).resolve(registry);
            assertThat(backend.name()).isEqualTo("simd");
            assertThat(backend.weightStorage()).isEqualTo(storage);
            assertThat(backend.describe()).contains(storage.spelling() + " weights");
        }
    }

    @Test
    void aBackendThatStoresFp32OnlyIsRefusedByNameAndAnUnknownOneStillSaysSo() {
        assertThatThrownBy(() -> new BackendChoice("reference").withWeights(WeightStorage.BF16).resolve(registry))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("weights bf16").hasMessageContaining("backend 'reference'");
        assertThatThrownBy(() -> new BackendChoice("nope").withWeights(WeightStorage.INT8).resolve(registry))
                .isInstanceOf(UnknownBackendException.class);
    }
}
