package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel of a row-major A against two adjacent panels at once: four rows of A by two panels, sixteen
 * accumulators. Every k step loads four panel vectors and broadcasts four A values for sixteen FMAs, where
 * {@link TileKernels#rows4} loads two and broadcasts four for eight.
 *
 * <p>Why it exists: a CPU that issues two 512-bit FMAs per cycle with a latency of four (AMD Zen 5) needs eight
 * FMAs in flight, and rows4's eight accumulators leave no slack for its loads. Measured on Zen 5 (EPYC, 2 vCPUs,
 * FMA peak 266 GFLOP/s per core), same JVM, calls alternating, 1 thread: 64 x 2048 x 512 236 GFLOP/s against
 * 211 for rows4 (0.88x the time), 800 x 2048 x 512 243 against 218, 32 x 4096 x 1024 201 against 174, 64 x 4096 x
 * 1024 205 against 178; an eight-row, one-panel kernel (also sixteen accumulators, but ten loads per sixteen
 * FMAs) gained only half as much (0.93-0.95x, and 1.02x at 64 x 4096 x 1024).
 *
 * <p>It needs 16 + 4 + 4 vector registers ({@link #rows6}, its six-row form, 24 + 4 + 1), so only a machine with 32
 * of them runs it ({@link #CHOSEN}); with AVX2's 16 it would spill every step. Each result is the same sum in the
 * same order as rows4's (one accumulator per output, k in order from zero, then added to C), so the choice never
 * changes a bit. Its body has
 * rows4's shape, unrolled by hand rather than shared, for the reason {@link TileKernels} gives: the accumulators
 * must stay locals of one compiled loop.
 */
public final class PanelPairKernel {
    /**
     * Whether row-major products go through this kernel: on a CPU with AVX-512 (32 vector registers, which
     * every species then has), unless system property {@code hotcell.simd.panelPairs} says otherwise (for
     * comparisons).
     */
    public static final boolean CHOSEN = Boolean.parseBoolean(System.getProperty("hotcell.simd.panelPairs",
            Boolean.toString(FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512)));

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;
    private static final int P = Lanes.PANEL;

    private PanelPairKernel() {
    }

    /**
     * Rows {@code a[a0 + r*lda ..]}, r = 0..3, over {@code kLen} steps against the panels whose k blocks start at
     * {@code bOff} and {@code bOff2}; row r's results for the first panel go to {@code out[at + r*ld ..]} and for
     * the second to the PANEL floats after them (C's next panel), added to what is there with {@code
     * accumulate}, as {@link TileKernels#rows4} does.
     */
    public static void rows4(int kLen, float[] a, int a0, int lda, float[] b, int bOff, int bOff2, float[] out,
                             int at, int ld, boolean accumulate) {
        int a0r = a0 + 0 * lda;
        int a1r = a0 + 1 * lda;
        int a2r = a0 + 2 * lda;
        int a3r = a0 + 3 * lda;
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r02 = FloatVector.zero(S);
        FloatVector r03 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r12 = FloatVector.zero(S);
        FloatVector r13 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r22 = FloatVector.zero(S);
        FloatVector r23 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        FloatVector r32 = FloatVector.zero(S);
        FloatVector r33 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            int bq = bOff2 + p * P;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bq);
            FloatVector b3 = FloatVector.fromArray(S, b, bq + L);
            FloatVector x = FloatVector.broadcast(S, a[a0r + p]);
            r00 = b0.fma(x, r00);
            r01 = b1.fma(x, r01);
            r02 = b2.fma(x, r02);
            r03 = b3.fma(x, r03);
            x = FloatVector.broadcast(S, a[a1r + p]);
            r10 = b0.fma(x, r10);
            r11 = b1.fma(x, r11);
            r12 = b2.fma(x, r12);
            r13 = b3.fma(x, r13);
            x = FloatVector.broadcast(S, a[a2r + p]);
            r20 = b0.fma(x, r20);
            r21 = b1.fma(x, r21);
            r22 = b2.fma(x, r22);
            r23 = b3.fma(x, r23);
            x = FloatVector.broadcast(S, a[a3r + p]);
            r30 = b0.fma(x, r30);
            r31 = b1.fma(x, r31);
            r32 = b2.fma(x, r32);
            r33 = b3.fma(x, r33);
        }
        // Added at the end, as rows4 does: the same rounding, and no vectors joined from two paths.
        if (accumulate) {
            r00.add(FloatVector.fromArray(S, out, at)).intoArray(out, at);
            r01.add(FloatVector.fromArray(S, out, at + L)).intoArray(out, at + L);
            r02.add(FloatVector.fromArray(S, out, at + P)).intoArray(out, at + P);
            r03.add(FloatVector.fromArray(S, out, at + P + L)).intoArray(out, at + P + L);
            r10.add(FloatVector.fromArray(S, out, at + 1 * ld)).intoArray(out, at + 1 * ld);
            r11.add(FloatVector.fromArray(S, out, at + 1 * ld + L)).intoArray(out, at + 1 * ld + L);
            r12.add(FloatVector.fromArray(S, out, at + 1 * ld + P)).intoArray(out, at + 1 * ld + P);
            r13.add(FloatVector.fromArray(S, out, at + 1 * ld + P + L)).intoArray(out, at + 1 * ld + P + L);
            r20.add(FloatVector.fromArray(S, out, at + 2 * ld)).intoArray(out, at + 2 * ld);
            r21.add(FloatVector.fromArray(S, out, at + 2 * ld + L)).intoArray(out, at + 2 * ld + L);
            r22.add(FloatVector.fromArray(S, out, at + 2 * ld + P)).intoArray(out, at + 2 * ld + P);
            r23.add(FloatVector.fromArray(S, out, at + 2 * ld + P + L)).intoArray(out, at + 2 * ld + P + L);
            r30.add(FloatVector.fromArray(S, out, at + 3 * ld)).intoArray(out, at + 3 * ld);
            r31.add(FloatVector.fromArray(S, out, at + 3 * ld + L)).intoArray(out, at + 3 * ld + L);
            r32.add(FloatVector.fromArray(S, out, at + 3 * ld + P)).intoArray(out, at + 3 * ld + P);
            r33.add(FloatVector.fromArray(S, out, at + 3 * ld + P + L)).intoArray(out, at + 3 * ld + P + L);
        } else {
            r00.intoArray(out, at);
            r01.intoArray(out, at + L);
            r02.intoArray(out, at + P);
            r03.intoArray(out, at + P + L);
            r10.intoArray(out, at + 1 * ld);
            r11.intoArray(out, at + 1 * ld + L);
            r12.intoArray(out, at + 1 * ld + P);
            r13.intoArray(out, at + 1 * ld + P + L);
            r20.intoArray(out, at + 2 * ld);
            r21.intoArray(out, at + 2 * ld + L);
            r22.intoArray(out, at + 2 * ld + P);
            r23.intoArray(out, at + 2 * ld + P + L);
            r30.intoArray(out, at + 3 * ld);
            r31.intoArray(out, at + 3 * ld + L);
            r32.intoArray(out, at + 3 * ld + P);
            r33.intoArray(out, at + 3 * ld + P + L);
        }
    }

    /**
     * {@link #rows4} for six rows: 24 accumulators, the four panel vectors and one broadcast, 29 of the 32
     * registers. Sixteen FMAs per step leave the two FMA pipes (latency four) little slack for loads; 24 leave
     * more, and each panel vector loaded serves six rows rather than four. Measured on Zen 5 (1 thread, same JVM,
     * calls alternating), with six-row tiles where {@link PanelGemm} can (32 rows as 6+6+6+6+4+4) against four-row
     * tiles only: GEMM 32, 64 and 800 x 2048 x 512 and 32, 64 x 4096 x 1024 0.96-0.98x the time (228-238 GFLOP/s
     * in cache); LSTM 25x32x512 and 25x64x1024, GRU 25x32x512 layers 0.93-0.94x, at 1 and 2 threads. Each result
     * is the same sum in the same order as rows4's; the body repeats rows4's, as the class comment explains.
     */
    public static void rows6(int kLen, float[] a, int a0, int lda, float[] b, int bOff, int bOff2, float[] out,
                             int at, int ld, boolean accumulate) {
        int a0r = a0 + 0 * lda;
        int a1r = a0 + 1 * lda;
        int a2r = a0 + 2 * lda;
        int a3r = a0 + 3 * lda;
        int a4r = a0 + 4 * lda;
        int a5r = a0 + 5 * lda;
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r02 = FloatVector.zero(S);
        FloatVector r03 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r12 = FloatVector.zero(S);
        FloatVector r13 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r22 = FloatVector.zero(S);
        FloatVector r23 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        FloatVector r32 = FloatVector.zero(S);
        FloatVector r33 = FloatVector.zero(S);
        FloatVector r40 = FloatVector.zero(S);
        FloatVector r41 = FloatVector.zero(S);
        FloatVector r42 = FloatVector.zero(S);
        FloatVector r43 = FloatVector.zero(S);
        FloatVector r50 = FloatVector.zero(S);
        FloatVector r51 = FloatVector.zero(S);
        FloatVector r52 = FloatVector.zero(S);
        FloatVector r53 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            int bq = bOff2 + p * P;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bq);
            FloatVector b3 = FloatVector.fromArray(S, b, bq + L);
            FloatVector x = FloatVector.broadcast(S, a[a0r + p]);
            r00 = b0.fma(x, r00);
            r01 = b1.fma(x, r01);
            r02 = b2.fma(x, r02);
            r03 = b3.fma(x, r03);
            x = FloatVector.broadcast(S, a[a1r + p]);
            r10 = b0.fma(x, r10);
            r11 = b1.fma(x, r11);
            r12 = b2.fma(x, r12);
            r13 = b3.fma(x, r13);
            x = FloatVector.broadcast(S, a[a2r + p]);
            r20 = b0.fma(x, r20);
            r21 = b1.fma(x, r21);
            r22 = b2.fma(x, r22);
            r23 = b3.fma(x, r23);
            x = FloatVector.broadcast(S, a[a3r + p]);
            r30 = b0.fma(x, r30);
            r31 = b1.fma(x, r31);
            r32 = b2.fma(x, r32);
            r33 = b3.fma(x, r33);
            x = FloatVector.broadcast(S, a[a4r + p]);
            r40 = b0.fma(x, r40);
            r41 = b1.fma(x, r41);
            r42 = b2.fma(x, r42);
            r43 = b3.fma(x, r43);
            x = FloatVector.broadcast(S, a[a5r + p]);
            r50 = b0.fma(x, r50);
            r51 = b1.fma(x, r51);
            r52 = b2.fma(x, r52);
            r53 = b3.fma(x, r53);
        }
        if (accumulate) {
            r00.add(FloatVector.fromArray(S, out, at + 0 * ld)).intoArray(out, at + 0 * ld);
            r01.add(FloatVector.fromArray(S, out, at + 0 * ld + L)).intoArray(out, at + 0 * ld + L);
            r02.add(FloatVector.fromArray(S, out, at + 0 * ld + P)).intoArray(out, at + 0 * ld + P);
            r03.add(FloatVector.fromArray(S, out, at + 0 * ld + P + L)).intoArray(out, at + 0 * ld + P + L);
            r10.add(FloatVector.fromArray(S, out, at + 1 * ld)).intoArray(out, at + 1 * ld);
            r11.add(FloatVector.fromArray(S, out, at + 1 * ld + L)).intoArray(out, at + 1 * ld + L);
            r12.add(FloatVector.fromArray(S, out, at + 1 * ld + P)).intoArray(out, at + 1 * ld + P);
            r13.add(FloatVector.fromArray(S, out, at + 1 * ld + P + L)).intoArray(out, at + 1 * ld + P + L);
            r20.add(FloatVector.fromArray(S, out, at + 2 * ld)).intoArray(out, at + 2 * ld);
            r21.add(FloatVector.fromArray(S, out, at + 2 * ld + L)).intoArray(out, at + 2 * ld + L);
            r22.add(FloatVector.fromArray(S, out, at + 2 * ld + P)).intoArray(out, at + 2 * ld + P);
            r23.add(FloatVector.fromArray(S, out, at + 2 * ld + P + L)).intoArray(out, at + 2 * ld + P + L);
            r30.add(FloatVector.fromArray(S, out, at + 3 * ld)).intoArray(out, at + 3 * ld);
            r31.add(FloatVector.fromArray(S, out, at + 3 * ld + L)).intoArray(out, at + 3 * ld + L);
            r32.add(FloatVector.fromArray(S, out, at + 3 * ld + P)).intoArray(out, at + 3 * ld + P);
            r33.add(FloatVector.fromArray(S, out, at + 3 * ld + P + L)).intoArray(out, at + 3 * ld + P + L);
            r40.add(FloatVector.fromArray(S, out, at + 4 * ld)).intoArray(out, at + 4 * ld);
            r41.add(FloatVector.fromArray(S, out, at + 4 * ld + L)).intoArray(out, at + 4 * ld + L);
            r42.add(FloatVector.fromArray(S, out, at + 4 * ld + P)).intoArray(out, at + 4 * ld + P);
            r43.add(FloatVector.fromArray(S, out, at + 4 * ld + P + L)).intoArray(out, at + 4 * ld + P + L);
            r50.add(FloatVector.fromArray(S, out, at + 5 * ld)).intoArray(out, at + 5 * ld);
            r51.add(FloatVector.fromArray(S, out, at + 5 * ld + L)).intoArray(out, at + 5 * ld + L);
            r52.add(FloatVector.fromArray(S, out, at + 5 * ld + P)).intoArray(out, at + 5 * ld + P);
            r53.add(FloatVector.fromArray(S, out, at + 5 * ld + P + L)).intoArray(out, at + 5 * ld + P + L);
        } else {
            r00.intoArray(out, at + 0 * ld);
            r01.intoArray(out, at + 0 * ld + L);
            r02.intoArray(out, at + 0 * ld + P);
            r03.intoArray(out, at + 0 * ld + P + L);
            r10.intoArray(out, at + 1 * ld);
            r11.intoArray(out, at + 1 * ld + L);
            r12.intoArray(out, at + 1 * ld + P);
            r13.intoArray(out, at + 1 * ld + P + L);
            r20.intoArray(out, at + 2 * ld);
            r21.intoArray(out, at + 2 * ld + L);
            r22.intoArray(out, at + 2 * ld + P);
            r23.intoArray(out, at + 2 * ld + P + L);
            r30.intoArray(out, at + 3 * ld);
            r31.intoArray(out, at + 3 * ld + L);
            r32.intoArray(out, at + 3 * ld + P);
            r33.intoArray(out, at + 3 * ld + P + L);
            r40.intoArray(out, at + 4 * ld);
            r41.intoArray(out, at + 4 * ld + L);
            r42.intoArray(out, at + 4 * ld + P);
            r43.intoArray(out, at + 4 * ld + P + L);
            r50.intoArray(out, at + 5 * ld);
            r51.intoArray(out, at + 5 * ld + L);
            r52.intoArray(out, at + 5 * ld + P);
            r53.intoArray(out, at + 5 * ld + P + L);
        }
    }
}
