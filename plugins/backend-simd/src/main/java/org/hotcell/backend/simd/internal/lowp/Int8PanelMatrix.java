package org.hotcell.backend.simd.internal.lowp;

import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.PanelMatrix;
import org.hotcell.core.backend.WeightStorage;

/**
 * W packed as int8 with one float scale per row of W (per output unit), in {@link PanelMatrix}'s panels: for
 * panel q and k step p, byte j holds row {@code q*PANEL + j}'s {@code q = rint(w / s)}, clamped to [-127, 127],
 * where {@code s = max|w_row| / 127} (symmetric, as ONNX Runtime's DynamicQuantizeLSTM quantizes its weights).
 * The kernels ({@link Int8Kernels}) sum {@code q * x} in float32 and multiply each column's sum by its row's
 * scale at the end, so the scales cost nothing per k step.
 */
public final class Int8PanelMatrix extends CompactPanelMatrix {
    private final byte[] data;
    /** Row r's scale at [r], zero past the last row, padded to whole panels. */
    private final float[] scales;

    private Int8PanelMatrix(int rows, int cols) {
        super(rows, cols, Lanes.PANEL, Int8Kernels.SLACK);
        this.data = new byte[(int) storageLength(Lanes.PANEL, Int8Kernels.SLACK)];
        this.scales = new float[panels * Lanes.PANEL];
    }

    /** An all-zero packing of a {@code rows x cols} matrix, to be filled panel range by panel range. */
    public static Int8PanelMatrix allocate(int rows, int cols) {
        return new Int8PanelMatrix(rows, cols);
    }

    /**
     * Quantizes and packs panels {@code [panelFrom, panelTo)} from the row-major matrix at {@code w[off ..]}.
     * Disjoint ranges may be filled by different threads.
     *
     * @throws IllegalArgumentException naming the element, when a weight is not finite (int8 has no NaN or
     *         infinity, and one would spoil its row's scale)
     */
    public void fill(float[] w, int off, int panelFrom, int panelTo) {
        for (int r = panelFrom * Lanes.PANEL; r < Math.min(rows, panelTo * Lanes.PANEL); r++) {
            int row = off + r * cols;
            float max = 0f;
            for (int k = 0; k < cols; k++) {
                float v = w[row + k];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("weight (" + r + ", " + k + ") is " + v
                            + "; int8 storage needs finite weights (use fp32 or bf16)");
                }
                max = Math.max(max, Math.abs(v));
            }
            float scale = max / 127f;
            scales[r] = scale;
            int base = panelOffset(r / Lanes.PANEL) + r % Lanes.PANEL;
            for (int k = 0; k < cols; k++) {
                data[base + k * Lanes.PANEL] = quantize(w[row + k], scale);
            }
        }
    }

    /** {@code rint(v / scale)} clamped to [-127, 127]; 0 for a zero row. */
    static byte quantize(float v, float scale) {
        if (scale == 0f) {
            return 0;
        }
        double q = Math.rint(v / (double) scale);
        return (byte) Math.max(-127, Math.min(127, q));
    }

    /** Where panel q starts in the byte array. */
    int panelOffset(int q) {
        return q * cols * Lanes.PANEL;
    }

    /** Row r's scale. */
    public float scale(int r) {
        return scales[r];
    }

    /** Element (r, k) as its int8 value. */
    public byte quantized(int r, int k) {
        return data[panelOffset(r / Lanes.PANEL) + k * Lanes.PANEL + r % Lanes.PANEL];
    }

    @Override
    public float get(int r, int k) {
        return quantized(r, k) * scales[r];
    }

    @Override
    public void gemv4(float[] a, int a0, int aStep, int q, float[] out) {
        Int8Kernels.gemv4(cols, a, a0, aStep, data, panelOffset(q), panelOffset(q + 1), panelOffset(q + 2),
                panelOffset(q + 3), scales, q * Lanes.PANEL, out);
    }

    @Override
    public void rows4(int k0, int kLen, float[] a, int a0, int lda, int q, float[] out, int at, int ld,
                      boolean accumulate) {
        Int8Kernels.rows4(kLen, a, a0, lda, data, panelOffset(q) + k0 * Lanes.PANEL, scales, q * Lanes.PANEL, out, at,
                ld, accumulate);
    }

    @Override
    public void rows1(int k0, int kLen, float[] a, int a0, int aStep, int q, float[] out, int at) {
        Int8Kernels.rows1(kLen, a, a0, aStep, data, panelOffset(q) + k0 * Lanes.PANEL, scales, q * Lanes.PANEL, out,
                at);
    }

    @Override
    public WeightStorage storage() {
        return WeightStorage.INT8;
    }

    @Override
    public int bytesPerWeight() {
        return 1;
    }
}
