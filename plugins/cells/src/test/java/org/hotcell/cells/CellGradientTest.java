package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.GradientCheck;
import org.hotcell.cells.support.ReferenceRecurrence;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation through time against central finite differences of the double-precision forward pass, for
 * every cell type, activation family and option of {@link CellCases}; and proof that the check can fail.
 */
class CellGradientTest {
    private static final double EPS = 1e-6;
    private static final double TOLERANCE = 1e-3;
    /**
     * Sample points closer than this to a kink (of an activation or the clip) are skipped for the next seed; an
     * input exactly on a kink is judged per entry by the piece pattern instead (see {@link GradientCheck#numeric}).
     */
    private static final double KINK_MARGIN = 1e-4;

    static Stream<Arguments> cases() {
        return CellCases.all();
    }

    /** A case ready to check: the cell, its reference, and a projection loss's weights. */
    record Checked(CellFixture fx, ReferenceRecurrence reference, ReferenceRecurrence.Output out, double[] u,
                   double[] v, double[] wc) {

        Map<String, double[]> numeric() {
            return GradientCheck.numeric(reference, fx.params(), u, v, wc, EPS);
        }

        CellGradients analytic() {
            ForwardPass pass = fx.cell.forward(fx.batch(), fx.initial, fx.scenario.reverse(), true);
            CellState dLast = CellState.of(fx.scenario.batch(), fx.spec.hiddenSize(), toFloat(v), toFloat(wc));
            return fx.cell.backward(pass, toFloat(u), dLast);
        }
    }

    /** The first seed from 1 whose sample point is at least {@link #KINK_MARGIN} from every kink. */
    static Checked prepare(CellSpec spec, Scenario scenario, TestActivations activations) {
        return prepare(spec, scenario, activations, activations);
    }

    /** As above, with the cell's activations from {@code cellActivations} (the reference's from the test set). */
    static Checked prepare(CellSpec spec, Scenario scenario, ActivationSource cellActivations,
                           TestActivations activations) {
        for (long seed = 1; seed <= 20; seed++) {
            CellFixture fx = new CellFixture(spec, cellActivations, activations, scenario, seed, 0.6f);
            ReferenceRecurrence reference = fx.reference();
            ReferenceRecurrence.Output out = reference.run(fx.params());
            if (out.kinkDistance() < KINK_MARGIN) {
                continue;
            }
            Random rnd = new Random(seed * 31);
            int states = scenario.batch() * spec.hiddenSize();
            double[] u = gaussian(rnd, out.y().length);
            double[] v = gaussian(rnd, states);
            double[] wc = fx.type.hasCellState() ? gaussian(rnd, states) : null;
            return new Checked(fx, reference, out, u, v, wc);
        }
        throw new AssertionError("no sample point away from the kinks in 20 seeds for " + CellCases.label(spec));
    }

    @ParameterizedTest(name = "{0} / {2}")
    @MethodSource("cases")
    void analyticGradientsMatchFiniteDifferences(String label, CellSpec spec, Scenario scenario) {
        Checked c = prepare(spec, scenario, new TestActivations());
        if (spec.options().clipped()) {
            assertThat(c.out().clippedCount()).as("the clip must actually bound some inputs").isPositive();
        }
        Map<String, double[]> numeric = c.numeric();
        Map<String, Double> errors = GradientCheck.errors(GradientCheck.analytic(c.analytic()), numeric);

        assertThat(numeric.keySet()).contains("w", "r", "x", "h0");
        int[] straddling = GradientCheck.straddling(numeric);
        assertThat(straddling[0]).as("entries whose finite difference straddles a kink, of %d", straddling[1])
                .isLessThanOrEqualTo(straddling[1] / 50);
        errors.forEach((name, err) -> assertThat(err).as("max relative error of d loss / d %s", name)
                .isLessThanOrEqualTo(TOLERANCE));
    }

    /**
     * Without the input gradient (a first layer's input is data), dx is null and every other gradient is the
     * one a full backward pass gives, bit for bit.
     */
    @ParameterizedTest(name = "{0} / {2}")
    @MethodSource("cases")
    void leavingOutTheInputGradientChangesNothingElse(String label, CellSpec spec, Scenario scenario) {
        Checked c = prepare(spec, scenario, new TestActivations());
        CellGradients full = c.analytic();
        CellFixture fx = c.fx();
        ForwardPass pass = fx.cell.forward(fx.batch(), fx.initial, fx.scenario.reverse(), true);
        CellState dLast = CellState.of(fx.scenario.batch(), fx.spec.hiddenSize(), toFloat(c.v()), toFloat(c.wc()));
        CellGradients partial = fx.cell.backward(pass, toFloat(c.u()), dLast, false);

        assertThat(full.dx()).isNotNull();
        assertThat(partial.dx()).isNull();
        assertThat(partial.dInitial().h()).isEqualTo(full.dInitial().h());
        assertThat(partial.dInitial().c()).isEqualTo(full.dInitial().c());
        CellWeights a = partial.dWeights();
        CellWeights b = full.dWeights();
        assertThat(a.w()).isEqualTo(b.w());
        assertThat(a.r()).isEqualTo(b.r());
        assertThat(a.wBias()).isEqualTo(b.wBias());
        assertThat(a.rBias()).isEqualTo(b.rBias());
        assertThat(a.peepholes()).isEqualTo(b.peepholes());
    }

    @Test
    void theCheckCatchesAWrongDerivative() {
        TestActivations activations = new TestActivations();
        activations.add(activations.get("tanh").withWrongDerivative(1.01));
        CellSpec spec = CellSpec.builder("lstm").inputSize(3).hiddenSize(3).activation("candidate", "tanh_wrong")
                .build();
        Checked c = prepare(spec, CellCases.SCENARIOS.get(0), activations);
        Map<String, Double> errors = GradientCheck.errors(GradientCheck.analytic(c.analytic()), c.numeric());

        assertThat(errors.get("w")).as("a derivative 1% off must fail the check").isGreaterThan(TOLERANCE);
    }

    @Test
    void theCheckCatchesOneGradientEntryOffByAFewTenthsOfAPercent() {
        CellSpec spec = CellSpec.builder("gru").inputSize(3).hiddenSize(3).linearBeforeReset(true).build();
        Checked c = prepare(spec, CellCases.SCENARIOS.get(1), new TestActivations());
        Map<String, float[]> analytic = GradientCheck.analytic(c.analytic());
        Map<String, double[]> numeric = c.numeric();
        assertThat(GradientCheck.errors(analytic, numeric).get("r")).isLessThanOrEqualTo(TOLERANCE);

        float[] dR = analytic.get("r");
        int largest = 0;
        for (int k = 1; k < dR.length; k++) {
            largest = Math.abs(dR[k]) > Math.abs(dR[largest]) ? k : largest;
        }
        dR[largest] *= 1.003f;

        assertThat(GradientCheck.errors(analytic, numeric).get("r")).isGreaterThan(TOLERANCE);
    }

    private static double[] gaussian(Random rnd, int length) {
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = rnd.nextGaussian();
        }
        return a;
    }

    static float[] toFloat(double[] a) {
        if (a == null) {
            return null;
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
