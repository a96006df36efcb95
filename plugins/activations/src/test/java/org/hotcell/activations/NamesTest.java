package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ONNX names and aliases resolve, and positional parameters follow ONNX's alpha-then-beta order. */
class NamesTest {

    @Test
    void theRegistryFindsEveryStandardName() {
        assertThat(Variants.registry().activationNames()).containsAll(new StandardActivations().names());
        assertThat(new StandardActivations().names()).hasSize(19);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sigmoid                   | sigmoid
            Tanh                      | tanh
            Relu                      | relu
            LeakyRelu(0.2)            | leaky_relu(alpha=0.2)
            ThresholdedRelu(2)        | thresholded_relu(alpha=2.0)
            ScaledTanh(2, 0.5)        | scaled_tanh(alpha=2.0, beta=0.5)
            HardSigmoid(0.3, 0.6)     | hard_sigmoid(alpha=0.3, beta=0.6)
            Elu(0.5)                  | elu(alpha=0.5)
            Softsign                  | softsign
            Softplus                  | softplus
            Affine(3, 1)              | affine(alpha=3.0, beta=1.0)
            swish                     | silu(beta=1.0)
            Swish(beta=2)             | silu(beta=2.0)
            HARD_TANH(-2, 2)          | hard_tanh(min_val=-2.0, max_val=2.0)
            gelu                      | gelu(approximate=none)
            PenalizedTanh             | penalized_tanh(a=0.25)
            ScaledSigmoid(2, 2, -1)   | scaled_sigmoid(alpha=2.0, beta=2.0, gamma=-1.0)
            """)
    void resolvesToTheCanonicalSpec(String written, String canonical) {
        Activation activation = Variants.registry().activation(written);
        assertThat(activation.spec()).isEqualTo(ActivationSpec.parse(canonical));
        assertThat(activation.spec().toString()).isEqualTo(canonical);
    }

    @Test
    void anAliasGivesTheSameFunctionAsItsCanonicalName() {
        Activation swish = Variants.registry().activation("swish");
        Activation silu = Variants.registry().activation("silu");
        for (float x = -5; x <= 5; x += 0.37f) {
            assertThat(swish.apply(x)).isEqualTo(silu.apply(x));
        }
    }
}
