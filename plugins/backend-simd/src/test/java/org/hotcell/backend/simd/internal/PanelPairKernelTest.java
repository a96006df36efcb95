package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row-major products through {@link PanelPairKernel} give the bits of the single-panel tiles ({@link
 * TileKernels#rows6}, {@link TileKernels#rows4} and {@link TileKernels#rows1}), on any machine (the backend picks
 * one of the two by the CPU, so each machine would otherwise test only its own), and both are the product
 * (against a double sum).
 */
class PanelPairKernelTest {

    /** m, n (W's rows), k, alpha, beta, groups, groupPanels, panelFrom, panelTo (0, 0: all panels). */
    static Stream<Arguments> products() {
        int p = Lanes.PANEL;
        return Stream.of(
                Arguments.of(4, 2 * p, 9, 1f, 0f, 1, 0, 0, 0),
                Arguments.of(7, 3 * p, 33, 1f, 1f, 1, 0, 0, 0),        // odd panel count, 3 leftover rows
                Arguments.of(12, 4 * p + 5, 64, 1f, 0f, 1, 0, 0, 0),   // ragged last panel: no pair with it
                Arguments.of(33, 5 * p - 1, 1030, 1f, 1f, 1, 0, 0, 0), // k in blocks of KC
                Arguments.of(200, 3 * p, 40, 1f, 0f, 1, 0, 0, 0),      // more rows than a packed block (MC)
                Arguments.of(9, 4 * p, 70, 0.5f, 0.25f, 1, 0, 0, 0),   // alpha, beta: the single-panel path
                Arguments.of(8, 6 * p, 200, 1f, 1f, 2, 3, 1, 3),       // two groups of three panels, panels 1..2
                Arguments.of(2, 2 * p, 600, 1f, 1f, 1, 0, 0, 0),       // fewer rows than a tile
                Arguments.of(6, 2 * p, 50, 1f, 1f, 1, 0, 0, 0),        // one six-row tile
                Arguments.of(15, 3 * p + 3, 300, 1f, 0f, 1, 0, 0, 0),  // 6 + 4 + 4 + 1 rows; the ragged panel
                                                                       // splits its six-row tile
                Arguments.of(14, 2 * p, 900, 1f, 1f, 1, 0, 0, 0));     // 6 + 4 + 4 rows, k in blocks
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} alpha={3} beta={4} groups={5}x{6} panels {7}..{8}")
    @MethodSource("products")
    void panelPairsGiveTheBitsOfSinglePanels(int m, int n, int k, float alpha, float beta, int groups,
                                             int groupPanels, int panelFrom, int panelTo) {
        Random random = new Random(31L * m + n + k);
        float[] w = values(random, n * k);
        int lda = k + 3;
        float[] a = values(random, 2 + m * lda);
        PanelMatrix packed = PanelMatrix.allocate(n, k);
        packed.fill(w, 0, k, 1, 0, packed.panels());
        int ldc = n + 1;
        float[] start = values(random, m * ldc);
        int to = panelTo == 0 ? packed.panels() : panelTo;
        int perGroup = groups == 1 ? 0 : groupPanels;

        float[] pairs = start.clone();
        PanelGemm.runRowMajor(a, 2, lda, m, packed, alpha, beta, pairs, 0, ldc, panelFrom, to, groups, perGroup, true);
        float[] singles = start.clone();
        PanelGemm.runRowMajor(a, 2, lda, m, packed, alpha, beta, singles, 0, ldc, panelFrom, to, groups, perGroup,
                false);

        assertThat(pairs).as("pairs of panels against one at a time").containsExactly(singles);
        // Two adjacent panels asked for, the second whole: the pair kernel had work to do.
        assertThat(to - panelFrom).as("the case has a pair of panels").isGreaterThanOrEqualTo(2);
        assertThat(packed.panelWidth(panelFrom + 1)).as("the case has a pair of panels").isEqualTo(Lanes.PANEL);
        for (int g = 0; g < groups; g++) {
            for (int q = g * perGroup + panelFrom; q < g * perGroup + to; q++) {
                for (int col = q * Lanes.PANEL; col < Math.min(n, (q + 1) * Lanes.PANEL); col++) {
                    for (int i = 0; i < m; i++) {
                        double sum = 0;
                        for (int t = 0; t < k; t++) {
                            sum += (double) a[2 + i * lda + t] * w[col * k + t];
                        }
                        double expected = alpha * sum + beta * start[i * ldc + col];
                        assertThat((double) pairs[i * ldc + col]).as("C[%d][%d]", i, col)
                                .isCloseTo(expected, within(1e-5 * k + 1e-6));
                    }
                }
            }
        }
        // Columns outside the panels asked for are untouched.
        for (int i = 0; i < m; i++) {
            for (int col = 0; col < n; col++) {
                int q = col / Lanes.PANEL;
                boolean asked = false;
                for (int g = 0; g < groups; g++) {
                    asked |= q >= g * perGroup + panelFrom && q < g * perGroup + to;
                }
                if (!asked) {
                    assertThat(pairs[i * ldc + col]).isEqualTo(start[i * ldc + col]);
                }
            }
        }
    }

    private static float[] values(Random random, int count) {
        float[] v = new float[count];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
