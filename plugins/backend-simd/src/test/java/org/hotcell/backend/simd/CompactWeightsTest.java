package org.hotcell.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.lowp.Bf16;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.WeightStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD backend's bf16 and int8 weight storage against a scalar oracle in double precision, held to two
 * bounds per element of {@code Y = X . W^T} (plus Y's old value when accumulating):
 *
 * <ul>
 *   <li>against the stored weights themselves (each weight rounded to bf16, or quantized with its row's scale,
 *       by the oracle's own code): only float accumulation differs, so {@code |err| <= (k + 3) u (S' + |y0|)}
 *       with {@code S' = sum_k |w'_k x_k|} and u = 2^-24 (the classic bound for a sum of k products, one more
 *       rounding for int8's scale and one for adding y0);</li>
 *   <li>against the float32 weights: the storage's rounding of each weight on top, {@code sum_k |w_k x_k|
 *       2^-8} for bf16 and {@code (max_k |w_k| / 254) sum_k |x_k|} for int8 (half a quantization step per
 *       weight), plus the same accumulation term.</li>
 * </ul>
 */
class CompactWeightsTest {
    private static final double U = 0x1p-24;

    static Stream<Arguments> products() {
        Stream.Builder<Arguments> cases = Stream.builder();
        // (m, rows of W, cols of W): batch 1, 3, 4 and 32 and a ragged 5; W's rows one short of a panel, a panel
        // plus one, several panels and a tail; odd and even k; shapes big enough to split between threads.
        int[][] shapes = {{1, 1, 1}, {1, 31, 7}, {1, 33, 300}, {1, 1024, 256}, {1, 200, 129}, {3, 65, 257},
                {4, 64, 256}, {5, 97, 513}, {32, 70, 1024}, {32, 256, 200}, {33, 40, 600}, {200, 130, 40},
                // A too big to keep whole: k in blocks of 512, the last one even or odd (1025 ends on one step),
                // rows across the 192-row block.
                {40, 50, 1000}, {40, 50, 1025}, {197, 70, 777}};
        for (WeightStorage storage : new WeightStorage[] {WeightStorage.BF16, WeightStorage.INT8}) {
            for (int[] s : shapes) {
                for (int threads = 1; threads <= 2; threads++) {
                    cases.add(Arguments.of(storage, s[0], s[1], s[2], threads, threads == 2));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} m={1} W={2}x{3} threads={4} accumulate={5}")
    @MethodSource("products")
    void multiplyIsWithinBothBounds(WeightStorage storage, int m, int rows, int cols, int threads,
                                    boolean accumulate) {
        SplittableRandom random = new SplittableRandom(m * 7919L + rows * 31L + cols);
        float[] w = uniform(random, rows * cols, 1f);
        int ldx = cols + 3;
        int ldy = rows + 2;
        float[] x = uniform(random, m * ldx, 1f);
        float[] y0 = uniform(random, m * ldy, 4f);
        Backend backend = SimdBackend.withThreadCount(threads).withWeightStorage(storage);
        PackedMatrix packed = backend.pack(w, 0, rows, cols);
        float[] y = y0.clone();
        backend.multiply(x, 0, ldx, m, packed, y, 0, ldy, accumulate);
        check(storage, w, rows, cols, x, ldx, m, y0, y, ldy, accumulate);
        // Padding of Y between rows is not touched.
        for (int i = 0; i < m; i++) {
            for (int j = rows; j < ldy && i * ldy + j < y.length; j++) {
                assertThat(y[i * ldy + j]).isEqualTo(y0[i * ldy + j]);
            }
        }
    }

    @ParameterizedTest(name = "{0} m={1} threads={2}")
    @MethodSource("groupedCases")
    void multiplyThenGivesMultiplysBitsAndVisitsEveryUnitOnce(WeightStorage storage, int m, int threads,
                                                             boolean accumulate) {
        int groups = 4;
        int units = 64;
        int rows = groups * units;
        int cols = 200;
        SplittableRandom random = new SplittableRandom(m * 13L + threads);
        float[] w = uniform(random, rows * cols, 0.1f);
        float[] x = uniform(random, m * cols, 1f);
        float[] y0 = uniform(random, m * rows, 1f);
        Backend backend = SimdBackend.withThreadCount(threads).withWeightStorage(storage);
        PackedMatrix packed = backend.pack(w, 0, rows, cols);
        float[] plain = y0.clone();
        backend.multiply(x, 0, cols, m, packed, plain, 0, rows, accumulate);
        float[] grouped = y0.clone();
        AtomicIntegerArray visits = new AtomicIntegerArray(units);
        backend.multiplyThen(x, 0, cols, m, packed, grouped, 0, rows, accumulate, groups, (from, to) -> {
            for (int u = from; u < to; u++) {
                visits.incrementAndGet(u);
            }
        });
        assertThat(grouped).containsExactly(plain);
        for (int u = 0; u < units; u++) {
            assertThat(visits.get(u)).as("unit %d", u).isEqualTo(1);
        }
        check(storage, w, rows, cols, x, cols, m, y0, grouped, rows, accumulate);
    }

    static Stream<Arguments> groupedCases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (WeightStorage storage : new WeightStorage[] {WeightStorage.BF16, WeightStorage.INT8}) {
            for (int m : new int[] {1, 3, 4, 32}) {
                for (int threads = 1; threads <= 2; threads++) {
                    cases.add(Arguments.of(storage, m, threads, m % 2 == 1));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} m={1}")
    @MethodSource("untransposedCases")
    void multiplyUntransposedUsesTheStoredWeights(WeightStorage storage, int m, int threads) {
        int rows = 70;
        int cols = 45;
        SplittableRandom random = new SplittableRandom(m + 100L * threads);
        float[] w = uniform(random, rows * cols, 1f);
        float[] x = uniform(random, m * rows, 1f);
        Backend backend = SimdBackend.withThreadCount(threads).withWeightStorage(storage);
        PackedMatrix packed = backend.pack(w, 0, rows, cols);
        float[] y = new float[m * cols];
        // Twice: the second product by W itself with several rows goes through a kept transpose.
        for (int round = 0; round < 2; round++) {
            backend.multiplyUntransposed(x, 0, rows, m, packed, y, 0, cols, false);
            double[] stored = stored(storage, w, rows, cols);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < cols; j++) {
                    double exact = 0;
                    double magnitude = 0;
                    for (int r = 0; r < rows; r++) {
                        exact += x[i * rows + r] * stored[r * cols + j];
                        magnitude += Math.abs(x[i * rows + r] * stored[r * cols + j]);
                    }
                    assertThat(Math.abs(y[i * cols + j] - exact)).isLessThanOrEqualTo((rows + 3) * U * magnitude);
                }
            }
        }
    }

    static Stream<Arguments> untransposedCases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (WeightStorage storage : new WeightStorage[] {WeightStorage.BF16, WeightStorage.INT8}) {
            for (int m : new int[] {1, 3, 32}) {
                cases.add(Arguments.of(storage, m, 1 + m % 2));
            }
        }
        return cases.build();
    }

    /** The bounds can fail: the compact products really differ from float32 ones, by more than rounding. */
    @ParameterizedTest
    @EnumSource(value = WeightStorage.class, names = {"BF16", "INT8"})
    void theStorageIsReallyUsed(WeightStorage storage) {
        int rows = 256;
        int cols = 256;
        SplittableRandom random = new SplittableRandom(3);
        float[] w = uniform(random, rows * cols, 1f);
        float[] x = uniform(random, cols, 1f);
        SimdBackend fp32 = SimdBackend.withThreadCount(1);
        float[] exact = new float[rows];
        fp32.multiply(x, 0, cols, 1, fp32.pack(w, 0, rows, cols), exact, 0, rows, false);
        Backend compact = fp32.withWeightStorage(storage);
        float[] got = new float[rows];
        compact.multiply(x, 0, cols, 1, compact.pack(w, 0, rows, cols), got, 0, rows, false);
        double worst = 0;
        for (int i = 0; i < rows; i++) {
            worst = Math.max(worst, Math.abs(got[i] - exact[i]));
        }
        // Float rounding alone stays below 1e-5 here (|y| ~ 10); bf16's 2^-8 and int8's 1/254 do not.
        assertThat(worst).isGreaterThan(1e-4);
    }

    @Test
    void theVariantKeepsItsThreadsAndSaysWhatItStores() {
        SimdBackend base = SimdBackend.withThreadCount(2);
        Backend bf16 = base.withWeightStorage(WeightStorage.BF16);
        assertThat(bf16.weightStorage()).isEqualTo(WeightStorage.BF16);
        assertThat(bf16.describe()).endsWith("2 threads (awake 20 ms after work, " + SimdBackendDifferentialTest.PLACED
                + "), bf16 weights");
        // Compact panels have no two-panel or six-row kernel: their tiles stay four rows by one panel on every CPU.
        assertThat(bf16.describe()).contains("4x" + Lanes.PANEL + " tiles, ");
        assertThat(bf16.addsInPlace()).isFalse();
        assertThat(bf16.name()).isEqualTo("simd");
        Backend oneThread = bf16.withThreads(1);
        assertThat(oneThread.weightStorage()).isEqualTo(WeightStorage.BF16);
        assertThat(oneThread.describe()).endsWith("1 thread, bf16 weights");
        Backend int8 = oneThread.withWeightStorage(WeightStorage.INT8);
        assertThat(int8.describe()).endsWith("1 thread, int8 weights");
        Backend fp32 = int8.withWeightStorage(WeightStorage.FP32);
        assertThat(fp32.weightStorage()).isEqualTo(WeightStorage.FP32);
        assertThat(fp32.addsInPlace()).isTrue();
        assertThat(fp32.describe()).doesNotContain("weights");
        assertThat(base.withWeightStorage(WeightStorage.FP32)).isSameAs(base);
    }

    @ParameterizedTest
    @EnumSource(value = WeightStorage.class, names = {"BF16", "INT8"})
    void compactWeightsAreNotUpdatedInPlace(WeightStorage storage) {
        Backend backend = SimdBackend.withThreadCount(1).withWeightStorage(storage);
        PackedMatrix packed = backend.pack(new float[6], 0, 2, 3);
        assertThatThrownBy(() -> backend.addTo(packed, 1f, new float[6], 0))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(storage.spelling() + " weights")
                .hasMessageContaining("rebuild the cell");
    }

    /** The stored value of every weight, computed here independently of the packing code. */
    static double[] stored(WeightStorage storage, float[] w, int rows, int cols) {
        double[] stored = new double[w.length];
        for (int r = 0; r < rows; r++) {
            float max = 0;
            for (int k = 0; k < cols; k++) {
                max = Math.max(max, Math.abs(w[r * cols + k]));
            }
            float scale = max / 127f;
            for (int k = 0; k < cols; k++) {
                float v = w[r * cols + k];
                stored[r * cols + k] = switch (storage) {
                    case FP32 -> v;
                    case BF16 -> Bf16.round(v);
                    case INT8 -> scale == 0 ? 0 : Math.max(-127, Math.min(127, Math.rint(v / (double) scale)))
                            * (double) scale;
                };
            }
        }
        return stored;
    }

    private static void check(WeightStorage storage, float[] w, int rows, int cols, float[] x, int ldx, int m,
                              float[] y0, float[] y, int ldy, boolean accumulate) {
        double[] stored = stored(storage, w, rows, cols);
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < rows; r++) {
                double start = accumulate ? y0[i * ldy + r] : 0;
                double onStored = start;
                double onFloat = start;
                double magnitudeStored = Math.abs(start);
                double magnitudeFloat = 0;
                double rowMax = 0;
                double sumX = 0;
                for (int k = 0; k < cols; k++) {
                    double xv = x[i * ldx + k];
                    onStored += stored[r * cols + k] * xv;
                    onFloat += w[r * cols + k] * xv;
                    magnitudeStored += Math.abs(stored[r * cols + k] * xv);
                    magnitudeFloat += Math.abs(w[r * cols + k] * xv);
                    rowMax = Math.max(rowMax, Math.abs(w[r * cols + k]));
                    sumX += Math.abs(xv);
                }
                double accumulation = (cols + 3) * U * magnitudeStored;
                double got = y[i * ldy + r];
                String at = "Y[" + i + ", " + r + "]";
                assertThat(Math.abs(got - onStored)).as(at + " against the stored weights")
                        .isLessThanOrEqualTo(accumulation);
                double storageError = storage == WeightStorage.BF16 ? magnitudeFloat * 0x1p-8 : rowMax / 254 * sumX;
                assertThat(Math.abs(got - onFloat)).as(at + " against the float32 weights")
                        .isLessThanOrEqualTo(storageError * (1 + 1e-6) + accumulation);
            }
        }
    }

    private static float[] uniform(SplittableRandom random, int length, float scale) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }
}
