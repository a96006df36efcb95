package org.hotcell.tck;

/**
 * How far a bulk result b may be from the scalar result s it is compared with: they agree when both are NaN,
 * when they are equal (infinities included), or when {@code |b - s| <= ulps * ulp(s) + absolute}.
 *
 * @param ulps     allowed error in units in the last place of the scalar result
 * @param absolute allowed absolute error, for results near 0 (subnormals, cancellation at a zero)
 */
public record Tolerance(int ulps, double absolute) {

    /** Bit-for-bit agreement (NaN payloads aside). */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public Tolerance {
        if (ulps < 0 || !(absolute >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + ulps + " ulp and " + absolute);
        }
    }

    /** Whether {@code actual} agrees with {@code expected} within this tolerance. */
    public boolean accepts(float expected, float actual) {
        if (Float.isNaN(expected) || Float.isNaN(actual)) {
            return Float.isNaN(expected) && Float.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        if (Float.isInfinite(expected) || Float.isInfinite(actual)) {
            return false;
        }
        double error = Math.abs((double) actual - expected);
        return error <= ulps * (double) Math.ulp(expected) + absolute;
    }

    @Override
    public String toString() {
        return ulps + " ulp + " + absolute;
    }
}
