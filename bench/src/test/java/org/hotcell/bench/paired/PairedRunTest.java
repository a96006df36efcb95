package org.hotcell.bench.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PairedRunTest {

    @Test
    void alternatesTheOrderAndTimesBothSidesOfEveryPair() {
        StringBuilder order = new StringBuilder();
        List<long[]> pairs = PairedRun.timeFor(() -> order.append('a'), () -> order.append('b'), 0);
        assertThat(pairs).hasSize(3);
        assertThat(order).hasToString("abbaab");
        assertThat(pairs).allSatisfy(p -> assertThat(p).hasSize(2).doesNotContain(0L));
    }

    /** With a warm call, each side runs twice in a row and only the second call is timed. */
    @Test
    void aWarmCallComesRightBeforeEachTimedCall() {
        StringBuilder order = new StringBuilder();
        List<long[]> pairs = PairedRun.timeFor(() -> order.append('a'), () -> order.append('b'), 0, 1, true);
        assertThat(pairs).hasSize(3);
        assertThat(order).hasToString("aabbbbaaaabb");
        assertThat(pairs).allSatisfy(p -> assertThat(p).hasSize(2).doesNotContain(0L));
    }

    /**
     * Paused runs warm up back to back first (three pairs here), so that the JIT compiles what a call runs per
     * step before the paused warm-up and the timed pairs (three each); runs without a pause do not.
     */
    @Test
    void aPausedRunWarmsUpBackToBackFirst() {
        StringBuilder paused = new StringBuilder();
        PairedRun.measure("a", "b", "forward@1ms", 2, () -> paused.append('a'), () -> paused.append('b'), 0, 0, 1,
                false);
        assertThat(paused).hasSize(18);
        StringBuilder plain = new StringBuilder();
        PairedRun.measure("a", "b", "forward", 1, () -> plain.append('a'), () -> plain.append('b'), 0, 0, 0, false);
        assertThat(plain).hasSize(12);
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertThat(PairedRun.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(PairedRun.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(PairedRun.median(new long[] {5, 7})).isEqualTo(6);
        assertThatThrownBy(() -> PairedRun.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    /** A real (tiny) run: both layers pass their self-checks, and the line the suite reads parses back. */
    @Test
    void aShortRealRunGivesAResultThatSurvivesItsLine() {
        PairedResult result = PairedRun.run("lstm/3x2x16/tanh", "lstm/3x2x16/silu", "training", 2, 0.05, 0.1);
        assertThat(result.pairs()).isGreaterThanOrEqualTo(3);
        assertThat(result.medianMsA()).isPositive();
        assertThat(result.medianMsB()).isPositive();
        assertThat(result.medianRatio()).isPositive().isFinite();
        PairedResult back = PairedResult.parse(result.toLine());
        assertThat(back.a()).isEqualTo("lstm/3x2x16/tanh");
        assertThat(back.b()).isEqualTo("lstm/3x2x16/silu");
        assertThat(back.task()).isEqualTo("training");
        assertThat(back.threads()).isEqualTo(2);
        assertThat(back.pairs()).isEqualTo(result.pairs());
        assertThat(back.medianRatio()).isCloseTo(result.medianRatio(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void anUnknownTaskOrAMalformedLineIsRefused() {
        assertThatThrownBy(() -> PairedRun.run("lstm/3x2x16/tanh", "lstm/3x2x16/silu", "inference", 1, 0, 0))
                .hasMessageContaining("forward or training").hasMessageContaining("inference");
        assertThatThrownBy(() -> PairedResult.parse("paired-result too short"))
                .hasMessageContaining("not a paired result line");
        assertThat(PairedResult.isResultLine("paired-result a b forward 1 1 1 1 3")).isTrue();
        assertThat(PairedResult.isResultLine("# Fork: 1 of 1")).isFalse();
    }

    @Test
    void theTableShowsTheCostFromTheMedianRatio() {
        String table = PairedTable.render(List.of(
                new PairedResult("lstm/25x32x512/tanh", "lstm/25x32x512/silu", "forward", 2, 40.0, 41.0, 1.034, 120)));
        assertThat(table).contains("| lstm/25x32x512/silu | forward | 2 | 40.000 | 41.000 | 120 | +3.4% |");
        assertThat(PairedTable.render(List.of())).isEmpty();
    }

    @Test
    void theOnnxRuntimeTableSaysHowEachRunSpacedItsCalls() {
        String table = PairedTable.renderAgainstOnnxRuntime(List.of(
                new PairedResult("onnxruntime", "lstm/25x1x512/tanh", "forward", 1, 2.0, 1.8, 0.9, 500),
                new PairedResult("onnxruntime", "lstm/25x1x512/tanh", "forward@50ms", 2, 2.0, 2.2, 1.1, 200),
                new PairedResult("onnxruntime", "lstm/25x1x512/tanh", "forward-warm@50ms", 2, 1.5, 1.2, 0.8, 200),
                new PairedResult("onnxruntime", "lstm/25x1x512/tanh", "forward@200ms", 2, 2.5, 2.0, 0.8, 50)));
        assertThat(table).contains("| lstm/25x1x512/tanh | 1 | back to back | 2.000 | 1.800 | 500 | 0.90 |")
                .contains("| lstm/25x1x512/tanh | 2 | after 50 ms | 2.000 | 2.200 | 200 | 1.10 |")
                .contains("| lstm/25x1x512/tanh | 2 | warm, after 50 ms | 1.500 | 1.200 | 200 | 0.80 |")
                // A pause set by the property shows as it was.
                .contains("| lstm/25x1x512/tanh | 2 | after 200 ms | 2.500 | 2.000 | 50 | 0.80 |");
    }

    @Test
    void theGemmTableGivesEachSidesRateFromTheShapeAndItsShareOfThePeak() {
        // 2 * 32 * 2048 * 512 = 67.1 MFLOP: 1 ms is 67.1 GFLOP/s, 1.25 ms is 53.7; against a 100 GFLOP/s peak,
        // 67% and 54%. The probe's run is 50 MFLOP in 0.625 ms, 80 GFLOP/s. Hotcell took 2.0x the probe's time
        // (median over rounds): (67.1 / 50) / 2.0 = 67% of the paired peak. ONNX Runtime took 1.6x: 84%.
        List<PairedResult> peaks = List.of(
                new PairedResult("fma-peak/50000000", "gemm/32x2048x512", "peak", 1, 0.625, 1.25, 2.0, 500),
                new PairedResult("fma-peak/50000000", "onnxruntime-gemm/32x2048x512", "peak", 1, 0.625, 1.0, 1.6,
                        500));
        String table = PairedTable.renderGemmAgainstOnnxRuntime(List.of(
                new PairedResult("onnxruntime", "gemm/32x2048x512", "multiply", 1, 1.0, 1.25, 1.26, 500),
                new PairedResult("onnxruntime", "gemm/64x2048x512", "multiply", 1, 2.0, 2.5, 1.26, 300)), peaks, 100);
        assertThat(table)
                .contains("| 32x2048x512 | 1.000 | 67.1 | 67% | 84% | 1.250 | 53.7 | 54% | 67% | 80.0 | 500 | 1.26 |")
                // A shape without its probe rows still gets its row, with the paired columns empty.
                .contains("| 64x2048x512 | 2.000 | 67.1 | 67% | - | 2.500 | 53.7 | 54% | - | - | 300 | 1.26 |");
        assertThat(PairedTable.renderGemmAgainstOnnxRuntime(List.of(), peaks, 100)).isEmpty();
        assertThat(PairedTable.isPeakProbe(peaks.get(0))).isTrue();
        assertThat(PairedTable.isPeakProbe(new PairedResult("onnxruntime", "gemm/32x2048x512", "multiply", 1, 1, 1,
                1, 3))).isFalse();
    }

    /** Three sides: each round times every side once, and the side that goes first moves on by one each round. */
    @Test
    void roundsTimeEverySideOnceAndRotateWhichGoesFirst() {
        StringBuilder order = new StringBuilder();
        List<long[]> rounds = PairedRun.rounds(new Runnable[] {() -> order.append('a'), () -> order.append('b'),
                () -> order.append('c')}, 0, 0, false);
        assertThat(rounds).hasSize(3);
        assertThat(order).hasToString("abcbcacab");
        assertThat(rounds).allSatisfy(r -> assertThat(r).hasSize(3).doesNotContain(0L));
        // The result of two sides: their medians and the median over rounds of the second over the first.
        List<long[]> made = List.of(new long[] {1_000_000, 9, 2_000_000}, new long[] {2_000_000, 9, 3_000_000},
                new long[] {4_000_000, 9, 4_000_000});
        PairedResult result = PairedRun.result("x", "z", "peak", 1, made, 0, 2);
        assertThat(result.medianMsA()).isEqualTo(2.0);
        assertThat(result.medianMsB()).isEqualTo(3.0);
        assertThat(result.medianRatio()).isEqualTo(1.5);
        assertThat(result.pairs()).isEqualTo(3);
    }

    /**
     * Making a probe self-checks its chains against scalar {@code Math.fma} (it throws when they disagree); zero
     * repeats are refused.
     */
    @Test
    void thePeakProbeChecksItselfAndRefusesNoRepeats() {
        assertThatThrownBy(() -> org.hotcell.bench.kernel.FmaPeak.probe(0)).hasMessageContaining("at least 1");
        Runnable probe = org.hotcell.bench.kernel.FmaPeak.probe(3);
        probe.run();
    }

    @Test
    void trainingsShareOfForwardIsThreeOverTheTimeRatio() {
        // Training takes 4x forward's time for 3x its FLOP: 75% of forward's GFLOP/s.
        PairedResult row = new PairedResult("forward", "lstm/25x1x512/tanh", "training", 2, 1.5, 6.0, 4.0, 300);
        assertThat(PairedTable.renderTrainingAgainstForward(List.of(row)))
                .contains("| lstm/25x1x512/tanh | 2 | 1.500 | 6.000 | 300 | 4.00 | 75% |");
        assertThat(PairedTable.renderTrainingAgainstForward(List.of())).isEmpty();
    }

    @Test
    void theTargetsNameEachWorstCaseAndSayWhetherItIsMet() {
        List<PairedResult> ort = List.of(
                new PairedResult("onnxruntime", "lstm/25x32x512/tanh", "forward", 1, 10, 9.8, 0.98, 100),
                new PairedResult("onnxruntime", "gru/100x1x256/tanh", "forward", 1, 1, 1.03, 1.03, 100),
                new PairedResult("onnxruntime", "lstm/25x32x512/tanh", "forward@50ms", 2, 6, 5.7, 0.95, 100),
                new PairedResult("onnxruntime", "lstm/100x1x256/tanh", "forward-warm@50ms", 2, 1, 1.05, 1.05, 100),
                new PairedResult("onnxruntime", "lstm/25x32x512/tanh", "forward-warm@50ms", 2, 6, 5.4, 0.90, 100));
        // 67.1 MFLOP against a 50 MFLOP probe run, taking 1.4x its time: 96% of the paired peak. The one-row
        // product is left out (memory-bound), and so is ONNX Runtime's share.
        List<PairedResult> gemm = List.of(
                new PairedResult("fma-peak/50000000", "gemm/32x2048x512", "peak", 1, 0.5, 0.7, 1.4, 100),
                new PairedResult("fma-peak/50000000", "onnxruntime-gemm/32x2048x512", "peak", 1, 0.5, 5, 10, 100),
                new PairedResult("fma-peak/50000000", "gemm/1x2048x512", "peak", 1, 0.5, 0.05, 0.1, 100));
        List<PairedResult> training = List.of(
                new PairedResult("forward", "lstm/25x1x512/tanh", "training", 2, 1, 5.5, 5.5, 100),
                new PairedResult("forward", "lstm/25x32x512/tanh", "training", 1, 1, 4, 4, 100));
        String targets = PairedTable.renderTargets(ort, gemm, training);
        assertThat(targets)
                .contains("1 thread: worst SIMD/ORT 1.03 (gru/100x1x256/tanh): NOT met")
                .contains("2 threads, calls after 50 ms: worst SIMD/ORT 0.95 (lstm/25x32x512/tanh): met")
                .contains("2 threads, calls warm, after 50 ms: worst SIMD/ORT 1.05 (lstm/100x1x256/tanh): NOT met")
                .contains("lowest 96% of the FMA peak paired with it (32x2048x512): met")
                .contains("lowest 55% of forward's GFLOP/s (lstm/25x1x512/tanh, 2 threads): NOT met");
        assertThat(PairedTable.renderTargets(List.of(), List.of(), List.of())).isEmpty();
    }

    /** A real (tiny) run of both storages: self-checks pass, and each item gives a result line and a summary. */
    @Test
    void weightsAgainstFp32RunsEveryLayerAndItsProduct() {
        for (org.hotcell.core.backend.WeightStorage storage : List.of(org.hotcell.core.backend.WeightStorage.BF16,
                org.hotcell.core.backend.WeightStorage.INT8)) {
            List<String> lines = WeightsVsFp32.run(storage, 1, 0.02, 0.05,
                    List.of("lstm/3x1x32/tanh", "gru/2x3x16/tanh"));
            assertThat(lines).hasSize(8);
            assertThat(PairedResult.parse(lines.get(0)).b()).isEqualTo("lstm/3x1x32/tanh/" + storage.spelling());
            assertThat(PairedResult.parse(lines.get(6)).a()).isEqualTo("3x48x16/fp32");
            assertThat(PairedResult.parse(lines.get(6)).task()).isEqualTo("product");
            assertThat(lines.get(1)).startsWith("weights-vs-fp32 layer lstm/3x1x32/tanh threads=1")
                    .contains("max_abs_diff=");
        }
    }

    @Test
    void theWeightsTableGivesTheRatioAndSpeedUp() {
        PairedResult row = new PairedResult("1x4096x1024/fp32", "1x4096x1024/bf16", "product", 1, 0.4, 0.25, 0.625,
                900);
        assertThat(PairedTable.renderWeightsAgainstFp32(List.of(row)))
                .contains("| product 1x4096x1024 | bf16 | 1 | 0.400 | 0.250 | 900 | 0.63 | 1.60x |");
        assertThat(PairedTable.renderWeightsAgainstFp32(List.of())).isEmpty();
    }
}
