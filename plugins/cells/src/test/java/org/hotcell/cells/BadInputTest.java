package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.core.error.UnknownActivationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every misuse gives a HotcellException subclass that names the tensor or role, the value and what is valid. */
class BadInputTest {
    private final TestActivations activations = new TestActivations();

    private static CellSpec lstm() {
        return CellSpec.builder("lstm").inputSize(3).hiddenSize(4).build();
    }

    private CellFixture fixture(CellSpec spec) {
        return new CellFixture(spec, activations, Scenario.plain(2, 2), 1, 0.5f);
    }

    @Test
    void inputWeightsOfTheWrongSize() {
        CellWeights weights = CellWeights.zeros(4, lstm());
        CellWeights bad = new CellWeights(new float[4 * 4 * 3 + 1], weights.r(), weights.wBias(), weights.rBias(),
                null);
        assertThatThrownBy(() -> new org.hotcell.cells.internal.lstm.LstmCellType().create(lstm(), bad, activations,
                ReferenceBackend.instance()))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("input weights W of lstm cell").hasMessageContaining("49")
                .hasMessageContaining("expected 48");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn"})
    void recurrentWeightsAndBiasesOfTheWrongSize(String type) {
        CellType cellType = CellFixture.typeOf(type);
        CellSpec spec = CellSpec.builder(type).inputSize(2).hiddenSize(3).build();
        CellWeights good = CellWeights.zeros(cellType.gates().size(), spec);
        int gh = cellType.gates().size() * 3;
        assertThatThrownBy(() -> cellType.create(spec, new CellWeights(good.w(), new float[gh * 3 - 1], good.wBias(),
                good.rBias(), null), activations, ReferenceBackend.instance()))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("recurrent weights R of " + type)
                .hasMessageContaining("expected " + gh * 3);
        assertThatThrownBy(() -> cellType.create(spec, new CellWeights(good.w(), good.r(), good.wBias(),
                new float[gh + 2], null), activations, ReferenceBackend.instance()))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("recurrent bias Rb")
                .hasMessageContaining("is " + (gh + 2)).hasMessageContaining("expected " + gh);
    }

    @Test
    void peepholesMissingOrUnwanted() {
        CellSpec withPeepholes = lstm().toBuilder().peepholes(true).build();
        CellWeights none = CellWeights.zeros(4, lstm());
        assertThatThrownBy(() -> CellFixture.typeOf("lstm").create(withPeepholes, none, activations,
                ReferenceBackend.instance()))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("no peephole weights");
        CellWeights some = CellWeights.zeros(4, withPeepholes);
        assertThatThrownBy(() -> CellFixture.typeOf("lstm").create(lstm(), some, activations,
                ReferenceBackend.instance()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("peephole weights P")
                .hasMessageContaining("option is off");
    }

    @Test
    void inputOfTheWrongWidth() {
        CellFixture fx = fixture(lstm());
        SequenceBatch wide = SequenceBatch.timeMajor(new float[2 * 2 * 5], 2, 2, 5);
        assertThatThrownBy(() -> fx.cell.forward(wide, null, false, false))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("input X of lstm cell (input 3, hidden 4)").hasMessageContaining("5 features")
                .hasMessageContaining("input size 3");
        assertThatThrownBy(() -> fx.cell.step(new float[5], 0, fx.cell.zeroState(2)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("need 6 floats")
                .hasMessageContaining("has 5");
    }

    @Test
    void lengthsOutOfRange() {
        float[] data = new float[3 * 2 * 3];
        assertThatThrownBy(() -> new SequenceBatch(data, 0, 3, 2, 3, Layout.TIME_MAJOR, new int[] {3, 4}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("batch item 1 is 4")
                .hasMessageContaining("[0, 3]");
        assertThatThrownBy(() -> new SequenceBatch(data, 0, 3, 2, 3, Layout.TIME_MAJOR, new int[] {-1, 2}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("batch item 0 is -1");
        assertThatThrownBy(() -> new SequenceBatch(data, 0, 3, 2, 3, Layout.TIME_MAJOR, new int[] {1}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("number of sequence lengths is 1");
    }

    @Test
    void unknownRolesAndActivations() {
        CellSpec typo = lstm().toBuilder().activation("forgetgate", "relu").build();
        assertThatThrownBy(() -> CellFixture.typeOf("lstm").create(typo, CellWeights.zeros(4, typo), activations,
                ReferenceBackend.instance()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("no activation role 'forgetgate'")
                .hasMessageContaining("forget_gate");
        CellSpec gruRole = CellSpec.builder("rnn").inputSize(1).hiddenSize(1).activation("reset_gate", "relu").build();
        assertThatThrownBy(() -> CellFixture.typeOf("rnn").create(gruRole, CellWeights.zeros(1, gruRole),
                activations, ReferenceBackend.instance()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'rnn' has no activation role 'reset_gate'")
                .hasMessageContaining("[activation]");
        CellSpec unknown = lstm().toBuilder().activation("candidate", "sine").build();
        assertThatThrownBy(() -> CellFixture.typeOf("lstm").create(unknown, CellWeights.zeros(4, unknown),
                activations, ReferenceBackend.instance()))
                .isInstanceOf(UnknownActivationException.class).hasMessageContaining("'sine'");
        CellFixture fx = fixture(lstm());
        assertThatThrownBy(() -> fx.cell.activation("reset_gate")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("reset_gate").hasMessageContaining("forget_gate");
    }

    @Test
    void optionsTheTypeDoesNotHave() {
        CellSpec gru = CellSpec.builder("gru").inputSize(2).hiddenSize(2).peepholes(true).build();
        assertThatThrownBy(() -> CellFixture.typeOf("gru").create(gru, CellWeights.zeros(3, gru), activations,
                ReferenceBackend.instance()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("gru cell does not support option peepholes");
        CellSpec lstm = lstm().toBuilder().linearBeforeReset(true).build();
        assertThatThrownBy(() -> CellFixture.typeOf("lstm").create(lstm, CellWeights.zeros(4, lstm), activations,
                ReferenceBackend.instance()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("linear_before_reset");
        CellSpec other = CellSpec.builder("gru").inputSize(3).hiddenSize(4).build();
        assertThatThrownBy(() -> CellFixture.typeOf("lstm").create(other, CellWeights.zeros(4, lstm()), activations,
                ReferenceBackend.instance()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("spec for 'gru'");
    }

    @Test
    void statesOfTheWrongShape() {
        CellFixture fx = fixture(lstm());
        assertThatThrownBy(() -> fx.cell.forward(fx.batch(), CellState.zeros(3, 4, true), false, false))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("batch of initial state")
                .hasMessageContaining("is 3, expected 2");
        assertThatThrownBy(() -> fx.cell.forward(fx.batch(), CellState.zeros(2, 5, true), false, false))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("hidden size of initial state")
                .hasMessageContaining("is 5, expected 4");
        assertThatThrownBy(() -> fx.cell.step(fx.x, 0, CellState.zeros(2, 4, false)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("lacks the cell state c");
    }

    @Test
    void backwardMisuse() {
        CellFixture fx = fixture(lstm());
        ForwardPass untraced = fx.cell.forward(fx.batch(), null, false, false);
        assertThatThrownBy(() -> fx.cell.backward(untraced, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepTrace");
        ForwardPass traced = fx.cell.forward(fx.batch(), null, false, true);
        assertThatThrownBy(() -> fx.cell.backward(traced, new float[3], null))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("length of dy")
                .hasMessageContaining("is 3, expected 16");
        CellFixture other = fixture(lstm());
        assertThatThrownBy(() -> other.cell.backward(traced, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another cell");
        assertThat(fx.cell.backward(traced, null, null).dx()).containsOnly(0f);
        assertThatThrownBy(() -> fx.cell.backward(traced, null, CellState.zeros(2, 3, true)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("hidden size of dLast")
                .hasMessageContaining("is 3, expected 4");
    }

    @Test
    void anLstmLastStateGradientMayLeaveOutC() {
        CellFixture fx = fixture(lstm());
        ForwardPass traced = fx.cell.forward(fx.batch(), null, false, true);
        float[] dh = new float[2 * 4];
        java.util.Arrays.fill(dh, 0.5f);
        var withoutC = fx.cell.backward(traced, null, CellState.of(2, 4, dh, null));
        var withZeroC = fx.cell.backward(traced, null, CellState.of(2, 4, dh, new float[8]));
        assertThat(withoutC.dWeights().w()).containsExactly(withZeroC.dWeights().w());
        assertThat(withoutC.dInitial().c()).containsExactly(withZeroC.dInitial().c());
        CellFixture gru = fixture(CellSpec.builder("gru").inputSize(3).hiddenSize(4).build());
        ForwardPass gruPass = gru.cell.forward(gru.batch(), null, false, true);
        assertThatThrownBy(() -> gru.cell.backward(gruPass, null, CellState.zeros(2, 4, true)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("has a cell state c this cell type lacks");
    }
}
