package org.hotcell.study.internal.stats;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples, e.g. a metric over the seeds
 * of two configurations: it asks whether one tends to be larger without assuming the metric is normal, which
 * final losses and steps to solve are not.
 *
 * <p>The p-value is chosen as SciPy 1.17's {@code mannwhitneyu(x, y, alternative='two-sided', method='auto')}
 * chooses it, so that results match: exact when there are no ties and at least one sample has at most 8 values,
 * else the normal approximation with the tie-corrected variance and a continuity correction of 1/2.
 */
public final class MannWhitney {
    private MannWhitney() {
    }

    /** Up to this size of the smaller sample, and without ties, the p-value is exact. */
    static final int EXACT_LIMIT = 8;

    /**
     * Tests x against y. The exact p-value costs about {@code n1^2 n2^2 / 2} additions for n1 the smaller size:
     * negligible for the sizes of a study.
     *
     * @throws IllegalArgumentException if a sample is empty or holds a NaN or an infinity
     * @throws NullPointerException     if a sample is null
     */
    public static MannWhitneyResult test(double[] x, double[] y) {
        Require.sample("x", x, 1);
        Require.sample("y", y, 1);
        int n1 = x.length;
        int n2 = y.length;
        double[] both = Arrays.copyOf(x, n1 + n2);
        System.arraycopy(y, 0, both, n1, n2);
        Ranks ranks = Ranks.of(both);
        double rankSum = 0;
        for (int i = 0; i < n1; i++) {
            rankSum += ranks.ranks()[i];
        }
        double pairs = (double) n1 * n2;
        double u1 = rankSum - n1 * (n1 + 1.0) / 2;
        double u = Math.max(u1, pairs - u1);
        boolean exact = !ranks.hasTies() && Math.min(n1, n2) <= EXACT_LIMIT;
        double p = exact ? exactP(n1, n2, (long) u) : normalP(n1, n2, u, ranks.tieTerm());
        return new MannWhitneyResult(u1, p, exact ? PValueMethod.EXACT : PValueMethod.NORMAL_APPROXIMATION,
                u1 / pairs, hodgesLehmann(x, y));
    }

    /**
     * Twice P(U &gt;= u) for u &gt;= n1 n2 / 2, capped at 1, summed on the lower side by symmetry:
     * P(U &gt;= u) = P(U &lt;= n1 n2 - u).
     */
    private static double exactP(int n1, int n2, long u) {
        int small = Math.min(n1, n2);
        int large = Math.max(n1, n2);
        int k = (int) ((long) n1 * n2 - u);
        double[] counts = arrangementsByU(small, large, k);
        double lowerTail = 0;
        for (double c : counts) {
            lowerTail += c;
        }
        return Math.min(1, 2 * lowerTail / binomial(small + large, small));
    }

    /**
     * The number of orderings of {@code small} values of one sample and {@code large} of the other whose U is
     * u, for u = 0..maxU. Builds the sequence from its largest value down: adding a value of the small sample
     * above b values of the other adds b to U, adding one of the other adds nothing. Only additions of
     * positive counts, so the doubles stay accurate even when the counts pass 2^53.
     */
    private static double[] arrangementsByU(int small, int large, int maxU) {
        // f[a][u]: orderings of a values of the small sample and b of the large one with statistic u.
        double[][] f = new double[small + 1][maxU + 1];
        for (int a = 0; a <= small; a++) {
            f[a][0] = 1;
        }
        for (int b = 1; b <= large; b++) {
            for (int a = 1; a <= small; a++) {
                double[] withLast = f[a - 1];
                double[] current = f[a];
                for (int u = b; u <= maxU; u++) {
                    current[u] += withLast[u - b];
                }
            }
        }
        return f[small];
    }

    /** n choose k as a double, by a product of ratios; exact enough for a normalizing constant. */
    private static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    /** The normal approximation with tie correction and continuity correction, for u &gt;= n1 n2 / 2. */
    private static double normalP(int n1, int n2, double u, double tieTerm) {
        double n = n1 + n2;
        double variance = (double) n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (!(variance > 0)) {
            // Every value is the same: U sits at its mean and nothing distinguishes the samples.
            return 1;
        }
        double z = (u - (double) n1 * n2 / 2 - 0.5) / Math.sqrt(variance);
        return Math.min(1, 2 * Normal.cdf(-z));
    }

    /** The median of the n1 n2 differences x_i - y_j (the mean of the middle two for an even count). */
    static double hodgesLehmann(double[] x, double[] y) {
        double[] differences = new double[Math.multiplyExact(x.length, y.length)];
        int i = 0;
        for (double xi : x) {
            for (double yj : y) {
                differences[i++] = xi - yj;
            }
        }
        Arrays.sort(differences);
        int m = differences.length;
        return m % 2 == 1 ? differences[m / 2] : (differences[m / 2 - 1] + differences[m / 2]) / 2;
    }
}
