package org.hotcell.example.streaming.data;

/**
 * One injected fault.
 *
 * @param kind      what happened
 * @param sensor    which sensor
 * @param start     the first affected step
 * @param length    how many steps are affected
 * @param magnitude the jump or shift (0 for a frozen sensor)
 */
public record Anomaly(AnomalyKind kind, int sensor, int start, int length, double magnitude) {

    /** The last step whose prediction error the fault can raise: the step after it ends, predicted from it. */
    public int lastLabelledStep() {
        return start + length;
    }
}
