package org.hotcell.study.internal.stats;

import java.util.Objects;

/**
 * The Mann-Whitney U test of a sample x against a sample y, with two effect sizes, since a p-value alone says
 * nothing of how large a difference is.
 *
 * @param u                        the U statistic of x: the number of pairs (x_i, y_j) with x_i &gt; y_j, ties
 *                                 counting one half (SciPy's {@code statistic})
 * @param pValue                   the two-sided p-value, in [0, 1]
 * @param method                   whether the p-value is exact or a normal approximation
 * @param probabilityOfSuperiority {@code u / (n1 n2)}, the common-language effect size: the chance that a random
 *                                 x exceeds a random y, ties counting one half; 1/2 means no effect
 * @param hodgesLehmannShift       the Hodges-Lehmann estimate of the shift of x over y: the median of all
 *                                 differences x_i - y_j
 */
public record MannWhitneyResult(double u, double pValue, PValueMethod method, double probabilityOfSuperiority,
                                double hodgesLehmannShift) {
    /** Rejects a p-value that is not a probability. */
    public MannWhitneyResult {
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
        }
        Objects.requireNonNull(method, "method");
    }
}
