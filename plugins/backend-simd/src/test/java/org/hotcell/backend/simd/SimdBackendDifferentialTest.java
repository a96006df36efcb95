package org.hotcell.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;

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
        // 192-row A block once and twice.
        int[][] fixed = {{1, 1, 1}, {1, 31, 7}, {1, 33, 300}, {3, 32, 5}, {4, 64, 256}, {5, 65, 257},
                {6, 16, 9}, {7, 17, 513}, {8, 48, 255}, {95, 20, 40}, {96, 16, 256}, {100, 97, 3}, {97, 130, 129},
                {193, 33, 300}, {385, 20, 1025}, {1, 1024, 256}, {2, 4096, 64}};
        for (int[] s : fixed) {
            shapes.add(Arguments.of(s[0], s[1], s[2], false, false, 1));
            shapes.add(Arguments.of(s[0], s[1], s[2], true, true, 2));
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

    @ParameterizedTest(name = "m={0} rows={1} cols={2} threads={5}")
    @MethodSource("shapes")
    void transposedPackingMultipliesByTheTranspose(int m, int rows, int cols, boolean unused, boolean unused2,
                                                   int threads) {
        SplittableRandom random = new SplittableRandom(rows * 17L + cols * 3L + m);
        Backend simd = SimdBackend.withThreadCount(threads);
        // W is rows x cols at offset 5; the product is X (m x rows) . (W^T)^T = X . W, so Y is m x cols.
        float[] w = randoms(random, 5 + rows * cols);
        float[] transposed = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c * rows + r] = w[5 + r * cols + c];
            }
        }
        float[] x = randoms(random, m * rows);
        float[] expected = new float[m * cols];
        float[] got = new float[m * cols];

        PackedMatrix forSimd = simd.packTransposed(w, 5, rows, cols);
        assertThat(forSimd.rows()).isEqualTo(cols);
        assertThat(forSimd.cols()).isEqualTo(rows);
        REFERENCE.multiply(x, 0, rows, m, REFERENCE.pack(transposed, 0, cols, rows), expected, 0, cols, false);
        simd.multiply(x, 0, rows, m, forSimd, got, 0, cols, false);

        float[] magnitude = new float[got.length];
        REFERENCE.multiply(abs(x), 0, rows, m, REFERENCE.packTransposed(abs(w), 5, rows, cols), magnitude, 0, cols,
                false);
        assertClose(got, expected, magnitude, got, 0f);
    }

    @ParameterizedTest(name = "m={0} n={1} transA={3}")
    @MethodSource("shapes")
    void gemvEqualsReference(int m, int n, int unused, boolean transA, boolean unused2, int threads) {
        SplittableRandom random = new SplittableRandom(m * 7L + n);
        Backend simd = SimdBackend.withThreadCount(threads);
        int lda = n + 2;
        float[] a = randoms(random, m * lda);
        int in = transA ? m : n;
        int out = transA ? n : m;
        float[] x = randoms(random, in + 1);
        float[] y = randoms(random, out);
        float[] expected = y.clone();
        float[] got = y.clone();
        REFERENCE.gemv(transA, m, n, 0.5f, a, 0, lda, x, 1, 2f, expected, 0);
        simd.gemv(transA, m, n, 0.5f, a, 0, lda, x, 1, 2f, got, 0);
        float[] magnitude = new float[out];
        REFERENCE.gemv(transA, m, n, 0.5f, abs(a), 0, lda, abs(x), 1, 0f, magnitude, 0);
        assertClose(got, expected, magnitude, y, 2f);
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
    void describesItselfAndRanksAboveTheReference() {
        Backend two = SimdBackend.withThreadCount(2);
        assertThat(two.describe()).startsWith("simd: Vector API, ").endsWith("2 threads");
        assertThat(two.rank()).isGreaterThan(REFERENCE.rank());
        assertThat(two.withThreads(2)).isSameAs(two);
        assertThat(two.withThreads(1).describe()).endsWith("1 thread");
    }

    /** |got - expected| <= 1e-5 * (magnitude of the product + |beta * c|) + tiny, element by element. */
    private static void assertClose(float[] got, float[] expected, float[] magnitude, float[] original, float beta) {
        for (int i = 0; i < got.length; i++) {
            double bound = 1e-5 * (magnitude[i] + Math.abs(beta * original[i])) + 1e-30;
            assertThat(Math.abs((double) got[i] - expected[i])).as("element %d: got %s, expected %s", i, got[i],
                    expected[i]).isLessThanOrEqualTo(bound);
        }
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    private static float[] abs(float[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.abs(values[i]);
        }
        return result;
    }
}
