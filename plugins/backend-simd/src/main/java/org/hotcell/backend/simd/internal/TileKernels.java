package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels. Each computes one tile of {@code A . B} where B is one packed panel
 * ({@link PanelMatrix}, two vectors wide): every k step loads the panel's two vectors once and broadcasts one
 * A value per row, and the tile's accumulators stay in registers until the end.
 *
 * <p>Why four rows: the kernel needs its accumulators, the two panel vectors and one register per broadcast
 * row, because C2 schedules all of a step's broadcasts before its FMAs. With 16 vector registers (AVX2) that
 * allows 4 rows (8 + 2 + 4); 5 or 6 rows spill an accumulator to the stack every step, and the
 * store-to-load round trip on that chain halves throughput (measured: 4 rows about 70% of FMA peak with the
 * data in L1, 6 rows 40%, 5 rows 34%, 3 rows x 3 vectors 54%). A is packed with a constant stride so that
 * every index is an affine function of the loop counter and the JIT hoists all bounds checks out of the loop.
 * A row-major A read in place does fit six rows ({@link #rows6}), which is what AVX2 machines run.
 *
 * <p>The kernels write their accumulators to a scratch tile and {@link #merge} applies alpha, beta and the
 * tile's ragged edges in a second pass. Passing vectors to a helper that the JIT declines to inline makes it
 * box them, which collapses throughput; handing over floats in an array cannot fail that way.
 */
public final class TileKernels {
    /** Rows of the four-row micro-kernels (and of a packed A micro-panel). */
    public static final int MR = 4;
    /** Rows of {@link #rows6} and {@link PanelPairKernel#rows6}, the tiles of a row-major A with fp32 weights. */
    public static final int SIX_ROWS = 6;

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;
    private static final int P = Lanes.PANEL;

    private TileKernels() {
    }

    /**
     * Four rows of packed A (a micro-panel: for each k step, the four rows' values next to each other, from
     * {@code a0}) against one panel over {@code kLen} steps; row r's PANEL results go to {@code out[at + r*ld ..]}
     * (the scratch tile, {@code at = 0, ld = PANEL}, or straight into C when nothing is left to merge).
     */
    public static void tile4(int kLen, float[] a, int a0, float[] b, int bOff, float[] out, int at, int ld) {
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            int ap = a0 + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            r00 = b0.fma(x, r00);
            r01 = b1.fma(x, r01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            r10 = b0.fma(x, r10);
            r11 = b1.fma(x, r11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            r20 = b0.fma(x, r20);
            r21 = b1.fma(x, r21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            r30 = b0.fma(x, r30);
            r31 = b1.fma(x, r31);
        }
        r00.intoArray(out, at);
        r01.intoArray(out, at + L);
        r10.intoArray(out, at + ld);
        r11.intoArray(out, at + ld + L);
        r20.intoArray(out, at + 2 * ld);
        r21.intoArray(out, at + 2 * ld + L);
        r30.intoArray(out, at + 3 * ld);
        r31.intoArray(out, at + 3 * ld + L);
    }

    /**
     * {@link #tile4} with A read where it is (row r's k values at {@code a[a0 + r*lda ..]}, contiguous) instead of
     * from a packed micro-panel: for a row-major A (a recurrent step's h, an input projection's X) packing was
     * only a pass over it, 1-2% of the product. With {@code accumulate} the tile is added to {@code out} rather
     * than stored over it, so C += A . B goes straight into C, with no scratch tile and no second pass to merge it; row r's
     * results go to {@code out[at + r*ld ..]}. Measured on AMD Zen 4 (AVX-512), 32 x 512 . 512 x 2048: 115
     * GFLOP/s (99% of the FMA peak) against 103-105 for packing plus {@link #tile4}; an eight-row version (16
     * accumulators, which AVX-512's 32 registers allow) reached 109, and eight packed rows 103-106.
     */
    public static void rows4(int kLen, float[] a, int a0, int lda, float[] b, int bOff, float[] out, int at, int ld,
                             boolean accumulate) {
        int a0r = a0;
        int a1r = a0 + 1 * lda;
        int a2r = a0 + 2 * lda;
        int a3r = a0 + 3 * lda;
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0r + p]);
            r00 = b0.fma(x, r00);
            r01 = b1.fma(x, r01);
            x = FloatVector.broadcast(S, a[a1r + p]);
            r10 = b0.fma(x, r10);
            r11 = b1.fma(x, r11);
            x = FloatVector.broadcast(S, a[a2r + p]);
            r20 = b0.fma(x, r20);
            r21 = b1.fma(x, r21);
            x = FloatVector.broadcast(S, a[a3r + p]);
            r30 = b0.fma(x, r30);
            r31 = b1.fma(x, r31);
        }
        // C + sum, rounded as merge rounds it (alpha 1, beta 1). Adding at the end rather than starting the
        // accumulators from C keeps the vectors out of a join of two paths, which C2 compiled to a fifth less speed.
        if (accumulate) {
            r00.add(FloatVector.fromArray(S, out, at)).intoArray(out, at);
            r01.add(FloatVector.fromArray(S, out, at + L)).intoArray(out, at + L);
            r10.add(FloatVector.fromArray(S, out, at + 1 * ld)).intoArray(out, at + 1 * ld);
            r11.add(FloatVector.fromArray(S, out, at + 1 * ld + L)).intoArray(out, at + 1 * ld + L);
            r20.add(FloatVector.fromArray(S, out, at + 2 * ld)).intoArray(out, at + 2 * ld);
            r21.add(FloatVector.fromArray(S, out, at + 2 * ld + L)).intoArray(out, at + 2 * ld + L);
            r30.add(FloatVector.fromArray(S, out, at + 3 * ld)).intoArray(out, at + 3 * ld);
            r31.add(FloatVector.fromArray(S, out, at + 3 * ld + L)).intoArray(out, at + 3 * ld + L);
        } else {
            r00.intoArray(out, at);
            r01.intoArray(out, at + L);
            r10.intoArray(out, at + 1 * ld);
            r11.intoArray(out, at + 1 * ld + L);
            r20.intoArray(out, at + 2 * ld);
            r21.intoArray(out, at + 2 * ld + L);
            r30.intoArray(out, at + 3 * ld);
            r31.intoArray(out, at + 3 * ld + L);
        }
    }


    /**
     * {@link #rows4} for six rows: twelve accumulators, the two panel vectors and one broadcast, fifteen of AVX2's
     * sixteen registers. Where {@link PanelPairKernel} does not run (AVX2), four rows keep only eight FMAs in
     * flight, which a CPU that issues two FMAs per cycle with a latency of four or five cannot fill; six rows
     * keep twelve. Measured with a row-major A read in place (the layout of {@link #rows4}; with the packed
     * micro-panels of {@link #tile4}, five and six rows spilled, see the class comment), 48 x 2048 x 512 in
     * cache, AMD Zen 5 limited to AVX2 ({@code -XX:UseAVX=2}, 256-bit FMA peak 122 GFLOP/s): 107-108 GFLOP/s
     * against 98-100 for rows4. Each row's sum is the same as rows4's, in the same order, so the choice of
     * tile height never changes a bit. It repeats rows4's body, six rows deep, rather than sharing it, for the
     * reason the class comment gives.
     */
    public static void rows6(int kLen, float[] a, int a0, int lda, float[] b, int bOff, float[] out, int at, int ld,
                             boolean accumulate) {
        int a0r = a0;
        int a1r = a0 + 1 * lda;
        int a2r = a0 + 2 * lda;
        int a3r = a0 + 3 * lda;
        int a4r = a0 + 4 * lda;
        int a5r = a0 + 5 * lda;
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        FloatVector r40 = FloatVector.zero(S);
        FloatVector r41 = FloatVector.zero(S);
        FloatVector r50 = FloatVector.zero(S);
        FloatVector r51 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[a0r + p]);
            r00 = b0.fma(x, r00);
            r01 = b1.fma(x, r01);
            x = FloatVector.broadcast(S, a[a1r + p]);
            r10 = b0.fma(x, r10);
            r11 = b1.fma(x, r11);
            x = FloatVector.broadcast(S, a[a2r + p]);
            r20 = b0.fma(x, r20);
            r21 = b1.fma(x, r21);
            x = FloatVector.broadcast(S, a[a3r + p]);
            r30 = b0.fma(x, r30);
            r31 = b1.fma(x, r31);
            x = FloatVector.broadcast(S, a[a4r + p]);
            r40 = b0.fma(x, r40);
            r41 = b1.fma(x, r41);
            x = FloatVector.broadcast(S, a[a5r + p]);
            r50 = b0.fma(x, r50);
            r51 = b1.fma(x, r51);
        }
        // C + sum at the end, as rows4 does.
        if (accumulate) {
            r00.add(FloatVector.fromArray(S, out, at)).intoArray(out, at);
            r01.add(FloatVector.fromArray(S, out, at + L)).intoArray(out, at + L);
            r10.add(FloatVector.fromArray(S, out, at + 1 * ld)).intoArray(out, at + 1 * ld);
            r11.add(FloatVector.fromArray(S, out, at + 1 * ld + L)).intoArray(out, at + 1 * ld + L);
            r20.add(FloatVector.fromArray(S, out, at + 2 * ld)).intoArray(out, at + 2 * ld);
            r21.add(FloatVector.fromArray(S, out, at + 2 * ld + L)).intoArray(out, at + 2 * ld + L);
            r30.add(FloatVector.fromArray(S, out, at + 3 * ld)).intoArray(out, at + 3 * ld);
            r31.add(FloatVector.fromArray(S, out, at + 3 * ld + L)).intoArray(out, at + 3 * ld + L);
            r40.add(FloatVector.fromArray(S, out, at + 4 * ld)).intoArray(out, at + 4 * ld);
            r41.add(FloatVector.fromArray(S, out, at + 4 * ld + L)).intoArray(out, at + 4 * ld + L);
            r50.add(FloatVector.fromArray(S, out, at + 5 * ld)).intoArray(out, at + 5 * ld);
            r51.add(FloatVector.fromArray(S, out, at + 5 * ld + L)).intoArray(out, at + 5 * ld + L);
        } else {
            r00.intoArray(out, at);
            r01.intoArray(out, at + L);
            r10.intoArray(out, at + 1 * ld);
            r11.intoArray(out, at + 1 * ld + L);
            r20.intoArray(out, at + 2 * ld);
            r21.intoArray(out, at + 2 * ld + L);
            r30.intoArray(out, at + 3 * ld);
            r31.intoArray(out, at + 3 * ld + L);
            r40.intoArray(out, at + 4 * ld);
            r41.intoArray(out, at + 4 * ld + L);
            r50.intoArray(out, at + 5 * ld);
            r51.intoArray(out, at + 5 * ld + L);
        }
    }

    /**
     * One row of A read in place against one panel, summed in the same order as each row of {@link #rows4} and
     * {@link #tile4} (one accumulator pair, k in order): the last one to three rows of a row-major block. It is
     * latency-bound (two chains), but those rows are few, and a product's result must not depend on how many
     * rows share its tile: the same row of a product computed through two paths (a kept transpose or the
     * matrix's own panels) has to give the same bits.
     */
    public static void rows1(int kLen, float[] a, int a0, float[] b, int bOff, float[] out, int at) {
        FloatVector r0 = FloatVector.zero(S);
        FloatVector r1 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            r0 = FloatVector.fromArray(S, b, bp).fma(x, r0);
            r1 = FloatVector.fromArray(S, b, bp + L).fma(x, r1);
        }
        r0.intoArray(out, at);
        r1.intoArray(out, at + L);
    }

    /**
     * {@link #tile4} with A read from a packed matrix's panels instead of a packed micro-panel: A's four rows are
     * four adjacent columns of that matrix, whose values for k step p lie at {@code w[w0 + (p / PANEL) *
     * panelStride + (p % PANEL) + r*PANEL]}, r = 0..3 ({@link PanelMatrix#packTransposedRows} describes the
     * layout). The four rows' runs within a panel are adjacent, so every 16 k steps read four whole cache lines.
     * It repeats tile4's body rather than sharing it: tile4's indices are affine in p, which lets the JIT hoist
     * its bounds checks out of the loop, and these are not; and a shared helper taking the accumulators would
     * box them whenever the JIT declined to inline it (see the class comment).
     */
    public static void tile4Transposed(int kLen, float[] w, int w0, int panelStride, float[] b, int bOff, float[] out,
                                       int at, int ld) {
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            int ap = w0 + (p / P) * panelStride + p % P;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, w[ap]);
            r00 = b0.fma(x, r00);
            r01 = b1.fma(x, r01);
            x = FloatVector.broadcast(S, w[ap + P]);
            r10 = b0.fma(x, r10);
            r11 = b1.fma(x, r11);
            x = FloatVector.broadcast(S, w[ap + 2 * P]);
            r20 = b0.fma(x, r20);
            r21 = b1.fma(x, r21);
            x = FloatVector.broadcast(S, w[ap + 3 * P]);
            r30 = b0.fma(x, r30);
            r31 = b1.fma(x, r31);
        }
        r00.intoArray(out, at);
        r01.intoArray(out, at + L);
        r10.intoArray(out, at + ld);
        r11.intoArray(out, at + ld + L);
        r20.intoArray(out, at + 2 * ld);
        r21.intoArray(out, at + 2 * ld + L);
        r30.intoArray(out, at + 3 * ld);
        r31.intoArray(out, at + 3 * ld + L);
    }

    /**
     * One row of A against one panel (the panels left over after {@link #gemv4}). The k loop is unrolled by
     * four into eight accumulators so that the loads, not the FMA latency, set the pace.
     * The result goes to {@code out[outOff .. outOff+PANEL)}.
     */
    public static void tile1(int kLen, float[] a, int a0, int aStep, float[] b, int bOff, float[] out, int outOff) {
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S);
        FloatVector s11 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S);
        FloatVector s21 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S);
        FloatVector s31 = FloatVector.zero(S);
        int p = 0;
        for (; p + 4 <= kLen; p += 4) {
            int bp = bOff + p * P;
            int ap = a0 + p * aStep;
            FloatVector x0 = FloatVector.broadcast(S, a[ap]);
            s00 = FloatVector.fromArray(S, b, bp).fma(x0, s00);
            s01 = FloatVector.fromArray(S, b, bp + L).fma(x0, s01);
            FloatVector x1 = FloatVector.broadcast(S, a[ap + aStep]);
            s10 = FloatVector.fromArray(S, b, bp + P).fma(x1, s10);
            s11 = FloatVector.fromArray(S, b, bp + P + L).fma(x1, s11);
            FloatVector x2 = FloatVector.broadcast(S, a[ap + 2 * aStep]);
            s20 = FloatVector.fromArray(S, b, bp + 2 * P).fma(x2, s20);
            s21 = FloatVector.fromArray(S, b, bp + 2 * P + L).fma(x2, s21);
            FloatVector x3 = FloatVector.broadcast(S, a[ap + 3 * aStep]);
            s30 = FloatVector.fromArray(S, b, bp + 3 * P).fma(x3, s30);
            s31 = FloatVector.fromArray(S, b, bp + 3 * P + L).fma(x3, s31);
        }
        for (; p < kLen; p++) {
            int bp = bOff + p * P;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * aStep]);
            s00 = FloatVector.fromArray(S, b, bp).fma(x, s00);
            s01 = FloatVector.fromArray(S, b, bp + L).fma(x, s01);
        }
        s00.add(s10).add(s20.add(s30)).intoArray(out, outOff);
        s01.add(s11).add(s21.add(s31)).intoArray(out, outOff + L);
    }

    /**
     * One row of A against four panels at once: the batch-1 (GEMV) case, where the panels stream from memory
     * (L2 or beyond) once per product. Four concurrent streams keep more cache misses in flight than one;
     * measured on 2048 x 512 and 4096 x 1024 weights, four streams read 1.3x and 2x faster than one. Panel j's
     * result goes to {@code out[j * PANEL ..]}.
     */
    public static void gemv4(int kLen, float[] a, int a0, int aStep, float[] b, int b0, int b1, int b2, int b3,
                             float[] out) {
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S);
        FloatVector s11 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S);
        FloatVector s21 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S);
        FloatVector s31 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * aStep]);
            int d = p * P;
            s00 = FloatVector.fromArray(S, b, b0 + d).fma(x, s00);
            s01 = FloatVector.fromArray(S, b, b0 + d + L).fma(x, s01);
            s10 = FloatVector.fromArray(S, b, b1 + d).fma(x, s10);
            s11 = FloatVector.fromArray(S, b, b1 + d + L).fma(x, s11);
            s20 = FloatVector.fromArray(S, b, b2 + d).fma(x, s20);
            s21 = FloatVector.fromArray(S, b, b2 + d + L).fma(x, s21);
            s30 = FloatVector.fromArray(S, b, b3 + d).fma(x, s30);
            s31 = FloatVector.fromArray(S, b, b3 + d + L).fma(x, s31);
        }
        s00.intoArray(out, 0);
        s01.intoArray(out, L);
        s10.intoArray(out, P);
        s11.intoArray(out, P + L);
        s20.intoArray(out, 2 * P);
        s21.intoArray(out, 2 * P + L);
        s30.intoArray(out, 3 * P);
        s31.intoArray(out, 3 * P + L);
    }

    /**
     * {@code C[row r, at .. at+width) = alpha * out[r] + beta * C} for the tile's first {@code rows} rows; the
     * store is masked when the tile is narrower than a panel.
     */
    public static void merge(float[] out, int rows, int width, float alpha, float beta, float[] c, int c0, int ldc) {
        merge(out, 0, rows, width, alpha, beta, c, c0, ldc);
    }

    /** {@link #merge(float[], int, int, float, float, float[], int, int)} from {@code out[outOff ..]}. */
    public static void merge(float[] out, int outOff, int rows, int width, float alpha, float beta, float[] c,
                             int c0, int ldc) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        if (width == P) {
            for (int r = 0; r < rows; r++) {
                int at = c0 + r * ldc;
                FloatVector v0 = FloatVector.fromArray(S, out, outOff + r * P).mul(va);
                FloatVector v1 = FloatVector.fromArray(S, out, outOff + r * P + L).mul(va);
                if (beta != 0f) {
                    v0 = FloatVector.fromArray(S, c, at).fma(vb, v0);
                    v1 = FloatVector.fromArray(S, c, at + L).fma(vb, v1);
                }
                v0.intoArray(c, at);
                v1.intoArray(c, at + L);
            }
            return;
        }
        VectorMask<Float> m0 = S.indexInRange(0, width);
        VectorMask<Float> m1 = S.indexInRange(L, width);
        for (int r = 0; r < rows; r++) {
            int at = c0 + r * ldc;
            FloatVector v0 = FloatVector.fromArray(S, out, outOff + r * P).mul(va);
            FloatVector v1 = FloatVector.fromArray(S, out, outOff + r * P + L).mul(va);
            if (beta != 0f) {
                v0 = FloatVector.fromArray(S, c, at, m0).fma(vb, v0);
                v1 = FloatVector.fromArray(S, c, at + L, m1).fma(vb, v1);
            }
            v0.intoArray(c, at, m0);
            v1.intoArray(c, at + L, m1);
        }
    }
}
