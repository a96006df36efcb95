package org.hotcell.model.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.hotcell.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class LossTest {

    @Test
    void mseIsTheWeightedMeanOfSquaredErrors() {
        float[] out = {1, 2, 3, 4};
        float[] target = {0, 2, 5, 4};
        float[] grad = new float[4];
        // rows of width 2: row 0 errors (1, 0), row 1 errors (-2, 0); weight row 1 by 3.
        double loss = new MeanSquaredError().evaluate(out, target, new float[] {1, 3}, 2, 2, grad);
        assertThat(loss).isCloseTo((1 * 1.0 + 3 * 4.0) / (4 * 2), offset(1e-12));
        assertThat(grad).containsExactly(2f * 1 / 8, 0f, 2f * 3 * -2 / 8, 0f);
    }

    @Test
    void crossEntropyOfOneHotIsMinusLogSoftmax() {
        float[] out = {1, 2, 3};
        float[] target = {0, 0, 1};
        float[] grad = new float[3];
        double loss = new SoftmaxCrossEntropy().evaluate(out, target, null, 1, 3, grad);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(loss).isCloseTo(-Math.log(Math.exp(3) / sum), offset(1e-6));
        assertThat((double) grad[0]).isCloseTo(Math.exp(1) / sum, offset(1e-6));
        assertThat((double) grad[2]).isCloseTo(Math.exp(3) / sum - 1, offset(1e-6));
    }

    @Test
    void crossEntropyStaysFiniteForHugeLogits() {
        float[] out = {1e30f, -1e30f, 0, 5e29f};
        float[] target = {0, 1, 0, 0};
        float[] grad = new float[4];
        double loss = new SoftmaxCrossEntropy().evaluate(out, target, null, 1, 4, grad);
        assertThat(loss).isCloseTo(2e30, offset(1e24));
        for (float g : grad) {
            assertThat(Float.isFinite(g)).isTrue();
        }
        assertThat(grad[0]).isEqualTo(1f);
        assertThat(grad[1]).isEqualTo(-1f);
    }

    @Test
    void rowsOfWeightZeroDoNotCount() {
        float[] out = {0, 0, 100, -100};
        float[] target = {1, 0, 0, 1};
        float[] grad = new float[4];
        double loss = new SoftmaxCrossEntropy().evaluate(out, target, new float[] {1, 0}, 2, 2, grad);
        assertThat(loss).isCloseTo(Math.log(2), offset(1e-9));
        assertThat(grad[2]).isZero();
        assertThat(grad[3]).isZero();
    }

    @Test
    void unknownLossNamesTheValidOnes() {
        assertThatThrownBy(() -> Loss.named("hinge")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'hinge'").hasMessageContaining("mse, cross_entropy");
    }
}
