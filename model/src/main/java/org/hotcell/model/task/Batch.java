package org.hotcell.model.task;

import org.hotcell.core.cell.SequenceBatch;

/**
 * A batch of examples of a task.
 *
 * @param x       the inputs, time-major {@code [T, N, inputSize]}
 * @param target  the targets {@code [rows, outputSize]}; rows are {@code t * N + n} for a per-step task, n for a
 *                last-step one
 * @param weights the loss weight of each row, or null for all 1
 * @param scored  for tasks that report accuracy, which rows count (1) and which do not (0); null otherwise
 * @param rows    the number of target rows
 */
public record Batch(SequenceBatch x, float[] target, float[] weights, float[] scored, int rows) {
}
