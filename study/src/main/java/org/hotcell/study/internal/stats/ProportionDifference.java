package org.hotcell.study.internal.stats;

/**
 * Newcombe's hybrid score interval for the difference p1 - p2 of two independent proportions (method 10 of
 * Newcombe 1998, "Interval estimation for the difference between independent proportions"), e.g. the solve
 * rates of two configurations over their seeds.
 *
 * <p>It combines the two {@link Proportion#wilson Wilson intervals} [l1, u1] and [l2, u2]:
 * {@code [d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)]} with {@code d = p1 - p2}.
 * Chosen because, unlike the Wald interval, it stays inside [-1, 1], is not degenerate at 0 of n or n of n and
 * keeps near-nominal coverage for the handful of seeds a study has.
 */
public final class ProportionDifference {
    private ProportionDifference() {
    }

    /**
     * The 95% interval for {@code successes1 / trials1 - successes2 / trials2}.
     *
     * @throws IllegalArgumentException if a count of trials is not positive or a count of successes is not in
     *                                  [0, its trials]
     */
    public static Interval newcombe(int successes1, int trials1, int successes2, int trials2) {
        return newcombe(successes1, trials1, successes2, trials2, Proportion.DEFAULT_CONFIDENCE);
    }

    /**
     * The interval at the given confidence level (e.g. 0.95) for {@code successes1 / trials1 - successes2 /
     * trials2}.
     *
     * @throws IllegalArgumentException if a count of trials is not positive, a count of successes is not in
     *                                  [0, its trials] or {@code confidence} is not in (0, 1)
     */
    public static Interval newcombe(int successes1, int trials1, int successes2, int trials2, double confidence) {
        Require.counts("successes1", successes1, "trials1", trials1);
        Require.counts("successes2", successes2, "trials2", trials2);
        // With no trials a proportion has no estimate, and the difference has no centre.
        if (trials1 == 0) {
            throw new IllegalArgumentException("trials1 must be > 0, got 0");
        }
        if (trials2 == 0) {
            throw new IllegalArgumentException("trials2 must be > 0, got 0");
        }
        double p1 = (double) successes1 / trials1;
        double p2 = (double) successes2 / trials2;
        Interval w1 = Proportion.wilson(successes1, trials1, confidence);
        Interval w2 = Proportion.wilson(successes2, trials2, confidence);
        double d = p1 - p2;
        double low = d - Math.hypot(p1 - w1.low(), w2.high() - p2);
        double high = d + Math.hypot(w1.high() - p1, p2 - w2.low());
        return new Interval(Math.max(-1, low), Math.min(1, high));
    }
}
