package org.hotcell.model.train;

import org.hotcell.core.error.HotcellException;

/**
 * Training stopped because a value became NaN or infinite. The model's weights are those from before the
 * step that diverged (or, when only the final test loss was not finite, the trained ones); nothing was saved.
 */
public final class TrainingDivergedException extends HotcellException {
    private static final long serialVersionUID = 1L;

    private final transient StepReport report;

    /** @param report the diagnostics of the step that diverged, with its {@link StepReport#nonFinite()} */
    public TrainingDivergedException(StepReport report) {
        this(report, false);
    }

    /**
     * @param report        the diagnostics, with {@link StepReport#nonFinite()}
     * @param afterTraining true when every step was finite but the trained model's test loss is not
     */
    public TrainingDivergedException(StepReport report, boolean afterTraining) {
        super("HC-DIVERGED", afterTraining
                ? "the trained model's test loss is not finite: " + report.nonFinite().describe()
                        + "; the model was not saved"
                : "training diverged at step " + report.step() + ": " + report.nonFinite().describe()
                        + String.format(java.util.Locale.ROOT, "; max |h| %.4g, max |c| %.4g before it",
                        report.maxAbsH(), report.maxAbsC()) + "; the model was not updated or saved");
        this.report = report;
    }

    /** The diagnostics of the step that diverged. */
    public StepReport report() {
        return report;
    }
}
