package org.hotcell.runtime.models;

/**
 * A hosted model as listings show it.
 *
 * @param name      the model's name (its file name without {@code .json} or {@code .hc})
 * @param source    the file or directory it was built from
 * @param available whether it can compute now
 * @param error     why not, naming the missing plugin; null when available
 * @param inputSize features per step, or 0 when the spec could not be read
 * @param outputs   the head's outputs, or 0 when the spec could not be read
 * @param readout   {@code last_step} or {@code per_step}, or null when the spec could not be read
 */
public record ModelStatus(String name, String source, boolean available, String error, int inputSize, int outputs,
                          String readout) {
}
