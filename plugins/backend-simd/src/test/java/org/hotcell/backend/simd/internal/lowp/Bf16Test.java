package org.hotcell.backend.simd.internal.lowp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rounding float32 to bfloat16: nearest, ties to even, NaN kept, infinities and subnormals right. */
class Bf16Test {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // exact: the low half is zero
        "0x3F800000, 0x3F80",
        // just below and above half an ulp of 1.0 (ulp 2^-7)
        "0x3F807FFF, 0x3F80",
        "0x3F808001, 0x3F81",
        // ties: to the even neighbour
        "0x3F808000, 0x3F80",
        "0x3F818000, 0x3F82",
        "0xBF818000, 0xBF82",
        // the carry runs into the exponent: 1.9999999 -> 2
        "0x3FFFFFFF, 0x4000",
        // zeros keep their sign
        "0x00000000, 0x0000",
        "0x80000000, 0x8000",
        // infinities stay infinite
        "0x7F800000, 0x7F80",
        "0xFF800000, 0xFF80",
        // the largest float is past the largest bfloat16 by more than half an ulp: infinity
        "0x7F7FFFFF, 0x7F80",
        // the largest bfloat16 plus just under half an ulp stays finite
        "0x7F7F7FFF, 0x7F7F",
        // subnormals: the same rule on the bits (ties to even, a carry into the smallest normal)
        "0x00000001, 0x0000",
        "0x00008000, 0x0000",
        "0x00018000, 0x0002",
        "0x00010001, 0x0001",
        "0x007FFFFF, 0x0080",
        "0x807FC000, 0x8080",
    })
    void roundsToNearestEven(String floatBits, String expected) {
        float value = Float.intBitsToFloat(Integer.parseUnsignedInt(floatBits.substring(2), 16));
        assertThat(Bf16.fromFloat(value) & 0xFFFF).isEqualTo(Integer.parseInt(expected.substring(2), 16));
    }

    @ParameterizedTest
    @CsvSource({"0x7FC00000", "0x7F800001", "0xFF800001", "0x7FFFFFFF", "0x7F80FFFF"})
    void nanStaysNan(String floatBits) {
        int bits = Integer.parseUnsignedInt(floatBits.substring(2), 16);
        float nan = Float.intBitsToFloat(bits);
        short rounded = Bf16.fromFloat(nan);
        assertThat(Bf16.toFloat(rounded)).isNaN();
        // The sign is kept.
        assertThat(rounded < 0).isEqualTo(bits < 0);
    }

    /** Against rounding done on exact values: the nearer of the two neighbours, the even one on a tie. */
    @Test
    void agreesWithRoundingByValueOnRandomFloats() {
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 200_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(value) || Float.isInfinite(value)) {
                continue;
            }
            assertThat(Bf16.round(value)).as("round(%s)", value).isEqualTo(byValue(value));
        }
    }

    @Test
    void relativeErrorIsAtMostTwoToTheMinusEightForNormals() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 100_000; i++) {
            float value = (float) ((random.nextDouble() * 2 - 1) * Math.pow(2, random.nextInt(-100, 100)));
            assertThat(Math.abs(Bf16.round(value) - (double) value)).isLessThanOrEqualTo(Math.abs(value) * 0x1p-8);
        }
    }

    private static float byValue(float value) {
        int bits = Float.floatToRawIntBits(value);
        float down = Float.intBitsToFloat(bits & 0xFFFF0000);
        float up = Float.intBitsToFloat((bits & 0xFFFF0000) + 0x10000);
        double dDown = Math.abs((double) value - down);
        double dUp = Math.abs((double) up - value);
        if (Float.isInfinite(up)) {
            // Past the largest bfloat16: IEEE rounds to infinity from half an ulp beyond it.
            dUp = Math.abs(Math.scalb(1.0, 128) - Math.abs((double) value));
        }
        if (dDown < dUp) {
            return down;
        }
        if (dUp < dDown) {
            return up;
        }
        return ((bits >>> 16) & 1) == 0 ? down : up;
    }
}
