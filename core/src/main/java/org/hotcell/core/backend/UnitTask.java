package org.hotcell.core.backend;

/**
 * Work on the units {@code [from, to)} of a grouped product, run by
 * {@link Backend#multiplyThen} once those units' columns are final: a recurrent cell's activations and state
 * update for its share of the hidden units, done by the thread that has just computed their pre-activations.
 */
@FunctionalInterface
public interface UnitTask {
    /** Runs for units {@code [from, to)}, {@code from < to}. */
    void run(int from, int to);
}
