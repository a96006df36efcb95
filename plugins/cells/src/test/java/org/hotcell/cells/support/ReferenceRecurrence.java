package org.hotcell.cells.support;

import java.util.Map;

import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Layout;

/**
 * The ONNX (opset 14) LSTM, GRU and RNN equations in double precision, written out element by element and one
 * batch item at a time, as an oracle for the cells: obviously right rather than fast. It shares no code with
 * the cells. Besides the outputs it reports how close any activation input came to a kink (a point where the
 * activation or the clip is not differentiable), so that gradient checks can show their points are fair.
 */
public final class ReferenceRecurrence {

    /** Everything the forward pass depends on, in double; null where the cell has no such input. */
    public record Params(double[] w, double[] r, double[] wb, double[] rb, double[] p, double[] x, double[] h0,
                         double[] c0) {

        /** A deep copy. */
        public Params copy() {
            return new Params(clone(w), clone(r), clone(wb), clone(rb), clone(p), clone(x), clone(h0), clone(c0));
        }

        /** The array called {@code name}: w, r, wb, rb, p, x, h0 or c0. */
        public double[] get(String name) {
            return switch (name) {
                case "w" -> w;
                case "r" -> r;
                case "wb" -> wb;
                case "rb" -> rb;
                case "p" -> p;
                case "x" -> x;
                case "h0" -> h0;
                case "c0" -> c0;
                default -> throw new IllegalArgumentException(name);
            };
        }

        private static double[] clone(double[] a) {
            return a == null ? null : a.clone();
        }
    }

    /**
     * @param y               {@code [T, N, H]} time-major, zero past each length
     * @param hLast           {@code [N, H]}
     * @param cLast           {@code [N, H]} for LSTM, else null
     * @param kinkDistance    the smallest distance of any activation input from a kink of its activation or
     *                        from the clip bounds
     * @param clippedCount    how many activation inputs were clipped
     * @param pattern         a hash of which piece (between kinks, clipped low or high) every activation input
     *                        fell on: two runs with the same pattern took the same smooth branch everywhere
     */
    public record Output(double[] y, double[] hLast, double[] cLast, double kinkDistance, int clippedCount,
                         long pattern) {
    }

    private final String type;
    private final int inputSize;
    private final int hidden;
    private final CellOptions options;
    private final Map<String, TestActivation> roles;
    private final int steps;
    private final int batch;
    private final Layout layout;
    private final int[] lengths;
    private final boolean reverse;

    private double kinkDistance;
    private int clippedCount;
    private long pattern;

    /**
     * @param roles the activation of every role, resolved (per-gate roles included)
     */
    public ReferenceRecurrence(String type, int inputSize, int hidden, CellOptions options,
                               Map<String, TestActivation> roles, int steps, int batch, Layout layout, int[] lengths,
                               boolean reverse) {
        this.type = type;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.options = options;
        this.roles = roles;
        this.steps = steps;
        this.batch = batch;
        this.layout = layout;
        this.lengths = lengths;
        this.reverse = reverse;
    }

    /** Runs the recurrence. Not thread-safe (it tracks kink distances in fields). */
    public Output run(Params p) {
        kinkDistance = Double.POSITIVE_INFINITY;
        clippedCount = 0;
        pattern = 17;
        int hs = hidden;
        double[] y = new double[steps * batch * hs];
        double[] hLast = new double[batch * hs];
        double[] cLast = type.equals("lstm") ? new double[batch * hs] : null;
        for (int n = 0; n < batch; n++) {
            double[] h = new double[hs];
            double[] c = new double[hs];
            if (p.h0() != null) {
                System.arraycopy(p.h0(), n * hs, h, 0, hs);
            }
            if (p.c0() != null) {
                System.arraycopy(p.c0(), n * hs, c, 0, hs);
            }
            int len = lengths == null ? steps : lengths[n];
            for (int s = 0; s < len; s++) {
                int t = reverse ? len - 1 - s : s;
                int row = layout == Layout.TIME_MAJOR ? t * batch + n : n * steps + t;
                double[] x = new double[inputSize];
                System.arraycopy(p.x(), row * inputSize, x, 0, inputSize);
                switch (type) {
                    case "lstm" -> lstmStep(p, x, h, c);
                    case "gru" -> gruStep(p, x, h);
                    case "rnn" -> rnnStep(p, x, h);
                    default -> throw new IllegalArgumentException(type);
                }
                System.arraycopy(h, 0, y, (t * batch + n) * hs, hs);
            }
            System.arraycopy(h, 0, hLast, n * hs, hs);
            if (cLast != null) {
                System.arraycopy(c, 0, cLast, n * hs, hs);
            }
        }
        return new Output(y, hLast, cLast, kinkDistance, clippedCount, pattern);
    }

    /** {@code row j of block g of (X.W^T + H.R^T + Wb + Rb)}, with the recurrent bias optional. */
    private double linear(Params p, int block, int j, double[] x, double[] h, boolean recurrent, boolean rBias) {
        int unit = block * hidden + j;
        double sum = 0;
        for (int k = 0; k < inputSize; k++) {
            sum += p.w()[unit * inputSize + k] * x[k];
        }
        if (recurrent) {
            for (int k = 0; k < hidden; k++) {
                sum += p.r()[unit * hidden + k] * h[k];
            }
        }
        if (options.bias()) {
            if (p.wb() != null) {
                sum += p.wb()[unit];
            }
            if (rBias && p.rb() != null) {
                sum += p.rb()[unit];
            }
        }
        return sum;
    }

    private double act(String role, double v) {
        TestActivation f = roles.get(role);
        double limit = options.clip();
        double in = v;
        if (options.clipped()) {
            kinkDistance = Math.min(kinkDistance, Math.abs(Math.abs(v) - limit));
            if (v > limit || v < -limit) {
                clippedCount++;
                pattern = pattern * 31 + (v > limit ? 101 : 103);
                in = Math.max(-limit, Math.min(limit, v));
                return f.value(in);
            }
        }
        int piece = 0;
        for (double kink : f.kinks()) {
            // An input exactly on a kink may be a structural zero (an all-ReLU LSTM's c = f*0 + i*relu(negative))
            // that stays there under perturbation; whether it does is told by the pattern, not by the distance.
            if (in != kink) {
                kinkDistance = Math.min(kinkDistance, Math.abs(in - kink));
            }
            piece += in > kink ? 2 : in == kink ? 1 : 0;
        }
        pattern = pattern * 31 + piece;
        return f.value(in);
    }

    private void lstmStep(Params p, double[] x, double[] h, double[] c) {
        int hs = hidden;
        double[] hNew = new double[hs];
        for (int j = 0; j < hs; j++) {
            // Blocks: 0 = i, 1 = o, 2 = f, 3 = c; peepholes P: i, o, f.
            double pi = options.peepholes() ? p.p()[j] * c[j] : 0;
            double pf = options.peepholes() ? p.p()[2 * hs + j] * c[j] : 0;
            double i = act("input_gate", linear(p, 0, j, x, h, true, true) + pi);
            double f = options.inputForget() ? 1 - i : act("forget_gate", linear(p, 2, j, x, h, true, true) + pf);
            double cand = act("candidate", linear(p, 3, j, x, h, true, true));
            double cNew = f * c[j] + i * cand;
            double po = options.peepholes() ? p.p()[hs + j] * cNew : 0;
            double o = act("output_gate", linear(p, 1, j, x, h, true, true) + po);
            hNew[j] = o * act("output", cNew);
            c[j] = cNew; // c[j] is read only by unit j, so updating it in the loop is safe
        }
        System.arraycopy(hNew, 0, h, 0, hs);
    }

    private void gruStep(Params p, double[] x, double[] h) {
        int hs = hidden;
        double[] z = new double[hs];
        double[] r = new double[hs];
        for (int j = 0; j < hs; j++) {
            z[j] = act("update_gate", linear(p, 0, j, x, h, true, true));
            r[j] = act("reset_gate", linear(p, 1, j, x, h, true, true));
        }
        double[] hNew = new double[hs];
        for (int j = 0; j < hs; j++) {
            int unit = 2 * hs + j;
            double rbh = options.bias() && p.rb() != null ? p.rb()[unit] : 0;
            double pre = linear(p, 2, j, x, h, false, false);
            if (options.linearBeforeReset()) {
                double hr = rbh;
                for (int k = 0; k < hs; k++) {
                    hr += p.r()[unit * hs + k] * h[k];
                }
                pre += r[j] * hr;
            } else {
                double rh = rbh;
                for (int k = 0; k < hs; k++) {
                    rh += p.r()[unit * hs + k] * (r[k] * h[k]);
                }
                pre += rh;
            }
            double cand = act("candidate", pre);
            hNew[j] = (1 - z[j]) * cand + z[j] * h[j];
        }
        System.arraycopy(hNew, 0, h, 0, hs);
    }

    private void rnnStep(Params p, double[] x, double[] h) {
        double[] hNew = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            hNew[j] = act("activation", linear(p, 0, j, x, h, true, true));
        }
        System.arraycopy(hNew, 0, h, 0, hidden);
    }
}
