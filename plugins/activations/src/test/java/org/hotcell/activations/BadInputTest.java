package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.UnknownActivationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unknown names and bad parameters fail with messages that name the culprit and what would be valid. */
class BadInputTest {

    @Test
    void anUnknownNameListsTheKnownOnesAndTheClosest() {
        assertThatThrownBy(() -> Variants.registry().activation("sigmod"))
                .isInstanceOfSatisfying(UnknownActivationException.class, e -> {
                    assertThat(e.closest()).contains("sigmoid");
                    assertThat(e.known()).contains("sigmoid", "tanh", "relu", "gelu", "mish", "penalized_tanh");
                })
                .hasMessageStartingWith("unknown activation 'sigmod'; did you mean 'sigmoid'?; known: affine, elu, "
                        + "gelu, hard_sigmoid, hard_tanh, identity, leaky_relu, mish, penalized_tanh, relu, "
                        + "scaled_sigmoid, scaled_tanh, selu, sigmoid, silu, softplus, softsign, tanh, "
                        + "thresholded_relu");
    }

    /**
     * Extreme but valid parameters build the function rather than fail inside it (found by the ONNX fuzz test:
     * with beta = 1e17, hard_sigmoid's kinks -beta/alpha and (1-beta)/alpha are the same double).
     */
    @Test
    void extremeValidParametersBuildTheFunction() {
        var step = Variants.registry().activation("hard_sigmoid(alpha=1, beta=1e17)");
        assertThat(step.properties().kinks()).containsExactly(-1e17);
        assertThat(step.apply(-2e17f)).isZero();
        assertThat(step.apply(0f)).isEqualTo(1f);
        var usual = Variants.registry().activation("hard_sigmoid(alpha=0.2, beta=0.5)");
        assertThat(usual.properties().kinks()).containsExactly(-2.5, 2.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            leaky_relu(alpha=-0.5)            | parameter 'alpha' is -0.5, but must be a number in [0.0, inf]
            leaky_relu(slope=0.1)             | unknown parameter 'slope' (parameters: alpha=0.01)
            elu(alpha=abc)                    | parameter 'alpha' is abc, but must be a number in [0.0, inf]
            penalized_tanh(a=2)               | parameter 'a' is 2.0, but must be a number in [0.0, 1.0]
            hard_tanh(min_val=1, max_val=-1)  | min_val (1.0) must be less than max_val (-1.0)
            hard_sigmoid(alpha=0)             | parameter 'alpha' is 0.0, but must be a number in (0, inf)
            silu(beta=0)                      | parameter 'beta' is 0.0, but must be a number in (0, inf)
            affine(alpha=inf)                 | parameter 'alpha' is inf, but must be finite, any number
            gelu(approximate=sigmoid)         | parameter 'approximate' is sigmoid, but must be one of none, tanh
            tanh(1)                           | has 1 positional parameters; tanh takes at most 0 (it takes no parameters)
            scaled_tanh(1, 2, 3)              | scaled_tanh takes at most 2 (parameters: alpha=1.0, beta=1.0)
            scaled_sigmoid(2, 0, -1)          | parameter 'beta' is 0.0, but must be non-zero
            scaled_sigmoid(gamma=-inf)        | parameter 'gamma' is -inf, but must be finite, any number
            """)
    void aBadParameterIsNamedWithTheValidValues(String spec, String message) {
        assertThatThrownBy(() -> Variants.registry().activation(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(message.strip());
    }
}
