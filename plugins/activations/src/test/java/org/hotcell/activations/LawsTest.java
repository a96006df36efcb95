package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.hotcell.core.activation.Activation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;

/** Identities that hold for every input, checked on the bulk (vector) path. */
class LawsTest {
    private static final Activation SIGMOID = Variants.registry().activation("sigmoid");
    private static final Activation TANH = Variants.registry().activation("tanh");
    private static final Activation SOFTPLUS = Variants.registry().activation("softplus");

    @Property
    void tanhIsOdd(@ForAll float x) {
        assertThat(bulk(TANH, -x)).isEqualTo(-bulk(TANH, x));
    }

    @Property
    void sigmoidOfXPlusSigmoidOfMinusXIsOne(@ForAll @FloatRange(min = -20, max = 20) float x) {
        assertThat((double) bulk(SIGMOID, x) + bulk(SIGMOID, -x)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(3e-7));
    }

    @Property
    void softplusOfXMinusSoftplusOfMinusXIsX(@ForAll @FloatRange(min = -50, max = 50) float x) {
        double difference = (double) bulk(SOFTPLUS, x) - bulk(SOFTPLUS, -x);
        assertThat(difference).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(x))));
    }

    @Property
    void sigmoidIsTwiceTheTanhOfHalfShiftedAndScaled(@ForAll @FloatRange(min = -40, max = 40) float x) {
        // sigmoid(x) = (1 + tanh(x/2)) / 2: two independent kernels must agree.
        double viaTanh = (1 + (double) bulk(TANH, x / 2)) / 2;
        assertThat((double) bulk(SIGMOID, x)).isCloseTo(viaTanh, org.assertj.core.data.Offset.offset(3e-7));
    }

    private static float bulk(Activation activation, float x) {
        float[] xs = new float[64];
        Arrays.fill(xs, x);
        activation.applyInPlace(xs, 0, xs.length);
        return xs[5];
    }
}
