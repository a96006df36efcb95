package org.hotcell.core.activation;

import java.util.List;

/**
 * What an activation is like, stated by its author and checked by the TCK against measurements: the
 * criteria the question "why sigmoid for gates, tanh for the candidate, and can ReLU replace them?" turns on.
 *
 * @param min          the infimum of the output over all finite inputs (may be -inf)
 * @param max          the supremum of the output over all finite inputs (may be +inf)
 * @param monotonic    non-decreasing over the whole real line
 * @param zeroCentred  {@code f(0) = 0} and the output takes both signs, so that averages of activations
 *                     are not biased to one side
 * @param saturating   the derivative tends to 0 as x tends to both -inf and +inf, as sigmoid's and tanh's
 *                     do and ReLU's does not
 * @param kinks        the points where the function or its first derivative is not continuous (ReLU: 0),
 *                     in increasing order; empty for a smooth (C1) function
 */
public record ActivationProperties(double min, double max, boolean monotonic, boolean zeroCentred,
                                   boolean saturating, List<Double> kinks) {

    public ActivationProperties {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("output range [" + min + ", " + max + "] is not a range");
        }
        kinks = List.copyOf(kinks);
        for (int i = 1; i < kinks.size(); i++) {
            if (!(kinks.get(i - 1) < kinks.get(i))) {
                throw new IllegalArgumentException("kinks must be strictly increasing: " + kinks);
            }
        }
    }

    /** Whether the output lies in a finite interval. */
    public boolean bounded() {
        return Double.isFinite(min) && Double.isFinite(max);
    }

    /** Whether the function is continuously differentiable everywhere (no kinks). */
    public boolean smooth() {
        return kinks.isEmpty();
    }

    /** The output range as text, e.g. {@code (0, 1)} or {@code [0, inf)}; ends at infinity are open. */
    public String rangeText() {
        return (Double.isInfinite(min) ? "(-inf" : "[" + format(min)) + ", "
                + (Double.isInfinite(max) ? "inf)" : format(max) + "]");
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
