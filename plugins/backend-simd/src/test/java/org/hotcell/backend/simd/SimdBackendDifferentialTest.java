package org.hotcell.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

import org.hotcell.backend.simd.internal.CacheSizes;
import org.hotcell.backend.simd.internal.CpuAffinity;
import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.PanelMatrix;
import org.hotcell.backend.simd.internal.PanelPairKernel;
import org.hotcell.backend.simd.internal.SpinTeam;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD backend against the reference backend on the same inputs. Products are compared with an error
 * bound relative to their magnitude (the sum of |a*b| over k), 1e-5, since float sums in another order
 * differ by rounding only.
 */
class SimdBackendDifferentialTest {
    private static final ReferenceBackend REFERENCE = ReferenceBackend.instance();

    static Stream<Arguments> shapes() {
        SplittableRandom random = new SplittableRandom(11);
        Stream.Builder<Arguments> shapes = Stream.builder();
        // Edges of the tiling: single rows and columns, one short of a panel, panels plus one, k crossing the
        // 512-step k block once and twice, every remainder of the 4-row micro-panel, and row counts crossing the
        // 192-row A block once and twice; A of 32 x 1024 (one pass over k) and 33 x 1024 (k blocks).
        int[][] fixed = {{1, 1, 1}, {1, 31, 7}, {1, 33, 300}, {3, 32, 5}, {4, 64, 256}, {5, 65, 257},
                {6, 16, 9}, {7, 17, 513}, {8, 48, 255}, {95, 20, 40}, {96, 16, 256}, {100, 97, 3}, {97, 130, 129},
                {193, 33, 300}, {385, 20, 1025}, {1, 1024, 256}, {2, 4096, 64}, {32, 70, 1024}, {33, 40, 1024},
                // W too big for a thread's L2 share at 2 threads, so panels go out in chunks (A packed whole),
                // with ragged panels and rows crossing the A and k blocks.
                {200, 1100, 600}, {5, 2050, 700}, {1, 2050, 300}};
        for (int[] s : fixed) {
            shapes.add(Arguments.of(s[0], s[1], s[2], false, false, 1));
            shapes.add(Arguments.of(s[0], s[1], s[2], true, true, 2));
        }
        // A^T B with a narrow B (the outer-product path): a recurrent cell's weight gradients, dW = dG^T X and
        // dR = dG^T H over every row of every step, with n each side of the path's limits.
        int[][] narrow = {{64, 2, 800}, {64, 16, 800}, {96, 31, 33}, {1, 1, 5}, {128, 31, 1}, {17, 3, 2},
                {1024, 16, 40}, {1025, 16, 40}, {64, 32, 50}};
        for (int[] s : narrow) {
            shapes.add(Arguments.of(s[0], s[1], s[2], true, false, 1));
            shapes.add(Arguments.of(s[0], s[1], s[2], true, false, 2));
        }
        for (int i = 0; i < 24; i++) {
            shapes.add(Arguments.of(1 + random.nextInt(70), 1 + random.nextInt(150), 1 + random.nextInt(300),
                    random.nextBoolean(), random.nextBoolean(), 1 + random.nextInt(3)));
        }
        return shapes.build();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} threads={5}")
    @MethodSource("shapes")
    void gemmEqualsReference(int m, int n, int k, boolean transA, boolean transB, int threads) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * n + k);
        Backend simd = SimdBackend.withThreadCount(threads);
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        float[] a = randoms(random, 2 + (transA ? k : m) * lda);
        float[] b = randoms(random, 1 + (transB ? n : k) * ldb);
        float[] c = randoms(random, 4 + m * ldc);
        float[] expected = c.clone();
        float[] got = c.clone();
        float alpha = 1.5f;
        float beta = random.nextBoolean() ? 0f : -0.75f;

        REFERENCE.gemm(transA, transB, m, n, k, alpha, a, 2, lda, b, 1, ldb, beta, expected, 4, ldc);
        simd.gemm(transA, transB, m, n, k, alpha, a, 2, lda, b, 1, ldb, beta, got, 4, ldc);

        float[] magnitude = new float[got.length];
        float[] absA = abs(a);
        float[] absB = abs(b);
        REFERENCE.gemm(transA, transB, m, n, k, Math.abs(alpha), absA, 2, lda, absB, 1, ldb, 0f, magnitude, 4, ldc);
        assertClose(got, expected, magnitude, c, beta);
    }

    @ParameterizedTest(name = "m={0} rows={1} cols={2} threads={5}")
    @MethodSource("shapes")
    void packedMultiplyEqualsReferenceAndAccumulates(int m, int rows, int cols, boolean unused, boolean accumulate,
                                                     int threads) {
        SplittableRandom random = new SplittableRandom(rows * 131L + cols);
        Backend simd = SimdBackend.withThreadCount(threads);
        float[] w = randoms(random, 3 + rows * cols);
        int ldx = cols + 1;
        int ldy = rows + 5;
        float[] x = randoms(random, m * ldx);
        float[] y = randoms(random, 2 + m * ldy);
        PackedMatrix forSimd = simd.pack(w, 3, rows, cols);
        PackedMatrix forReference = REFERENCE.pack(w, 3, rows, cols);
        float[] expected = y.clone();
        float[] got = y.clone();

        REFERENCE.multiply(x, 0, ldx, m, forReference, expected, 2, ldy, accumulate);
        simd.multiply(x, 0, ldx, m, forSimd, got, 2, ldy, accumulate);

        float[] magnitude = new float[y.length];
        REFERENCE.multiply(abs(x), 0, ldx, m, REFERENCE.pack(abs(w), 3, rows, cols), magnitude, 2, ldy, false);
        assertClose(got, expected, magnitude, y, accumulate ? 1f : 0f);
    }

    /**
     * Y = X . W from the packed W: one row from W's panels; the first product of fewer rows than W has columns
     * with W's panels as the GEMM's A side (no transpose kept); later ones, and more rows, through a transpose
     * made then and kept with W (so a call that reuses it must give the same floats).
     */
    @ParameterizedTest(name = "m={0} rows={1} cols={2} accumulate={3} threads={5}")
    @MethodSource("shapes")
    void multiplyUntransposedEqualsReference(int m, int rows, int cols, boolean accumulate, boolean unused,
                                             int threads) {
        SplittableRandom random = new SplittableRandom(rows * 13L + cols * 5L + m);
        Backend simd = SimdBackend.withThreadCount(threads);
        // W is rows x cols at offset 3; X is m x rows (leading dimension rows + 2), Y m x cols (cols + 1) at 2.
        float[] w = randoms(random, 3 + rows * cols);
        int ldx = rows + 2;
        int ldy = cols + 1;
        float[] x = randoms(random, 1 + m * ldx);
        float[] y = randoms(random, 2 + m * ldy);
        float[] expected = y.clone();
        float[] got = y.clone();

        // The reference as X . (W^T)^T: the same sums, read along rows (its plain loops down W's columns are slow).
        PackedMatrix reference = REFERENCE.pack(transpose(w, 3, rows, cols), 0, cols, rows);
        REFERENCE.multiply(x, 1, ldx, m, reference, expected, 2, ldy, accumulate);
        PackedMatrix packed = simd.pack(w, 3, rows, cols);
        simd.multiplyUntransposed(x, 1, ldx, m, packed, got, 2, ldy, accumulate);

        float[] magnitude = new float[y.length];
        REFERENCE.multiply(abs(x), 1, ldx, m, REFERENCE.pack(transpose(abs(w), 3, rows, cols), 0, cols, rows),
                magnitude, 2, ldy, false);
        assertClose(got, expected, magnitude, y, accumulate ? 1f : 0f);

        PanelMatrix panels = (PanelMatrix) packed;
        boolean readPanels = m > 1 && m < cols;
        assertThat(panels.cachedTranspose()).as("a transpose kept after the first product").matches(
                t -> (t == null) == (m == 1 || readPanels));

        float[] again = y.clone();
        simd.multiplyUntransposed(x, 1, ldx, m, packed, again, 2, ldy, accumulate);
        assertThat(panels.cachedTranspose() != null).as("a transpose kept after the second product")
                .isEqualTo(m > 1);
        assertClose(again, expected, magnitude, y, accumulate ? 1f : 0f);
        if (readPanels) {
            // Both paths sum each element in the same order (same k blocks, same kernel order for a short last
            // tile), so a cell's backward pass gives the same bits before and after its transpose is kept.
            assertThat(again).as("the kept transpose gives the bits W's own panels gave").isEqualTo(got);
        }
        float[] third = y.clone();
        simd.multiplyUntransposed(x, 1, ldx, m, packed, third, 2, ldy, accumulate);
        assertThat(third).as("the third product, from the same kept transpose (or W's panels)").isEqualTo(again);

        // X's first row alone: from W's panels, or from the transpose when more rows have made it.
        float[] single = y.clone();
        float[] singleExpected = y.clone();
        simd.multiplyUntransposed(x, 1, ldx, 1, packed, single, 2, ldy, accumulate);
        REFERENCE.multiply(x, 1, ldx, 1, reference, singleExpected, 2, ldy, accumulate);
        assertClose(single, singleExpected, magnitude, y, accumulate ? 1f : 0f);
    }

    @Test
    void elementWiseOperationsEqualTheScalarDefinitions() {
        SplittableRandom random = new SplittableRandom(5);
        Backend simd = new SimdBackend();
        for (int length : new int[] {0, 1, 15, 16, 17, 100}) {
            float[] a = randoms(random, length + 1);
            float[] b = randoms(random, length + 2);
            float[] sum = new float[length];
            float[] product = new float[length];
            simd.add(a, 1, b, 2, sum, 0, length);
            simd.mul(a, 1, b, 2, product, 0, length);
            for (int i = 0; i < length; i++) {
                assertThat(sum[i]).isEqualTo(a[1 + i] + b[2 + i]);
                assertThat(product[i]).isEqualTo(a[1 + i] * b[2 + i]);
            }
        }
    }

    @Test
    void badShapesAndForeignPackingsAreRejected() {
        Backend simd = new SimdBackend();
        assertThatThrownBy(() -> simd.pack(new float[5], 0, 2, 3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("W of 2x3 (leading dimension 3) at offset 0 needs 6 floats, the array has 5");
        PackedMatrix foreign = REFERENCE.pack(new float[6], 0, 2, 3);
        assertThatThrownBy(() -> simd.multiply(new float[3], 0, 3, 1, foreign, new float[2], 0, 2, false))
                .hasMessageContaining("packed by backend 'reference' cannot be used by the simd backend");
        PackedMatrix own = simd.pack(new float[6], 0, 2, 3);
        assertThatThrownBy(() -> simd.multiply(new float[3], 0, 3, 2, own, new float[4], 0, 2, false))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("X of 2x3");
    }

    @Test
    void theSpinWindowPropertyIsReadOrRefusedByName() {
        assertThat(SimdBackend.spinFrom(null)).isEqualTo(Duration.ofMillis(20));
        assertThat(SimdBackend.spinFrom(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(SimdBackend.spinFrom("250")).isEqualTo(Duration.ofMillis(250));
        for (String bad : List.of("-1", "20ms", "")) {
            assertThatThrownBy(() -> SimdBackend.spinFrom(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hotcell.simd.spinMillis").hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void thePlacementPropertyIsReadOrRefusedByName() {
        assertThat(SimdBackend.placementFrom(null)).isEqualTo(SpinTeam.Placement.APART);
        assertThat(SimdBackend.placementFrom(" Apart ")).isEqualTo(SpinTeam.Placement.APART);
        assertThat(SimdBackend.placementFrom("os")).isEqualTo(SpinTeam.Placement.OS);
        for (String bad : List.of("pinned", "")) {
            assertThatThrownBy(() -> SimdBackend.placementFrom(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hotcell.simd.placement").hasMessageContaining("'" + bad + "'");
        }
    }

    /** How a team of this test JVM places its workers, as {@code describe} words it. */
    static final String PLACED = CpuAffinity.AVAILABLE ? "kept off the caller's CPU"
            : "placed by the OS: " + CpuAffinity.UNAVAILABLE_BECAUSE;

    @Test
    void describesItselfAndRanksAboveTheReference() {
        Backend two = SimdBackend.withThreadCount(2);
        assertThat(two.describe()).startsWith("simd: Vector API, ")
                .endsWith("2 threads (awake 20 ms after work, " + PLACED + ")");
        assertThat(SimdBackend.withThreadCount(2, Duration.ofMillis(3)).withThreads(3).describe())
                .endsWith("3 threads (awake 3 ms after work, " + PLACED + ")");
        // The register tile of batched products: six rows by one panel, or by two where the CPU has the registers.
        int tileColumns = (PanelPairKernel.CHOSEN ? 2 : 1) * Lanes.PANEL;
        assertThat(two.describe()).contains(Lanes.LENGTH + " float lanes), 6x" + tileColumns + " tiles, ");
        assertThat(two.rank()).isGreaterThan(REFERENCE.rank());
        assertThat(two.withThreads(2)).isSameAs(two);
        assertThat(two.withThreads(1).describe()).endsWith("1 thread");
    }

    static Stream<Arguments> groupedShapes() {
        // (m, groups, units, cols, threads): split paths (units a whole number of panels, big enough), a group
        // too small to split, units not on a panel edge, and one thread.
        // (32, 4, 512, 160, 2): W of 1.25 MiB, chunks where a core's L2 is below 640 KiB; (16, 4, 512, 640, 2):
        // 5 MiB, chunks on any machine with up to 2.5 MiB of L2 per core; (1, 4, 256, 512, 2): one row keeps
        // fixed shares however big W is (chunking it measured 5-10% slower at batch 1).
        return Stream.of(Arguments.of(1, 4, 256, 256, 2), Arguments.of(1, 4, 512, 64, 3),
                Arguments.of(16, 4, 512, 640, 2),
                Arguments.of(1, 4, 256, 512, 2), Arguments.of(32, 4, 64, 96, 2), Arguments.of(32, 4, 512, 160, 2),
                Arguments.of(3, 2, 1024, 300, 2), Arguments.of(5, 3, 48, 300, 2), Arguments.of(7, 1, 160, 50, 2),
                Arguments.of(3, 4, 40, 100, 2), Arguments.of(2, 4, 16, 8, 2), Arguments.of(9, 4, 64, 64, 1));
    }

    /**
     * {@code multiplyThen}: the product equals the reference's, every unit is handed out exactly once, and when a
     * range is handed out its columns in every group already hold their final values.
     */
    @ParameterizedTest(name = "m={0} groups={1} units={2} cols={3} threads={4}")
    @MethodSource("groupedShapes")
    void multiplyThenHandsOutEveryUnitOnceWithItsColumnsFinal(int m, int groups, int units, int cols, int threads) {
        SplittableRandom random = new SplittableRandom(units * 7L + cols);
        Backend simd = SimdBackend.withThreadCount(threads);
        int rows = groups * units;
        float[] w = randoms(random, rows * cols);
        float[] x = randoms(random, m * cols);
        float[] start = randoms(random, m * rows);
        float[] expected = start.clone();
        REFERENCE.multiply(x, 0, cols, m, REFERENCE.pack(w, 0, rows, cols), expected, 0, rows, true);
        float[] magnitude = new float[m * rows];
        REFERENCE.multiply(abs(x), 0, cols, m, REFERENCE.pack(abs(w), 0, rows, cols), magnitude, 0, rows, false);

        float[] y = start.clone();
        AtomicIntegerArray handedOut = new AtomicIntegerArray(units);
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        List<String> wrong = new CopyOnWriteArrayList<>();
        simd.multiplyThen(x, 0, cols, m, simd.pack(w, 0, rows, cols), y, 0, rows, true, groups, (from, to) -> {
            threadNames.add(Thread.currentThread().getName());
            calls.incrementAndGet();
            for (int u = from; u < to; u++) {
                handedOut.incrementAndGet(u);
                for (int i = 0; i < m; i++) {
                    for (int g = 0; g < groups; g++) {
                        int at = i * rows + g * units + u;
                        double bound = 1e-5 * (magnitude[at] + Math.abs(start[at])) + 1e-30;
                        if (!(Math.abs((double) y[at] - expected[at]) <= bound)) {
                            wrong.add("row " + i + " column " + (g * units + u) + ": " + y[at] + " when handed out, "
                                    + expected[at] + " expected");
                        }
                    }
                }
            }
        });
        assertThat(wrong).as("columns not final when handed out").isEmpty();
        for (int u = 0; u < units; u++) {
            assertThat(handedOut.get(u)).as("times unit %d was handed out", u).isEqualTo(1);
        }
        assertClose(y, expected, magnitude, start, 1f);
        // Split: one call per thread's fixed share, when a share of W fits in a core's L2 or there is one row; else
        // chunks of panels (four per thread) in one segment per thread, each thread taking its own segment's and
        // then what is left of the others', with one call per run of adjacent chunks a thread took: at least one
        // call, at most one per chunk, and at 2 threads at most two per thread (its own run and one taken from the
        // other's end). Not split: one call for all units on the calling thread.
        // A panel is two vectors wide: 16 units with AVX2, 32 with AVX-512 (so 48 units split on one, not the other).
        int panel = Lanes.PANEL;
        boolean splits = threads > 1 && units % panel == 0 && units >= 2 * panel && (long) m * rows * cols >= 1 << 15;
        boolean chunked = m > 1 && 4L * rows * cols / threads > CacheSizes.L2_BYTES;
        if (!splits) {
            assertThat(calls.get()).as("unit task calls").isEqualTo(1);
            assertThat(threadNames).containsExactly(Thread.currentThread().getName());
        } else if (!chunked) {
            assertThat(calls.get()).as("unit task calls").isEqualTo(Math.min(threads, units / panel));
        } else {
            int chunks = Math.min(units / panel, 4 * threads);
            assertThat(calls.get()).as("unit task calls").isBetween(1, threads == 2 ? 4 : chunks);
        }
    }

    /**
     * Single-row products alternate the direction of their pass over the panels (for L2 reuse): both directions
     * must give the same bits, through {@code multiply} and {@code multiplyThen}, with ragged last panels, a
     * remainder of fewer than four panels, and at 1 and 2 threads.
     */
    @ParameterizedTest(name = "rows={0} cols={1} groups={2} threads={3}")
    @MethodSource("rowPassShapes")
    void singleRowPassesInEitherDirectionGiveTheSameBits(int rows, int cols, int groups, int threads) {
        SplittableRandom random = new SplittableRandom(rows * 31L + cols);
        Backend simd = SimdBackend.withThreadCount(threads);
        float[] w = randoms(random, rows * cols);
        float[] x = randoms(random, cols);
        float[] start = randoms(random, rows);
        PanelMatrix packed = (PanelMatrix) simd.pack(w, 0, rows, cols);
        float[] expected = start.clone();
        REFERENCE.multiply(x, 0, cols, 1, REFERENCE.pack(w, 0, rows, cols), expected, 0, rows, true);
        float[] magnitude = new float[rows];
        REFERENCE.multiply(abs(x), 0, cols, 1, REFERENCE.pack(abs(w), 0, rows, cols), magnitude, 0, rows, false);

        float[][] byMultiply = new float[2][];
        float[][] byMultiplyThen = new float[2][];
        boolean[] descending = new boolean[2];
        for (int pass = 0; pass < 2; pass++) {
            byMultiply[pass] = start.clone();
            simd.multiply(x, 0, cols, 1, packed, byMultiply[pass], 0, rows, true);
            descending[pass] = packed.rowPassDescending();
        }
        for (int pass = 0; pass < 2; pass++) {
            byMultiplyThen[pass] = start.clone();
            simd.multiplyThen(x, 0, cols, 1, packed, byMultiplyThen[pass], 0, rows, true, groups, (from, to) -> { });
        }
        assertThat(descending[0]).as("direction of the second pass").isNotEqualTo(descending[1]);
        assertClose(byMultiply[0], expected, magnitude, start, 1f);
        assertThat(byMultiply[1]).as("multiply, other direction").isEqualTo(byMultiply[0]);
        // multiplyThen takes the panels group by group, so its four-panel sets (and bits) may differ from
        // multiply's; only its two directions must agree.
        assertClose(byMultiplyThen[0], expected, magnitude, start, 1f);
        assertThat(byMultiplyThen[1]).as("multiplyThen, other direction").isEqualTo(byMultiplyThen[0]);
    }

    static Stream<Arguments> rowPassShapes() {
        int panel = Lanes.PANEL;
        return Stream.of(Arguments.of(4 * panel, 64, 4, 1), Arguments.of(4 * 7 * panel, 300, 4, 2),
                Arguments.of(3 * 5 * panel, 129, 3, 1), Arguments.of(3 * 5 * panel, 129, 3, 2),
                Arguments.of(4 * 2 * panel - 4, 33, 4, 1), Arguments.of(9 * panel + 5, 17, 1, 2),
                Arguments.of(4 * 256, 256, 4, 2));
    }

    /**
     * A product with a strided A (a cell's weight gradients {@code dG^T . X}) may split A's rows between the
     * threads instead of W's panels; any split must give the bits of one thread. Shapes: the LSTM (25,1,512)
     * gradient, k in 512-step blocks, m not a multiple of the threads' micro-panel shares, and a split refused
     * because half of A would take k in one pass where all of A takes it in blocks.
     */
    @ParameterizedTest(name = "m={0} n={1} k={2} threads={3}")
    @MethodSource("weightGradientShapes")
    void weightGradientsGiveTheBitsOfOneThreadOnAnyTeam(int m, int n, int k, int threads) {
        SplittableRandom random = new SplittableRandom(m * 131L + n * 7L + k);
        int lda = m + 1;
        float[] a = randoms(random, 1 + k * lda);
        float[] b = randoms(random, k * n);
        float[] c = randoms(random, m * n);
        float[] one = c.clone();
        float[] team = c.clone();
        float[] expected = c.clone();
        float beta = -0.5f;
        SimdBackend.withThreadCount(1).gemm(true, false, m, n, k, 1f, a, 1, lda, b, 0, n, beta, one, 0, n);
        SimdBackend.withThreadCount(threads).gemm(true, false, m, n, k, 1f, a, 1, lda, b, 0, n, beta, team, 0, n);
        REFERENCE.gemm(true, false, m, n, k, 1f, a, 1, lda, b, 0, n, beta, expected, 0, n);
        float[] magnitude = new float[m * n];
        REFERENCE.gemm(true, false, m, n, k, 1f, abs(a), 1, lda, abs(b), 0, n, 0f, magnitude, 0, n);

        assertClose(one, expected, magnitude, c, beta);
        assertThat(team).as("%d threads against 1", threads).isEqualTo(one);
    }

    static Stream<Arguments> weightGradientShapes() {
        return Stream.of(Arguments.of(2048, 512, 25, 2), Arguments.of(1024, 64, 800, 2), Arguments.of(390, 20, 1025, 3),
                Arguments.of(64, 32, 600, 2), Arguments.of(1030, 1000, 40, 2));
    }

    @Test
    void multiplyThenRejectsGroupsThatDoNotDivideTheRows() {
        Backend simd = SimdBackend.withThreadCount(2);
        PackedMatrix w = simd.pack(new float[10 * 3], 0, 10, 3);
        assertThatThrownBy(() -> simd.multiplyThen(new float[3], 0, 3, 1, w, new float[10], 0, 10, false, 4,
                (from, to) -> { })).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("10 rows").hasMessageContaining("4 equal groups");
    }

    /** |got - expected| <= 1e-5 * (magnitude of the product + |beta * c|) + tiny, element by element. */
    private static void assertClose(float[] got, float[] expected, float[] magnitude, float[] original, float beta) {
        for (int i = 0; i < got.length; i++) {
            double bound = 1e-5 * (magnitude[i] + Math.abs(beta * original[i])) + 1e-30;
            assertThat(Math.abs((double) got[i] - expected[i])).as("element %d: got %s, expected %s", i, got[i],
                    expected[i]).isLessThanOrEqualTo(bound);
        }
    }

    /** Uniform in [-1, 1); package-visible for the other product tests. */
    static float[] randoms(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** The {@code cols x rows} transpose of the {@code rows x cols} row-major matrix at {@code w[off ..]}. */
    private static float[] transpose(float[] w, int off, int rows, int cols) {
        float[] transposed = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c * rows + r] = w[off + r * cols + c];
            }
        }
        return transposed;
    }

    static float[] abs(float[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.abs(values[i]);
        }
        return result;
    }
}
