package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell spec of the differential tests, on the SIMD backend at 1 and 2 threads, against the same cell on
 * the reference backend: forward (outputs and last state), backward (every gradient) and streaming steps.
 * The sizes are chosen so that the 2-thread backend takes its split path, where each thread runs the cell's
 * element-wise step on its own hidden units ({@code multiplyThen}), for the LSTM and GRU products (H = 64,
 * 5 streams; H = 160 and 352, 1 stream), with panels in chunks when R is too big for a core's share of L2 and
 * there are several rows (H = 320, 5 streams), and its serial path elsewhere (H = 40 is not a whole number of
 * panels); and at H = 64 with 18 ragged streams, where a pass computes its input product step by step.
 */
class SimdBackendAgreementTest {
    /** Relative to the largest magnitude of the reference array. */
    private static final double TOLERANCE = 1e-5;

    private static final Scenario BATCHED = new Scenario(5, 5, Layout.BATCH_MAJOR, new int[] {5, 2, 4, 0, 3}, true,
            true);
    private static final Scenario SINGLE = new Scenario(6, 1, Layout.TIME_MAJOR, null, false, true);
    /** Wide enough for the per-step input product, ragged, batch-major. */
    private static final Scenario WIDE = new Scenario(5, 18, Layout.BATCH_MAJOR,
            new int[] {5, 2, 4, 0, 3, 5, 5, 1, 5, 4, 5, 5, 3, 5, 2, 5, 5, 4}, false, true);

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{64, 7}, {160, 9}, {40, 5}, {320, 11}, {352, 13}};
        for (int[] shape : shapes) {
            Scenario scenario = shape[0] == 160 || shape[0] == 352 ? SINGLE : BATCHED;
            for (CellSpec spec : CellCases.specs(shape[1], shape[0])) {
                for (int threads : new int[] {1, 2}) {
                    cases.add(Arguments.of(CellCases.label(spec) + " H=" + shape[0] + " " + threads + "t", spec,
                            scenario, threads));
                }
            }
        }
        for (CellSpec spec : CellCases.specs(7, 64)) {
            for (int threads : new int[] {1, 2}) {
                cases.add(Arguments.of(CellCases.label(spec) + " H=64 N=18 " + threads + "t", spec, WIDE, threads));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardBackwardAndStepsAgreeWithTheReferenceBackend(String label, CellSpec spec, Scenario scenario,
                                                             int threads) {
        TestActivations activations = new TestActivations();
        // Weights of about 1/sqrt(fan-in), as initialisers give: larger ones drive the unbounded activations
        // (relu, softplus) to 1e20 within a few steps, where any change of summation order shows.
        float scale = (float) (1 / Math.sqrt(spec.inputSize() + spec.hiddenSize()));
        CellFixture fx = new CellFixture(spec, activations, scenario, 17, scale);
        Backend simd = SimdBackend.withThreadCount(threads);
        Cell cell = fx.type.create(spec, fx.weights, activations, simd);

        ForwardPass expected = fx.cell.forward(fx.batch(), fx.initial, scenario.reverse(), true);
        ForwardPass actual = cell.forward(fx.batch(), fx.initial, scenario.reverse(), true);
        agree(actual.y(), expected.y(), "y");
        agree(actual.last().h(), expected.last().h(), "last h");
        if (fx.type.hasCellState()) {
            agree(actual.last().c(), expected.last().c(), "last c");
        }

        Random rnd = new Random(3);
        float[] dy = CellFixture.random(rnd, expected.y().length, 1f);
        int states = scenario.batch() * spec.hiddenSize();
        CellState dLast = CellState.of(scenario.batch(), spec.hiddenSize(), CellFixture.random(rnd, states, 1f),
                fx.type.hasCellState() ? CellFixture.random(rnd, states, 1f) : null);
        CellGradients want = fx.cell.backward(expected, dy, dLast);
        CellGradients got = cell.backward(actual, dy, dLast);
        agree(got.dx(), want.dx(), "dx");
        agree(got.dInitial().h(), want.dInitial().h(), "dh0");
        agree(got.dWeights().w(), want.dWeights().w(), "dW");
        agree(got.dWeights().r(), want.dWeights().r(), "dR");
        if (spec.options().bias()) {
            agree(got.dWeights().wBias(), want.dWeights().wBias(), "dWb");
            agree(got.dWeights().rBias(), want.dWeights().rBias(), "dRb");
        }
        if (spec.options().peepholes()) {
            agree(got.dWeights().peepholes(), want.dWeights().peepholes(), "dP");
        }

        // Streaming over the whole batch from the initial state.
        CellState mine = fx.initial.copy();
        CellState theirs = fx.initial.copy();
        int rowFloats = scenario.batch() * spec.inputSize();
        float[] timeMajor = scenario.layout() == Layout.TIME_MAJOR ? fx.x : null;
        if (timeMajor != null) {
            for (int t = 0; t < scenario.steps(); t++) {
                cell.step(timeMajor, t * rowFloats, mine);
                fx.cell.step(timeMajor, t * rowFloats, theirs);
                agree(mine.h(), theirs.h(), "h after step " + t);
            }
        }
    }

    private static void agree(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            if (!(diff <= worst)) {
                worst = diff;
                at = i;
            }
        }
        double relative = scale == 0 ? worst : worst / scale;
        assertThat(relative).as("%s: worst at element %d of %d (expected %s, got %s), relative to %s", what, at,
                expected.length, at < 0 ? "-" : expected[at], at < 0 ? "-" : actual[at], scale)
                .isLessThanOrEqualTo(TOLERANCE);
    }
}
