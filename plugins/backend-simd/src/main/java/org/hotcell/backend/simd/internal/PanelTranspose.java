package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packs one full panel from 16 rows of a row-major W with 8-lane vectors: 8 k steps of 8 rows are loaded as
 * 8 vectors, transposed in registers (three rounds of two-vector shuffles) and stored as 8 half rows of the
 * panel. Packing a panel is a transpose, and done one float at a time it ran at about 3 cycles per float
 * (1.1 ms for 2048 x 512, every training step packs two such matrices); this runs about twice as fast,
 * measured on 2048 x 512 and 256 x 256 on this AVX2 machine.
 *
 * <p>Only for 8-lane species (256-bit vectors, the AVX2 default): other widths pack float by float.
 */
final class PanelTranspose {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;

    /**
     * The shuffles, in a class of their own: they are written for 8 lanes and would fail to build for another
     * width, so they must not be created when {@link #applies()} is asked (which initialises this class) on a
     * JVM whose species has 4 or 16 lanes ({@code hotcell.simd.bits}).
     */
    private static final class Shuffles {
        /** Lanes 0, 1, 4, 5 of two vectors, interleaved: the first round of an 8 x 8 transpose. */
        static final VectorShuffle<Float> PAIR_LO = VectorShuffle.fromValues(S, 0, 8, 1, 9, 4, 12, 5, 13);
        static final VectorShuffle<Float> PAIR_HI = VectorShuffle.fromValues(S, 2, 10, 3, 11, 6, 14, 7, 15);
        static final VectorShuffle<Float> QUAD_LO = VectorShuffle.fromValues(S, 0, 1, 8, 9, 4, 5, 12, 13);
        static final VectorShuffle<Float> QUAD_HI = VectorShuffle.fromValues(S, 2, 3, 10, 11, 6, 7, 14, 15);
        static final VectorShuffle<Float> HALF_LO = VectorShuffle.fromValues(S, 0, 1, 2, 3, 8, 9, 10, 11);
        static final VectorShuffle<Float> HALF_HI = VectorShuffle.fromValues(S, 4, 5, 6, 7, 12, 13, 14, 15);

        private Shuffles() {
        }
    }

    private PanelTranspose() {
    }

    /** Whether this packing runs with the JVM's species. */
    static boolean applies() {
        return Lanes.LENGTH == 8;
    }

    /**
     * Fills k steps {@code [0, roundDown(cols, 8))} of the panel at {@code data[base]} from the 16 rows starting
     * at {@code w[first]}, {@code rowStride} apart, each row's k steps adjacent; returns the first k step left
     * for the caller.
     */
    static int fill(float[] w, int first, int rowStride, int cols, float[] data, int base) {
        VectorShuffle<Float> pairLo = Shuffles.PAIR_LO;
        VectorShuffle<Float> pairHi = Shuffles.PAIR_HI;
        VectorShuffle<Float> quadLo = Shuffles.QUAD_LO;
        VectorShuffle<Float> quadHi = Shuffles.QUAD_HI;
        VectorShuffle<Float> halfLo = Shuffles.HALF_LO;
        VectorShuffle<Float> halfHi = Shuffles.HALF_HI;
        int full = cols & ~7;
        for (int half = 0; half < 2; half++) {
            int rows = first + half * 8 * rowStride;
            for (int k = 0; k < full; k += 8) {
                int s = rows + k;
                FloatVector a0 = FloatVector.fromArray(S, w, s);
                FloatVector a1 = FloatVector.fromArray(S, w, s + rowStride);
                FloatVector a2 = FloatVector.fromArray(S, w, s + 2 * rowStride);
                FloatVector a3 = FloatVector.fromArray(S, w, s + 3 * rowStride);
                FloatVector a4 = FloatVector.fromArray(S, w, s + 4 * rowStride);
                FloatVector a5 = FloatVector.fromArray(S, w, s + 5 * rowStride);
                FloatVector a6 = FloatVector.fromArray(S, w, s + 6 * rowStride);
                FloatVector a7 = FloatVector.fromArray(S, w, s + 7 * rowStride);
                FloatVector t0 = a0.rearrange(pairLo, a1);
                FloatVector t1 = a0.rearrange(pairHi, a1);
                FloatVector t2 = a2.rearrange(pairLo, a3);
                FloatVector t3 = a2.rearrange(pairHi, a3);
                FloatVector t4 = a4.rearrange(pairLo, a5);
                FloatVector t5 = a4.rearrange(pairHi, a5);
                FloatVector t6 = a6.rearrange(pairLo, a7);
                FloatVector t7 = a6.rearrange(pairHi, a7);
                FloatVector u0 = t0.rearrange(quadLo, t2);
                FloatVector u1 = t0.rearrange(quadHi, t2);
                FloatVector u2 = t1.rearrange(quadLo, t3);
                FloatVector u3 = t1.rearrange(quadHi, t3);
                FloatVector u4 = t4.rearrange(quadLo, t6);
                FloatVector u5 = t4.rearrange(quadHi, t6);
                FloatVector u6 = t5.rearrange(quadLo, t7);
                FloatVector u7 = t5.rearrange(quadHi, t7);
                // Output j holds column k + j of the 8 rows: row r of the half at lane r.
                int d = base + k * Lanes.PANEL + half * 8;
                u0.rearrange(halfLo, u4).intoArray(data, d);
                u1.rearrange(halfLo, u5).intoArray(data, d + Lanes.PANEL);
                u2.rearrange(halfLo, u6).intoArray(data, d + 2 * Lanes.PANEL);
                u3.rearrange(halfLo, u7).intoArray(data, d + 3 * Lanes.PANEL);
                u0.rearrange(halfHi, u4).intoArray(data, d + 4 * Lanes.PANEL);
                u1.rearrange(halfHi, u5).intoArray(data, d + 5 * Lanes.PANEL);
                u2.rearrange(halfHi, u6).intoArray(data, d + 6 * Lanes.PANEL);
                u3.rearrange(halfHi, u7).intoArray(data, d + 7 * Lanes.PANEL);
            }
        }
        return full;
    }
}
