package org.hotcell.model.train;

import org.hotcell.core.error.HotcellException;

/**
 * Training stopped because a value became NaN or infinite. The model's weights are those from before the
 * step that diverged; nothing was saved.
 */
public final class TrainingDivergedException extends HotcellException {
    private static final long serialVersionUID = 1L;

    private final transient StepReport report;

    /** @param report the diagnostics of the step that diverged, with its {@link StepReport#nonFinite()} */
    public TrainingDivergedException(StepReport report) {
        super("HC-DIVERGED", "training diverged at step " + report.step() + ": " + report.nonFinite().describe()
                + String.format(java.util.Locale.ROOT, "; max |h| %.4g, max |c| %.4g before it", report.maxAbsH(),
                report.maxAbsC()) + "; the model was not updated or saved");
        this.report = report;
    }

    /** The diagnostics of the step that diverged. */
    public StepReport report() {
        return report;
    }
}
