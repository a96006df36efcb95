package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocking policy, and that the order a row-major A goes through the panels in leaves every element's sum as
 * a packed A makes it; the products themselves are checked against the reference backend elsewhere.
 */
class PanelGemmTest {

    @Test
    void aSmallANeedsNoKBlocksAndALargeOneGetsThem() {
        // 32 x 1024 (a batched step at H = 1024, batch 32) is 128 KiB: one pass over k.
        assertThat(PanelGemm.kBlock(32, 1024)).isEqualTo(1024);
        assertThat(PanelGemm.kBlock(5, 700)).isEqualTo(700);
        // Rows are counted in whole micro-panels: 33 rows pad to 36, and 36 x 1024 is over the limit.
        assertThat(PanelGemm.kBlock(33, 1024)).isEqualTo(PanelGemm.KC);
        // Batch 64 at H = 1024 is blocked: measured faster than one pass (see WHOLE_K_FLOATS).
        assertThat(PanelGemm.kBlock(64, 1024)).isEqualTo(PanelGemm.KC);
        assertThat(PanelGemm.kBlock(200, 600)).isEqualTo(PanelGemm.KC);
        assertThat(PanelGemm.kBlock(800, 512)).isEqualTo(PanelGemm.KC);
    }

    @Test
    void aRowMajorAIsCutIntoRowBlocksOnlyWhenItIsLarge() {
        // 1600 x 1024 (the input product of a 25-step batch-64 LSTM at H = 1024) goes through W in one pass.
        assertThat(PanelGemm.rowMajorBlockRows(1024)).isGreaterThanOrEqualTo(1600);
        assertThat(PanelGemm.rowMajorBlockRows(8200)).isEqualTo(252);
        assertThat(PanelGemm.rowMajorBlockRows(1 << 30)).isEqualTo(TileKernels.MR);
    }

    @Test
    void sixRowTilesNeverLeaveRowsForOneRowTilesThatFourRowTilesWouldTake() {
        for (int rows = 1; rows <= 64; rows++) {
            int ones = 0;
            int sixes = 0;
            int sum = 0;
            for (int left = rows; left > 0; ) {
                int height = PanelGemm.tileHeight(left, true);
                assertThat(height).as("height at %d left", left).isIn(1, TileKernels.MR, 6);
                ones += height == 1 ? 1 : 0;
                sixes += height == 6 ? 1 : 0;
                sum += height;
                left -= height;
            }
            assertThat(sum).as("rows covered of %d", rows).isEqualTo(rows);
            // Four-row tiles alone leave rows % 4 single rows; with six-row ones, only an odd row is left alone.
            assertThat(ones).as("one-row tiles for %d rows", rows).isEqualTo(rows < 6 ? rows % 4 : rows % 2);
            assertThat(sixes).as("six-row tiles for %d rows", rows).isGreaterThanOrEqualTo((rows - 9) / 6);
            int fours = 0;
            for (int left = rows; left > 0; left -= PanelGemm.tileHeight(left, false)) {
                fours += PanelGemm.tileHeight(left, false) == TileKernels.MR ? 1 : 0;
            }
            assertThat(fours).as("four-row tiles without six for %d rows", rows).isEqualTo(rows / 4);
        }
        assertThat(PanelGemm.tileHeight(32, true)).isEqualTo(6);
        assertThat(PanelGemm.tileHeight(8, true)).isEqualTo(TileKernels.MR);
    }

    /**
     * A row-major A goes two panels at a time through all k blocks, in blocks of rows; a packed A (here: A given
     * column by column) goes k block by k block through all panels. Each element is the same sum either way:
     * the bits must agree, for every choice of tile kernel.
     */
    @ParameterizedTest(name = "m={0} panels={1}+{2} k={3} beta={4} groups={5} pairs={6}")
    @CsvSource({
        "261, 3, 0, 8200, 1, 1, true",  // two row blocks, k in blocks, an odd panel after the pair
        "261, 3, 0, 8200, 1, 1, false",
        "64, 4, 0, 1100, 0, 1, true",   // batch 64 at a wide hidden size: k in blocks, one row block
        "70, 4, 7, 1030, 1, 1, true",   // a ragged last panel
        "40, 6, 0, 900, 0, 2, true",    // two groups of three panels
        "40, 6, 0, 900, 0, 2, false"})
    void aRowMajorAGivesTheBitsOfAPackedOne(int m, int panels, int extra, int k, float beta, int groups,
                                            boolean pairs) {
        int n = panels * Lanes.PANEL + extra;
        Random random = new Random(7L * m + k);
        float[] w = values(random, n * k);
        float[] a = values(random, m * k);
        float[] columns = new float[m * k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                columns[p * m + i] = a[i * k + p];
            }
        }
        PanelMatrix packed = PanelMatrix.allocate(n, k);
        packed.fill(w, 0, k, 1, 0, packed.panels());
        float[] start = values(random, m * n);
        int perGroup = groups == 1 ? 0 : packed.panels() / groups;
        int to = groups == 1 ? packed.panels() : perGroup;

        float[] rowMajor = start.clone();
        PanelGemm.runRowMajor(a, 0, k, m, packed, 1f, beta, rowMajor, 0, n, 0, to, groups, perGroup, pairs);
        float[] fromPacked = start.clone();
        PanelGemm.run(columns, 0, 1, m, m, packed, 1f, beta, fromPacked, 0, n, 0, to, groups, perGroup);

        assertThat(PanelGemm.kBlock(m, k)).as("the case has k blocks").isLessThan(k);
        assertThat(rowMajor).as("row-major A against packed A").containsExactly(fromPacked);
        assertThat(rowMajor).as("the product was written").isNotEqualTo(start);
    }

    private static float[] values(Random random, int count) {
        float[] v = new float[count];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
