package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cell keeps its forward workspace from one pass to the next, and a pass alternates two hidden-state arrays
 * from step to step (the new h is written to the one the step does not read, and its output rows on the
 * threads that computed it). Passes of different batches, lengths, directions and step counts (odd and even, so
 * the last h ends in either array), in turn on one cell, must each give the bits of a fresh cell, leave the
 * given initial state alone, and end with each stream's last h in y.
 */
class PassAfterPassTest {
    private static final List<Scenario> TURNS = List.of(
            new Scenario(5, 18, Layout.BATCH_MAJOR, new int[] {5, 2, 4, 0, 3, 5, 5, 1, 5, 4, 5, 5, 3, 5, 2, 5, 5, 4},
                    false, true),
            new Scenario(6, 3, Layout.TIME_MAJOR, null, false, true),
            new Scenario(5, 18, Layout.TIME_MAJOR, null, true, true),
            new Scenario(4, 18, Layout.BATCH_MAJOR, new int[] {4, 4, 1, 4, 3, 4, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4},
                    true, false),
            new Scenario(6, 3, Layout.TIME_MAJOR, new int[] {6, 3, 5}, false, true));

    static Stream<Arguments> cells() {
        List<Arguments> cases = new ArrayList<>();
        for (String type : new String[] {"lstm", "gru", "rnn"}) {
            for (int threads : new int[] {1, 2}) {
                cases.add(Arguments.of(type, threads));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}t")
    @MethodSource("cells")
    void eachPassGivesTheBitsOfAFreshCell(String type, int threads) {
        // H = 64 and 18 streams: the per-step input product, split between the threads at 2.
        CellSpec spec = CellSpec.builder(type).inputSize(7).hiddenSize(64).build();
        TestActivations activations = new TestActivations();
        Backend simd = SimdBackend.withThreadCount(threads);
        float scale = (float) (1 / Math.sqrt(7 + 64));
        Cell kept = null;
        for (int round = 0; round < 2; round++) {
            for (Scenario scenario : TURNS) {
                CellFixture fx = new CellFixture(spec, activations, scenario, 29, scale);
                if (kept == null) {
                    kept = fx.type.create(spec, fx.weights, activations, simd);
                }
                Cell fresh = fx.type.create(spec, fx.weights, activations, simd);
                CellState initialBefore = fx.initial == null ? null : fx.initial.copy();
                ForwardPass expected = fresh.forward(fx.batch(), fx.initial, scenario.reverse(), false);
                ForwardPass actual = kept.forward(fx.batch(), fx.initial, scenario.reverse(), false);
                String what = scenario + " round " + round;
                assertThat(actual.y()).as("y, " + what).containsExactly(expected.y());
                assertThat(actual.last().h()).as("last h, " + what).containsExactly(expected.last().h());
                if (fx.type.hasCellState()) {
                    assertThat(actual.last().c()).as("last c, " + what).containsExactly(expected.last().c());
                }
                if (initialBefore != null) {
                    assertThat(fx.initial.h()).as("initial h left alone, " + what).containsExactly(initialBefore.h());
                }
                lastHIsInY(actual, scenario, spec.hiddenSize(), what);
            }
        }
    }

    /** Stream n's last h is y's row at its last step (t = length - 1 forward, t = 0 in reverse). */
    private static void lastHIsInY(ForwardPass pass, Scenario scenario, int hidden, String what) {
        int batch = scenario.batch();
        for (int n = 0; n < batch; n++) {
            int length = scenario.lengths() == null ? scenario.steps() : scenario.lengths()[n];
            if (length == 0) {
                continue;
            }
            int t = scenario.reverse() ? 0 : length - 1;
            for (int j = 0; j < hidden; j++) {
                assertThat(pass.y()[(t * batch + n) * hidden + j]).as("stream %d unit %d, %s", n, j, what)
                        .isEqualTo(pass.last().h()[n * hidden + j]);
            }
        }
    }
}
