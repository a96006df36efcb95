package org.hotcell.study.internal.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Holm's step-down adjustment of p-values for multiple comparisons: a grid compares many configurations, and
 * at a 5% level one in twenty true nulls would look significant by chance. Holm controls the family-wise error
 * rate like Bonferroni but is never less powerful, and needs no assumption about how the tests depend on each
 * other.
 *
 * <p>With the raw p-values sorted as p(1) &lt;= ... &lt;= p(m), the adjusted p(i) is
 * {@code max over j <= i of min(1, (m - j + 1) p(j))}; rejecting where it is at most alpha is Holm's procedure.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * The adjusted p-values, in the order of {@code pValues}. Equal raw p-values get equal adjusted ones; an
     * empty array gives an empty array.
     *
     * @throws IllegalArgumentException if a p-value is not in [0, 1]
     * @throws NullPointerException     if {@code pValues} is null
     */
    public static double[] adjust(double... pValues) {
        Objects.requireNonNull(pValues, "pValues");
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] must be in [0, 1], got " + pValues[i]);
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            // The running maximum keeps the adjusted values in the order of the raw ones.
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
