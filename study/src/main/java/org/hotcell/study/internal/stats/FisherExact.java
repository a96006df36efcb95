package org.hotcell.study.internal.stats;

/**
 * Fisher's exact test of a 2x2 table {@code [[a, b], [c, d]]}, two-sided: e.g. rows are two configurations,
 * columns solved and unsolved seeds. Exact, because a study's counts are far too small for a chi-squared test.
 *
 * <p>The p-value is the probability, given the table's margins, of all tables no more likely than the observed
 * one: the tables whose hypergeometric probability is at most the observed one's times {@code 1 + 1e-7}. The
 * relative tolerance (R's) keeps tables that are exactly as likely, such as the mirror image of a table with
 * symmetric margins, from being lost to rounding. SciPy uses 1e-14 instead, which gives the same p-value
 * unless two probabilities differ by less than one part in ten million.
 *
 * <p>The probabilities are computed in log space, relative to each other through the ratio of neighbouring
 * tables, and normalized by their sum: no factorial is formed, so tables with thousands of runs neither overflow
 * nor underflow. Time and memory are linear in the smaller margin.
 */
public final class FisherExact {
    private FisherExact() {
    }

    /** The relative tolerance under which two tables count as equally likely. */
    static final double RELATIVE_TOLERANCE = 1e-7;

    /**
     * The two-sided test of the table {@code [[a, b], [c, d]]}. Its statistic is the sample odds ratio
     * {@code a d / (b c)}: infinity when {@code b c = 0}, NaN with p = 1 when a row or column is all zero
     * (there is nothing to test).
     *
     * @throws IllegalArgumentException if a cell is negative or the total exceeds {@link Integer#MAX_VALUE}
     */
    public static TestResult twoSided(int a, int b, int c, int d) {
        requireCell("a", a);
        requireCell("b", b);
        requireCell("c", c);
        requireCell("d", d);
        if ((long) a + b + c + d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a + b + c + d must be at most " + Integer.MAX_VALUE + ", got "
                    + ((long) a + b + c + d));
        }
        int row1 = a + b;
        int row2 = c + d;
        int column1 = a + c;
        if (row1 == 0 || row2 == 0 || column1 == 0 || b + d == 0) {
            return new TestResult(Double.NaN, 1, PValueMethod.EXACT);
        }
        double oddsRatio = b > 0 && c > 0 ? (double) a * d / ((double) b * c) : Double.POSITIVE_INFINITY;
        return new TestResult(oddsRatio, pValue(a, row1, row2, column1), PValueMethod.EXACT);
    }

    /**
     * The two-sided p-value of {@code a} in the hypergeometric distribution of the top-left cell given the row
     * sums and the first column sum.
     */
    private static double pValue(int a, int row1, int row2, int column1) {
        int min = Math.max(0, column1 - row2);
        int max = Math.min(column1, row1);
        double[] logWeight = new double[max - min + 1];
        // P(x + 1) / P(x) = (row1 - x)(column1 - x) / ((x + 1)(row2 - column1 + x + 1)).
        for (int x = min; x < max; x++) {
            double ratio = ((double) (row1 - x) * (column1 - x)) / ((double) (x + 1) * (row2 - column1 + x + 1));
            logWeight[x + 1 - min] = logWeight[x - min] + Math.log(ratio);
        }
        double top = Double.NEGATIVE_INFINITY;
        for (double w : logWeight) {
            top = Math.max(top, w);
        }
        double threshold = logWeight[a - min] + Math.log1p(RELATIVE_TOLERANCE);
        double total = 0;
        double asLikely = 0;
        for (double w : logWeight) {
            double weight = Math.exp(w - top);
            total += weight;
            if (w <= threshold) {
                asLikely += weight;
            }
        }
        return Math.min(1, asLikely / total);
    }

    private static void requireCell(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
