package org.hotcell.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference backend against products computed here in double precision, element by element. */
class ReferenceBackendTest {
    private final ReferenceBackend backend = ReferenceBackend.instance();

    static Stream<Arguments> shapes() {
        SplittableRandom random = new SplittableRandom(7);
        Stream.Builder<Arguments> shapes = Stream.builder();
        int[][] fixed = {{1, 1, 1}, {1, 17, 3}, {5, 1, 9}, {3, 7, 1}, {16, 16, 16}, {33, 65, 31}};
        for (int[] s : fixed) {
            for (int t = 0; t < 4; t++) {
                shapes.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
            }
        }
        for (int i = 0; i < 16; i++) {
            shapes.add(Arguments.of(1 + random.nextInt(40), 1 + random.nextInt(40), 1 + random.nextInt(40),
                    random.nextBoolean(), random.nextBoolean()));
        }
        return shapes.build();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void gemmMatchesDoublePrecisionProduct(int m, int n, int k, boolean transA, boolean transB) {
        SplittableRandom random = new SplittableRandom(m * 10007L + n * 101L + k);
        int lda = (transA ? m : k) + 3;
        int ldb = (transB ? k : n) + 1;
        int ldc = n + 2;
        int aOff = 5;
        int bOff = 2;
        int cOff = 1;
        float[] a = randoms(random, aOff + (transA ? k : m) * lda);
        float[] b = randoms(random, bOff + (transB ? n : k) * ldb);
        float[] c = randoms(random, cOff + m * ldc);
        float[] original = c.clone();
        float alpha = 0.75f;
        float beta = -0.5f;

        backend.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);

        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += av * bv;
                    magnitude += Math.abs(av * bv);
                }
                double expected = alpha * sum + beta * original[cOff + i * ldc + j];
                assertThat((double) c[cOff + i * ldc + j]).as("C[%d,%d]", i, j)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6 * (1 + magnitude)));
            }
            // Padding between rows is untouched.
            for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertThat(c[cOff + i * ldc + j]).isEqualTo(original[cOff + i * ldc + j]);
            }
        }
    }

    @Test
    void packedMultiplyIsXTimesWTransposedAndAccumulates() {
        SplittableRandom random = new SplittableRandom(3);
        int m = 4;
        int rows = 7;
        int cols = 5;
        float[] w = randoms(random, rows * cols);
        float[] x = randoms(random, m * cols);
        PackedMatrix packed = backend.pack(w, 0, rows, cols);
        assertThat(packed.rows()).isEqualTo(rows);
        assertThat(packed.cols()).isEqualTo(cols);

        float[] y = new float[m * rows];
        backend.multiply(x, 0, cols, m, packed, y, 0, rows, false);
        float[] twice = y.clone();
        backend.multiply(x, 0, cols, m, packed, twice, 0, rows, true);
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int p = 0; p < cols; p++) {
                    sum += (double) x[i * cols + p] * w[r * cols + p];
                }
                assertThat((double) y[i * rows + r]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
                assertThat((double) twice[i * rows + r]).isCloseTo(2 * sum, org.assertj.core.data.Offset.offset(2e-6));
            }
        }
    }

    @Test
    void multiplyUntransposedIsXTimesWAndAccumulatesAndRefusesForeignMatrices() {
        SplittableRandom random = new SplittableRandom(9);
        int m = 2;
        int rows = 5;
        int cols = 3;
        float[] w = randoms(random, 1 + rows * cols);
        float[] x = randoms(random, m * rows);
        PackedMatrix packed = backend.pack(w, 1, rows, cols);
        float[] y = {0.5f, -1f, 2f, 0.25f, 3f, -2f};
        float[] start = y.clone();
        backend.multiplyUntransposed(x, 0, rows, m, packed, y, 0, cols, true);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < cols; c++) {
                double sum = start[i * cols + c];
                for (int r = 0; r < rows; r++) {
                    sum += (double) x[i * rows + r] * w[1 + r * cols + c];
                }
                assertThat((double) y[i * cols + c]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
            }
        }

        PackedMatrix foreign = new PackedMatrix() {
            @Override
            public int rows() {
                return 1;
            }

            @Override
            public int cols() {
                return 1;
            }

            @Override
            public String backend() {
                return "elsewhere";
            }
        };
        assertThatThrownBy(() -> backend.multiplyUntransposed(x, 0, 1, 1, foreign, y, 0, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'elsewhere'");
    }

    @Test
    void betaZeroOverwritesNaNInTheOutput() {
        float[] c = {Float.NaN};
        backend.gemm(false, false, 1, 1, 1, 1f, new float[] {2}, 0, 1, new float[] {3}, 0, 1, 0f, c, 0, 1);
        assertThat(c[0]).isEqualTo(6f);
    }

    @Test
    void outOfBoundsMatricesAreRejectedWithTheirShape() {
        assertThatThrownBy(() -> backend.gemm(false, false, 2, 2, 2, 1f, new float[3], 0, 2, new float[4], 0, 2,
                0f, new float[4], 0, 2))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("A of 2x2 (leading dimension 2) at offset 0 needs 4 floats, the array has 3");
        assertThatThrownBy(() -> backend.pack(new float[6], 0, 2, 4))
                .hasMessageContaining("W of 2x4 (leading dimension 4) at offset 0 needs 8 floats");
        assertThatThrownBy(() -> backend.gemm(false, false, 2, 2, 3, 1f, new float[12], 0, 2, new float[12], 0, 2,
                0f, new float[4], 0, 2)).hasMessage("leading dimension of A is 2, smaller than its 3 columns");
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
