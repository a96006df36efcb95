package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scaled_sigmoid is the sigmoid's own code rescaled: with its defaults it is the sigmoid bit for bit, and
 * {@code scaled_sigmoid(2, 2, -1)} is tanh to within the sigmoid's rounding but not bit for bit (claim 3 of the
 * activation study: tanh is a rescaled sigmoid).
 */
class ScaledSigmoidTest {
    private static final Activation SIGMOID = Variants.registry().activation("sigmoid");
    private static final Activation TANH = Variants.registry().activation("tanh");
    private static final Activation AS_TANH = Variants.registry().activation("scaled_sigmoid(2, 2, -1)");
    /** Every 2^-12 in [-20, 20]: 327,681 points, with 0 and both ends. */
    private static final float[] GRID = grid();
    /** 4 ulp of 1, the output scale of tanh: the sigmoid's 3 ulp of about 1/2, doubled, plus roundings. */
    private static final double TANH_TOLERANCE = 4 * (double) Math.ulp(1f);

    private static float[] grid() {
        float[] xs = new float[20 * 2 * 4096 + 1];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -20f + i / 4096f;
        }
        return xs;
    }

    private static float[] bulk(Activation activation, float[] xs) {
        float[] ys = new float[xs.length];
        activation.apply(xs, 0, ys, 0, xs.length);
        return ys;
    }

    @Test
    void withItsDefaultsItIsTheSigmoidBitForBit() {
        Activation defaults = Variants.registry().activation("scaled_sigmoid");
        float[] ours = bulk(defaults, GRID);
        float[] sigmoid = bulk(SIGMOID, GRID);
        for (int i = 0; i < GRID.length; i++) {
            assertThat(ours[i]).as("bulk at %s", GRID[i]).isEqualTo(sigmoid[i]);
            assertThat(defaults.apply(GRID[i])).as("scalar at %s", GRID[i]).isEqualTo(SIGMOID.apply(GRID[i]));
        }
    }

    @Test
    void twoSigmoidOfTwoXMinusOneIsTanhWithinTheSigmoidsRounding() {
        float[] bulk = bulk(AS_TANH, GRID);
        double worstScalar = 0;
        double worstBulk = 0;
        for (int i = 0; i < GRID.length; i++) {
            double tanh = Math.tanh(GRID[i]);
            worstScalar = Math.max(worstScalar, Math.abs(AS_TANH.apply(GRID[i]) - tanh));
            worstBulk = Math.max(worstBulk, Math.abs(bulk[i] - tanh));
        }
        System.out.printf("scaled_sigmoid(2, 2, -1) - tanh over [-20, 20]: scalar %.3g, bulk %.3g (%.2f ulp of 1)%n",
                worstScalar, worstBulk, worstBulk / Math.ulp(1f));
        assertThat(worstScalar).as("scalar").isLessThanOrEqualTo(Math.ulp(1f));
        assertThat(worstBulk).as("bulk").isLessThanOrEqualTo(TANH_TOLERANCE);
    }

    @Test
    void itIsComputedThroughTheSigmoidNotThroughTanh() {
        float[] ours = bulk(AS_TANH, GRID);
        float[] tanh = bulk(TANH, GRID);
        float[] doubled = GRID.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        float[] sigmoid = bulk(SIGMOID, doubled);
        int differences = 0;
        for (int i = 0; i < GRID.length; i++) {
            // The sigmoid activation's own kernel, then one FMA: the same bits.
            assertThat(ours[i]).as("bulk at %s", GRID[i]).isEqualTo(Math.fma(sigmoid[i], 2f, -1f));
            assertThat(AS_TANH.apply(GRID[i])).as("scalar at %s", GRID[i])
                    .isEqualTo(Math.fma(SIGMOID.apply(doubled[i]), 2f, -1f));
            if (Float.floatToIntBits(ours[i]) != Float.floatToIntBits(tanh[i])) {
                differences++;
            }
        }
        assertThat(differences).as("points where the bulk forms of scaled_sigmoid(2, 2, -1) and tanh differ")
                .isGreaterThan(GRID.length / 100);
        // tanh is odd, so tanh(-0) = -0; 2 sigmoid(0) - 1 = 2 * 0.5 - 1 = +0.
        assertThat(Float.floatToIntBits(TANH.apply(-0f))).isEqualTo(Float.floatToIntBits(-0f));
        assertThat(Float.floatToIntBits(AS_TANH.apply(-0f))).isEqualTo(Float.floatToIntBits(0f));
    }

    @ParameterizedTest(name = "x = {0}")
    @CsvSource({"-40", "-20", "-8", "-1", "0.5", "5", "10", "20", "40"})
    void theDerivativeKeepsItsRelativeAccuracyWhereTheOutputSaturates(float x) {
        // 4 sigmoid(2x) (1 - sigmoid(2x)) = 4 e / (1 + e)^2 with e = e^-2|x|, in double.
        double e = Math.exp(-2 * Math.abs((double) x));
        double expected = 4 * e / ((1 + e) * (1 + e));
        float y = AS_TANH.apply(x);
        float[] xs = new float[67];
        float[] ys = new float[xs.length];
        float[] ds = new float[xs.length];
        Arrays.fill(xs, x);
        Arrays.fill(ys, y);
        AS_TANH.derivative(xs, 0, ys, 0, ds, 0, xs.length);
        assertThat((double) AS_TANH.derivative(x, y)).as("scalar").isCloseTo(expected, within(1e-6 * expected));
        assertThat((double) ds[0]).as("bulk").isCloseTo(expected, within(1e-6 * expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scaled_sigmoid                   |  0.0  | 1.0  | true  | false
            scaled_sigmoid(2, 2, -1)         | -1.0  | 1.0  | true  | true
            scaled_sigmoid(-1.5, 0.5, 0.75)  | -0.75 | 0.75 | false | true
            scaled_sigmoid(3, -2, 0.5)       |  0.5  | 3.5  | false | false
            scaled_sigmoid(0, 1, 0.25)       |  0.25 | 0.25 | true  | false
            """)
    void declaresItsRangeMonotonicityAndCentring(String spec, double min, double max, boolean monotonic,
                                                 boolean zeroCentred) {
        ActivationProperties properties = Variants.registry().activation(spec).properties();
        assertThat(properties.min()).isEqualTo(min);
        assertThat(properties.max()).isEqualTo(max);
        assertThat(properties.monotonic()).as("monotonic").isEqualTo(monotonic);
        assertThat(properties.zeroCentred()).as("zero-centred").isEqualTo(zeroCentred);
        assertThat(properties.saturating()).as("saturating").isTrue();
        assertThat(properties.smooth()).as("smooth").isTrue();
    }
}
