package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Streaming: feeding a sequence step by step gives what one forward pass over it gives. */
class CellStepTest {
    private static final int STEPS = 6;
    private static final int STREAMS = 3;

    static Stream<CellSpec> specs() {
        return CellCases.specs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void steppingMatchesForward(CellSpec spec) {
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(STEPS, STREAMS, Layout.TIME_MAJOR, null, false, true), 5, 0.6f);
        ForwardPass whole = fx.cell.forward(fx.batch(), fx.initial, false, false);

        CellState state = fx.initial.copy();
        int rowFloats = STREAMS * spec.inputSize();
        int outFloats = STREAMS * spec.hiddenSize();
        for (int t = 0; t < STEPS; t++) {
            fx.cell.step(fx.x, t * rowFloats, state);
            assertWithin(state.h(), whole.y(), t * outFloats, "h after step " + t);
        }
        assertWithin(state.h(), whole.last().h(), 0, "last h");
        if (fx.type.hasCellState()) {
            assertWithin(state.c(), whole.last().c(), 0, "last c");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void snapshotsBetweenStepsResumeExactly(CellSpec spec) {
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(STEPS, STREAMS, Layout.TIME_MAJOR, null, false, true), 6, 0.6f);
        ForwardPass whole = fx.cell.forward(fx.batch(), fx.initial, false, false);

        CellState state = fx.initial.copy();
        int rowFloats = STREAMS * spec.inputSize();
        for (int t = 0; t < STEPS; t++) {
            byte[] snapshot = state.toBytes();
            CellState restored = CellState.fromBytes(snapshot);
            assertThat(restored).isEqualTo(state);
            // A throwaway step on the original must not affect the restored copy.
            fx.cell.step(fx.x, ((t + 1) % STEPS) * rowFloats, state);
            state = restored;
            fx.cell.step(fx.x, t * rowFloats, state);
        }
        assertWithin(state.h(), whole.last().h(), 0, "last h");
        if (fx.type.hasCellState()) {
            assertWithin(state.c(), whole.last().c(), 0, "last c");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void streamsAreIndependentAndGatherable(CellSpec spec) {
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(STEPS, STREAMS, Layout.TIME_MAJOR, null, false, true), 7, 0.6f);
        CellState together = fx.initial.copy();
        // The same streams, stepped one at a time as separate single-stream states.
        List<CellState> alone = new java.util.ArrayList<>();
        for (int n = 0; n < STREAMS; n++) {
            CellState one = fx.cell.zeroState(1);
            System.arraycopy(fx.initial.h(), n * spec.hiddenSize(), one.h(), 0, spec.hiddenSize());
            if (one.hasCell()) {
                System.arraycopy(fx.initial.c(), n * spec.hiddenSize(), one.c(), 0, spec.hiddenSize());
            }
            alone.add(one);
        }
        for (int t = 0; t < STEPS; t++) {
            int rowOff = t * STREAMS * spec.inputSize();
            fx.cell.step(fx.x, rowOff, together);
            for (int n = 0; n < STREAMS; n++) {
                fx.cell.step(fx.x, rowOff + n * spec.inputSize(), alone.get(n));
            }
        }
        CellState gathered = CellState.gather(alone);
        assertWithin(gathered.h(), together.h(), 0, "h");
        if (gathered.hasCell()) {
            assertWithin(gathered.c(), together.c(), 0, "c");
        }
    }

    private static void assertWithin(float[] actual, float[] expected, int expectedOff, String what) {
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("%s [%d]", what, i)
                    .isCloseTo(expected[expectedOff + i], org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
