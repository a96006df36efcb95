package org.hotcell.model.testing;

import java.util.List;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellRole;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.SequenceBatch;

/**
 * A plain Elman RNN for the model module's own tests, {@code h_t = f(W x_t + R h_{t-1} + Wb + Rb)}, written
 * independently of the cells plugin so that the model's plumbing (stacking, directions, head, training) is
 * tested on its own. Full-length sequences only; simple loops.
 */
public final class TestRnnCellType implements CellType {
    /** The type's name. */
    public static final String NAME = "test_rnn";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "h_t = f(W x_t + R h_{t-1} + Wb + Rb)";
    }

    @Override
    public List<String> gates() {
        return List.of("h");
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public List<CellRole> roles() {
        return List.of(new CellRole("activation", ActivationSpec.of("tanh"), null, "f"));
    }

    @Override
    public Cell create(CellSpec spec, CellWeights weights, ActivationSource activations, Backend backend) {
        checkRoles(spec);
        weights.check(1, spec);
        return new RnnCell(spec, weights, activations.activation(activationFor(spec, "activation")));
    }

    private record Trace(SequenceBatch x, float[] pre, float[] h0, boolean reverse) {
    }

    private static final class RnnCell implements Cell {
        private final CellSpec spec;
        private final float[] w;
        private final float[] r;
        private final float[] b;
        private final Activation f;

        RnnCell(CellSpec spec, CellWeights weights, Activation f) {
            this.spec = spec;
            this.w = weights.w().clone();
            this.r = weights.r().clone();
            int h = spec.hiddenSize();
            this.b = new float[h];
            if (weights.wBias() != null) {
                for (int j = 0; j < h; j++) {
                    b[j] = weights.wBias()[j] + weights.rBias()[j];
                }
            }
            this.f = f;
        }

        @Override
        public CellSpec spec() {
            return spec;
        }

        @Override
        public Activation activation(String role) {
            return f;
        }

        @Override
        public CellState zeroState(int batch) {
            return CellState.zeros(batch, spec.hiddenSize(), false);
        }

        @Override
        public ForwardPass forward(SequenceBatch x, CellState initial, boolean reverse, boolean keepTrace) {
            int steps = x.steps();
            int n = x.batch();
            int h = spec.hiddenSize();
            int in = spec.inputSize();
            float[] y = new float[steps * n * h];
            float[] pre = new float[steps * n * h];
            float[] h0 = initial == null ? new float[n * h] : initial.h().clone();
            float[] state = h0.clone();
            for (int k = 0; k < steps; k++) {
                int t = reverse ? steps - 1 - k : k;
                for (int item = 0; item < n; item++) {
                    int row = x.rowOffset(t, item);
                    for (int j = 0; j < h; j++) {
                        double a = b[j];
                        for (int i = 0; i < in; i++) {
                            a += (double) w[j * in + i] * x.data()[row + i];
                        }
                        for (int q = 0; q < h; q++) {
                            a += (double) r[j * h + q] * state[item * h + q];
                        }
                        pre[(t * n + item) * h + j] = (float) a;
                        y[(t * n + item) * h + j] = f.apply((float) a);
                    }
                }
                System.arraycopy(y, t * n * h, state, 0, n * h);
            }
            return new ForwardPass(y, CellState.of(n, h, state, null),
                    keepTrace ? new Trace(x, pre, h0, reverse) : null);
        }

        @Override
        public void step(float[] x, int xOff, CellState state) {
            throw new UnsupportedOperationException("not needed by the tests");
        }

        @Override
        public CellGradients backward(ForwardPass pass, float[] dy, CellState dLast) {
            Trace trace = (Trace) pass.trace();
            SequenceBatch x = trace.x();
            int steps = x.steps();
            int n = x.batch();
            int h = spec.hiddenSize();
            int in = spec.inputSize();
            float[] dw = new float[w.length];
            float[] dr = new float[r.length];
            float[] db = new float[h];
            float[] dx = new float[steps * n * in];
            float[] dh = dLast == null ? new float[n * h] : dLast.h().clone();
            for (int k = steps - 1; k >= 0; k--) {
                int t = trace.reverse() ? steps - 1 - k : k;
                int previous = trace.reverse() ? t + 1 : t - 1;
                float[] dNext = new float[n * h];
                for (int item = 0; item < n; item++) {
                    int row = x.rowOffset(t, item);
                    for (int j = 0; j < h; j++) {
                        int at = (t * n + item) * h + j;
                        float total = dh[item * h + j] + (dy == null ? 0 : dy[at]);
                        float da = total * f.derivative(trace.pre()[at], pass.y()[at]);
                        db[j] += da;
                        for (int i = 0; i < in; i++) {
                            dw[j * in + i] += da * x.data()[row + i];
                            dx[(t * n + item) * in + i] += da * w[j * in + i];
                        }
                        for (int q = 0; q < h; q++) {
                            float hPrev = previous >= 0 && previous < steps ? pass.y()[(previous * n + item) * h + q]
                                    : trace.h0()[item * h + q];
                            dr[j * h + q] += da * hPrev;
                            dNext[item * h + q] += da * r[j * h + q];
                        }
                    }
                }
                dh = dNext;
            }
            boolean bias = spec.options().bias();
            return new CellGradients(dx, CellState.of(n, h, dh, null),
                    new CellWeights(dw, dr, bias ? db : null, bias ? db.clone() : null, null));
        }
    }
}
