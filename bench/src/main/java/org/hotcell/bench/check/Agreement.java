package org.hotcell.bench.check;

/**
 * The self-check every benchmark runs in its {@code @Setup} before it measures anything: a fast wrong result is
 * worth nothing, so a disagreement stops the benchmark (JMH then records no score for it).
 *
 * <p>The error is relative to the size of the expected result: {@code max_i |actual_i - expected_i| /
 * max_i |expected_i|}. Element-wise relative error would blow up on outputs that are near zero by chance.
 */
public final class Agreement {
    /** The tolerance of the issue: engines computing the same layer agree to 1e-4 relative. */
    public static final double TOLERANCE = 1e-4;

    private Agreement() {
    }

    /** The relative error defined above; NaN or infinite when either side has a non-finite value. */
    public static double relativeError(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("cannot compare " + expected.length + " expected values with "
                    + actual.length + " actual values");
        }
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            if (!Float.isFinite(expected[i]) || !Float.isFinite(actual[i])) {
                return Double.NaN;
            }
            worst = Math.max(worst, Math.abs((double) actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return scale == 0 ? worst : worst / scale;
    }

    /**
     * Throws unless {@code actual} equals {@code expected} to {@code tolerance} relative.
     *
     * @param what names the benchmark and the two engines, for the message
     * @throws IllegalStateException with the error, the worst element and both values
     */
    public static void require(String what, float[] expected, float[] actual, double tolerance) {
        double error = relativeError(expected, actual);
        if (error <= tolerance) {
            return;
        }
        int worstAt = 0;
        double worst = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            if (Double.isNaN(diff) || diff > worst) {
                worst = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                worstAt = i;
            }
        }
        throw new IllegalStateException("self-check failed for " + what + ": relative error " + error
                + " exceeds " + tolerance + "; worst at element " + worstAt + " of " + expected.length + ": expected "
                + expected[worstAt] + ", got " + actual[worstAt]);
    }
}
