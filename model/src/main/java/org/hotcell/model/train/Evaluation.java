package org.hotcell.model.train;

/**
 * How a model does on a data set.
 *
 * @param loss     the task's loss
 * @param mse      the mean squared error of the predictions over scored rows: for regression the MSE itself; for
 *                 classification, of the softmax probabilities against the one-hot targets (the Brier score)
 * @param accuracy the share of scored rows whose most probable class is right, or NaN when the task has none
 * @param rows     the number of rows scored
 */
public record Evaluation(double loss, double mse, double accuracy, long rows) {
}
