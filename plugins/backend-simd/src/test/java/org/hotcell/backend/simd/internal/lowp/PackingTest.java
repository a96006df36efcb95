package org.hotcell.backend.simd.internal.lowp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.hotcell.backend.simd.internal.Lanes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Packing then reading back: bf16 gives each weight rounded, int8 each weight quantized with its row's scale. */
class PackingTest {

    private static float[] weights(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * Math.pow(2, random.nextInt(-6, 3)));
        }
        return w;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 1", "3, 5", "31, 7", "32, 64", "33, 65", "100, 37"})
    void bf16RoundTrip(int rows, int cols) {
        float[] w = weights(rows, cols, rows * 31L + cols);
        Bf16PanelMatrix packed = Bf16PanelMatrix.allocate(rows, cols);
        packed.fill(w, 0, 0, packed.panels());
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                assertThat(packed.get(r, k)).isEqualTo(Bf16.round(w[r * cols + k]));
            }
        }
        assertThat(packed.panels()).isEqualTo((rows + Lanes.PANEL - 1) / Lanes.PANEL);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 1", "3, 5", "31, 7", "32, 64", "33, 65", "100, 37"})
    void int8RoundTrip(int rows, int cols) {
        float[] w = weights(rows, cols, rows * 17L + cols);
        // A zero row must give a zero scale and zeros, not NaN.
        java.util.Arrays.fill(w, 0, cols, 0f);
        Int8PanelMatrix packed = Int8PanelMatrix.allocate(rows, cols);
        // In two ranges, as two threads would fill it.
        int half = packed.panels() / 2;
        packed.fill(w, 0, 0, half);
        packed.fill(w, 0, half, packed.panels());
        for (int r = 0; r < rows; r++) {
            float max = 0;
            for (int k = 0; k < cols; k++) {
                max = Math.max(max, Math.abs(w[r * cols + k]));
            }
            float scale = max / 127f;
            assertThat(packed.scale(r)).isEqualTo(scale);
            boolean reachesEnd = false;
            for (int k = 0; k < cols; k++) {
                float v = w[r * cols + k];
                assertThat((int) packed.quantized(r, k)).isBetween(-127, 127);
                assertThat(Math.abs(packed.get(r, k) - (double) v)).isLessThanOrEqualTo(scale / 2 * 1.000001);
                reachesEnd |= Math.abs(packed.quantized(r, k)) == 127;
            }
            assertThat(reachesEnd).as("row %d uses the full range", r).isEqualTo(max > 0);
        }
    }

    @Test
    void int8RejectsNonFiniteWeightsNamingThem() {
        float[] w = {1f, 2f, Float.NaN, 4f};
        Int8PanelMatrix packed = Int8PanelMatrix.allocate(2, 2);
        assertThatThrownBy(() -> packed.fill(w, 0, 0, packed.panels()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weight (1, 0) is NaN");
    }

    @Test
    void int8RoundsTiesToEven() {
        // Scale 1: 127 is the row's largest weight.
        assertThat(Int8PanelMatrix.quantize(2.5f, 1f)).isEqualTo((byte) 2);
        assertThat(Int8PanelMatrix.quantize(3.5f, 1f)).isEqualTo((byte) 4);
        assertThat(Int8PanelMatrix.quantize(-2.5f, 1f)).isEqualTo((byte) -2);
        assertThat(Int8PanelMatrix.quantize(200f, 1f)).isEqualTo((byte) 127);
        assertThat(Int8PanelMatrix.quantize(-200f, 1f)).isEqualTo((byte) -127);
        assertThat(Int8PanelMatrix.quantize(5f, 0f)).isEqualTo((byte) 0);
    }
}
