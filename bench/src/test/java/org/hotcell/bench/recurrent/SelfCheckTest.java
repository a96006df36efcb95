package org.hotcell.bench.recurrent;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.hotcell.bench.recurrent.TamperedBackend.Part;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Hotcell benchmark's {@code @Setup} passes on the real backends and throws when its backend computes a
 * wrong result, so a broken kernel cannot post a time. Small shapes: these run in CI.
 */
class SelfCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"lstm/5x3x16/tanh", "lstm/4x1x8/relu", "lstm/4x2x8/silu", "gru/5x2x16/tanh"})
    void simdForwardAcceptsTheRealBackendAndRejectsAWrongProduct(String workload) {
        passes(on(new SimdForward(), workload)).forward();
        rejects(on(new SimdForward(), workload), Part.MULTIPLY).hasMessageContaining("self-check failed")
                .hasMessageContaining("forward " + workload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm/5x3x16/tanh", "gru/5x2x16/tanh"})
    void referenceForwardRejectsAWrongReference(String workload) {
        passes(on(new ReferenceForward(), workload));
        rejects(on(new ReferenceForward(), workload), Part.MULTIPLY).hasMessageContaining("simd vs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm/5x3x16/tanh", "lstm/4x2x8/relu", "gru/5x2x16/tanh"})
    void simdTrainingRejectsWrongForwardAndWrongBackwardProducts(String workload) {
        passes(on(new SimdTraining(), workload)).trainingStep();
        rejects(on(new SimdTraining(), workload), Part.MULTIPLY).hasMessageContaining("forward");
        // Forward products right, weight-gradient products wrong: only the gradient check can catch it.
        rejects(on(new SimdTraining(), workload), Part.GEMM).hasMessageContaining("gradients");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void checksRunAtEachThreadCount(int threads) {
        SimdForward forward = on(new SimdForward(), "lstm/6x4x32/tanh");
        forward.threads = threads;
        passes(forward);
    }

    private static <B extends LayerBenchmark> B on(B benchmark, String workload) {
        benchmark.workload = workload;
        return benchmark;
    }

    /** Asserts that the benchmark's set-up, self-check included, passes on the real backend. */
    private static <B extends LayerBenchmark> B passes(B benchmark) {
        assertThatCode(benchmark::setUp).doesNotThrowAnyException();
        return benchmark;
    }

    /** Asserts that the set-up fails on a backend that computes {@code wrong} wrongly; the message is checked next. */
    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(LayerBenchmark benchmark, Part wrong) {
        benchmark.backendWrapper = b -> new TamperedBackend(b, wrong);
        return assertThatThrownBy(benchmark::setUp).isInstanceOf(IllegalStateException.class);
    }
}
