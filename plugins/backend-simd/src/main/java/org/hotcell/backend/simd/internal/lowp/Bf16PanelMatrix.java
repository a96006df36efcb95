package org.hotcell.backend.simd.internal.lowp;

import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.PanelMatrix;
import org.hotcell.core.backend.WeightStorage;

/**
 * W packed as bfloat16 in {@link PanelMatrix}'s panels, two weights per int: for panel q and k step p, int lane
 * j ({@code j < LENGTH}) holds row {@code q*PANEL + j} of W in its high half and row {@code q*PANEL + LENGTH + j}
 * in its low half. So one int vector load brings a k step's whole panel, and two bitwise operations widen it to
 * the panel's two float vectors ({@link Bf16Kernels}): masking the low half off gives the first, shifting left
 * by 16 the second, both already in float lane order. A layout of consecutive shorts would need a lane-changing
 * conversion (short to int, then a shift) per vector instead.
 */
public final class Bf16PanelMatrix extends CompactPanelMatrix {
    private final int[] data;

    private Bf16PanelMatrix(int rows, int cols) {
        super(rows, cols, Lanes.LENGTH, 0);
        this.data = new int[(int) storageLength(Lanes.LENGTH, 0)];
    }

    /** An all-zero packing of a {@code rows x cols} matrix, to be filled panel range by panel range. */
    public static Bf16PanelMatrix allocate(int rows, int cols) {
        return new Bf16PanelMatrix(rows, cols);
    }

    /**
     * Packs panels {@code [panelFrom, panelTo)} from the row-major matrix at {@code w[off ..]} (leading dimension
     * {@code cols}), each weight rounded to the nearest bfloat16. Disjoint ranges may be filled by different
     * threads.
     */
    public void fill(float[] w, int off, int panelFrom, int panelTo) {
        int l = Lanes.LENGTH;
        for (int q = panelFrom; q < panelTo; q++) {
            int base = panelOffset(q);
            for (int j = 0; j < l; j++) {
                int high = q * Lanes.PANEL + j;
                int low = high + l;
                int highRow = off + high * cols;
                int lowRow = off + low * cols;
                for (int k = 0; k < cols; k++) {
                    int hi = high < rows ? Bf16.fromFloat(w[highRow + k]) & 0xFFFF : 0;
                    int lo = low < rows ? Bf16.fromFloat(w[lowRow + k]) & 0xFFFF : 0;
                    data[base + k * l + j] = hi << 16 | lo;
                }
            }
        }
    }

    /** Where panel q starts in the int array. */
    int panelOffset(int q) {
        return q * cols * Lanes.LENGTH;
    }

    @Override
    public float get(int r, int k) {
        int q = r / Lanes.PANEL;
        int lane = r % Lanes.PANEL;
        int bits = data[panelOffset(q) + k * Lanes.LENGTH + lane % Lanes.LENGTH];
        return Float.intBitsToFloat(lane < Lanes.LENGTH ? bits & 0xFFFF0000 : bits << 16);
    }

    @Override
    public void gemv4(float[] a, int a0, int aStep, int q, float[] out) {
        Bf16Kernels.gemv4(cols, a, a0, aStep, data, panelOffset(q), panelOffset(q + 1), panelOffset(q + 2),
                panelOffset(q + 3), out);
    }

    @Override
    public void rows4(int k0, int kLen, float[] a, int a0, int lda, int q, float[] out, int at, int ld,
                      boolean accumulate) {
        Bf16Kernels.rows4(kLen, a, a0, lda, data, panelOffset(q) + k0 * Lanes.LENGTH, out, at, ld, accumulate);
    }

    @Override
    public void rows1(int k0, int kLen, float[] a, int a0, int aStep, int q, float[] out, int at) {
        Bf16Kernels.rows1(kLen, a, a0, aStep, data, panelOffset(q) + k0 * Lanes.LENGTH, out, at);
    }

    @Override
    public WeightStorage storage() {
        return WeightStorage.BF16;
    }

    @Override
    public int bytesPerWeight() {
        return 2;
    }
}
