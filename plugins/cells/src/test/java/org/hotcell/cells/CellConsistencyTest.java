package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import java.util.stream.Stream;

import org.hotcell.cells.internal.engine.Trace;
import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Laws that relate runs of the same cell: layouts, directions, lengths, per-gate roles. */
class CellConsistencyTest {
    private static final int T = 5;
    private static final int N = 3;

    static Stream<CellSpec> specs() {
        return CellCases.specs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void batchMajorGivesWhatTimeMajorGives(CellSpec spec) {
        int[] lengths = {5, 2, 4};
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(T, N, Layout.TIME_MAJOR, lengths, true, true), 3, 0.6f);
        int in = spec.inputSize();
        float[] batchMajor = new float[fx.x.length];
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < N; n++) {
                System.arraycopy(fx.x, (t * N + n) * in, batchMajor, (n * T + t) * in, in);
            }
        }
        SequenceBatch bm = new SequenceBatch(batchMajor, 0, T, N, in, Layout.BATCH_MAJOR, lengths);
        for (boolean reverse : new boolean[] {false, true}) {
            ForwardPass a = fx.cell.forward(fx.batch(), fx.initial, reverse, true);
            ForwardPass b = fx.cell.forward(bm, fx.initial, reverse, true);
            assertClose(b.y(), a.y(), "y");
            assertClose(b.last().h(), a.last().h(), "last h");

            float[] dy = CellFixture.random(new Random(9), a.y().length, 1f);
            CellGradients ga = fx.cell.backward(a, dy, null);
            CellGradients gb = fx.cell.backward(b, dy, null);
            assertClose(gb.dWeights().w(), ga.dWeights().w(), "dW");
            assertClose(gb.dWeights().r(), ga.dWeights().r(), "dR");
            assertClose(gb.dInitial().h(), ga.dInitial().h(), "dh0");
            for (int t = 0; t < T; t++) {
                for (int n = 0; n < N; n++) {
                    for (int k = 0; k < in; k++) {
                        assertThat(gb.dx()[(n * T + t) * in + k]).as("dx t=%d n=%d", t, n)
                                .isCloseTo(ga.dx()[(t * N + n) * in + k], offset(1e-6f));
                    }
                }
            }
        }
    }

    /**
     * A cell keeps its last pass's input-projection array for the next pass: passes of other lengths and
     * batches in between (a longer one leaves stale values past a shorter one's end) change no bit of any pass.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void passesInBetweenChangeNoBitOfAPass(CellSpec spec) {
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(T, N, Layout.TIME_MAJOR, new int[] {5, 2, 4}, true, true), 3, 0.6f);
        int in = spec.inputSize();
        ForwardPass first = fx.cell.forward(fx.batch(), fx.initial, false, false);
        // A longer, wider pass (2T steps of 2N items), then a one-step pass of one item, on the same cell.
        float[] longer = CellFixture.random(new Random(5), 2 * T * 2 * N * in, 3f);
        fx.cell.forward(SequenceBatch.timeMajor(longer, 2 * T, 2 * N, in), null, false, true);
        float[] shorter = CellFixture.random(new Random(6), in, 3f);
        ForwardPass single = fx.cell.forward(SequenceBatch.timeMajor(shorter, 1, 1, in), null, false, false);
        ForwardPass again = fx.cell.forward(fx.batch(), fx.initial, false, false);

        assertThat(again.y()).isEqualTo(first.y());
        assertThat(again.last().h()).isEqualTo(first.last().h());
        CellFixture fresh = new CellFixture(spec, new TestActivations(),
                new Scenario(T, N, Layout.TIME_MAJOR, new int[] {5, 2, 4}, true, true), 3, 0.6f);
        assertThat(fresh.cell.forward(SequenceBatch.timeMajor(shorter, 1, 1, in), null, false, false).y())
                .isEqualTo(single.y());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void reverseIsForwardOverTheReversedSequences(CellSpec spec) {
        int[] lengths = {5, 3, 1};
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(T, N, Layout.TIME_MAJOR, lengths, false, true), 4, 0.6f);
        int in = spec.inputSize();
        int hs = spec.hiddenSize();
        // Reverse each sequence within its length; leave the padding where it is.
        float[] flipped = fx.x.clone();
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < lengths[n]; t++) {
                System.arraycopy(fx.x, (t * N + n) * in, flipped, ((lengths[n] - 1 - t) * N + n) * in, in);
            }
        }
        ForwardPass reverse = fx.cell.forward(fx.batch(), fx.initial, true, false);
        ForwardPass forward = fx.cell.forward(new SequenceBatch(flipped, 0, T, N, in, Layout.TIME_MAJOR, lengths),
                fx.initial, false, false);
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                int mirrored = t < lengths[n] ? lengths[n] - 1 - t : t;
                for (int j = 0; j < hs; j++) {
                    assertThat(reverse.y()[(t * N + n) * hs + j]).as("y t=%d n=%d", t, n)
                            .isCloseTo(forward.y()[(mirrored * N + n) * hs + j], offset(1e-6f));
                }
            }
        }
        assertClose(reverse.last().h(), forward.last().h(), "last h");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void lengthsAreRespected(CellSpec spec) {
        int[] lengths = {4, 0, 2};
        CellFixture fx = new CellFixture(spec, new TestActivations(),
                new Scenario(T, N, Layout.TIME_MAJOR, lengths, false, true), 8, 0.6f);
        int in = spec.inputSize();
        int hs = spec.hiddenSize();
        for (boolean reverse : new boolean[] {false, true}) {
            ForwardPass pass = fx.cell.forward(fx.batch(), fx.initial, reverse, false);
            // Garbage in the padding changes nothing.
            float[] noisy = fx.x.clone();
            for (int n = 0; n < N; n++) {
                for (int t = lengths[n]; t < T; t++) {
                    java.util.Arrays.fill(noisy, (t * N + n) * in, (t * N + n + 1) * in, 1e6f);
                }
            }
            ForwardPass noisyPass = fx.cell.forward(new SequenceBatch(noisy, 0, T, N, in, Layout.TIME_MAJOR, lengths),
                    fx.initial, reverse, false);
            assertThat(noisyPass.y()).isEqualTo(pass.y());
            assertThat(noisyPass.last()).isEqualTo(pass.last());
            for (int n = 0; n < N; n++) {
                for (int t = lengths[n]; t < T; t++) {
                    for (int j = 0; j < hs; j++) {
                        assertThat(pass.y()[(t * N + n) * hs + j]).as("y past length, t=%d n=%d", t, n).isZero();
                    }
                }
                // Each item alone, cut to its length, ends in the same state.
                CellState initial = CellState.of(1, hs, slice(fx.initial.h(), n, hs),
                        fx.initial.hasCell() ? slice(fx.initial.c(), n, hs) : null);
                float[] alone = new float[Math.max(1, lengths[n]) * in];
                for (int t = 0; t < lengths[n]; t++) {
                    System.arraycopy(fx.x, (t * N + n) * in, alone, t * in, in);
                }
                ForwardPass single = fx.cell.forward(SequenceBatch.timeMajor(alone, lengths[n], 1, in), initial,
                        reverse, false);
                assertThat(slice(pass.last().h(), n, hs)).as("last h of item %d", n)
                        .containsExactly(single.last().h(), offset(1e-6f));
            }
            // A sequence of length 0 keeps its initial state.
            assertThat(slice(pass.last().h(), 1, hs)).containsExactly(slice(fx.initial.h(), 1, hs));
        }
    }

    static Stream<Arguments> perGateRoles() {
        return Stream.of(Arguments.of("lstm", "input_gate", 0), Arguments.of("lstm", "output_gate", 1),
                Arguments.of("lstm", "forget_gate", 2), Arguments.of("gru", "update_gate", 0),
                Arguments.of("gru", "reset_gate", 1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("perGateRoles")
    void aPerGateOverrideChangesOnlyItsGate(String type, String role, int block) {
        CellSpec base = CellSpec.builder(type).inputSize(3).hiddenSize(4).build();
        CellSpec overridden = base.toBuilder().activation(role, "test_swish").build();
        CellFixture fx = new CellFixture(base, new TestActivations(), Scenario.plain(1, 2), 12, 0.6f);
        Cell other = fx.type.create(overridden, fx.weights, fx.activations, ReferenceBackend.instance());

        assertThat(other.activation(role).spec().name()).isEqualTo("test_swish");
        assertThat(other.activation("gate").spec().name()).isEqualTo("sigmoid");
        // One step from a zero state: every block's pre-activation is the same in both cells.
        Trace a = (Trace) fx.cell.forward(fx.batch(), null, false, true).trace();
        Trace b = (Trace) other.forward(fx.batch(), null, false, true).trace();
        int hs = 4;
        int width = fx.type.gates().size() * hs;
        assertThat(b.pre).containsExactly(a.pre);
        for (int row = 0; row < 2; row++) {
            for (int g = 0; g < fx.type.gates().size(); g++) {
                for (int j = 0; j < hs; j++) {
                    int at = row * width + g * hs + j;
                    float expected = g == block ? (float) fx.activations.get("test_swish").value(a.pre[at])
                            : a.act[at];
                    assertThat(b.act[at]).as("gate block %d (%s), row %d", g, fx.type.gates().get(g), row)
                            .isCloseTo(expected, offset(1e-6f));
                }
            }
        }
        assertThat(b.act).as("the override must change its gate").isNotEqualTo(a.act);
    }

    private static float[] slice(float[] a, int n, int width) {
        return java.util.Arrays.copyOfRange(a, n * width, (n + 1) * width);
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], offset(1e-6f));
        }
    }
}
