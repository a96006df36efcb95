package org.hotcell.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.cells.support.CellCases;
import org.hotcell.cells.support.CellFixture;
import org.hotcell.cells.support.CellFixture.Scenario;
import org.hotcell.cells.support.TestActivations;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cell owns what it computes with: once made, changing the caller's weight arrays (as a training loop does
 * in place after every step) changes neither its outputs nor its gradients: it computes exactly what a twin
 * made from an untouched copy computes. Cells keep no copy of the unpacked weights (the backward pass derives
 * W^T and R^T from the packed matrices), so this holds only if every packing copies.
 */
class WeightOwnershipTest {

    static Stream<Arguments> cases() {
        List<Backend> backends = List.of(ReferenceBackend.instance(), SimdBackend.withThreadCount(1));
        return CellCases.specs(6, 20).stream().flatMap(spec -> backends.stream()
                .map(backend -> Arguments.of(CellCases.label(spec) + " on " + backend.name(), spec, backend)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void overwritingTheCallersWeightsAfterCreateChangesNothing(String label, CellSpec spec, Backend backend) {
        TestActivations activations = new TestActivations();
        CellFixture fx = new CellFixture(spec, activations, Scenario.plain(4, 3), 23, 0.3f);
        CellWeights copy = new CellWeights(fx.weights.w().clone(), fx.weights.r().clone(), copy(fx.weights.wBias()),
                copy(fx.weights.rBias()), copy(fx.weights.peepholes()));
        Cell twin = fx.type.create(spec, copy, activations, backend);
        Cell cell = fx.type.create(spec, fx.weights, activations, backend);
        // Before the cell's first backward pass: whatever it derives lazily must come from its own copy too.
        for (float[] array : new float[][] {fx.weights.w(), fx.weights.r(), fx.weights.wBias(), fx.weights.rBias(),
                fx.weights.peepholes()}) {
            if (array != null) {
                Arrays.fill(array, Float.NaN);
            }
        }
        float[] dy = CellFixture.random(new Random(5), 4 * 3 * spec.hiddenSize(), 1f);
        ForwardPass expected = twin.forward(fx.batch(), null, false, true);
        CellGradients want = twin.backward(expected, dy, null);
        ForwardPass actual = cell.forward(fx.batch(), null, false, true);
        CellGradients got = cell.backward(actual, dy, null);

        assertThat(actual.y()).containsExactly(expected.y());
        assertThat(got.dx()).containsExactly(want.dx());
        assertThat(got.dWeights().w()).containsExactly(want.dWeights().w());
        assertThat(got.dWeights().r()).containsExactly(want.dWeights().r());
        assertThat(got.dInitial().h()).containsExactly(want.dInitial().h());
    }

    private static float[] copy(float[] array) {
        return array == null ? null : array.clone();
    }
}
