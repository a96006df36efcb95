package org.hotcell.backend.simd.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import jdk.incubator.vector.FloatVector;
import org.hotcell.core.backend.PackedMatrix;

/**
 * W ({@code rows x cols}) packed for {@code X . W^T} as column panels of W^T: panel q holds, for every k, the
 * {@link Lanes#PANEL} consecutive values {@code W[q*PANEL + j, k]}, j = 0..PANEL-1, zero past the last row.
 * So the micro-kernel reads each panel front to back, two full vectors per k, with no masks and no gathers,
 * and a thread that owns a range of panels owns a contiguous slice of memory (which stays in its core's L2).
 */
public final class PanelMatrix implements PackedMatrix {
    /** k steps per sweep across the panels when the source's panel rows are adjacent. */
    private static final int COPY_BLOCK = 16;

    /** Source panels {@link #fillTransposed} works through at a time. */
    private static final int TRANSPOSE_GROUP = 8;

    private final float[] data;
    private final int rows;
    private final int cols;
    private final int panels;
    /** W^T packed, made by the backend on first use ({@link #cacheTranspose}), updated with W. */
    private volatile PanelMatrix transpose;
    /** Whether a product by W itself with more than one row has been asked for ({@link #firstUntransposedProduct}). */
    private final AtomicBoolean untransposedProducts = new AtomicBoolean();
    /** Direction of single-row products' passes over the panels ({@link #turnRowPass}). */
    private boolean descendingRowPass;

    private PanelMatrix(float[] data, int rows, int cols, int panels) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.panels = panels;
    }

    /** An all-zero packing of a {@code rows x cols} matrix, to be filled panel range by panel range. */
    public static PanelMatrix allocate(int rows, int cols) {
        int panels = (rows + Lanes.PANEL - 1) / Lanes.PANEL;
        long size = (long) panels * cols * Lanes.PANEL;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix of " + rows + "x" + cols + " is too large to pack");
        }
        return new PanelMatrix(new float[(int) size], rows, cols, panels);
    }

    /**
     * Packs panels {@code [panelFrom, panelTo)} from the matrix whose element (r, k) is
     * {@code w[off + r*rowStride + k*colStride]}. Disjoint ranges may be filled by different threads.
     */
    public void fill(float[] w, int off, int rowStride, int colStride, int panelFrom, int panelTo) {
        if (rowStride == 1) {
            fillFromColumns(w, off, colStride, panelFrom, panelTo);
            return;
        }
        boolean vectors = colStride == 1 && PanelTranspose.applies();
        for (int q = panelFrom; q < panelTo; q++) {
            int width = Math.min(Lanes.PANEL, rows - q * Lanes.PANEL);
            int first = off + q * Lanes.PANEL * rowStride;
            int base = q * cols * Lanes.PANEL;
            int from = vectors && width == Lanes.PANEL ? PanelTranspose.fill(w, first, rowStride, cols, data, base) : 0;
            packRows(w, first, rowStride, colStride, from, cols, width, data, base);
        }
    }

    /**
     * Packs panels {@code [panelFrom, panelTo)} of the transpose of {@code source} (this matrix is
     * {@code source.cols() x source.rows()}). Element (i, g) of the transpose is element (g, i) of the source,
     * which its panel g / PANEL holds at row i, lane g % PANEL: so the PANEL x PANEL block of source panel p
     * at k steps {@code [q*PANEL, (q+1)*PANEL)} is, transposed, the block of this matrix's panel q at k steps
     * {@code [p*PANEL, (p+1)*PANEL)}. Both blocks are contiguous.
     *
     * <p>Memory sets the pace: the blocks of one result panel lie a whole source panel apart, so the loop works
     * through a few source panels at a time, each read front to back. Measured on 2048 x 512 (4 MB): 1.1-1.2
     * ms this way, one float at a time; {@link PanelTranspose}'s in-register transpose ran at 1.9-2.1 ms on the
     * same blocks, and so did visiting all source panels for each result panel (data out of L2 both times).
     */
    public void fillTransposed(PanelMatrix source, int panelFrom, int panelTo) {
        if (source.rows != cols || source.cols != rows) {
            throw new IllegalArgumentException("cannot fill a " + rows + "x" + cols + " matrix with the transpose of "
                    + source.rows + "x" + source.cols);
        }
        int block = Lanes.PANEL * Lanes.PANEL;
        for (int p0 = 0; p0 < source.panels; p0 += TRANSPOSE_GROUP) {
            int p1 = Math.min(source.panels, p0 + TRANSPOSE_GROUP);
            for (int q = panelFrom; q < panelTo; q++) {
                int width = panelWidth(q);
                int base = panelOffset(q);
                for (int p = p0; p < p1; p++) {
                    packRows(source.data, source.panelOffset(p) + q * block, Lanes.PANEL, 1, 0, source.panelWidth(p),
                            width, data, base + p * block);
                }
            }
        }
    }

    /**
     * The source's rows of a panel are adjacent (a transposed view, such as W^T stored row-major), so each k
     * step's values are one contiguous run in the source. Going panel by panel would read one 64-byte run
     * per source row and jump a whole row ahead for the next; going in blocks of {@link #COPY_BLOCK} k steps
     * across all panels reads every source row front to back instead.
     */
    private void fillFromColumns(float[] w, int off, int colStride, int panelFrom, int panelTo) {
        for (int k0 = 0; k0 < cols; k0 += COPY_BLOCK) {
            int k1 = Math.min(cols, k0 + COPY_BLOCK);
            for (int q = panelFrom; q < panelTo; q++) {
                int width = Math.min(Lanes.PANEL, rows - q * Lanes.PANEL);
                int first = off + q * Lanes.PANEL;
                int base = q * cols * Lanes.PANEL;
                if (width == Lanes.PANEL) {
                    for (int k = k0; k < k1; k++) {
                        int src = first + k * colStride;
                        int dst = base + k * Lanes.PANEL;
                        FloatVector.fromArray(Lanes.SPECIES, w, src).intoArray(data, dst);
                        FloatVector.fromArray(Lanes.SPECIES, w, src + Lanes.LENGTH)
                                .intoArray(data, dst + Lanes.LENGTH);
                    }
                } else {
                    for (int k = k0; k < k1; k++) {
                        System.arraycopy(w, first + k * colStride, data, base + k * Lanes.PANEL, width);
                    }
                }
            }
        }
    }

    /**
     * k steps {@code [kFrom, cols)} of a panel read from W's rows (W row-major): a transpose, one float at a time
     * (for what {@link PanelTranspose} leaves: ragged panels, k tails, strided rows, other vector widths).
     * Writing the panel front to back and reading the PANEL rows side by side keeps the reads within PANEL
     * cache lines per 16 k steps (all in L1) and makes every store sequential.
     */
    private static void packRows(float[] w, int first, int rowStride, int colStride, int kFrom, int cols, int width,
                                 float[] data, int base) {
        for (int k = kFrom; k < cols; k++) {
            int src = first + k * colStride;
            int dst = base + k * Lanes.PANEL;
            for (int j = 0; j < width; j++) {
                data[dst + j] = w[src + j * rowStride];
            }
        }
    }

    /**
     * Packs rows {@code [row0, row0 + count)} and k steps {@code [k0, k0 + kLen)} of this matrix's transpose as
     * the GEMM's A micro-panels ({@link PanelGemm#packA}'s layout: {@link TileKernels#MR} rows per micro-panel,
     * each k step's MR values side by side, zero past {@code count}). Row i of the transpose is column i of W,
     * which every panel holds as one contiguous run of PANEL values; panels are read one after another and,
     * within each, the requested columns front to back.
     */
    public void packTransposedRows(int row0, int count, int k0, int kLen, float[] dst, int dstOff) {
        int mr = TileKernels.MR;
        for (int p = k0; p < k0 + kLen; ) {
            int lane0 = p % Lanes.PANEL;
            int lanes = Math.min(Lanes.PANEL - lane0, k0 + kLen - p);
            int src = panelOffset(p / Lanes.PANEL) + row0 * Lanes.PANEL + lane0;
            int at = dstOff + (p - k0) * mr;
            for (int i = 0; i < count; i++, src += Lanes.PANEL) {
                int d = at + (i / mr) * kLen * mr + i % mr;
                for (int l = 0; l < lanes; l++) {
                    dst[d + l * mr] = data[src + l];
                }
            }
            p += lanes;
        }
        int tail = count % mr;
        if (tail != 0) {
            int base = dstOff + (count / mr) * kLen * mr;
            for (int p = 0; p < kLen; p++) {
                for (int r = tail; r < mr; r++) {
                    dst[base + p * mr + r] = 0f;
                }
            }
        }
    }

    /**
     * True for the first product by W itself ({@code X . W}) with more than one row, false after: the backend
     * reads W's panels for a product made once (a training step's input gradient, which rebuilds its cell at
     * every step) and packs the transpose to keep when W serves again (the per-step products of a batched
     * backward pass).
     */
    public boolean firstUntransposedProduct() {
        return !untransposedProducts.getAndSet(true);
    }

    /**
     * Turns the direction of single-row products' passes over the panels ({@link #rowPassDescending}), once per
     * product, before its threads start. A batch-1 recurrent step reads all of R once per step; when R is about
     * the size of L2, a pass in the same order each time evicts every line just before it is needed again
     * (least-recently-used replacement on a cyclic scan), while a pass in the other direction starts on the
     * panels the last one read most recently, which are still in L2. Each output still sums over k in the same
     * order, so the direction changes no bit. Not synchronized: products that race here only lose some reuse.
     */
    public void turnRowPass() {
        descendingRowPass = !descendingRowPass;
    }

    /** Whether single-row products now take the panels from last to first ({@link #turnRowPass}). */
    public boolean rowPassDescending() {
        return descendingRowPass;
    }

    /** The transpose {@link #cacheTranspose} kept, or null. */
    public PanelMatrix cachedTranspose() {
        return transpose;
    }

    /**
     * Keeps W^T packed with W for products by W itself. A race at first use only makes it twice; an update of W
     * ({@link PanelUpdate}, through the backend's {@code addTo}) updates the kept transpose with it, by the same
     * float expression, so it stays exactly W^T (updates never run beside products).
     */
    public void cacheTranspose(PanelMatrix transposed) {
        if (transposed.rows != cols || transposed.cols != rows) {
            throw new IllegalArgumentException("not the transpose: " + transposed.rows + "x" + transposed.cols);
        }
        this.transpose = transposed;
    }

    /** The packed floats. */
    public float[] data() {
        return data;
    }

    /** Number of panels. */
    public int panels() {
        return panels;
    }

    /** Where panel q starts in {@link #data()}. */
    public int panelOffset(int q) {
        return q * cols * Lanes.PANEL;
    }

    /** Valid columns of output in panel q (PANEL except maybe the last). */
    public int panelWidth(int q) {
        return Math.min(Lanes.PANEL, rows - q * Lanes.PANEL);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public String backend() {
        return "simd";
    }
}
