package org.hotcell.study;

/**
 * One training run of the grid.
 *
 * @param setting   the task and its training settings
 * @param cell      the cell type, e.g. {@code lstm}
 * @param gate      the activation of every gate
 * @param candidate the activation of the candidate, and for an LSTM also of the output
 * @param seed      seeds the weights, the training batches and the test set
 */
public record RunSpec(TaskSetting setting, String cell, String gate, String candidate, long seed) {

    /** The configuration without the seed, e.g. {@code lstm/sigmoid/relu}. */
    public String configuration() {
        return cell + "/" + gate + "/" + candidate;
    }

    /** E.g. {@code adding lstm/sigmoid/relu seed 2}. */
    public String label() {
        return setting.task() + " " + configuration() + " seed " + seed;
    }
}
