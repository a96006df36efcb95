package org.hotcell.example.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class ConfusionTest {

    /** A hand-made case: 10 steps, the first 2 skipped; 3 anomalous steps scored, 4 flags. */
    @Test
    void countsAndScoresAFabricatedCase() {
        //                  0      1      2      3      4      5      6      7      8      9
        boolean[] labels = {true, false, false, true, true, false, false, true, false, false};
        boolean[] flags = {true, true, false, true, false, true, false, true, true, false};
        Confusion c = Confusion.of(labels, flags, 2);
        // scored steps 2..9: TP at 3 and 7; FP at 5 and 8; FN at 4; TN at 2, 6, 9.
        assertThat(c).isEqualTo(new Confusion(2, 2, 1, 3));
        assertThat(c.precision()).isEqualTo(0.5);
        assertThat(c.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.f1()).isCloseTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), within(1e-12));
        assertThat(c.baseRate()).isEqualTo(3.0 / 8);
        assertThat(c.flagRate()).isEqualTo(4.0 / 8);
        assertThat(c.total()).isEqualTo(8);
    }

    @Test
    void sumsAcrossStreams() {
        Confusion a = new Confusion(1, 2, 3, 4);
        assertThat(a.plus(new Confusion(10, 20, 30, 40))).isEqualTo(new Confusion(11, 22, 33, 44));
        assertThat(Confusion.EMPTY.plus(a)).isEqualTo(a);
    }

    @Test
    void precisionWithoutFlagsAndRecallWithoutAnomaliesAreUndefined() {
        Confusion none = Confusion.of(new boolean[] {true, false}, new boolean[] {false, false}, 0);
        assertThat(none.precision()).isNaN();
        assertThat(none.recall()).isZero();
        Confusion normal = Confusion.of(new boolean[] {false, false}, new boolean[] {true, false}, 0);
        assertThat(normal.recall()).isNaN();
        assertThat(normal.precision()).isZero();
    }

    @Test
    void perfectFlagsScoreOne() {
        boolean[] labels = {false, true, true, false, true};
        Confusion c = Confusion.of(labels, labels.clone(), 0);
        assertThat(c.precision()).isEqualTo(1);
        assertThat(c.recall()).isEqualTo(1);
    }

    @Test
    void mismatchedLengthsAreNamed() {
        assertThatThrownBy(() -> Confusion.of(new boolean[3], new boolean[2], 0))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("flags per stream");
    }
}
