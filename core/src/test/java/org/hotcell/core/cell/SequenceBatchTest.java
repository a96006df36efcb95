package org.hotcell.core.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcell.core.error.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class SequenceBatchTest {

    @Test
    void rowOffsetsFollowTheLayout() {
        float[] data = new float[1 + 3 * 2 * 4];
        SequenceBatch timeMajor = new SequenceBatch(data, 1, 3, 2, 4, Layout.TIME_MAJOR, null);
        SequenceBatch batchMajor = new SequenceBatch(data, 1, 3, 2, 4, Layout.BATCH_MAJOR, null);
        assertThat(timeMajor.rowOffset(2, 1)).isEqualTo(1 + (2 * 2 + 1) * 4);
        assertThat(batchMajor.rowOffset(2, 1)).isEqualTo(1 + (1 * 3 + 2) * 4);
        assertThat(timeMajor.length(1)).isEqualTo(3);
        assertThat(timeMajor.withLengths(new int[] {0, 2}).length(1)).isEqualTo(2);
    }

    @Test
    void badShapesAndLengthsAreNamed() {
        assertThatThrownBy(() -> SequenceBatch.timeMajor(new float[10], 2, 2, 3))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("sequence batch of T=2, N=2, features=3 at offset 0 needs 12 floats, the array has 10");
        SequenceBatch batch = SequenceBatch.timeMajor(new float[12], 2, 2, 3);
        assertThatThrownBy(() -> batch.withLengths(new int[] {1, 3}))
                .hasMessage("sequence length of batch item 1 is 3, must be in [0, 2]");
        assertThatThrownBy(() -> batch.withLengths(new int[] {-1, 1}))
                .hasMessage("sequence length of batch item 0 is -1, must be in [0, 2]");
        assertThatThrownBy(() -> batch.withLengths(new int[] {1}))
                .hasMessage("number of sequence lengths is 1, expected 2");
    }

    @Test
    void reorderingBetweenLayoutsKeepsEveryRowAndLengthsAndCopiesOnlyWhenNeeded() {
        // 3 steps x 2 items x 2 features at offset 1; the value of (t, n, f) is 100 t + 10 n + f.
        float[] data = new float[1 + 3 * 2 * 2];
        SequenceBatch timeMajor = new SequenceBatch(data, 1, 3, 2, 2, Layout.TIME_MAJOR, new int[] {3, 1});
        for (int t = 0; t < 3; t++) {
            for (int n = 0; n < 2; n++) {
                for (int f = 0; f < 2; f++) {
                    data[timeMajor.rowOffset(t, n) + f] = 100 * t + 10 * n + f;
                }
            }
        }
        SequenceBatch batchMajor = timeMajor.inLayout(Layout.BATCH_MAJOR);
        assertThat(batchMajor.layout()).isEqualTo(Layout.BATCH_MAJOR);
        assertThat(batchMajor.offset()).isZero();
        assertThat(batchMajor.lengths()).containsExactly(3, 1);
        assertThat(batchMajor.data()).containsExactly(0, 1, 100, 101, 200, 201, 10, 11, 110, 111, 210, 211);
        SequenceBatch back = batchMajor.inLayout(Layout.TIME_MAJOR);
        assertThat(back.data()).containsExactly(0, 1, 10, 11, 100, 101, 110, 111, 200, 201, 210, 211);
        // Already contiguous in the asked layout: the same batch, no copy.
        assertThat(back.inLayout(Layout.TIME_MAJOR)).isSameAs(back);
        assertThat(batchMajor.inLayout(Layout.BATCH_MAJOR)).isSameAs(batchMajor);
    }
}
