package org.hotcell.example.streaming.data;

import java.util.List;

/**
 * A multi-sensor stream with its ground truth.
 *
 * @param values    {@code values[t][s]}: the reading of sensor s at step t
 * @param labels    {@code labels[t]}: whether step t is anomalous (see {@link StreamGenerator} for which steps are)
 * @param anomalies the injected faults, in order of start
 */
public record LabelledStream(float[][] values, boolean[] labels, List<Anomaly> anomalies) {

    public LabelledStream {
        anomalies = List.copyOf(anomalies);
    }

    /** T. */
    public int length() {
        return values.length;
    }

    /** The number of sensors. */
    public int sensors() {
        return values[0].length;
    }
}
