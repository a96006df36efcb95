package org.hotcell.study;

import java.io.Serializable;
import java.util.List;

import org.hotcell.core.error.InvalidSpecException;

/**
 * What is measured on a run's trained model besides the task metric. Every run gets the state probe (how often
 * the cell state falls, how often it is negative, how many units are dead, on the fixed test set); these are
 * the extra, costlier ones.
 *
 * @param evalLengths   sequence lengths, besides the training length, to evaluate the trained model at (the
 *                      metric and the largest |c| at each): does the state stay bounded on longer sequences?
 * @param gradientFlow  measure the norm of the loss gradient with respect to the cell state (the hidden state
 *                      for a cell without one) at each step of a test batch, before and after training
 */
public record Probes(List<Integer> evalLengths, boolean gradientFlow) implements Serializable {
    /** Nothing beyond the state probe. */
    public static final Probes NONE = new Probes(List.of(), false);

    /** @throws InvalidSpecException for a length below 1 */
    public Probes {
        evalLengths = List.copyOf(evalLengths);
        for (int length : evalLengths) {
            if (length < 1) {
                throw new InvalidSpecException("evaluation lengths must be at least 1, got " + length);
            }
        }
    }
}
