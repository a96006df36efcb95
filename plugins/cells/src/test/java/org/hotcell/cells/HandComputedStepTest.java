package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellWeights;
import org.junit.jupiter.api.Test;

/**
 * One step of a one-unit cell with weights written out here, against the ONNX equations evaluated by hand in
 * double: the smallest check that the gate order, biases, peepholes, reset placement and clip are right.
 */
class HandComputedStepTest {
    private static final double X = 0.9;
    private static final double H0 = 0.2;
    private static final double C0 = -0.4;

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static double clip(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }

    private static CellState stepOnce(CellSpec spec, CellWeights weights, boolean withCell) {
        Cell cell = CellFixture.typeOf(spec.cellType()).create(spec, weights, new TestActivations(),
                ReferenceBackend.instance());
        CellState state = CellState.of(1, 1, new float[] {(float) H0}, withCell ? new float[] {(float) C0} : null);
        cell.step(new float[] {(float) X}, 0, state);
        return state;
    }

    @Test
    void lstmWithPeepholes() {
        // Gate order i, o, f, c; peepholes i, o, f.
        CellWeights weights = new CellWeights(new float[] {0.5f, -0.3f, 0.8f, 0.2f}, new float[] {0.1f, 0.4f, -0.2f, 0.6f},
                new float[] {0.05f, 0.1f, -0.1f, 0.2f}, new float[] {0.01f, -0.02f, 0.03f, 0.04f},
                new float[] {0.3f, -0.5f, 0.7f});
        CellSpec spec = CellSpec.builder("lstm").inputSize(1).hiddenSize(1).peepholes(true).build();

        double i = sigmoid(0.5 * X + 0.1 * H0 + 0.3 * C0 + 0.05 + 0.01);
        double f = sigmoid(0.8 * X - 0.2 * H0 + 0.7 * C0 - 0.1 + 0.03);
        double cand = Math.tanh(0.2 * X + 0.6 * H0 + 0.2 + 0.04);
        double c = f * C0 + i * cand;
        double o = sigmoid(-0.3 * X + 0.4 * H0 - 0.5 * c + 0.1 - 0.02);
        double h = o * Math.tanh(c);

        CellState state = stepOnce(spec, weights, true);
        assertThat((double) state.c()[0]).isCloseTo(c, offset(1e-6));
        assertThat((double) state.h()[0]).isCloseTo(h, offset(1e-6));
    }

    @Test
    void lstmWithCoupledGatesAndClip() {
        CellWeights weights = new CellWeights(new float[] {1.5f, -1.3f, 9f, 2.2f}, new float[] {0.1f, 0.4f, 9f, 0.6f},
                new float[] {0.05f, 0.1f, 9f, 0.2f}, null, null);
        CellSpec spec = CellSpec.builder("lstm").inputSize(1).hiddenSize(1).inputForget(true).clip(0.5f)
                .activation("output", "identity").build();

        double i = sigmoid(clip(1.5 * X + 0.1 * H0 + 0.05, 0.5));
        double f = 1 - i; // the forget block's weights (9) must be ignored
        double cand = Math.tanh(clip(2.2 * X + 0.6 * H0 + 0.2, 0.5));
        double c = f * C0 + i * cand;
        double o = sigmoid(clip(-1.3 * X + 0.4 * H0 + 0.1, 0.5));
        double h = o * clip(c, 0.5);

        CellState state = stepOnce(spec, weights, true);
        assertThat((double) state.c()[0]).isCloseTo(c, offset(1e-6));
        assertThat((double) state.h()[0]).isCloseTo(h, offset(1e-6));
    }

    @Test
    void gruResetBeforeAndAfterTheProduct() {
        // Gate order z, r, h.
        CellWeights weights = new CellWeights(new float[] {0.4f, -0.6f, 0.9f}, new float[] {0.3f, 0.5f, -0.7f},
                new float[] {0.1f, 0.2f, 0.3f}, new float[] {-0.05f, 0.15f, 0.25f}, null);
        double z = sigmoid(0.4 * X + 0.3 * H0 + 0.1 - 0.05);
        double r = sigmoid(-0.6 * X + 0.5 * H0 + 0.2 + 0.15);

        double candDefault = Math.tanh(0.9 * X + -0.7 * (r * H0) + 0.25 + 0.3);
        CellState plain = stepOnce(CellSpec.builder("gru").inputSize(1).hiddenSize(1).build(), weights, false);
        assertThat((double) plain.h()[0]).isCloseTo((1 - z) * candDefault + z * H0, offset(1e-6));

        double candLinear = Math.tanh(0.9 * X + r * (-0.7 * H0 + 0.25) + 0.3);
        CellState linear = stepOnce(CellSpec.builder("gru").inputSize(1).hiddenSize(1).linearBeforeReset(true).build(),
                weights, false);
        assertThat((double) linear.h()[0]).isCloseTo((1 - z) * candLinear + z * H0, offset(1e-6));
        assertThat(candLinear).as("the two placements must differ for this test to mean anything")
                .isNotCloseTo(candDefault, offset(1e-3));
    }

    @Test
    void rnnWithClip() {
        CellWeights weights = new CellWeights(new float[] {2f}, new float[] {0.5f}, new float[] {0.3f},
                new float[] {0.1f}, null);
        CellState unclipped = stepOnce(CellSpec.builder("rnn").inputSize(1).hiddenSize(1).build(), weights, false);
        assertThat((double) unclipped.h()[0]).isCloseTo(Math.tanh(2 * X + 0.5 * H0 + 0.3 + 0.1), offset(1e-6));

        CellState clipped = stepOnce(CellSpec.builder("rnn").inputSize(1).hiddenSize(1).clip(1f)
                .activation("activation", "relu").build(), weights, false);
        assertThat((double) clipped.h()[0]).isCloseTo(1.0, offset(1e-6));
    }
}
