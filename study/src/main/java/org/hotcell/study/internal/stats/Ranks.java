package org.hotcell.study.internal.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Average ranks (1-based; tied values share the mean of their ranks) and the tie information the rank tests
 * need.
 *
 * @param ranks   the rank of each value, in the order of the values
 * @param tieTerm the sum over groups of tied values of {@code t^3 - t}, t the group's size: what ties take off
 *                the variance of a rank sum
 * @param hasTies whether some value occurs more than once
 */
record Ranks(double[] ranks, double tieTerm, boolean hasTies) {
    /** Ranks {@code values}; equal means {@code ==}, so 0.0 and -0.0 tie. */
    static Ranks of(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Adding 0.0 turns -0.0 into 0.0, which Double.compare would otherwise order before it.
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i] + 0.0));
        double[] ranks = new double[n];
        double tieTerm = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
            double rank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                ranks[order[i]] = rank;
            }
            double t = end - start;
            tieTerm += t * t * t - t;
            start = end;
        }
        return new Ranks(ranks, tieTerm, tieTerm > 0);
    }
}
