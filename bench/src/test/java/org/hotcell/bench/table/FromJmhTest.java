package org.hotcell.bench.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.hotcell.bench.kernel.FmaPeak;
import org.junit.jupiter.api.Test;

class FromJmhTest {

    @Test
    void namesEveryBenchmarkOfTheSuite() {
        Map<String, String> params = Map.of("workload", "lstm/25x32x512/tanh", "threads", "2");
        assertThat(FromJmh.of("org.hotcell.bench.recurrent.SimdForward.forward", params, 3.0))
                .hasValue(new Measurement(Measurement.SIMD, Measurement.FORWARD, "lstm/25x32x512/tanh", 2, 3.0,
                        8.0 * 25 * 32 * 512 * 1024));
        assertThat(FromJmh.of("org.hotcell.bench.recurrent.SimdTraining.trainingStep", params, 3.0).orElseThrow().flops())
                .isEqualTo(3 * 8.0 * 25 * 32 * 512 * 1024);
        assertThat(FromJmh.of("org.hotcell.bench.peers.OrtForward.forward", params, 3.0).orElseThrow().engine())
                .isEqualTo(Measurement.ORT);
        assertThat(FromJmh.of("org.hotcell.bench.peers.Dl4jTraining.trainingStep", params, 3.0).orElseThrow().task())
                .isEqualTo(Measurement.TRAINING);
        // The reference backend has no threads: always filed at 1.
        assertThat(FromJmh.of("org.hotcell.bench.recurrent.ReferenceForward.forward",
                Map.of("workload", "gru/100x1x256/tanh"), 9.0).orElseThrow().threads()).isEqualTo(1);
        assertThat(FromJmh.of("org.hotcell.bench.kernel.FmaPeak.fma", Map.of(), 0.1).orElseThrow().flops())
                .isEqualTo(FmaPeak.flopsPerCall());
        assertThat(FromJmh.of("org.hotcell.bench.kernel.SimdGemm.multiply", Map.of("m", "64", "hidden", "1024"), 1.0)
                .orElseThrow().flops()).isEqualTo(2.0 * 64 * 4096 * 1024);
    }

    @Test
    void ignoresBenchmarksTheTableDoesNotShow() {
        assertThat(FromJmh.of("org.hotcell.bench.activation.ActivationBenchmark.bulkApply", Map.of(), 1.0)).isEmpty();
        assertThat(FromJmh.of("com.example.Other.run", Map.of(), 1.0)).isEmpty();
    }

    @Test
    void convertsScoreUnitsToMilliseconds() {
        assertThat(FromJmh.toMillis("ms/op")).isEqualTo(1);
        assertThat(FromJmh.toMillis("us/op")).isEqualTo(1e-3);
        assertThat(FromJmh.toMillis("s/op")).isEqualTo(1e3);
        assertThatThrownBy(() -> FromJmh.toMillis("ops/s")).isInstanceOf(IllegalArgumentException.class);
    }
}
