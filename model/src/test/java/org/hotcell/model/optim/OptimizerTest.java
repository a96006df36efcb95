package org.hotcell.model.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Optimizers on the ill-conditioned quadratic {@code f(p) = 1/2 sum a_i (p_i - c_i)^2}. */
class OptimizerTest {
    private static final float[] CURVATURE = {1f, 10f, 0.1f};
    private static final float[] CENTRE = {3f, -2f, 0.5f};

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> new SgdMomentum(0.05, 0.0), 2000),
                Arguments.of("sgd with momentum", (Supplier<Optimizer>) () -> new SgdMomentum(0.05, 0.9), 600),
                Arguments.of("adam", (Supplier<Optimizer>) () -> new Adam(0.05), 2000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void convergesToTheMinimum(String name, Supplier<Optimizer> make, int steps) {
        Parameters p = Parameters.of(java.util.List.of(new Parameter("p", new int[] {3}, new float[3])));
        Optimizer optimizer = make.get();
        for (int s = 0; s < steps; s++) {
            optimizer.step(p, gradient(p));
        }
        float[] at = p.get("p").data();
        for (int i = 0; i < 3; i++) {
            assertThat((double) at[i]).as("%s coordinate %d", name, i).isCloseTo(CENTRE[i], offset(1e-2));
        }
    }

    @Test
    void momentumIsFasterThanPlainSgdOnAnIllConditionedBowl() {
        assertThat(distanceAfter(new SgdMomentum(0.05, 0.9), 200))
                .isLessThan(distanceAfter(new SgdMomentum(0.05, 0.0), 200) / 10);
    }

    @Test
    void adamsFirstStepHasTheLearningRateForEveryCoordinate() {
        // With bias correction, m/sqrt(v) = g/|g| at step 1: every coordinate moves by lr, whatever its scale.
        Parameters p = Parameters.of(java.util.List.of(new Parameter("p", new int[] {3}, new float[3])));
        new Adam(0.01).step(p, gradient(p));
        for (int i = 0; i < 3; i++) {
            assertThat((double) Math.abs(p.get("p").data()[i])).isCloseTo(0.01, offset(1e-6));
        }
    }

    @Test
    void clippingScalesToTheBoundAndReportsTheNormBefore() {
        Parameters g = Parameters.of(java.util.List.of(new Parameter("a", new int[] {2}, new float[] {3, 0}),
                new Parameter("b", new int[] {1}, new float[] {4})));
        double before = GradientClipping.clip(g, 1.0);
        assertThat(before).isCloseTo(5.0, offset(1e-9));
        assertThat(g.norm("")).isCloseTo(1.0, offset(1e-6));
        assertThat(g.get("a").data()[0]).isCloseTo(0.6f, offset(1e-6f));
        assertThat(GradientClipping.clip(g, 10.0)).isCloseTo(1.0, offset(1e-6));
        assertThat(g.norm("")).isCloseTo(1.0, offset(1e-6));
    }

    private static double distanceAfter(Optimizer optimizer, int steps) {
        Parameters p = Parameters.of(java.util.List.of(new Parameter("p", new int[] {3}, new float[3])));
        for (int s = 0; s < steps; s++) {
            optimizer.step(p, gradient(p));
        }
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double d = p.get("p").data()[i] - CENTRE[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static Parameters gradient(Parameters p) {
        float[] at = p.get("p").data();
        float[] g = new float[3];
        for (int i = 0; i < 3; i++) {
            g[i] = CURVATURE[i] * (at[i] - CENTRE[i]);
        }
        return Parameters.of(java.util.List.of(new Parameter("p", new int[] {3}, g)));
    }
}
