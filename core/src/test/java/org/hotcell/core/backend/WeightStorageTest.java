package org.hotcell.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Parsing the command-line spelling, and the SPI's defaults for a backend that knows nothing of storage. */
class WeightStorageTest {

    @ParameterizedTest
    @CsvSource({"fp32, FP32", "bf16, BF16", "int8, INT8", "BF16, BF16", "' int8 ', INT8"})
    void parsesTheSpellings(String text, WeightStorage expected) {
        assertThat(WeightStorage.parse(text)).isEqualTo(expected);
    }

    @Test
    void aBadSpellingIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> WeightStorage.parse("fp16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown weight storage 'fp16'; valid: fp32, bf16, int8");
    }

    @Test
    void theReferenceBackendStoresFp32Only() {
        Backend reference = ReferenceBackend.instance();
        assertThat(reference.weightStorage()).isEqualTo(WeightStorage.FP32);
        assertThat(reference.withWeightStorage(WeightStorage.FP32)).isSameAs(reference);
        assertThatThrownBy(() -> reference.withWeightStorage(WeightStorage.BF16))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("backend 'reference' cannot store weights as bf16; it stores them as fp32 only");
    }

    @ParameterizedTest
    @EnumSource(WeightStorage.class)
    void roundTripsThroughItsSpelling(WeightStorage storage) {
        assertThat(WeightStorage.parse(storage.spelling())).isEqualTo(storage);
        assertThat(storage.toString()).isEqualTo(storage.spelling());
    }
}
