package org.hotcell.backend.simd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packed layout itself, float for float: panel q holds W[q*PANEL + j, k] at {@code q*cols*PANEL + k*PANEL + j},
 * zero past the last row. Packing is a copy, so equality is exact. The shapes cross what the vector transpose
 * leaves to the scalar loop: k tails (cols not a multiple of 8), ragged last panels, single rows and columns.
 */
class PanelMatrixTest {

    @ParameterizedTest(name = "rows={0} cols={1} extra={2}")
    @CsvSource({"16,8,0", "16,7,3", "16,9,0", "33,21,5", "64,100,0", "17,1,2", "1,40,0", "48,64,11", "130,257,1"})
    void packingFromRowsAndFromColumnsLaysOutEveryPanel(int rows, int cols, int extra) {
        Random random = new Random(rows * 31L + cols);
        // W sits inside a wider array (row stride cols + extra) at an offset, as a slice of a bigger matrix.
        int stride = cols + extra;
        int off = 3;
        float[] w = new float[off + rows * stride];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextFloat() - 0.5f;
        }
        // The same matrix stored transposed: element (r, k) at t[off + k * tStride + r].
        int tStride = rows + extra;
        float[] t = new float[off + cols * tStride];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                t[off + k * tStride + r] = w[off + r * stride + k];
            }
        }
        PanelMatrix fromRows = PanelMatrix.allocate(rows, cols);
        PanelMatrix fromColumns = PanelMatrix.allocate(rows, cols);
        int split = fromRows.panels() / 2;
        // Two ranges, as two threads fill them.
        fromRows.fill(w, off, stride, 1, 0, split);
        fromRows.fill(w, off, stride, 1, split, fromRows.panels());
        fromColumns.fill(t, off, 1, tStride, 0, split);
        fromColumns.fill(t, off, 1, tStride, split, fromColumns.panels());

        for (PanelMatrix packed : new PanelMatrix[] {fromRows, fromColumns}) {
            float[] data = packed.data();
            assertEquals(packed.panels() * cols * Lanes.PANEL, data.length);
            for (int q = 0; q < packed.panels(); q++) {
                for (int k = 0; k < cols; k++) {
                    for (int j = 0; j < Lanes.PANEL; j++) {
                        int row = q * Lanes.PANEL + j;
                        float expected = row < rows ? w[off + row * stride + k] : 0f;
                        int at = q * cols * Lanes.PANEL + k * Lanes.PANEL + j;
                        int column = k;
                        assertEquals(expected, data[at], () -> "W[" + row + ", " + column + "] at " + at);
                    }
                }
            }
        }
    }
}
