package org.hotcell.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hotcell.backend.simd.internal.Lanes;
import org.hotcell.backend.simd.internal.PanelMatrix;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SimdBackend#addTo}: the packed floats, and the kept transpose's, equal a packing of {@code W + alpha*D}
 * bit for bit, for ragged shapes (rows and columns not multiples of the panel width, columns not multiples of the
 * vector length), at 1 and 2 threads, and every product by the updated matrix sees the new W.
 */
class AddToTest {
    private static final int P = Lanes.PANEL;

    static Stream<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{1, 1}, {P, Lanes.LENGTH}, {P + 5, 7}, {3 * P - 1, 2 * Lanes.LENGTH + 3}, {2 * P, 64},
                {160, 40}, {4 * P + 3, 4 * P + 9}, {512, 128}};
        for (int[] shape : shapes) {
            for (int threads : new int[] {1, 2}) {
                cases.add(Arguments.of(shape[0], shape[1], threads));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1}, {2} threads")
    @MethodSource("shapes")
    void anUpdatedMatrixIsAPackingOfTheUpdatedWeights(int rows, int cols, int threads) {
        SimdBackend backend = SimdBackend.withThreadCount(threads);
        SplittableRandom random = new SplittableRandom(rows * 31L + cols);
        float[] w = random(random, rows * cols);
        float[] d = random(random, rows * cols + 3);
        float alpha = -0.37f;
        PanelMatrix updated = (PanelMatrix) backend.pack(w, 0, rows, cols);
        // Two products by W itself with several rows: the second keeps W^T packed, which addTo must update.
        float[] x = random(random, 3 * rows);
        float[] y = new float[3 * cols];
        backend.multiplyUntransposed(x, 0, rows, 3, updated, y, 0, cols, false);
        backend.multiplyUntransposed(x, 0, rows, 3, updated, y, 0, cols, false);
        boolean keptTranspose = updated.cachedTranspose() != null;

        backend.addTo(updated, alpha, d, 3);
        backend.addTo(updated, 0.5f, d, 0);

        float[] expected = w.clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] + alpha * d[3 + i];
        }
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] + 0.5f * d[i];
        }
        PanelMatrix repacked = (PanelMatrix) backend.pack(expected, 0, rows, cols);
        assertThat(updated.data()).as("packed floats").isEqualTo(repacked.data());
        if (keptTranspose) {
            PanelMatrix transposed = PanelMatrix.allocate(cols, rows);
            transposed.fillTransposed(repacked, 0, transposed.panels());
            assertThat(updated.cachedTranspose().data()).as("kept transpose").isEqualTo(transposed.data());
        }

        // Every product sees the new W: one row and several, X . W^T and X . W.
        for (int m : new int[] {1, 3}) {
            float[] xr = random(random, m * cols);
            float[] got = new float[m * rows];
            float[] want = new float[m * rows];
            backend.multiply(xr, 0, cols, m, updated, got, 0, rows, false);
            backend.multiply(xr, 0, cols, m, repacked, want, 0, rows, false);
            assertThat(got).as("X . W^T, %d rows", m).isEqualTo(want);
            float[] xu = random(random, m * rows);
            float[] gotU = new float[m * cols];
            float[] wantU = new float[m * cols];
            backend.multiplyUntransposed(xu, 0, rows, m, updated, gotU, 0, cols, false);
            ReferenceBackend.instance().gemm(false, false, m, cols, rows, 1f, xu, 0, rows, expected, 0, cols, 0f,
                    wantU, 0, cols);
            for (int i = 0; i < wantU.length; i++) {
                assertThat((double) gotU[i]).as("X . W, %d rows, element %d", m, i)
                        .isCloseTo(wantU[i], org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(wantU[i]))));
            }
        }
    }

    /** The master copy updated in the same pass stays the matrix the packing is of, bit for bit. */
    @ParameterizedTest(name = "{0}x{1}, {2} threads")
    @MethodSource("shapes")
    void aMasterUpdatedInTheSamePassStaysWhatThePackingIsOf(int rows, int cols, int threads) {
        SimdBackend backend = SimdBackend.withThreadCount(threads);
        SplittableRandom random = new SplittableRandom(rows * 17L + cols);
        float[] w = random(random, rows * cols);
        float[] d = random(random, rows * cols + 2);
        float[] master = new float[rows * cols + 5];
        System.arraycopy(w, 0, master, 5, w.length);
        PanelMatrix updated = (PanelMatrix) backend.pack(w, 0, rows, cols);
        backend.addTo(updated, -0.37f, d, 2, master, 5);
        float[] expected = w.clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] + -0.37f * d[2 + i];
        }
        assertThat(java.util.Arrays.copyOfRange(master, 5, master.length)).as("master").isEqualTo(expected);
        assertThat(java.util.Arrays.copyOf(master, 5)).as("floats before the master's offset").containsOnly(0f);
        assertThat(updated.data()).as("packed floats")
                .isEqualTo(((PanelMatrix) backend.pack(expected, 0, rows, cols)).data());
        // The interface's default (other backends) gives the same master.
        float[] viaDefault = w.clone();
        PackedMatrix reference = ReferenceBackend.instance().pack(w, 0, rows, cols);
        ReferenceBackend.instance().addTo(reference, -0.37f, d, 2, viaDefault, 0);
        assertThat(viaDefault).isEqualTo(expected);
        assertThatThrownBy(() -> backend.addTo(updated, 1f, d, 0, new float[rows * cols - 1], 0))
                .hasMessageContaining("master");
    }

    @Test
    void theReferenceBackendUpdatesExactlyAsARepack() {
        Backend reference = ReferenceBackend.instance();
        assertThat(reference.addsInPlace()).isTrue();
        SplittableRandom random = new SplittableRandom(3);
        float[] w = random(random, 5 * 7);
        float[] d = random(random, 5 * 7);
        PackedMatrix packed = reference.pack(w, 0, 5, 7);
        reference.addTo(packed, 2.5f, d, 0);
        float[] expected = w.clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] + 2.5f * d[i];
        }
        float[] x = random(random, 2 * 7);
        float[] got = new float[2 * 5];
        float[] want = new float[2 * 5];
        reference.multiply(x, 0, 7, 2, packed, got, 0, 5, false);
        reference.multiply(x, 0, 7, 2, reference.pack(expected, 0, 5, 7), want, 0, 5, false);
        assertThat(got).isEqualTo(want);
    }

    @Test
    void aMatrixFromAnotherBackendOrATooShortDeltaIsRefused() {
        SimdBackend simd = SimdBackend.withThreadCount(1);
        PackedMatrix foreign = ReferenceBackend.instance().pack(new float[6], 0, 2, 3);
        assertThatThrownBy(() -> simd.addTo(foreign, 1f, new float[6], 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backend 'reference'").hasMessageContaining("simd");
        PackedMatrix own = simd.pack(new float[6], 0, 2, 3);
        assertThatThrownBy(() -> ReferenceBackend.instance().addTo(own, 1f, new float[6], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backend 'simd'");
        assertThatThrownBy(() -> simd.addTo(own, 1f, new float[6], 1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("D of 2x3");
    }

    private static float[] random(SplittableRandom random, int length) {
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }
}
