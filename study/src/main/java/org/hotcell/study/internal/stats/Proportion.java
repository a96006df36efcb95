package org.hotcell.study.internal.stats;

/**
 * The Wilson score interval for a proportion, e.g. "solved in 3 of 3 seeds".
 *
 * <p>Wilson rather than the textbook {@code p +- z sqrt(p(1-p)/n)}: with the few seeds of a study the textbook
 * interval collapses to a point at 0 of n and n of n, while Wilson's stays honest ([0.44, 1] for 3 of 3) and
 * keeps close to its nominal coverage for small n. No continuity correction.
 */
public final class Proportion {
    private Proportion() {
    }

    /** The confidence level used when none is given. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /**
     * The 95% Wilson interval for {@code successes} of {@code trials}; [0, 1] when there are no trials.
     *
     * @throws IllegalArgumentException if {@code trials < 0} or {@code successes} is not in [0, trials]
     */
    public static Interval wilson(int successes, int trials) {
        return wilson(successes, trials, DEFAULT_CONFIDENCE);
    }

    /**
     * The Wilson interval at the given confidence level (e.g. 0.95); [0, 1] when there are no trials. The
     * bound at 0 successes is exactly 0, and at {@code trials} successes exactly 1.
     *
     * @throws IllegalArgumentException if {@code trials < 0}, {@code successes} is not in [0, trials] or
     *                                  {@code confidence} is not in (0, 1)
     */
    public static Interval wilson(int successes, int trials, double confidence) {
        Require.counts("successes", successes, "trials", trials);
        double z = criticalValue(Require.confidence(confidence));
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /** The two-sided critical value z with P(|Z| &lt;= z) = confidence. */
    static double criticalValue(double confidence) {
        // (1 - confidence) / 2 rather than (1 + confidence) / 2: the lower tail keeps its relative precision.
        return -Normal.quantile((1 - confidence) / 2);
    }
}
