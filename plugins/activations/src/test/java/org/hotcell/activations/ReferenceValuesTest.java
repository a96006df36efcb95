package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.hotcell.core.activation.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Scalar and bulk forms against reference values computed from each defining formula with 40-digit
 * arithmetic (src/test/resources/reference-values.csv), and the numerics the issue names.
 */
class ReferenceValuesTest {

    @ParameterizedTest(name = "{0} at {1}")
    @CsvFileSource(resources = "/reference-values.csv", delimiter = ';')
    void matchesTheReference(String spec, float x, double expected, Double expectedDerivative) {
        Activation activation = Variants.registry().activation(spec);
        double allowed = 4 * Math.ulp((float) expected) + 1e-30;
        assertThat((double) activation.apply(x)).as("scalar").isCloseTo(expected, within(allowed));
        assertThat((double) bulk(activation, x)).as("bulk").isCloseTo(expected, within(2 * allowed));
        if (expectedDerivative != null) {
            float derivative = activation.derivative(x, activation.apply(x));
            assertThat((double) derivative).as("derivative")
                    .isCloseTo(expectedDerivative, within(1e-5 * Math.abs(expectedDerivative) + 1e-7));
        }
    }

    /** x through the vector loop: an array long enough that element 0 is not in the scalar tail. */
    private static float bulk(Activation activation, float x) {
        float[] xs = new float[67];
        Arrays.fill(xs, x);
        float[] ys = new float[xs.length];
        activation.apply(xs, 0, ys, 0, xs.length);
        return ys[0];
    }

    @Test
    void softplusOfALargeInputIsTheInputNotInfinity() {
        Activation softplus = Variants.registry().activation("softplus");
        assertThat(softplus.apply(100f)).isEqualTo(100f);
        assertThat(bulk(softplus, 100f)).isEqualTo(100f);
        assertThat(softplus.apply(1e30f)).isEqualTo(1e30f);
        assertThat(bulk(softplus, 1e30f)).isEqualTo(1e30f);
        assertThat(softplus.apply(-100f)).isBetween(0f, 1e-43f);
    }

    @Test
    void sigmoidOfAVeryNegativeInputIsZeroNotNaN() {
        Activation sigmoid = Variants.registry().activation("sigmoid");
        for (float x : new float[] {-100f, -200f, -1e30f, Float.NEGATIVE_INFINITY}) {
            assertThat(sigmoid.apply(x)).as("scalar at %s", x).isBetween(0f, 1e-43f);
            assertThat(bulk(sigmoid, x)).as("bulk at %s", x).isBetween(0f, 1e-43f);
        }
        assertThat(sigmoid.apply(-200f)).isZero();
        assertThat(sigmoid.derivative(-200f, sigmoid.apply(-200f))).isZero();
    }

    @Test
    void functionsOfTheFormXTimesAWeightAreZeroAtMinusInfinityNotNaN() {
        for (String spec : new String[] {"silu", "gelu", "gelu(approximate=tanh)", "mish", "leaky_relu(alpha=0)"}) {
            Activation activation = Variants.registry().activation(spec);
            assertThat(activation.apply(Float.NEGATIVE_INFINITY)).as(spec).isZero();
            assertThat(bulk(activation, Float.NEGATIVE_INFINITY)).as(spec + " bulk").isZero();
            assertThat(activation.apply(Float.POSITIVE_INFINITY)).as(spec).isEqualTo(Float.POSITIVE_INFINITY);
        }
    }
}
