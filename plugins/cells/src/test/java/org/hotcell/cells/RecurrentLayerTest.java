package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;

import org.hotcell.layers.LayerGradients;
import org.hotcell.layers.LayerPass;
import org.hotcell.layers.MergeMode;
import org.hotcell.layers.RecurrentLayer;
import org.hotcell.layers.RecurrentStack;
import org.hotcell.layers.StackGradients;
import org.hotcell.layers.StackPass;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.GradientCheck;
import org.hotcell.cells.support.ReferenceRecurrence;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Layers in one or two directions, merged, and stacked: forward against the cells, backward against FD. */
class RecurrentLayerTest {
    private static final int T = 4;
    private static final int N = 3;
    private static final int I = 3;
    private static final int H = 3;
    private static final int H2 = 2;
    private static final int[] LENGTHS = {4, 2, 3};

    private final TestActivations activations = new TestActivations();

    private CellFixture fixture(String type, int input, int hidden, Layout layout, long seed) {
        CellSpec spec = CellSpec.builder(type).inputSize(input).hiddenSize(hidden).peepholes(type.equals("lstm"))
                .build();
        return new CellFixture(spec, activations, new Scenario(T, N, layout, LENGTHS, false, false), seed, 0.6f);
    }

    @ParameterizedTest
    @EnumSource(MergeMode.class)
    void bidirectionalMergesTheTwoCellsOutputs(MergeMode mode) {
        CellFixture f = fixture("lstm", I, H, Layout.BATCH_MAJOR, 1);
        CellFixture r = fixture("lstm", I, H, Layout.BATCH_MAJOR, 2);
        RecurrentLayer layer = RecurrentLayer.bidirectional(f.cell, r.cell, mode);
        LayerPass pass = layer.forward(f.batch(), null, false);
        ForwardPass yf = f.cell.forward(f.batch(), null, false, false);
        ForwardPass yr = r.cell.forward(f.batch(), null, true, false);

        assertThat(layer.outputSize()).isEqualTo(mode == MergeMode.CONCAT ? 2 * H : H);
        assertThat(pass.width()).isEqualTo(layer.outputSize());
        for (int row = 0; row < T * N; row++) {
            for (int j = 0; j < H; j++) {
                float a = yf.y()[row * H + j];
                float b = yr.y()[row * H + j];
                switch (mode) {
                    case CONCAT -> {
                        assertThat(pass.y()[row * 2 * H + j]).isEqualTo(a);
                        assertThat(pass.y()[row * 2 * H + H + j]).isEqualTo(b);
                    }
                    case SUM -> assertThat(pass.y()[row * H + j]).isCloseTo(a + b, offset(1e-7f));
                    case MEAN -> assertThat(pass.y()[row * H + j]).isCloseTo((a + b) / 2, offset(1e-7f));
                    case MUL -> assertThat(pass.y()[row * H + j]).isCloseTo(a * b, offset(1e-7f));
                }
            }
        }
        assertThat(pass.last()).containsExactly(yf.last(), yr.last());
    }

    @Test
    void aReverseLayerIsItsCellReadBackwards() {
        CellFixture f = fixture("gru", I, H, Layout.TIME_MAJOR, 3);
        LayerPass pass = RecurrentLayer.reverse(f.cell).forward(f.batch(), null, false);
        assertThat(pass.y()).containsExactly(f.cell.forward(f.batch(), null, true, false).y());
        assertThat(pass.lengths()).containsExactly(LENGTHS);
    }

    /**
     * A stack of a bidirectional LSTM (peepholes, merged by {@code mode}) under a forward GRU, over batch-major
     * input with lengths; the loss projects the top output and the GRU's last state. Checked tensors: the input,
     * W of the forward LSTM, R and P of the reverse LSTM, W and Rb of the GRU.
     */
    @ParameterizedTest
    @EnumSource(MergeMode.class)
    void stackGradientsMatchFiniteDifferences(MergeMode mode) {
        CellFixture f = fixture("lstm", I, H, Layout.BATCH_MAJOR, 4);
        CellFixture r = fixture("lstm", I, H, Layout.BATCH_MAJOR, 5);
        CellFixture top = fixture("gru", mode.width(H), H2, Layout.TIME_MAJOR, 6);
        RecurrentStack stack = RecurrentStack.of(List.of(RecurrentLayer.bidirectional(f.cell, r.cell, mode),
                RecurrentLayer.forward(top.cell)));
        assertThat(stack.outputSize()).isEqualTo(H2);

        Random rnd = new Random(7);
        double[] u = new double[T * N * H2];
        double[] v = new double[N * H2];
        for (int i = 0; i < u.length; i++) {
            u[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        StackPass pass = stack.forward(f.batch(), null, true);
        StackGradients grads = stack.backward(pass, CellGradientTest.toFloat(u),
                List.of(List.of(f.cell.zeroState(N), r.cell.zeroState(N)),
                        List.of(CellState.of(N, H2, CellGradientTest.toFloat(v), null))));

        DoubleStack reference = new DoubleStack(f, r, top, mode, u, v);
        double[] y = reference.forwardTop();
        for (int i = 0; i < y.length; i++) {
            assertThat((double) pass.y()[i]).as("the float stack must agree with the double one first, y[%d]", i)
                    .isCloseTo(y[i], offset(1e-5));
        }
        check(grads.dx(), reference, reference.x);
        LayerGradients bottom = grads.layers().get(0);
        check(bottom.directions().get(0).dWeights().w(), reference, reference.pf.w());
        check(bottom.directions().get(1).dWeights().r(), reference, reference.pr.r());
        check(bottom.directions().get(1).dWeights().peepholes(), reference, reference.pr.p());
        check(grads.layers().get(1).directions().get(0).dWeights().w(), reference, reference.pt.w());
        check(grads.layers().get(1).directions().get(0).dWeights().rBias(), reference, reference.pt.rb());

        // Without the stack's input gradient (a network's input is data): no dx, anywhere at the bottom, and
        // every weight and state gradient as above, bit for bit; the upper layer still gets its input gradient.
        StackGradients partial = stack.backward(pass, CellGradientTest.toFloat(u),
                List.of(List.of(f.cell.zeroState(N), r.cell.zeroState(N)),
                        List.of(CellState.of(N, H2, CellGradientTest.toFloat(v), null))), false);
        assertThat(partial.dx()).isNull();
        assertThat(partial.layers().get(0).dx()).isNull();
        assertThat(partial.layers().get(1).dx()).isEqualTo(grads.layers().get(1).dx());
        for (int layer = 0; layer < 2; layer++) {
            List<CellGradients> want = grads.layers().get(layer).directions();
            List<CellGradients> got = partial.layers().get(layer).directions();
            for (int d = 0; d < want.size(); d++) {
                assertThat(got.get(d).dx() == null).as("layer %d direction %d has no dx", layer, d)
                        .isEqualTo(layer == 0);
                assertThat(got.get(d).dWeights().w()).isEqualTo(want.get(d).dWeights().w());
                assertThat(got.get(d).dWeights().r()).isEqualTo(want.get(d).dWeights().r());
                assertThat(got.get(d).dWeights().peepholes()).isEqualTo(want.get(d).dWeights().peepholes());
                assertThat(got.get(d).dWeights().rBias()).isEqualTo(want.get(d).dWeights().rBias());
                assertThat(got.get(d).dInitial().h()).isEqualTo(want.get(d).dInitial().h());
            }
        }
    }

    private static void check(float[] analytic, DoubleStack reference, double[] tensor) {
        double eps = 1e-6;
        double[] numeric = new double[tensor.length];
        for (int k = 0; k < tensor.length; k++) {
            double keep = tensor[k];
            tensor[k] = keep + eps;
            double up = reference.loss();
            tensor[k] = keep - eps;
            double down = reference.loss();
            tensor[k] = keep;
            numeric[k] = (up - down) / (2 * eps);
        }
        assertThat(GradientCheck.maxError(analytic, numeric)).isLessThanOrEqualTo(1e-3);
    }

    /** The same stack in double precision, from the reference recurrences and the merge written out. */
    private static final class DoubleStack {
        final ReferenceRecurrence forward;
        final ReferenceRecurrence reverse;
        final ReferenceRecurrence upper;
        final ReferenceRecurrence.Params pf;
        final ReferenceRecurrence.Params pr;
        final ReferenceRecurrence.Params pt;
        final double[] x;
        final MergeMode mode;
        final double[] u;
        final double[] v;

        DoubleStack(CellFixture f, CellFixture r, CellFixture top, MergeMode mode, double[] u, double[] v) {
            this.forward = f.reference();
            this.reverse = new ReferenceRecurrence("lstm", I, H, r.spec.options(), r.roles(), T, N, Layout.BATCH_MAJOR,
                    LENGTHS, true);
            this.upper = top.reference();
            this.x = CellFixture.toDouble(f.x);
            this.pf = f.params();
            this.pr = r.params();
            this.pt = top.params();
            this.mode = mode;
            this.u = u;
            this.v = v;
        }

        private static ReferenceRecurrence.Params withInput(ReferenceRecurrence.Params p, double[] input) {
            return new ReferenceRecurrence.Params(p.w(), p.r(), p.wb(), p.rb(), p.p(), input, null, null);
        }

        double[] merged() {
            double[] a = forward.run(withInput(pf, x)).y();
            double[] b = reverse.run(withInput(pr, x)).y();
            double[] out = new double[T * N * mode.width(H)];
            for (int row = 0; row < T * N; row++) {
                for (int j = 0; j < H; j++) {
                    double yf = a[row * H + j];
                    double yr = b[row * H + j];
                    switch (mode) {
                        case CONCAT -> {
                            out[row * 2 * H + j] = yf;
                            out[row * 2 * H + H + j] = yr;
                        }
                        case SUM -> out[row * H + j] = yf + yr;
                        case MEAN -> out[row * H + j] = (yf + yr) / 2;
                        case MUL -> out[row * H + j] = yf * yr;
                    }
                }
            }
            return out;
        }

        double[] forwardTop() {
            return upper.run(withInput(pt, merged())).y();
        }

        double loss() {
            ReferenceRecurrence.Output out = upper.run(withInput(pt, merged()));
            return GradientCheck.loss(out, u, v, null);
        }
    }

    @Test
    void stacksAndLayersRejectMismatchedSizes() {
        CellFixture a = fixture("lstm", I, H, Layout.TIME_MAJOR, 8);
        CellFixture b = fixture("lstm", I, H + 1, Layout.TIME_MAJOR, 9);
        assertThatThrownBy(() -> RecurrentLayer.bidirectional(a.cell, b.cell, MergeMode.SUM))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("hidden size of the reverse cell")
                .hasMessageContaining("is 4, expected 3");
        assertThatThrownBy(() -> RecurrentStack.of(List.of(RecurrentLayer.bidirectional(a.cell, a.cell,
                MergeMode.CONCAT), RecurrentLayer.forward(a.cell))))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("input size of layer 1")
                .hasMessageContaining("is 3, expected 6");
        assertThatThrownBy(() -> MergeMode.parse("max")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'max'").hasMessageContaining("concat, sum, mean, mul");
        assertThat(MergeMode.parse(" Concat ")).isEqualTo(MergeMode.CONCAT);
        SequenceBatch wrong = SequenceBatch.timeMajor(new float[T * N * (I + 1)], T, N, I + 1);
        assertThatThrownBy(() -> RecurrentLayer.forward(a.cell).forward(wrong, null, false))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("4 features");
    }
}
