package org.hotcell.bench.recurrent;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        SimdForward good = simdForward(workload);
        assertThatCode(good::setUp).doesNotThrowAnyException();
        good.forward();

        SimdForward bad = simdForward(workload);
        bad.backendWrapper = b -> new TamperedBackend(b, Part.MULTIPLY);
        assertThatThrownBy(bad::setUp).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("self-check failed").hasMessageContaining("forward " + workload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm/5x3x16/tanh", "gru/5x2x16/tanh"})
    void referenceForwardRejectsAWrongReference(String workload) {
        ReferenceForward good = new ReferenceForward();
        good.workload = workload;
        assertThatCode(good::setUp).doesNotThrowAnyException();

        ReferenceForward bad = new ReferenceForward();
        bad.workload = workload;
        bad.backendWrapper = b -> new TamperedBackend(b, Part.MULTIPLY);
        assertThatThrownBy(bad::setUp).isInstanceOf(IllegalStateException.class).hasMessageContaining("simd vs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm/5x3x16/tanh", "lstm/4x2x8/relu", "gru/5x2x16/tanh"})
    void simdTrainingRejectsWrongForwardAndWrongBackwardProducts(String workload) {
        SimdTraining good = simdTraining(workload);
        assertThatCode(good::setUp).doesNotThrowAnyException();
        good.trainingStep();

        SimdTraining wrongForward = simdTraining(workload);
        wrongForward.backendWrapper = b -> new TamperedBackend(b, Part.MULTIPLY);
        assertThatThrownBy(wrongForward::setUp).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forward");

        // Forward products right, weight-gradient products wrong: only the gradient check can catch it.
        SimdTraining wrongBackward = simdTraining(workload);
        wrongBackward.backendWrapper = b -> new TamperedBackend(b, Part.GEMM);
        assertThatThrownBy(wrongBackward::setUp).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gradients");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void checksRunAtEachThreadCount(int threads) {
        SimdForward forward = simdForward("lstm/6x4x32/tanh");
        forward.threads = threads;
        assertThatCode(forward::setUp).doesNotThrowAnyException();
    }

    private static SimdForward simdForward(String workload) {
        SimdForward benchmark = new SimdForward();
        benchmark.workload = workload;
        benchmark.threads = 1;
        return benchmark;
    }

    private static SimdTraining simdTraining(String workload) {
        SimdTraining benchmark = new SimdTraining();
        benchmark.workload = workload;
        benchmark.threads = 1;
        return benchmark;
    }
}
