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
}
