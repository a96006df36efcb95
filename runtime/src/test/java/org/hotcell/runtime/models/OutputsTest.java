package org.hotcell.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotcell.core.cell.SequenceBatch;
import org.junit.jupiter.api.Test;

/** Per-step outputs come out batch-major ([N, T, O]) whatever the layout of the rows the network gave. */
class OutputsTest {

    @Test
    void timeMajorRowsAreAnsweredBatchMajor() {
        // T=3, N=2, O=2, time-major: the row of step t, item n holds {10t + n, -(10t + n)}.
        float[] rows = new float[3 * 2 * 2];
        for (int t = 0; t < 3; t++) {
            for (int n = 0; n < 2; n++) {
                rows[(t * 2 + n) * 2] = 10 * t + n;
                rows[(t * 2 + n) * 2 + 1] = -(10 * t + n);
            }
        }
        Outputs outputs = Outputs.perStep(SequenceBatch.timeMajor(rows, 3, 2, 2));
        assertThat(outputs.shape()).containsExactly(2, 3, 2);
        assertThat(outputs.data()).containsExactly(0, 0, 10, -10, 20, -20, 1, -1, 11, -11, 21, -21);
    }

    @Test
    void aBatchReadsAsTheBatchMajorSequencesItHolds() {
        InputBatch batch = new InputBatch(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 3, 2);
        SequenceBatch sequences = batch.sequences();
        assertThat(sequences.rowOffset(1, 0)).isEqualTo(2); // item 0, step 1: data[(0 * 3 + 1) * 2]
        assertThat(sequences.rowOffset(0, 1)).isEqualTo(6); // item 1, step 0: data[(1 * 3 + 0) * 2]
        assertThat(sequences.data()).isSameAs(batch.data());
    }
}
