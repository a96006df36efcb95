package org.hotcell.cells.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * When a forward pass computes {@code X . W^T} step by step rather than over all steps; both give the same
 * results (the differential tests run both), so this is the policy alone.
 */
class InputProductPlanTest {
    private static final int[] EQUAL = {25, 25, 25};
    private static final int[] RAGGED = {25, 3, 25};

    /** W and R of an LSTM ({@code 4H x (I + H)} floats). */
    private static long lstm(int input, int hidden) {
        return 4L * hidden * (input + hidden);
    }

    @Test
    void aWideBatchWithWeightsThatFitInCacheGoesStepByStep() {
        // 25 x 32 x 512: W and R are 8 MiB.
        assertThat(RecurrentCell.inputPerStep(32, 25, false, EQUAL, lstm(512, 512))).isTrue();
        assertThat(RecurrentCell.inputPerStep(RecurrentCell.PER_STEP_MIN_BATCH, 25, true, EQUAL, lstm(512, 512)))
                .isTrue();
    }

    @Test
    void weightsTooLargeToStayInCacheGoOverAllSteps() {
        // 25 x 64 x 1024: W and R are 32 MiB, and each step would stream both from memory.
        assertThat(RecurrentCell.inputPerStep(64, 25, false, EQUAL, lstm(1024, 1024))).isFalse();
        assertThat(RecurrentCell.inputPerStep(64, 25, false, EQUAL, RecurrentCell.PER_STEP_MAX_WEIGHT_FLOATS))
                .isTrue();
        assertThat(RecurrentCell.inputPerStep(64, 25, false, EQUAL, RecurrentCell.PER_STEP_MAX_WEIGHT_FLOATS + 1))
                .isFalse();
    }

    @Test
    void narrowBatchesSingleStepsAndRaggedReversesGoOverAllSteps() {
        assertThat(RecurrentCell.inputPerStep(RecurrentCell.PER_STEP_MIN_BATCH - 1, 25, false, EQUAL,
                lstm(512, 512))).isFalse();
        assertThat(RecurrentCell.inputPerStep(32, 1, false, EQUAL, lstm(512, 512))).isFalse();
        assertThat(RecurrentCell.inputPerStep(32, 25, true, RAGGED, lstm(512, 512))).isFalse();
        // Forward, ragged lengths are fine: every running stream is at the same time index.
        assertThat(RecurrentCell.inputPerStep(32, 25, false, RAGGED, lstm(512, 512))).isTrue();
    }
}
