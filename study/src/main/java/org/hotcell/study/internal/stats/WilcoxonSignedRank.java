package org.hotcell.study.internal.stats;

import java.util.Arrays;

/**
 * The two-sided Wilcoxon signed-rank test of paired samples, e.g. two configurations trained with the same
 * seeds: pairing by seed removes the seed-to-seed variation that an unpaired test would have to see through.
 *
 * <p>It follows SciPy 1.17's {@code wilcoxon(x, y)} with its defaults ({@code zero_method='wilcox'},
 * {@code correction=False}, {@code method='auto'}), so that results match:
 * <ul>
 *   <li>pairs with a zero difference are dropped before ranking;</li>
 *   <li>with at most 50 pairs, no zero difference and no tied |difference|: the exact null distribution;</li>
 *   <li>with at most 13 pairs and zeros or ties: the exact distribution of the statistic over all sign flips
 *       given the tied ranks (SciPy's exhaustive permutation test);</li>
 *   <li>otherwise the normal approximation with the tie-corrected variance and no continuity correction.</li>
 * </ul>
 * The pair counts in these limits include the zero differences, as in SciPy.
 */
public final class WilcoxonSignedRank {
    private WilcoxonSignedRank() {
    }

    /** Up to this many pairs, without zeros or ties, the p-value is exact. */
    static final int EXACT_LIMIT = 50;
    /** Up to this many pairs, with zeros or ties, the p-value is exact given the ties. */
    static final int CONDITIONAL_EXACT_LIMIT = 13;

    /**
     * Tests whether the differences {@code x[i] - y[i]} are symmetric about zero. The statistic is SciPy's:
     * the smaller of the rank sums of the positive and of the negative differences. When every difference is
     * zero the statistic is 0 and the p-value 1, where SciPy gives NaN above 13 pairs.
     *
     * @throws IllegalArgumentException if the samples are empty, of different lengths or hold a NaN or an
     *                                  infinity
     * @throws NullPointerException     if a sample is null
     */
    public static TestResult test(double[] x, double[] y) {
        Require.sample("x", x, 1);
        Require.sample("y", y, 1);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length (they are paired), got "
                    + x.length + " and " + y.length);
        }
        int pairs = x.length;
        double[] differences = new double[pairs];
        int nonZero = 0;
        for (int i = 0; i < pairs; i++) {
            double d = x[i] - y[i];
            if (d != 0) {
                differences[nonZero++] = d;
            }
        }
        if (nonZero == 0) {
            return new TestResult(0, 1, PValueMethod.EXACT);
        }
        differences = Arrays.copyOf(differences, nonZero);
        double[] magnitudes = new double[nonZero];
        for (int i = 0; i < nonZero; i++) {
            magnitudes[i] = Math.abs(differences[i]);
        }
        Ranks ranks = Ranks.of(magnitudes);
        double plus = 0;
        for (int i = 0; i < nonZero; i++) {
            if (differences[i] > 0) {
                plus += ranks.ranks()[i];
            }
        }
        double total = nonZero * (nonZero + 1.0) / 2;
        double statistic = Math.min(plus, total - plus);
        boolean zerosOrTies = nonZero < pairs || ranks.hasTies();
        if (pairs <= (zerosOrTies ? CONDITIONAL_EXACT_LIMIT : EXACT_LIMIT)) {
            return new TestResult(statistic, exactP(ranks.ranks(), plus), PValueMethod.EXACT);
        }
        double mean = total / 2;
        double variance = (nonZero * (nonZero + 1.0) * (2 * nonZero + 1) - ranks.tieTerm() / 2) / 24;
        double z = (plus - mean) / Math.sqrt(variance);
        return new TestResult(statistic, Normal.twoSidedP(z), PValueMethod.NORMAL_APPROXIMATION);
    }

    /**
     * 2 min(P(W &lt;= w), P(W &gt;= w)), capped at 1, where W is the sum of the ranks given a plus sign when
     * each sign is + or - with probability 1/2. Ranks are whole or half numbers, so the sums are counted in
     * half units, exactly: {@code 2^n} stays an exact double up to n = 50 and so do the counts.
     */
    private static double exactP(double[] ranks, double plus) {
        int[] halves = new int[ranks.length];
        int maxSum = 0;
        for (int i = 0; i < ranks.length; i++) {
            halves[i] = (int) Math.round(2 * ranks[i]);
            maxSum += halves[i];
        }
        double[] counts = new double[maxSum + 1];
        counts[0] = 1;
        int reach = 0;
        for (int h : halves) {
            reach += h;
            for (int s = reach; s >= h; s--) {
                counts[s] += counts[s - h];
            }
        }
        int observed = (int) Math.round(2 * plus);
        double atMost = 0;
        double atLeast = 0;
        for (int s = 0; s <= maxSum; s++) {
            if (s <= observed) {
                atMost += counts[s];
            }
            if (s >= observed) {
                atLeast += counts[s];
            }
        }
        double all = Math.scalb(1.0, ranks.length);
        return Math.min(1, 2 * Math.min(atMost, atLeast) / all);
    }
}
