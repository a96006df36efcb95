package org.hotcell.study.internal.stats;

/**
 * The standard normal distribution: its CDF and its quantile function, both to a few 1e-15 relative, 2e-14 at
 * worst; the CDF keeps that relative accuracy down to x = -37.5, deep in the lower tail where small p-values
 * live (below, its values are subnormal doubles).
 *
 * <p>The CDF is not written as {@code erfc(-x / sqrt 2) / 2}: rounding {@code x / sqrt 2} costs about
 * {@code x^2} ulps of relative accuracy in the tail (SciPy's {@code ndtr} is 6e-14 off at x = -30). It is
 * evaluated from {@code x} itself: near the centre by the series {@code 1/2 + density(x) (x + x^3/3 + x^5/15 +
 * ...)} (Marsaglia 2004), whose terms all share x's sign, and in the tails by Laplace's continued fraction for
 * Mills' ratio.
 */
public final class Normal {
    private Normal() {
    }

    /** 1 / sqrt(2 pi). */
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /**
     * Below this |x| the series; above it the continued fraction, which then needs at most ~70 terms. Below
     * zero the series loses digits to {@code 1/2 - ...}, at most a factor 0.5 / cdf(-2.5) = 80 here.
     */
    private static final double SERIES_LIMIT = 2.5;
    /** Beyond this |x| the tail probability is below the smallest double. */
    private static final double TAIL_LIMIT = 40;
    private static final int MAX_TERMS = 1000;

    /**
     * The probability that a standard normal variable is at most {@code x}.
     *
     * @throws IllegalArgumentException if {@code x} is NaN
     */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must not be NaN");
        }
        if (Math.abs(x) < SERIES_LIMIT) {
            return 0.5 + density(x) * centralSeries(x);
        }
        double tail = Math.abs(x) > TAIL_LIMIT ? 0 : density(x) * millsRatio(Math.abs(x));
        return x < 0 ? tail : 1 - tail;
    }

    /**
     * The {@code p}-quantile: the x with {@code cdf(x) = p}; minus infinity for 0 and infinity for 1.
     *
     * <p>Acklam's rational approximation (relative error below 1.2e-9) refined by one Halley step on
     * {@link #cdf}, which triples the number of correct digits. Upper quantiles are computed as minus the lower
     * quantile of {@code 1 - p}, which is exact for {@code p >= 1/2}, so the refinement always works where the
     * CDF has full relative accuracy.
     *
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (p > 0.5) {
            return -lowerQuantile(1 - p);
        }
        return lowerQuantile(p);
    }

    /** The quantile of {@code p} in [0, 1/2]. */
    private static double lowerQuantile(double p) {
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double x = acklam(p);
        double phi = density(x);
        // Deep in the subnormal range the density loses its digits: Acklam's 1e-9 is then the best there is.
        if (phi > Double.MIN_NORMAL) {
            double u = (cdf(x) - p) / phi;
            x -= u / (1 + 0.5 * x * u);
        }
        return x;
    }

    /** Acklam's approximation of the quantile of p in (0, 1/2]. */
    private static double acklam(double p) {
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }

    /**
     * The density exp(-x^2 / 2) / sqrt(2 pi). The rounding error of {@code x * x}, recovered exactly with an FMA,
     * is put back into the exponent: without it the density would lose x^2 / 2 ulps in the tails.
     */
    static double density(double x) {
        double square = x * x;
        double error = Math.fma(x, x, -square);
        return Math.exp(-0.5 * square) * Math.exp(-0.5 * error) * INV_SQRT_2PI;
    }

    /** (cdf(x) - 1/2) / density(x) = x + x^3/3 + x^5/(3*5) + ..., an odd series; all terms share x's sign. */
    private static double centralSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int k = 1; k < MAX_TERMS; k++) {
            term *= x2 / (2 * k + 1);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    /**
     * Mills' ratio (1 - cdf(x)) / density(x) for x > 0, by the continued fraction
     * 1 / (x + 1 / (x + 2 / (x + 3 / (x + ...)))) evaluated with the modified Lentz method.
     */
    private static double millsRatio(double x) {
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < MAX_TERMS; k++) {
            d = 1 / (x + k * d);
            c = x + k / c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) <= 0x1p-52) {
                break;
            }
        }
        return 1 / f;
    }

    /** Twice the upper tail beyond |z|, capped at 1: the two-sided p-value of a standard normal statistic. */
    static double twoSidedP(double z) {
        return Math.min(1, 2 * cdf(-Math.abs(z)));
    }
}
