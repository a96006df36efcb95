package org.hotcell.runtime.cli;

import org.hotcell.model.task.Task;
import org.hotcell.model.task.Tasks;

import picocli.CommandLine.Option;

/**
 * The built-in task, its test set and the seed, as {@code train} and {@code evaluate} both take them:
 * {@code evaluate} given the values {@code train} had scores the model on the very sequences {@code train} tested on.
 */
final class TaskOptions {

    @Option(names = "--task", defaultValue = "adding", description = "adding, copy or sine (default: ${DEFAULT-VALUE})")
    private String task;

    @Option(names = "--length", defaultValue = "50",
            description = "sequence length (adding, sine) or delay (copy) (default: ${DEFAULT-VALUE})")
    private int length;

    @Option(names = "--test-size", defaultValue = "1000", description = "test sequences (default: ${DEFAULT-VALUE})")
    private int testSize;

    @Option(names = "--seed", defaultValue = "1",
            description = "seed of the data and of train's weights; give evaluate the one train used "
                    + "(default: ${DEFAULT-VALUE})")
    private long seed;

    /** The task named by {@code --task} at {@code --length}. */
    Task create() {
        return Tasks.create(task, length);
    }

    /** {@code --length}: the sequence length T, or the copy task's delay. */
    int length() {
        return length;
    }

    /** {@code --test-size}: how many test sequences. */
    int testSize() {
        return testSize;
    }

    /** {@code --seed}: the seed of the data sequences and, in {@code train}, of the initial weights. */
    long seed() {
        return seed;
    }

    /** Fails naming {@code --length} when it is below 1. */
    void checkLength() {
        Flags.requirePositive("--length", length);
    }

    /** Fails naming {@code --test-size} when it is below 1. */
    void checkTestSize() {
        Flags.requirePositive("--test-size", testSize);
    }
}
