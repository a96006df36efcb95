package org.hotcell.model.train;

import java.util.List;

import org.hotcell.model.net.Model;

/**
 * What a finished training run gives.
 *
 * @param model   the trained model (its parameters were updated in place)
 * @param history the diagnostics of every step
 * @param before  the test set's evaluation before training
 * @param test    the test set's evaluation after training
 * @param timings where the time went
 */
public record TrainingResult(Model model, List<StepReport> history, Evaluation before, Evaluation test,
                             Timings timings) {
}
