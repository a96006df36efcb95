package org.hotcell.activations.function;

/**
 * The promise a standard activation makes about its bulk forms: for every input, the bulk result b and the
 * scalar result s are both NaN, or equal, or satisfy |b - s| &lt;= ulps * ulp(s) + absolute.
 *
 * @param ulps     the error allowed in units in the last place of the scalar result
 * @param absolute the error allowed in absolute terms, for results near 0 (subnormals, cancellation)
 */
public record BulkAccuracy(int ulps, double absolute) {

    /** Bulk and scalar give the same bits. */
    public static final BulkAccuracy EXACT = new BulkAccuracy(0, 0);

    public BulkAccuracy {
        if (ulps < 0 || !(absolute >= 0)) {
            throw new IllegalArgumentException("accuracy bounds must be >= 0: " + ulps + " ulp, " + absolute);
        }
    }
}
