package org.hotcell.model.train;

/** Hears about each training step as it finishes, e.g. to draw a progress bar. */
@FunctionalInterface
public interface TrainingListener {

    /** Called after step {@code report.step()} of {@code total}. */
    void onStep(StepReport report, int total);

    /**
     * Asked after each {@link #onStep}: true ends training there, as if {@code total} were that step (the final
     * test evaluation still runs). The default never stops; the activation study stops a run once it is solved.
     */
    default boolean stopRequested() {
        return false;
    }
}
