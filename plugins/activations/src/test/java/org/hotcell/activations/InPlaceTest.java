package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.hotcell.core.activation.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The bulk derivative may write over its x (the TCK checks writing over y and into a separate array): the
 * result must be the same bits, at the same offset and at a shifted one that leaves x intact.
 */
class InPlaceTest {

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.hotcell.activations.Variants#SPECS")
    void theDerivativeWrittenOverXIsTheSame(String specText) {
        Activation activation = Variants.create(specText);
        Random random = new Random(11);
        int length = 1001;
        float[] x = new float[length + 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 4);
        }
        float[] y = new float[x.length];
        activation.apply(x, 0, y, 0, x.length);
        float[] separate = new float[length];
        activation.derivative(x, 3, y, 3, separate, 0, length);

        float[] overX = x.clone();
        activation.derivative(overX, 3, y, 3, overX, 3, length);
        for (int i = 0; i < length; i++) {
            assertThat(overX[3 + i]).as("at x = %s", x[3 + i]).isEqualTo(separate[i]);
        }
    }
}
