package org.hotcell.backend.simd.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import org.hotcell.core.backend.Matrices;

/**
 * {@code M += alpha * D} on a {@link PanelMatrix}, panel range by panel range (disjoint ranges may run on
 * different threads): a training step's update of packed weights, in place of packing them again. Element
 * (r, k) of D is {@code d[off + r*rowStride + k*colStride]}, as in {@link PanelMatrix#fill}.
 *
 * <p>Every element becomes {@code m + alpha * d}, the product rounded to float and then the sum, never a fused
 * multiply-add: that is the expression the master copy of the weights is updated with, so the packed copy stays
 * bitwise equal to a packing of the master. (IEEE addition and multiplication are commutative, so the vector
 * form {@code (d * alpha) + m} gives the same bits.) Lanes past a ragged panel's last row stay zero.
 *
 * <p>A memory-bound pass, read D and the matrix, write the matrix:
 * <ul>
 * <li>D's panel rows adjacent ({@code rowStride == 1}, the cached transpose of a row-major W): each k step of a
 *     panel is a contiguous run of D, two plain vector loads.
 * <li>D's panel rows apart (W itself, D row-major): a panel's k step takes one float from each of PANEL rows
 *     of D, a transpose, done L x L floats at a time in registers and L1 ({@link #addFromRows}).
 * </ul>
 */
public final class PanelUpdate {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;

    private PanelUpdate() {
    }

    /** Panels {@code [panelFrom, panelTo)} of {@code m} += alpha * D. */
    public static void add(PanelMatrix m, float alpha, float[] d, int off, int rowStride, int colStride,
                           int panelFrom, int panelTo) {
        if (rowStride == 1) {
            addFromColumns(m, alpha, d, off, colStride, panelFrom, panelTo);
        } else {
            addFromRows(m, alpha, d, off, rowStride, colStride, panelFrom, panelTo,
                    new float[2 * Lanes.LENGTH * Lanes.LENGTH]);
        }
    }

    private static void addFromColumns(PanelMatrix m, float alpha, float[] d, int off, int colStride,
                                       int panelFrom, int panelTo) {
        float[] data = m.data();
        int cols = m.cols();
        for (int q = panelFrom; q < panelTo; q++) {
            int width = m.panelWidth(q);
            int base = m.panelOffset(q);
            int first = off + q * Lanes.PANEL;
            if (width == Lanes.PANEL) {
                for (int k = 0; k < cols; k++) {
                    int src = first + k * colStride;
                    int dst = base + k * Lanes.PANEL;
                    addVector(alpha, d, src, data, dst);
                    addVector(alpha, d, src + Lanes.LENGTH, data, dst + Lanes.LENGTH);
                }
            } else {
                for (int k = 0; k < cols; k++) {
                    int src = first + k * colStride;
                    int dst = base + k * Lanes.PANEL;
                    for (int j = 0; j < width; j++) {
                        data[dst + j] = data[dst + j] + alpha * d[src + j];
                    }
                }
            }
        }
    }

    /**
     * {@link #add} for a row-major D ({@code rows x cols} from {@code dOff}), and, when {@code master} is not null,
     * the same update of the row-major master copy the matrix was packed from (from {@code masterOff}), panel by
     * panel. A panel's rows of D are one contiguous block, which the master's update reads front to back: done
     * first, it brings the block into cache as a plain stream, and the transposing update of the panel then reads
     * it from there. In the other order the transpose is the first to touch D, one line from each of PANEL rows at
     * a time, more streams than the hardware prefetcher follows. Measured on Zen 5 (1 thread, same JVM, calls
     * alternating): 2048 x 512 0.85-0.88x the time, 4096 x 1024 0.75x; 1024 x 256, which stays in cache, 1.0x. A
     * whole SGD training step (bench's layers, steps alternating): LSTM 25x1x512 0.91-0.93x, 25x1x1024 0.87-0.91x,
     * 25x32x512 0.95-0.96x, GRU 100x1x256 0.99x, at 1 and 2 threads.
     */
    public static void addWithMaster(PanelMatrix m, float alpha, float[] d, int dOff, float[] master, int masterOff,
                                     int panelFrom, int panelTo) {
        int cols = m.cols();
        float[] scratch = new float[2 * Lanes.LENGTH * Lanes.LENGTH];
        for (int q = panelFrom; q < panelTo; q++) {
            if (master != null) {
                addRows(alpha, d, dOff, master, masterOff, cols, q * Lanes.PANEL,
                        Math.min(m.rows(), (q + 1) * Lanes.PANEL));
            }
            addFromRows(m, alpha, d, dOff, cols, 1, q, q + 1, scratch);
        }
    }

    /**
     * {@code master[row r] += alpha * d[row r]} for rows {@code [rowFrom, rowTo)} of two row-major matrices of
     * {@code cols} columns, with the same expression as the panels: {@code m + alpha * d}, never fused.
     */
    private static void addRows(float alpha, float[] d, int dOff, float[] master, int masterOff, int cols, int rowFrom,
                                int rowTo) {
        int from = rowFrom * cols;
        int to = rowTo * cols;
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            addVector(alpha, d, dOff + i, master, masterOff + i);
        }
        Matrices.addScaled(alpha, d, dOff + i, master, masterOff + i, to - i);
    }

    private static void addVector(float alpha, float[] d, int src, float[] data, int dst) {
        FloatVector.fromArray(S, d, src).mul(alpha).add(FloatVector.fromArray(S, data, dst)).intoArray(data, dst);
    }

    /**
     * Zips of two vectors: lanes 0, L, 1, L+1, ... of their halves (low or high) interleaved. {@code log2(L)}
     * rounds of zipping row i with row i + L/2 transpose an L x L block (the perfect-shuffle transpose), for
     * any lane count. In a class of their own so that they are made only when first used.
     */
    private static final class Zips {
        static final VectorShuffle<Float> LO = zip(0);
        static final VectorShuffle<Float> HI = zip(Lanes.LENGTH / 2);

        private Zips() {
        }

        private static VectorShuffle<Float> zip(int from) {
            int[] lanes = new int[Lanes.LENGTH];
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = from + i / 2 + (i % 2 == 0 ? 0 : Lanes.LENGTH);
            }
            return VectorShuffle.fromArray(S, lanes, 0);
        }
    }

    /**
     * Each full panel in blocks of L x L (L = {@link Lanes#LENGTH}: L rows of D, L k steps), transposed in L1
     * ({@link #transposeBlock}) and added with plain vector loads and stores; the k steps past the last full
     * block, and ragged panels, float by float. Gathering one float per row instead ran at about 3.7 cycles per
     * float here (1.6 ms for 2048 x 512, as long as packing it).
     */
    private static void addFromRows(PanelMatrix m, float alpha, float[] d, int off, int rowStride, int colStride,
                                    int panelFrom, int panelTo, float[] scratch) {
        float[] data = m.data();
        int cols = m.cols();
        int lanes = Lanes.LENGTH;
        boolean blocks = colStride == 1;
        for (int q = panelFrom; q < panelTo; q++) {
            int width = m.panelWidth(q);
            int base = m.panelOffset(q);
            int first = off + q * Lanes.PANEL * rowStride;
            int kFrom = 0;
            if (blocks && width == Lanes.PANEL) {
                kFrom = cols - cols % lanes;
                for (int k0 = 0; k0 < kFrom; k0 += lanes) {
                    for (int half = 0; half < 2; half++) {
                        int t = transposeBlock(d, first + half * lanes * rowStride + k0, rowStride, scratch);
                        int dst = base + k0 * Lanes.PANEL + half * lanes;
                        for (int k = 0; k < lanes; k++, dst += Lanes.PANEL) {
                            addVector(alpha, scratch, t + k * lanes, data, dst);
                        }
                    }
                }
            }
            for (int k = kFrom; k < cols; k++) {
                int src = first + k * colStride;
                int dst = base + k * Lanes.PANEL;
                for (int j = 0; j < width; j++) {
                    data[dst + j] = data[dst + j] + alpha * d[src + j * rowStride];
                }
            }
        }
    }

    /**
     * Transposes the L x L block of rows {@code d[src + j*rowStride ..]} into {@code scratch} and returns where
     * it starts there: row k of the result holds the block's column k. The first round reads D, the others
     * ping-pong between the two halves of {@code scratch}.
     */
    private static int transposeBlock(float[] d, int src, int rowStride, float[] scratch) {
        int lanes = Lanes.LENGTH;
        int half = lanes / 2;
        VectorShuffle<Float> lo = Zips.LO;
        VectorShuffle<Float> hi = Zips.HI;
        int out = 0;
        for (int i = 0; i < half; i++) {
            FloatVector a = FloatVector.fromArray(S, d, src + i * rowStride);
            FloatVector b = FloatVector.fromArray(S, d, src + (i + half) * rowStride);
            a.rearrange(lo, b).intoArray(scratch, out + 2 * i * lanes);
            a.rearrange(hi, b).intoArray(scratch, out + (2 * i + 1) * lanes);
        }
        for (int round = lanes / 2; round > 1; round /= 2) {
            int in = out;
            out = lanes * lanes - in;
            for (int i = 0; i < half; i++) {
                FloatVector a = FloatVector.fromArray(S, scratch, in + i * lanes);
                FloatVector b = FloatVector.fromArray(S, scratch, in + (i + half) * lanes);
                a.rearrange(lo, b).intoArray(scratch, out + 2 * i * lanes);
                a.rearrange(hi, b).intoArray(scratch, out + (2 * i + 1) * lanes);
            }
        }
        return out;
    }
}
