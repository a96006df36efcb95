package org.hotcell.model.task;

import java.util.SplittableRandom;

import org.hotcell.model.loss.Loss;
import org.hotcell.model.spec.Readout;

/**
 * A synthetic sequence task with a seeded generator: the same random state gives the same batch, bit for bit.
 * Implementations are immutable.
 */
public interface Task {

    /** The task's name, e.g. {@code adding}. */
    String name();

    /** One line on what the model must do and what a trivial answer scores. */
    String describe();

    /** Features per input step. */
    int inputSize();

    /** Width of each prediction. */
    int outputSize();

    /** Which steps are predicted. */
    Readout readout();

    /** The loss to train with. */
    Loss loss();

    /** Whether {@link Batch#scored()} is set and accuracy (the share of scored rows whose argmax is right) means something. */
    default boolean reportsAccuracy() {
        return false;
    }

    /** Draws {@code size} examples from {@code random}. */
    Batch batch(int size, SplittableRandom random);
}
