package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cell updated in place ({@link Cell#addToWeights}) computes bit for bit what a cell made from the weights
 * updated by the same float expression computes: forward outputs, last states and every gradient, after several
 * updates, for every cell type and option (biases and peepholes on and off, GRU's linear_before_reset), on the
 * reference backend and the SIMD backend at 1 and 2 threads. Hidden sizes 40 and 72 make ragged panels; the
 * batched backward passes before the updates make the SIMD backend keep transposes, which the updates must
 * change too.
 */
class InPlaceUpdateTest {
    private static final Scenario BATCHED = new Scenario(5, 4, Layout.BATCH_MAJOR, new int[] {5, 2, 4, 3}, true,
            true);
    private static final int UPDATES = 3;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int hidden : new int[] {40, 72}) {
            for (CellSpec spec : CellCases.specs(hidden == 40 ? 5 : 33, hidden)) {
                for (Backend backend : new Backend[] {ReferenceBackend.instance(), SimdBackend.withThreadCount(1),
                        SimdBackend.withThreadCount(2)}) {
                    cases.add(Arguments.of(CellCases.label(spec) + " H=" + hidden + " " + backend.describe(), spec,
                            backend));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anUpdatedCellComputesExactlyAsOneMadeFromTheUpdatedWeights(String label, CellSpec spec, Backend backend) {
        TestActivations activations = new TestActivations();
        float scale = (float) (1 / Math.sqrt(spec.inputSize() + spec.hiddenSize()));
        CellFixture fx = new CellFixture(spec, activations, BATCHED, 29, scale);
        CellWeights master = copy(fx.weights);
        Cell cell = fx.type.create(spec, copy(master), activations, backend);
        assertThat(cell.updatesInPlace()).isTrue();
        float[] dy = CellFixture.random(new java.util.Random(5), BATCHED.steps() * BATCHED.batch()
                * spec.hiddenSize(), 1f);
        // A second master the cell updates itself, in the same pass (every other update), or the caller does.
        CellWeights fused = copy(master);
        for (int update = 0; update < UPDATES; update++) {
            // Two traced passes per update: the second product by each matrix itself keeps its transpose.
            passAndGradients(cell, fx, dy);
            CellWeights delta = passAndGradients(cell, fx, dy).dWeights();
            float alpha = -0.05f * (update + 1);
            addScaled(master, delta, alpha);
            if (update % 2 == 0) {
                cell.addToWeights(delta, alpha, fused);
            } else {
                addScaled(fused, delta, alpha);
                cell.addToWeights(delta, alpha);
            }
        }
        same(fused.w(), master.w(), "master W updated with the cell");
        same(fused.r(), master.r(), "master R updated with the cell");
        same(fused.wBias(), master.wBias(), "master Wb updated with the cell");
        same(fused.rBias(), master.rBias(), "master Rb updated with the cell");
        same(fused.peepholes(), master.peepholes(), "master P updated with the cell");
        Cell rebuilt = fx.type.create(spec, master, activations, backend);
        ForwardPass got = cell.forward(fx.batch(), fx.initial, BATCHED.reverse(), true);
        ForwardPass want = rebuilt.forward(fx.batch(), fx.initial, BATCHED.reverse(), true);
        same(got.y(), want.y(), "y");
        same(got.last().h(), want.last().h(), "last h");
        CellGradients g = cell.backward(got, dy, null);
        CellGradients w = rebuilt.backward(want, dy, null);
        same(g.dx(), w.dx(), "dx");
        same(g.dWeights().w(), w.dWeights().w(), "dW");
        same(g.dWeights().r(), w.dWeights().r(), "dR");
        same(g.dWeights().wBias(), w.dWeights().wBias(), "dWb");
        same(g.dWeights().rBias(), w.dWeights().rBias(), "dRb");
        same(g.dWeights().peepholes(), w.dWeights().peepholes(), "dP");
        // Streaming steps read the same packed weights and folded bias.
        float[] x = Arrays.copyOf(fx.x, BATCHED.batch() * spec.inputSize());
        var mine = cell.zeroState(BATCHED.batch());
        var theirs = rebuilt.zeroState(BATCHED.batch());
        cell.step(x, 0, mine);
        rebuilt.step(x, 0, theirs);
        same(mine.h(), theirs.h(), "h after a step");
    }

    @Test
    void aTraceFromBeforeAnUpdateIsRefused() {
        CellFixture fx = lstm(true, true);
        ForwardPass before = fx.cell.forward(fx.batch(), null, false, true);
        fx.cell.addToWeights(CellWeights.zeros(4, fx.spec), 1f);
        assertThatThrownBy(() -> fx.cell.backward(before, null, fx.cell.zeroState(BATCHED.batch())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the last update")
                .hasMessageContaining("lstm cell");
        ForwardPass after = fx.cell.forward(fx.batch(), null, false, true);
        assertThat(fx.cell.backward(after, null, fx.cell.zeroState(BATCHED.batch()))).isNotNull();
    }

    @Test
    void aBadUpdateIsRefusedBeforeAnythingChanges() {
        CellFixture fx = lstm(false, false);
        float[] before = fx.cell.forward(fx.batch(), null, false, false).y();
        CellWeights ones = CellWeights.zeros(4, fx.spec);
        Arrays.fill(ones.w(), 1f);
        CellWeights withBias = new CellWeights(ones.w(), ones.r(), new float[4 * fx.spec.hiddenSize()], null, null);
        assertThatThrownBy(() -> fx.cell.addToWeights(withBias, 1f)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("input bias Wb").hasMessageContaining("does not have");
        CellWeights shortR = new CellWeights(ones.w(), new float[3], null, null, null);
        assertThatThrownBy(() -> fx.cell.addToWeights(shortR, 1f)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("recurrent weights R");
        assertThat(fx.cell.forward(fx.batch(), null, false, false).y()).isEqualTo(before);
    }

    @Test
    void nullBiasAndPeepholeUpdatesLeaveThemAsTheyAre() {
        CellFixture fx = lstm(true, true);
        CellWeights zeros = CellWeights.zeros(4, fx.spec);
        float[] before = fx.cell.forward(fx.batch(), null, false, false).y();
        fx.cell.addToWeights(new CellWeights(zeros.w(), zeros.r(), null, null, null), 1f);
        assertThat(fx.cell.forward(fx.batch(), null, false, false).y()).isEqualTo(before);
    }

    @Test
    void aBackendWithoutInPlaceUpdatesSaysSoAndTheCellRefusesNamingIt() {
        CellFixture fx = lstm(true, false);
        Backend plain = new ForwardingBackend(ReferenceBackend.instance());
        Cell cell = fx.type.create(fx.spec, fx.weights, fx.activations, plain);
        assertThat(cell.updatesInPlace()).isFalse();
        assertThatThrownBy(() -> cell.addToWeights(CellWeights.zeros(4, fx.spec), 1f))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("backend 'forwarding'");
    }

    private static CellFixture lstm(boolean bias, boolean peepholes) {
        CellSpec spec = CellSpec.builder("lstm").inputSize(3).hiddenSize(4).bias(bias).peepholes(peepholes).build();
        return new CellFixture(spec, new TestActivations(), BATCHED, 7, 0.5f);
    }

    private static CellGradients passAndGradients(Cell cell, CellFixture fx, float[] dy) {
        ForwardPass pass = cell.forward(fx.batch(), fx.initial, BATCHED.reverse(), true);
        return cell.backward(pass, dy, null);
    }

    private static CellWeights copy(CellWeights w) {
        return new CellWeights(w.w().clone(), w.r().clone(), clone(w.wBias()), clone(w.rBias()), clone(w.peepholes()));
    }

    private static float[] clone(float[] a) {
        return a == null ? null : a.clone();
    }

    /** The master's update: the expression the cell promises. */
    private static void addScaled(CellWeights into, CellWeights d, float alpha) {
        add(into.w(), d.w(), alpha);
        add(into.r(), d.r(), alpha);
        add(into.wBias(), d.wBias(), alpha);
        add(into.rBias(), d.rBias(), alpha);
        add(into.peepholes(), d.peepholes(), alpha);
    }

    private static void add(float[] into, float[] d, float alpha) {
        if (into != null && d != null) {
            for (int i = 0; i < into.length; i++) {
                into[i] = into[i] + alpha * d[i];
            }
        }
    }

    /** Bitwise: {@link Arrays#equals(float[], float[])} compares the bits (NaN aside). */
    private static void same(float[] actual, float[] expected, String what) {
        assertThat(Arrays.equals(actual, expected)).as(what + " bit for bit (first differences: %s vs %s)",
                actual == null ? null : Arrays.toString(Arrays.copyOf(actual, Math.min(4, actual.length))),
                expected == null ? null : Arrays.toString(Arrays.copyOf(expected, Math.min(4, expected.length))))
                .isTrue();
    }

    /** A third-party backend written before in-place updates: everything but {@code addTo} delegated. */
    private record ForwardingBackend(Backend delegate) implements Backend {
        @Override
        public String name() {
            return "forwarding";
        }

        @Override
        public int rank() {
            return -1;
        }

        @Override
        public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                         int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
            delegate.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }

        @Override
        public PackedMatrix pack(float[] w, int off, int rows, int cols) {
            return delegate.pack(w, off, rows, cols);
        }

        @Override
        public void multiply(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff, int ldy,
                             boolean accumulate) {
            delegate.multiply(x, xOff, ldx, m, w, y, yOff, ldy, accumulate);
        }

        @Override
        public void multiplyUntransposed(float[] x, int xOff, int ldx, int m, PackedMatrix w, float[] y, int yOff,
                                         int ldy, boolean accumulate) {
            delegate.multiplyUntransposed(x, xOff, ldx, m, w, y, yOff, ldy, accumulate);
        }
    }
}
