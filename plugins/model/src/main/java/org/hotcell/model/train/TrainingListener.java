package org.hotcell.model.train;

/** Hears about each training step as it finishes, e.g. to draw a progress bar. */
@FunctionalInterface
public interface TrainingListener {

    /** Called after step {@code report.step()} of {@code total}. */
    void onStep(StepReport report, int total);
}
