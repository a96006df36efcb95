package org.hotcell.activations.math;

/**
 * Double-precision helpers for the scalar forms, which serve as the reference the bulk kernels are held to:
 * each is computed in double and rounded to float once by its caller.
 */
public final class ScalarMath {
    private static final double INV_SQRT_2 = 0.70710678118654752440;
    private static final double INV_SQRT_2PI = 0.39894228040143267794;

    private ScalarMath() {
    }

    /** The logistic sigmoid 1/(1+e^-x), without overflow: 0 at -inf, 1 at +inf, NaN for NaN. */
    public static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        double s = 1.0 / (1.0 + e);
        return x < 0 ? e * s : s;
    }

    /** softplus log(1 + e^x) = max(x, 0) + log1p(e^-|x|): exactly x for large x, never inf for finite x. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The standard normal distribution function Phi(x) = erfc(-x/sqrt 2)/2, with relative error below 1.2e-7
     * (the accuracy of the erfc fit; see {@link VectorMath#normalCdf}).
     */
    public static double normalCdf(double x) {
        double z = Math.abs(x) * INV_SQRT_2;
        double t = 1.0 / (1.0 + 0.5 * z);
        double p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        double half = 0.5 * t * Math.exp(p - z * z);
        if (Double.isNaN(half) && Double.isInfinite(z)) {
            half = 0;
        }
        return x < 0 ? half : 1.0 - half;
    }

    /** The standard normal density phi(x) = e^(-x^2/2)/sqrt(2 pi). */
    public static double normalDensity(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** x clamped to [lo, hi]; NaN stays NaN. */
    public static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }
}
