package org.hotcell.backend.simd.internal.lowp;

import org.hotcell.backend.simd.internal.PanelMatrix;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.WeightStorage;

/**
 * W packed in fewer bits than float32, in panels of {@link org.hotcell.backend.simd.internal.Lanes#PANEL} rows
 * of W as {@link PanelMatrix} lays them out, with the kernels that read them. {@link CompactGemm} drives the
 * kernels over panels and row tiles the way {@code PanelGemm} drives the float32 ones.
 *
 * <p>Every kernel result is the float32 sum, over its k range, of A's values times the stored weights (for
 * int8, times the row's scale), in {@code PANEL} output columns; a panel past W's last row yields zeros.
 */
public sealed interface CompactPanels extends PackedMatrix permits CompactPanelMatrix {

    /** How the weights are stored. */
    WeightStorage storage();

    /** Number of panels. */
    int panels();

    /** Valid output columns of panel q (PANEL except maybe the last). */
    int panelWidth(int q);

    /** Bytes of storage per weight. */
    int bytesPerWeight();

    /**
     * One row of A ({@code a[a0 + p*aStep]}, all of k) against panels q .. q+3: panel j's PANEL sums to
     * {@code out[j * PANEL ..]}. The batch-1 kernel: four streams of weights in flight at once.
     */
    void gemv4(float[] a, int a0, int aStep, int q, float[] out);

    /**
     * Four rows of a row-major A (row r at {@code a[a0 + r*lda ..]}, k steps {@code [k0, k0 + kLen)}) against
     * panel q; row r's sums go to {@code out[at + r*ld ..]}, added to what is there when {@code accumulate}.
     */
    void rows4(int k0, int kLen, float[] a, int a0, int lda, int q, float[] out, int at, int ld, boolean accumulate);

    /** {@link #rows4} for one row, stored over {@code out[at .. at + PANEL)}. */
    void rows1(int k0, int kLen, float[] a, int a0, int aStep, int q, float[] out, int at);

    /**
     * The stored weights widened to float32 panels, made on first use and kept: for the products by W itself
     * (a backward pass), which these layouts have no kernels for. It costs the float32 memory that the compact
     * storage saves, but only where a backward pass runs, which this inference-only storage does not expect.
     */
    PanelMatrix widened();

    /** Element (r, k) of W as stored, widened to float32 (for tests and {@link #widened}). */
    float get(int r, int k);
}
