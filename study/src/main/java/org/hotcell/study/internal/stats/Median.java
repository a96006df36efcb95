package org.hotcell.study.internal.stats;

import java.util.Arrays;

/** The sample median: the middle value, or the mean of the middle two for an even count. */
public final class Median {
    private Median() {
    }

    /** The median of {@code values} (not changed); NaN for none. */
    public static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
