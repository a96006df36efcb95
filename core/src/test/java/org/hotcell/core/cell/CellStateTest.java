package org.hotcell.core.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CellStateTest {

    @Property(tries = 100)
    void snapshotRoundTripsExactly(@ForAll @IntRange(min = 0, max = 5) int batch,
                                   @ForAll @IntRange(min = 1, max = 9) int hidden,
                                   @ForAll boolean withCell, @ForAll long seed) {
        CellState state = CellState.zeros(batch, hidden, withCell);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < state.h().length; i++) {
            state.h()[i] = (float) random.nextGaussian();
            if (withCell) {
                state.c()[i] = (float) random.nextGaussian();
            }
        }
        CellState back = CellState.fromBytes(state.toBytes());
        assertThat(back).isEqualTo(state);
        assertThat(back.hasCell()).isEqualTo(withCell);
    }

    @Test
    void corruptSnapshotsAreRejected() {
        byte[] bytes = CellState.zeros(2, 3, true).toBytes();
        assertThatThrownBy(() -> CellState.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(BadModelException.class).hasMessageContaining("does not match its 67 bytes");
        assertThatThrownBy(() -> CellState.fromBytes(new byte[3])).isInstanceOf(BadModelException.class);
        byte[] wrongMagic = bytes.clone();
        wrongMagic[0] ^= 1;
        assertThatThrownBy(() -> CellState.fromBytes(wrongMagic)).hasMessageContaining("not a Hotcell state");
    }

    @Test
    void gatherAndScatterAreInverse() {
        CellState a = CellState.of(1, 2, new float[] {1, 2}, new float[] {3, 4});
        CellState b = CellState.of(2, 2, new float[] {5, 6, 7, 8}, new float[] {9, 10, 11, 12});
        CellState all = CellState.gather(List.of(a, b));
        assertThat(all.h()).containsExactly(1, 2, 5, 6, 7, 8);
        assertThat(all.c()).containsExactly(3, 4, 9, 10, 11, 12);
        all.h()[0] = 100;
        all.c()[5] = -1;
        all.scatter(List.of(a, b));
        assertThat(a.h()).containsExactly(100, 2);
        assertThat(b.c()).containsExactly(9, 10, 11, -1);
    }

    @Test
    void wrongSizesAreNamed() {
        assertThatThrownBy(() -> CellState.of(2, 3, new float[5], null)).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("length of hidden state h for 2 x 3 is 5, expected 6");
        assertThatThrownBy(() -> CellState.gather(List.of(CellState.zeros(1, 2, true), CellState.zeros(1, 2, false))))
                .hasMessageContaining("with and without a cell state");
    }
}
