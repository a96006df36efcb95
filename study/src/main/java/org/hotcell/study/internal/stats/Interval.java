package org.hotcell.study.internal.stats;

/**
 * A closed confidence interval {@code [low, high]}.
 *
 * @param low  the lower bound
 * @param high the upper bound, not below {@code low}
 */
public record Interval(double low, double high) {
    /** Rejects NaN bounds and a reversed interval, which would only come from a bug in a caller. */
    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("[low, high] must be an interval, got [" + low + ", " + high + "]");
        }
    }
}
