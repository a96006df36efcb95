package org.hotcell.backend.simd.internal;

/**
 * Drives the micro-kernels over a range of panels: {@code C[:, panels] = alpha * A . W^T + beta * C}.
 *
 * <p>Blocking: k in blocks of {@link #KC}, so that one panel's block (KC x PANEL floats, 32 KiB at 256 bits)
 * stays in L1 or L2 while every micro-panel of A passes over it; A in blocks of {@link #MC} rows, packed into
 * micro-panels of {@link TileKernels#MR} rows (for each k, the MR values of that column next to each other), so
 * the kernel reads A as one sequential stream that stays in L2 across all panels. KC is 512 rather than the
 * 256 that would keep the panel block in half of L1: every k block is another pass that reads and writes all
 * of C's tiles, and with k = 512 (the LSTM shapes of the benchmarks) one pass was 5-15% faster than two on
 * 800 x 512 . 512 x 2048 in interleaved runs on this AVX2 machine. MC is 192 (an A block of 384 KiB, three
 * quarters of this machine's 512 KiB L2): against 96 and 288 it was 5-15% faster on 1600 x 1024 . 1024 x 4096,
 * and in same-JVM A/B runs MC 64, 96 and 128, alone or with the panels' k blocks cut to 256 or 128 steps so
 * that they stay in L1, were no faster on 800 x 512 . 512 x 2048 or 1600 x 1024 . 1024 x 4096 (0.94-1.32 of
 * this one's time).
 *
 * <p>When all of A is small ({@link #kBlock}), k is not split at all: each tile is then made in one pass and
 * merged into C once (the batched recurrent step of an LSTM: 32 x 512 or 32 x 1024 rows of h).
 *
 * <p>A row-major A (every product by packed weights: the cells' {@code X . W^T} and {@code H . R^T}) is not
 * packed at all: {@link TileKernels#rows4} reads its rows where they are, and whole tiles go straight into C
 * ({@link #rowBlock}); on a CPU with 32 vector registers, {@link PanelPairKernel} does so for two panels at once.
 * Its rows are not blocked by MC but by {@link #ROW_MAJOR_BLOCK_FLOATS}, and with k in blocks each two panels take
 * all their k blocks before the next two: the same sums in the same order, with W streamed fewer times.
 * Packed micro-panels remain for a transposed or strided A (the weight gradients' {@code dG^T . X}).
 *
 * <p>A single row of A (the batch-1 recurrent step) is not packed: there the product streams W from memory
 * once, and packing would only add a copy.
 */
public final class PanelGemm {
    static final int KC = 512;
    /** Rows of A per block (see the class comment); the compact layouts block their rows alike. */
    public static final int MC = 192;
    /**
     * Floats of A (128 KiB) up to which k is not split into blocks. Measured on Zen 4 (1 MiB L2 per core) with
     * A read in place: 32 x 1024 . 1024 x 4096 in one pass 100 GFLOP/s against 88 in blocks of 512, but 64 x
     * 1024 . 1024 x 4096 84 in one pass against 92 in blocks (its panels' 1024-step blocks, 128 KiB each, no
     * longer stay in L1 beside the 16 row tiles that pass over them).
     */
    static final long WHOLE_K_FLOATS = 1L << 15;
    /**
     * Floats of a row-major A (8 MiB) that one pass over the panels covers. Such an A is read in place, each
     * tile's four rows from L2 or L3, so its rows need not be blocked for L2 as packed ones are (MC); every pass
     * streams all of W again, and W (16 MiB at 4096 x 1024) does not stay in L3 between passes. Measured on Zen 5
     * (32 MiB L3), same JVM, calls alternating, 1 thread, against blocks of MC rows: 1600 x 4096 x 1024 0.95x the
     * time and 3200 x 4096 x 1024 0.95x (blocks of 1600 rows); 800 x 2048 x 512 0.98x; 6400 x 2048 x 512 1.00x with
     * blocks of 1600 or 3200 rows but 1.01x with all 6400 (13 MiB) in one pass.
     */
    static final long ROW_MAJOR_BLOCK_FLOATS = 1L << 21;
    /** k blocks up to this long go through {@link #shortBlock}. */
    static final int SHORT_K = 128;
    /** ... when the panels' k blocks they pass over fit in this many floats: the machine's L2 per core. */
    private static final long SHORT_K_PANEL_FLOATS = CacheSizes.L2_BYTES / Float.BYTES;
    private static final int MR = TileKernels.MR;
    private static final int SIX = TileKernels.SIX_ROWS;

    /** Floats of a thread's scratch before its packed A block: the result tile. */
    private static final int TILE = MR * Lanes.PANEL;

    /**
     * Per-thread scratch: the result tile, then the packed A block, grown to the largest block the thread has
     * needed (at most MC x KC or WHOLE_K_FLOATS, so always kept).
     */
    private static final ThreadBuffer SCRATCH = new ThreadBuffer(Integer.MAX_VALUE);

    /** The calling thread's buffer for A packed whole ({@link #packAll}); larger than 16 MiB is not kept. */
    private static final ThreadBuffer PACKED_A = new ThreadBuffer(1 << 22);

    private PanelGemm() {
    }

    /**
     * @param a          A, element (i, p) at {@code a[aOff + i*aRowStride + p*aStep]}
     * @param m          rows of A and C
     * @param w          W packed; k = w.cols(), n = w.rows()
     * @param panelFrom  first panel (of W's rows, i.e. of C's columns) to compute
     * @param panelTo    one past the last
     */
    public static void run(float[] a, int aOff, int aRowStride, int aStep, int m, PanelMatrix w, float alpha,
                           float beta, float[] c, int cOff, int ldc, int panelFrom, int panelTo) {
        run(a, aOff, aRowStride, aStep, m, w, alpha, beta, c, cOff, ldc, panelFrom, panelTo, 1, 0);
    }

    /**
     * As {@link #run(float[], int, int, int, int, PanelMatrix, float, float, float[], int, int, int, int)}, over
     * panels {@code [panelFrom, panelTo)} of each of {@code groups} groups of {@code groupPanels} panels: panel
     * {@code g*groupPanels + q} for every g, one pass over A for all of them.
     */
    public static void run(float[] a, int aOff, int aRowStride, int aStep, int m, PanelMatrix w, float alpha,
                           float beta, float[] c, int cOff, int ldc, int panelFrom, int panelTo, int groups,
                           int groupPanels) {
        int k = w.cols();
        if (k == 0) {
            for (int g = 0; g < groups; g++) {
                scale(m, w, beta, c, cOff, ldc, g * groupPanels + panelFrom, g * groupPanels + panelTo);
            }
            return;
        }
        if (m == 1) {
            float[] tile = scratch(0);
            if (w.rowPassDescending()) {
                for (int g = groups - 1; g >= 0; g--) {
                    singleRowDescending(a, aOff, aStep, w, alpha, beta, c, cOff, g * groupPanels + panelFrom,
                            g * groupPanels + panelTo, tile);
                }
            } else {
                for (int g = 0; g < groups; g++) {
                    singleRow(a, aOff, aStep, w, alpha, beta, c, cOff, g * groupPanels + panelFrom,
                            g * groupPanels + panelTo, tile);
                }
            }
            return;
        }
        if (aStep == 1) {
            // A is row-major: the row kernels read it where it is, so there is nothing to pack.
            runRowMajor(a, aOff, aRowStride, m, w, alpha, beta, c, cOff, ldc, panelFrom, panelTo, groups, groupPanels,
                    PanelPairKernel.CHOSEN);
            return;
        }
        int kc = kBlock(m, k);
        int blockRows = (Math.min(MC, m) + MR - 1) / MR * MR;
        // The tile at the front of the scratch, this A block after it.
        float[] ws = scratch(blockRows * Math.min(kc, k));
        for (int pc = 0; pc < k; pc += kc) {
            int kLen = Math.min(kc, k - pc);
            for (int ic = 0; ic < m; ic += MC) {
                int rows = Math.min(MC, m - ic);
                packA(a, aOff + ic * aRowStride + pc * aStep, aRowStride, aStep, rows, kLen, ws, TILE);
                block(ws, TILE, kLen, rows, ic, pc, w, alpha, pc == 0 ? beta : 1f, c, cOff, ldc, panelFrom, panelTo,
                        groups, groupPanels, ws);
            }
        }
    }

    /**
     * {@link #run} for a row-major A (m > 1, k > 0), with the tiles of {@link PanelPairKernel} or of {@link
     * TileKernels#rows4} alone, whichever {@code pairPanels} says; package-private so that a test can compare the
     * two on any machine.
     */
    static void runRowMajor(float[] a, int aOff, int lda, int m, PanelMatrix w, float alpha, float beta, float[] c,
                            int cOff, int ldc, int panelFrom, int panelTo, int groups, int groupPanels,
                            boolean pairPanels) {
        int k = w.cols();
        int kc = kBlock(m, k);
        int blockRows = rowMajorBlockRows(k);
        float[] tile = scratch(0);
        for (int ic = 0; ic < m; ic += blockRows) {
            int rows = Math.min(blockRows, m - ic);
            if (kc >= k) {
                rowBlock(a, aOff + ic * lda, lda, k, rows, ic, 0, w, alpha, beta, c, cOff, ldc, panelFrom, panelTo,
                        groups, groupPanels, pairPanels, tile);
                continue;
            }
            // k in blocks: each two panels take all their k blocks in turn, while their tiles of C are in cache.
            for (int g = 0; g < groups; g++) {
                int first = g * groupPanels;
                for (int q = panelFrom; q < panelTo; q += 2) {
                    int qEnd = Math.min(q + 2, panelTo);
                    for (int pc = 0; pc < k; pc += kc) {
                        rowBlock(a, aOff + ic * lda + pc, lda, Math.min(kc, k - pc), rows, ic, pc, w, alpha,
                                pc == 0 ? beta : 1f, c, cOff, ldc, first + q, first + qEnd, 1, 0, pairPanels, tile);
                    }
                }
            }
        }
    }

    /**
     * Rows of a row-major A per pass over the panels: as many as keep that block of A ({@code rows x k}) within
     * {@link #ROW_MAJOR_BLOCK_FLOATS}, at least one tile's.
     */
    static int rowMajorBlockRows(int k) {
        return (int) Math.max(MR, ROW_MAJOR_BLOCK_FLOATS / Math.max(k, 1) / MR * MR);
    }

    /**
     * Floats of A packed whole for {@link #runPacked}: every k block's micro-panels of all m rows, k block after
     * k block ({@code roundUp(m, MR) * k}).
     */
    public static int packedSize(int m, int k) {
        return (m + MR - 1) / MR * MR * k;
    }

    /**
     * The k block for an m-row A: all of k when the whole of A fits in {@link #WHOLE_K_FLOATS} (a batched
     * recurrent step: 64 x 1024 is 256 KiB), so that every tile is made in one pass with no second merge into
     * C; else {@link #KC}.
     */
    public static int kBlock(int m, int k) {
        return (long) (m + MR - 1) / MR * MR * k <= WHOLE_K_FLOATS ? Math.max(k, 1) : KC;
    }

    /**
     * Packs all of A (element (i, p) at {@code a[aOff + i*aRowStride + p*aStep]}) for {@link #runPacked}: the
     * k block at {@code pc} starts at {@code roundUp(m, MR) * pc}, and within it the micro-panel of rows t..t+MR-1
     * at {@code t * kLen}, as {@link #packA} lays out one block.
     */
    public static void packAll(float[] a, int aOff, int aRowStride, int aStep, int m, int k, float[] dst) {
        int mPad = (m + MR - 1) / MR * MR;
        int kc = kBlock(m, k);
        for (int pc = 0; pc < k; pc += kc) {
            packA(a, aOff + pc * aStep, aRowStride, aStep, m, Math.min(kc, k - pc), dst, mPad * pc);
        }
    }

    /**
     * {@link #run} for m > 1 from A packed whole by {@link #packAll} (shared, read-only, by every thread of a
     * product), over panels {@code [panelFrom, panelTo)} of each of {@code groups} groups of {@code groupPanels}.
     * Threads that take panel chunks as they come free (rather than fixed halves) need this: packing A again
     * for every chunk would cost more than the balance gains.
     */
    public static void runPacked(float[] packedA, int m, PanelMatrix w, float alpha, float beta, float[] c, int cOff,
                                 int ldc, int panelFrom, int panelTo, int groups, int groupPanels) {
        int k = w.cols();
        int mPad = (m + MR - 1) / MR * MR;
        float[] tile = scratch(0);
        int kc = kBlock(m, k);
        for (int pc = 0; pc < k; pc += kc) {
            int kLen = Math.min(kc, k - pc);
            for (int ic = 0; ic < m; ic += MC) {
                block(packedA, mPad * pc + ic * kLen, kLen, Math.min(MC, m - ic), ic, pc, w, alpha,
                        pc == 0 ? beta : 1f, c, cOff, ldc, panelFrom, panelTo, groups, groupPanels, tile);
            }
        }
    }

    /**
     * {@code C = alpha * A . B^T + beta * C} where A is rows {@code [row0, row0 + m)} of {@code source^T}: a
     * product by the transpose of a packed matrix, without a packed copy of that transpose. Row i of the
     * transpose is column i of the source, which each source panel holds as one run of PANEL values, so the
     * kernel reads A straight from the source's panels ({@link TileKernels#tile4Transposed}); a last micro-panel
     * of fewer than MR rows is packed ({@link PanelMatrix#packTransposedRows}). k = {@code source.rows() =
     * b.cols()}; C is m x b.rows(), row i at {@code c[cOff + i*ldc]}. Meant for few panels of B (a product by
     * the transpose made once, for a few rows of X): every micro-panel of A meets all of them in turn.
     */
    public static void runOnTransposeOf(PanelMatrix source, int row0, int m, PanelMatrix b, float alpha, float beta,
                                        float[] c, int cOff, int ldc) {
        int k = b.cols();
        if (source.rows() != k) {
            throw new IllegalArgumentException("the transpose of a " + source.rows() + "x" + source.cols()
                    + " matrix cannot multiply a " + b.rows() + "x" + k + " one");
        }
        if (m <= 0) {
            return;
        }
        if (k == 0) {
            scale(m, b, beta, c, cOff, ldc, 0, b.panels());
            return;
        }
        // k blocks as run() makes them for the same product through a kept transpose (B^T . source, whose A
        // side has b.rows() rows), so that both paths sum every element in the same order and give the same bits.
        int kc = kBlock(b.rows(), k);
        // The tile, then room for one packed micro-panel.
        float[] ws = scratch(MR * Math.min(kc, k));
        float[] wd = source.data();
        float[] bd = b.data();
        int panelStride = source.panelOffset(1);
        for (int pc = 0; pc < k; pc += kc) {
            int kLen = Math.min(kc, k - pc);
            float blockBeta = pc == 0 ? beta : 1f;
            int first = source.panelOffset(pc / Lanes.PANEL);
            for (int i = 0; i < m; i += MR) {
                int real = Math.min(MR, m - i);
                if (real < MR) {
                    source.packTransposedRows(row0 + i, real, pc, kLen, ws, TILE);
                }
                for (int j = 0; j < b.panels(); j++) {
                    int bOff = b.panelOffset(j) + pc * Lanes.PANEL;
                    if (real == MR) {
                        TileKernels.tile4Transposed(kLen, wd, first + (row0 + i) * Lanes.PANEL, panelStride, bd, bOff,
                                ws, 0, Lanes.PANEL);
                    } else {
                        TileKernels.tile4(kLen, ws, TILE, bd, bOff, ws, 0, Lanes.PANEL);
                    }
                    TileKernels.merge(ws, real, b.panelWidth(j), alpha, blockBeta, c, cOff + i * ldc + j * Lanes.PANEL,
                            ldc);
                }
            }
        }
    }

    /**
     * One packed A block (rows {@code ic ..} of k block {@code pc}, micro-panels from {@code pa[aBlock]}) against
     * the given panels: every micro-panel of the block meets a panel while that panel's k block is in cache.
     */
    private static void block(float[] pa, int aBlock, int kLen, int rows, int ic, int pc, PanelMatrix w, float alpha,
                              float blockBeta, float[] c, int cOff, int ldc, int panelFrom, int panelTo, int groups,
                              int groupPanels, float[] tile) {
        if (kLen <= SHORT_K && (long) groups * (panelTo - panelFrom) * kLen * Lanes.PANEL <= SHORT_K_PANEL_FLOATS) {
            shortBlock(pa, aBlock, kLen, rows, ic, pc, w, alpha, blockBeta, c, cOff, ldc, panelFrom, panelTo, groups,
                    groupPanels, tile);
            return;
        }
        float[] b = w.data();
        for (int g = 0; g < groups; g++) {
            for (int q = g * groupPanels + panelFrom, end = g * groupPanels + panelTo; q < end; q++) {
                int bOff = w.panelOffset(q) + pc * Lanes.PANEL;
                int width = w.panelWidth(q);
                int cCol = cOff + q * Lanes.PANEL;
                for (int i = 0; i < rows; i += MR) {
                    // A short last micro-panel is zero-padded: its extra rows cost FMAs, not results.
                    TileKernels.tile4(kLen, pa, aBlock + i * kLen, b, bOff, tile, 0, Lanes.PANEL);
                    TileKernels.merge(tile, Math.min(MR, rows - i), width, alpha, blockBeta, c,
                            cCol + (ic + i) * ldc, ldc);
                }
            }
        }
    }

    /**
     * {@link #block} for a row-major A read in place (row i of the block at {@code a[a0 + i*lda ..]}, this k
     * block's first column): every row tile meets a panel while that panel's k block is in cache, or, for a short
     * k, the block goes tile row by tile row across all its panels so that C is written front to back (see
     * {@link #shortBlock}).
     */
    private static void rowBlock(float[] a, int a0, int lda, int kLen, int rows, int ic, int pc, PanelMatrix w,
                                 float alpha, float blockBeta, float[] c, int cOff, int ldc, int panelFrom,
                                 int panelTo, int groups, int groupPanels, boolean pairPanels, float[] tile) {
        boolean shortK = kLen <= SHORT_K
                && (long) groups * (panelTo - panelFrom) * kLen * Lanes.PANEL <= SHORT_K_PANEL_FLOATS;
        // Six-row tiles where the pair kernel does not run (AVX2) and the tiles go straight into C. Measured on
        // Zen 5 limited to AVX2, same JVM, calls alternating, 1 thread: GEMM 32/64/800 x 2048 x 512 and 32 x 4096 x
        // 1024 0.92-0.95x the time of four-row tiles (104-107 GFLOP/s, 85-88% of the 256-bit peak); LSTM 25x32x512,
        // 25x64x1024 and GRU 25x32x512 layers 0.94x, at 1 and 2 threads.
        boolean direct = alpha == 1f && (blockBeta == 0f || blockBeta == 1f);
        boolean six = !pairPanels && direct;
        if (shortK) {
            for (int i = 0, height; i < rows; i += height) {
                height = tileHeight(rows - i, six);
                for (int g = 0; g < groups; g++) {
                    for (int q = g * groupPanels + panelFrom, end = g * groupPanels + panelTo; q < end; q++) {
                        rowTile(a, a0, lda, kLen, i, height, ic, pc, w, q, alpha, blockBeta, c, cOff, ldc, tile);
                    }
                }
            }
            return;
        }
        // Pairs of whole panels take whole tiles straight into C (alpha 1, beta 0 or 1); anything else goes one
        // panel at a time.
        boolean pairs = pairPanels && direct;
        for (int g = 0; g < groups; g++) {
            int end = g * groupPanels + panelTo;
            for (int q = g * groupPanels + panelFrom; q < end; ) {
                boolean pair = pairs && q + 1 < end && w.panelWidth(q + 1) == Lanes.PANEL;
                int done = pair ? panelPairRows(a, a0, lda, kLen, rows, ic, pc, w, q, blockBeta != 0f, c, cOff, ldc)
                        : 0;
                // The rows the pair kernel left (or all of them), panel by panel; this moves q past the pair.
                for (int last = pair ? q + 1 : q; q <= last; q++) {
                    for (int i = done; i < rows; ) {
                        i += rowTile(a, a0, lda, kLen, i, tileHeight(rows - i, six), ic, pc, w, q, alpha,
                                blockBeta, c, cOff, ldc, tile);
                    }
                }
            }
        }
    }

    /**
     * The six- and four-row tiles of a block ({@link #tileHeight}) against panels q and q+1 (both whole) through
     * {@link PanelPairKernel}, straight into C; returns the rows done, the one to three left being for {@link
     * #rowTile}.
     */
    private static int panelPairRows(float[] a, int a0, int lda, int kLen, int rows, int ic, int pc, PanelMatrix w,
                                     int q, boolean accumulate, float[] c, int cOff, int ldc) {
        float[] b = w.data();
        int bOff = w.panelOffset(q) + pc * Lanes.PANEL;
        int bOff2 = w.panelOffset(q + 1) + pc * Lanes.PANEL;
        int i = 0;
        for (int height; (height = tileHeight(rows - i, true)) > 1; i += height) {
            int cAt = cOff + q * Lanes.PANEL + (ic + i) * ldc;
            if (height == SIX) {
                PanelPairKernel.rows6(kLen, a, a0 + i * lda, lda, b, bOff, bOff2, c, cAt, ldc, accumulate);
            } else {
                PanelPairKernel.rows4(kLen, a, a0 + i * lda, lda, b, bOff, bOff2, c, cAt, ldc, accumulate);
            }
        }
        return i;
    }

    /**
     * The tile of rows {@code i .. i+height-1} of a row-major block against panel q, into C: six rows, four, or
     * one (as {@link #tileHeight} chose; there is no row past the last to pad with, as a packed micro-panel has).
     * A whole tile with alpha 1 and beta 0 or 1 goes straight into C (the kernel starts from C for beta 1); any
     * other goes through the scratch tile and {@link TileKernels#merge}, six rows as four and two single ones.
     * Returns the rows done.
     */
    private static int rowTile(float[] a, int a0, int lda, int kLen, int i, int height, int ic, int pc,
                               PanelMatrix w, int q, float alpha, float blockBeta, float[] c, int cOff, int ldc,
                               float[] tile) {
        float[] b = w.data();
        int bOff = w.panelOffset(q) + pc * Lanes.PANEL;
        int width = w.panelWidth(q);
        int at = a0 + i * lda;
        int cAt = cOff + q * Lanes.PANEL + (ic + i) * ldc;
        boolean direct = width == Lanes.PANEL && alpha == 1f && (blockBeta == 0f || blockBeta == 1f);
        boolean accumulate = blockBeta != 0f;
        if (height == SIX) {
            if (direct) {
                TileKernels.rows6(kLen, a, at, lda, b, bOff, c, cAt, ldc, accumulate);
            } else {
                // No six-row scratch tile: four rows and two single ones, which sum each row alike.
                rowTile(a, a0, lda, kLen, i, MR, ic, pc, w, q, alpha, blockBeta, c, cOff, ldc, tile);
                rowTile(a, a0, lda, kLen, i + MR, 1, ic, pc, w, q, alpha, blockBeta, c, cOff, ldc, tile);
                rowTile(a, a0, lda, kLen, i + MR + 1, 1, ic, pc, w, q, alpha, blockBeta, c, cOff, ldc, tile);
            }
            return SIX;
        }
        if (height == MR) {
            if (direct) {
                TileKernels.rows4(kLen, a, at, lda, b, bOff, c, cAt, ldc, accumulate);
                return MR;
            }
            TileKernels.rows4(kLen, a, at, lda, b, bOff, tile, 0, Lanes.PANEL, false);
        } else {
            TileKernels.rows1(kLen, a, at, b, bOff, tile, 0);
        }
        TileKernels.merge(tile, height, width, alpha, blockBeta, c, cAt, ldc);
        return height;
    }

    /**
     * Rows of the next tile of a row-major block with {@code left} rows still to do: six where {@code six}
     * allows ({@link TileKernels#rows6}), unless that would leave two or three rows, which make one-row tiles
     * where four-row ones would do (8 = 4 + 4, 9 = 4 + 4 + 1); else four, or one.
     */
    static int tileHeight(int left, boolean six) {
        if (six && left >= SIX && left - SIX != 2 && left - SIX != 3) {
            return SIX;
        }
        return left >= MR ? MR : 1;
    }

    /**
     * {@link #block} for a short k (a weight gradient over the few rows of a batch-1 sequence: k = T*N): each
     * tile is little work, so its results go straight into C where nothing is left to merge (a whole tile,
     * alpha 1, beta 0), and the block goes row by row across all its panels, so that C is written front to
     * back. The panels' short k blocks stay in L2 meanwhile. Measured on 2048 x 512 with k = 8, 25, 64, 128:
     * 20-38% less time than the panel-by-panel order through the scratch tile; at k = 256 it was slower.
     */
    private static void shortBlock(float[] pa, int aBlock, int kLen, int rows, int ic, int pc, PanelMatrix w,
                                   float alpha, float blockBeta, float[] c, int cOff, int ldc, int panelFrom,
                                   int panelTo, int groups, int groupPanels, float[] tile) {
        float[] b = w.data();
        boolean direct = alpha == 1f && blockBeta == 0f;
        for (int i = 0; i < rows; i += MR) {
            int aAt = aBlock + i * kLen;
            int tileRows = Math.min(MR, rows - i);
            int cRow = cOff + (ic + i) * ldc;
            for (int g = 0; g < groups; g++) {
                for (int q = g * groupPanels + panelFrom, end = g * groupPanels + panelTo; q < end; q++) {
                    int bOff = w.panelOffset(q) + pc * Lanes.PANEL;
                    int width = w.panelWidth(q);
                    if (direct && tileRows == MR && width == Lanes.PANEL) {
                        TileKernels.tile4(kLen, pa, aAt, b, bOff, c, cRow + q * Lanes.PANEL, ldc);
                    } else {
                        TileKernels.tile4(kLen, pa, aAt, b, bOff, tile, 0, Lanes.PANEL);
                        TileKernels.merge(tile, tileRows, width, alpha, blockBeta, c, cRow + q * Lanes.PANEL, ldc);
                    }
                }
            }
        }
    }

    /**
     * One row: four panels at a time, each in one pass over all of k (no k blocks: every panel is read once
     * either way, and there is no A block to keep in cache).
     */
    private static void singleRow(float[] a, int aOff, int aStep, PanelMatrix w, float alpha, float beta,
                                  float[] c, int cOff, int panelFrom, int panelTo, float[] tile) {
        float[] b = w.data();
        int k = w.cols();
        int q = panelFrom;
        for (; q + 4 <= panelTo; q += 4) {
            TileKernels.gemv4(k, a, aOff, aStep, b, w.panelOffset(q), w.panelOffset(q + 1), w.panelOffset(q + 2),
                    w.panelOffset(q + 3), tile);
            for (int j = 0; j < 4; j++) {
                TileKernels.merge(tile, j * Lanes.PANEL, 1, w.panelWidth(q + j), alpha, beta, c,
                        cOff + (q + j) * Lanes.PANEL, 0);
            }
        }
        for (; q < panelTo; q++) {
            TileKernels.tile1(k, a, aOff, aStep, b, w.panelOffset(q), tile, 0);
            TileKernels.merge(tile, 1, w.panelWidth(q), alpha, beta, c, cOff + q * Lanes.PANEL, 0);
        }
    }

    /**
     * {@link #singleRow} from the last panel to the first ({@link PanelMatrix#turnRowPass}), with the same panels
     * taken four at a time (the four-stream kernel sums in another order than the one-panel kernel): so the
     * same sums, each over k in the same order, and the same bits.
     */
    private static void singleRowDescending(float[] a, int aOff, int aStep, PanelMatrix w, float alpha, float beta,
                                            float[] c, int cOff, int panelFrom, int panelTo, float[] tile) {
        float[] b = w.data();
        int k = w.cols();
        int fours = panelFrom + (panelTo - panelFrom) / 4 * 4;
        for (int q = panelTo - 1; q >= fours; q--) {
            TileKernels.tile1(k, a, aOff, aStep, b, w.panelOffset(q), tile, 0);
            TileKernels.merge(tile, 1, w.panelWidth(q), alpha, beta, c, cOff + q * Lanes.PANEL, 0);
        }
        for (int q = fours - 4; q >= panelFrom; q -= 4) {
            TileKernels.gemv4(k, a, aOff, aStep, b, w.panelOffset(q + 3), w.panelOffset(q + 2),
                    w.panelOffset(q + 1), w.panelOffset(q), tile);
            for (int j = 0; j < 4; j++) {
                TileKernels.merge(tile, (3 - j) * Lanes.PANEL, 1, w.panelWidth(q + j), alpha, beta, c,
                        cOff + (q + j) * Lanes.PANEL, 0);
            }
        }
    }

    /**
     * Packs {@code rows x kLen} of A (element (i, p) at {@code a[at + i*rowStride + p*step]}) as micro-panels
     * of MR rows from {@code dst[dstOff]}: micro-panel t holds, for p = 0..kLen-1, rows t*MR .. t*MR+MR-1 of
     * column p, zero past the last row.
     */
    static void packA(float[] a, int at, int rowStride, int step, int rows, int kLen, float[] dst, int dstOff) {
        for (int t = 0; t < rows; t += MR) {
            int base = dstOff + t * kLen;
            int real = Math.min(MR, rows - t);
            for (int r = 0; r < MR; r++) {
                int d = base + r;
                if (r < real) {
                    int src = at + (t + r) * rowStride;
                    for (int p = 0; p < kLen; p++) {
                        dst[d + p * MR] = a[src + p * step];
                    }
                } else {
                    for (int p = 0; p < kLen; p++) {
                        dst[d + p * MR] = 0f;
                    }
                }
            }
        }
    }

    /** C = beta * C over the panels' columns (the k = 0 product). */
    private static void scale(int m, PanelMatrix w, float beta, float[] c, int cOff, int ldc, int panelFrom,
                              int panelTo) {
        for (int i = 0; i < m; i++) {
            for (int q = panelFrom; q < panelTo; q++) {
                int at = cOff + i * ldc + q * Lanes.PANEL;
                for (int j = 0; j < w.panelWidth(q); j++) {
                    c[at + j] = beta == 0f ? 0f : beta * c[at + j];
                }
            }
        }
    }

    /** This thread's scratch with room for the tile and {@code packedFloats} of packed A. */
    private static float[] scratch(int packedFloats) {
        return SCRATCH.atLeast(TILE + packedFloats);
    }

    /** A buffer of at least {@code floats} for {@link #packAll}, kept by the calling thread up to 16 MiB. */
    public static float[] packedABuffer(int floats) {
        return PACKED_A.atLeast(floats);
    }
}
