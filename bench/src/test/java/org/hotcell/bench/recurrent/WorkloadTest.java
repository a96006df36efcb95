package org.hotcell.bench.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadTest {

    @Test
    void parsesAndPrintsTheParamForm() {
        Workload w = Workload.parse("lstm/25x64x1024/relu");
        assertThat(w).isEqualTo(new Workload("lstm", 25, 64, 1024, "relu"));
        assertThat(w.toString()).isEqualTo("lstm/25x64x1024/relu");
        assertThat(w.spec().activations()).containsKeys("candidate", "output");
        assertThat(Workload.parse("gru/100x1x256/tanh").spec().activations()).containsOnlyKeys("candidate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm/25x32/tanh", "lstm-25x32x512-tanh", "lstm/25xAx512/tanh", "rnn/1x1x1/tanh",
            "lstm/0x1x8/tanh"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Workload.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightsAndInputsAreTheSameOnEveryCall() {
        Workload w = Workload.parse("gru/3x2x8/tanh");
        assertThat(w.weights().w()).containsExactly(w.weights().w());
        assertThat(w.inputs()).containsExactly(w.inputs()).hasSize(3 * 2 * 8);
        assertThat(w.weights().r()).hasSize(3 * 8 * 8);
    }

    @Test
    void largeWorkloadsAreCheckedOnTheirFirstSteps() {
        assertThat(LayerChecks.checked(Workload.parse("lstm/25x64x1024/tanh")).steps()).isEqualTo(LayerChecks.CHECK_STEPS);
        assertThat(LayerChecks.checked(Workload.parse("lstm/100x1x256/tanh")).steps()).isEqualTo(100);
    }
}
