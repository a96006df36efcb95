package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.ReferenceRecurrence;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.ForwardPass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The float32 cells against the double-precision reference recurrence, over every case of {@link CellCases}. */
class CellForwardTest {

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return CellCases.all();
    }

    @ParameterizedTest(name = "{0} / {2}")
    @MethodSource("cases")
    void forwardMatchesTheDoubleReference(String label, CellSpec spec, Scenario scenario) {
        CellFixture fx = new CellFixture(spec, new TestActivations(), scenario, 11, 0.6f);
        ForwardPass pass = fx.cell.forward(fx.batch(), fx.initial, scenario.reverse(), false);
        ReferenceRecurrence.Output expected = fx.reference().run(fx.params());

        assertClose("y", pass.y(), expected.y());
        assertClose("last h", pass.last().h(), expected.hLast());
        if (fx.type.hasCellState()) {
            assertClose("last c", pass.last().c(), expected.cLast());
        }
        assertThat(pass.trace()).isNull();
    }

    static void assertClose(String what, float[] actual, double[] expected) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i]));
            assertThat(err).as("%s[%d]: got %s, expected %s", what, i, actual[i], expected[i]).isLessThan(2e-6);
        }
    }
}
