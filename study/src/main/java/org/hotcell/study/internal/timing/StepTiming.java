package org.hotcell.study.internal.timing;

import java.util.Objects;

/**
 * One candidate's training steps, timed: milliseconds of wall time per step of the study's standard LSTM, one
 * sample per round of {@link TrainingStepTimings#measure}.
 *
 * @param candidate the candidate's spec text, as it was asked for (candidate and output function alike)
 * @param millis    ms per training step
 */
public record StepTiming(String candidate, Samples millis) {

    public StepTiming {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(millis, "millis");
    }

    /** The median ms per training step. */
    public double millisPerStep() {
        return millis.median();
    }
}
