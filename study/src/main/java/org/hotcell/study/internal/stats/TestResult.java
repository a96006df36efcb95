package org.hotcell.study.internal.stats;

import java.util.Objects;

/**
 * The outcome of a two-sided test.
 *
 * @param statistic the test statistic; what it is depends on the test that made it
 * @param pValue    the two-sided p-value, in [0, 1]
 * @param method    whether the p-value is exact or approximate
 */
public record TestResult(double statistic, double pValue, PValueMethod method) {
    /** Rejects a p-value outside [0, 1]: a p-value that is not a probability is a bug, not a result. */
    public TestResult {
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
        }
        Objects.requireNonNull(method, "method");
    }
}
