package org.hotcell.cells.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hotcell.core.cell.CellGradients;

/**
 * Analytic gradients against central finite differences of the double-precision reference forward pass.
 *
 * <p>The loss is a fixed random projection {@code L = u.y + v.h_last (+ w.c_last)}, so that every output
 * matters with its own weight. Finite differences run in double with step {@code eps}, so their error
 * (truncation ~eps^2, rounding ~1e-16/eps) is far below the tolerance; the analytic gradients come from the
 * float32 cell. The error of one entry is {@code |a - n| / max(|n|, 0.01 * max|n| over its tensor)}: relative
 * for the entries that carry the gradient, and measured against the tensor's scale for entries near zero (where
 * a float32 sum cannot be relatively exact).
 */
public final class GradientCheck {
    /** Names of the checked tensors, in the order of {@link ReferenceRecurrence.Params}. */
    public static final String[] TENSORS = {"w", "r", "wb", "rb", "p", "x", "h0", "c0"};

    private GradientCheck() {
    }

    /** The projection loss in double. */
    public static double loss(ReferenceRecurrence.Output out, double[] u, double[] v, double[] wc) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * out.y()[i];
        }
        for (int i = 0; i < v.length; i++) {
            sum += v[i] * out.hLast()[i];
        }
        if (wc != null) {
            for (int i = 0; i < wc.length; i++) {
                sum += wc[i] * out.cLast()[i];
            }
        }
        return sum;
    }

    /**
     * Central differences of the loss with respect to every entry of every present tensor; NaN for an entry whose
     * perturbation moves some activation input across a kink (the pattern of pieces changes), where the function
     * has no derivative to compare with. Callers bound how many entries may be NaN ({@link #straddling}).
     */
    public static Map<String, double[]> numeric(ReferenceRecurrence reference, ReferenceRecurrence.Params base,
                                                double[] u, double[] v, double[] wc, double eps) {
        Map<String, double[]> result = new LinkedHashMap<>();
        for (String name : TENSORS) {
            double[] values = base.get(name);
            if (values == null) {
                continue;
            }
            long basePattern = reference.run(base).pattern();
            double[] grad = new double[values.length];
            for (int k = 0; k < values.length; k++) {
                ReferenceRecurrence.Params plus = base.copy();
                plus.get(name)[k] += eps;
                ReferenceRecurrence.Params minus = base.copy();
                minus.get(name)[k] -= eps;
                ReferenceRecurrence.Output up = reference.run(plus);
                ReferenceRecurrence.Output down = reference.run(minus);
                boolean smooth = up.pattern() == basePattern && down.pattern() == basePattern;
                grad[k] = smooth ? (loss(up, u, v, wc) - loss(down, u, v, wc)) / (2 * eps) : Double.NaN;
            }
            result.put(name, grad);
        }
        return result;
    }

    /** The analytic gradients by tensor name. */
    public static Map<String, float[]> analytic(CellGradients g) {
        Map<String, float[]> result = new LinkedHashMap<>();
        result.put("w", g.dWeights().w());
        result.put("r", g.dWeights().r());
        result.put("wb", g.dWeights().wBias());
        result.put("rb", g.dWeights().rBias());
        result.put("p", g.dWeights().peepholes());
        result.put("x", g.dx());
        result.put("h0", g.dInitial().h());
        result.put("c0", g.dInitial().c());
        return result;
    }

    /** The largest error (see the class comment) of one tensor. */
    public static double maxError(float[] analytic, double[] numeric) {
        if (analytic == null || analytic.length != numeric.length) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = 0;
        for (double n : numeric) {
            if (!Double.isNaN(n)) {
                scale = Math.max(scale, Math.abs(n));
            }
        }
        double floor = Math.max(0.01 * scale, 1e-9);
        double worst = 0;
        for (int k = 0; k < numeric.length; k++) {
            if (Double.isNaN(numeric[k])) {
                continue; // straddles a kink: no derivative there
            }
            double err = Math.abs(analytic[k] - numeric[k]) / Math.max(Math.abs(numeric[k]), floor);
            worst = Math.max(worst, err);
        }
        return worst;
    }

    /** How many numeric entries straddle a kink (NaN), and how many there are, over all tensors. */
    public static int[] straddling(Map<String, double[]> numeric) {
        int nan = 0;
        int all = 0;
        for (double[] n : numeric.values()) {
            for (double v : n) {
                nan += Double.isNaN(v) ? 1 : 0;
                all++;
            }
        }
        return new int[] {nan, all};
    }

    /** The largest error per tensor, for every tensor the numeric side has. */
    public static Map<String, Double> errors(Map<String, float[]> analytic, Map<String, double[]> numeric) {
        Map<String, Double> errors = new LinkedHashMap<>();
        numeric.forEach((name, n) -> errors.put(name, maxError(analytic.get(name), n)));
        return errors;
    }
}
