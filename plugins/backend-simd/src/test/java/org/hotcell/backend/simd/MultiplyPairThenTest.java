package org.hotcell.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcell.backend.simd.SimdBackendDifferentialTest.abs;
import static org.hotcell.backend.simd.SimdBackendDifferentialTest.randoms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.backend.WeightStorage;
import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code multiplyPairThen}, a recurrent step's input product, bias and recurrent product in one call: the sum of
 * the reference backend's three calls; every unit handed out once, its columns final by then; the bits of the
 * SIMD backend's own three calls wherever those do not depend on how the panels are grouped (several rows, or
 * compact weights); and shapes that do not fit refused by name.
 */
class MultiplyPairThenTest {
    private static final Backend REFERENCE = new ReferenceBackend();

    static Stream<Arguments> shapes() {
        // (storage, m, groups, units, input columns, hidden columns, threads):
        // - the 25 x 32 x 512 LSTM step, W and R 4 MiB each: chunks on a machine with L2 below 4 MiB per core;
        // - the cells' per-step scenario (18 streams, H = 64, I = 7): fixed shares;
        // - one streaming step, and one at 3 threads (fixed shares, both pass directions turned);
        // - 48 units (a whole number of panels with AVX2 only), units off a panel edge, one thread: three calls;
        // - bf16 and int8 weights, several rows and one.
        WeightStorage fp32 = WeightStorage.FP32;
        return Stream.of(Arguments.of(fp32, 32, 4, 512, 512, 512, 2), Arguments.of(fp32, 18, 4, 64, 7, 64, 2),
                Arguments.of(fp32, 1, 4, 256, 128, 256, 2), Arguments.of(fp32, 1, 1, 160, 20, 160, 3),
                Arguments.of(fp32, 5, 3, 48, 30, 48, 2), Arguments.of(fp32, 4, 4, 40, 9, 40, 2),
                Arguments.of(fp32, 9, 4, 64, 64, 64, 1), Arguments.of(WeightStorage.BF16, 16, 4, 64, 50, 64, 2),
                Arguments.of(WeightStorage.BF16, 1, 4, 64, 50, 64, 2), Arguments.of(WeightStorage.INT8, 16, 4, 64,
                        50, 64, 2), Arguments.of(WeightStorage.INT8, 1, 4, 128, 50, 128, 2));
    }

    @ParameterizedTest(name = "{0} m={1} groups={2} units={3} I={4} H={5} threads={6}")
    @MethodSource("shapes")
    void sumsBothProductsAndTheBiasAndHandsOutEveryUnitOnceWithItsColumnsFinal(
            WeightStorage storage, int m, int groups, int units, int inputCols, int hiddenCols, int threads) {
        SplittableRandom random = new SplittableRandom(m * 7919L + units * 31L + inputCols);
        int rows = groups * units;
        int ldx = inputCols + 3;
        int ldh = hiddenCols + 1;
        int ldy = rows + 2;
        float[] w = randoms(random, rows * inputCols);
        float[] r = randoms(random, rows * hiddenCols);
        float[] bias = randoms(random, rows + 5);
        int biasOff = 5;
        float[] x = randoms(random, m * ldx);
        float[] h = randoms(random, m * ldh);
        float[] start = randoms(random, m * ldy);

        Backend simd = SimdBackend.withThreadCount(threads).withWeightStorage(storage);
        PackedMatrix packedW = simd.pack(w, 0, rows, inputCols);
        PackedMatrix packedR = simd.pack(r, 0, rows, hiddenCols);
        float[] y = start.clone();
        AtomicIntegerArray handedOut = new AtomicIntegerArray(units);
        List<String> wrong = new CopyOnWriteArrayList<>();
        // Several rows sum each element as the backend's own three calls do, however the panels are grouped, and
        // compact weights do at any m: there the bits must match. fp32 at one row groups its four-panel sets
        // differently (see SimdBackendDifferentialTest's single-row test): there the reference's sum to rounding.
        boolean sameBits = m > 1 || storage != WeightStorage.FP32;
        float[] expected = sameBits
                ? threeCalls(simd, x, ldx, packedW, bias, biasOff, h, ldh, packedR, m, start, ldy, groups)
                : threeCalls(REFERENCE, x, ldx, REFERENCE.pack(w, 0, rows, inputCols), bias, biasOff, h, ldh,
                        REFERENCE.pack(r, 0, rows, hiddenCols), m, start, ldy, groups);
        float[] magnitude = threeCalls(REFERENCE, abs(x), ldx, REFERENCE.pack(abs(w), 0, rows, inputCols), abs(bias),
                biasOff, abs(h), ldh, REFERENCE.pack(abs(r), 0, rows, hiddenCols), m, new float[m * ldy], ldy, groups);
        simd.multiplyPairThen(x, 0, ldx, packedW, bias, biasOff, h, 0, ldh, packedR, m, y, 0, ldy, groups,
                (from, to) -> {
                    for (int u = from; u < to; u++) {
                        handedOut.incrementAndGet(u);
                        for (int i = 0; i < m; i++) {
                            for (int g = 0; g < groups; g++) {
                                int at = i * ldy + g * units + u;
                                double bound = sameBits ? 0 : 1e-5 * magnitude[at] + 1e-30;
                                if (!(Math.abs((double) y[at] - expected[at]) <= bound)) {
                                    wrong.add("row " + i + " column " + (g * units + u) + ": " + y[at]
                                            + " when handed out, " + expected[at] + " expected");
                                }
                            }
                        }
                    }
                });
        assertThat(wrong).as("columns not final (or wrong) when handed out").isEmpty();
        for (int u = 0; u < units; u++) {
            assertThat(handedOut.get(u)).as("times unit %d was handed out", u).isEqualTo(1);
        }
        // Y's padding between rows is left alone.
        for (int i = 0; i < m; i++) {
            for (int j = rows; j < ldy; j++) {
                assertThat(y[i * ldy + j]).as("padding of row %d", i).isEqualTo(start[i * ldy + j]);
            }
        }
    }

    /**
     * Callers sharing one 2-thread backend: whoever finds the team busy computes its step alone (the whole
     * product, the bias, then the unit task over all units), and every caller still gets the bits of the three
     * calls.
     */
    @Test
    void callersSharingTheBackendGetTheBitsOfTheThreeCallsWhetherTheTeamIsFreeOrNot() throws Exception {
        // W and R of 2 MiB each: chunked where a core's L2 is below 2 MiB, as on every machine measured so far.
        int m = 32;
        int groups = 4;
        int units = 256;
        int rows = groups * units;
        int cols = 512;
        SplittableRandom random = new SplittableRandom(42);
        float[] w = randoms(random, rows * cols);
        float[] r = randoms(random, rows * cols);
        float[] bias = randoms(random, rows);
        Backend simd = SimdBackend.withThreadCount(2);
        PackedMatrix packedW = simd.pack(w, 0, rows, cols);
        PackedMatrix packedR = simd.pack(r, 0, rows, cols);
        int callers = 4;
        float[][] x = new float[callers][];
        float[][] h = new float[callers][];
        float[][] expected = new float[callers][];
        for (int c = 0; c < callers; c++) {
            x[c] = randoms(random, m * cols);
            h[c] = randoms(random, m * cols);
            expected[c] = threeCalls(simd, x[c], cols, packedW, bias, 0, h[c], cols, packedR, m, new float[m * rows],
                    rows, groups);
        }
        List<String> wrong = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        float[] y = new float[m * rows];
                        AtomicIntegerArray handedOut = new AtomicIntegerArray(units);
                        simd.multiplyPairThen(x[caller], 0, cols, packedW, bias, 0, h[caller], 0, cols, packedR, m, y,
                                0, rows, groups, (from, to) -> {
                                    for (int u = from; u < to; u++) {
                                        handedOut.incrementAndGet(u);
                                    }
                                });
                        if (!Arrays.equals(y, expected[caller])) {
                            wrong.add("caller " + caller + " round " + round + ": not the bits of the three calls");
                        }
                        for (int u = 0; u < units; u++) {
                            if (handedOut.get(u) != 1) {
                                wrong.add("caller " + caller + " round " + round + ": unit " + u + " handed out "
                                        + handedOut.get(u) + " times");
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void refusesWeightsOfDifferentRowsAndAShortBiasOnEveryBackend() {
        for (Backend backend : new Backend[] {REFERENCE, SimdBackend.withThreadCount(2)}) {
            PackedMatrix w = backend.pack(new float[128 * 8], 0, 128, 8);
            PackedMatrix r = backend.pack(new float[128 * 32], 0, 128, 32);
            PackedMatrix narrowR = backend.pack(new float[64 * 32], 0, 64, 32);
            float[] y = new float[2 * 128];
            assertThatThrownBy(() -> backend.multiplyPairThen(new float[16], 0, 8, w, new float[128], 0,
                    new float[64], 0, 32, narrowR, 2, y, 0, 128, 4, (from, to) -> { }))
                    .as(backend.name()).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("W has 128 rows and R 64");
            assertThatThrownBy(() -> backend.multiplyPairThen(new float[16], 0, 8, w, new float[130], 3,
                    new float[64], 0, 32, r, 2, y, 0, 128, 4, (from, to) -> { }))
                    .as(backend.name()).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("bias of 128 floats at offset 3");
            assertThatThrownBy(() -> backend.multiplyPairThen(new float[16], 0, 8, w, new float[128], 0,
                    new float[63], 0, 32, r, 2, y, 0, 128, 4, (from, to) -> { }))
                    .as(backend.name()).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("63");
            assertThat(y).as("%s: nothing written", backend.name()).containsOnly(0f);
        }
    }

    /** {@code multiply}, {@code addRowVector} and {@code multiplyThen} into a copy of start. */
    private static float[] threeCalls(Backend backend, float[] x, int ldx, PackedMatrix w, float[] bias, int biasOff,
                                      float[] h, int ldh, PackedMatrix r, int m, float[] start, int ldy, int groups) {
        float[] y = start.clone();
        backend.multiply(x, 0, ldx, m, w, y, 0, ldy, false);
        backend.addRowVector(y, 0, ldy, m, w.rows(), bias, biasOff);
        backend.multiplyThen(h, 0, ldh, m, r, y, 0, ldy, true, groups, (from, to) -> { });
        return y;
    }
}
