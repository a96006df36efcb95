package org.hotcell.study;

import java.io.Serializable;

/**
 * How a trained model's recurrent state behaves on the fixed test set: the cell state c of an LSTM, the hidden
 * state h of a cell without one. Each share is over every (sequence, step, unit) of the test set; NaN when the
 * run diverged before it could be measured.
 *
 * @param fallShare     the share of steps at which the state fell: {@code s_t < s_(t-1)}. With a candidate that
 *                      is never negative an LSTM's c can only fall by the forget gate's decay.
 * @param negativeShare the share of states below zero
 * @param deadShare     the share of units whose state was at or below zero at every step of every sequence: with
 *                      a relu output function such a unit's h is always 0 and passes no gradient through it
 */
public record StateStats(double fallShare, double negativeShare, double deadShare) implements Serializable {
    /** Not measured (the run diverged). */
    public static final StateStats UNKNOWN = new StateStats(Double.NaN, Double.NaN, Double.NaN);
}
