package org.hotcell.study;

import java.io.Serializable;

/**
 * A trained model evaluated on longer sequences than it was trained on.
 *
 * @param length  the sequence length
 * @param metric  the task metric on a fixed test set of that length (NaN when the output was not finite)
 * @param maxAbsC the largest |c| (|h| for a cell without a cell state) at any step of that test set
 */
public record LengthResult(int length, double metric, double maxAbsC) implements Serializable {
}
