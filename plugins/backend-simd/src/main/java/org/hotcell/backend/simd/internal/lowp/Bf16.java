package org.hotcell.backend.simd.internal.lowp;

/**
 * bfloat16 as the upper half of a float32's bits. Narrowing rounds to nearest, ties to even, on the bits:
 * adding {@code 0x7FFF} plus the lowest kept bit and dropping the low half carries into the exponent exactly
 * when IEEE rounding would (so subnormals round right, and values past the largest bfloat16 become infinite);
 * NaN is kept NaN (quiet, same sign) rather than rounded, which could carry it into infinity.
 */
public final class Bf16 {
    private Bf16() {
    }

    /** The bfloat16 nearest to {@code value} (ties to even), as its 16 bits. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    /** The float32 of the bfloat16 {@code bits} (exact). */
    public static float toFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** {@code value} rounded to bfloat16 and back. */
    public static float round(float value) {
        return toFloat(fromFloat(value));
    }
}
