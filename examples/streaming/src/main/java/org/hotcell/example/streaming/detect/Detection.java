package org.hotcell.example.streaming.detect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotcell.example.streaming.client.StepClient;
import org.hotcell.example.streaming.data.Anomaly;
import org.hotcell.example.streaming.data.AnomalyKind;
import org.hotcell.example.streaming.data.LabelledStream;

/**
 * The whole detection run: calibrate on normal streams, then step anomalous streams and count flags against
 * labels.
 *
 * @param calibration what the normal streams taught
 * @param steps       step-level counts over every scored step of the anomalous streams
 * @param detected    per kind of fault, how many were flagged at least once within their labelled steps
 * @param injected    per kind of fault, how many there were
 */
public record Detection(Calibration calibration, Confusion steps, Map<AnomalyKind, Integer> detected,
                        Map<AnomalyKind, Integer> injected) {

    /**
     * Runs it.
     *
     * @param client    steps the served model
     * @param normal    normal streams, for calibration
     * @param anomalous streams with faults, for evaluation
     * @param warmup    leading steps of every stream that are not scored
     * @param quantile  the calibration quantile (see {@link Calibration#fit})
     */
    public static Detection run(StepClient client, List<LabelledStream> normal, List<LabelledStream> anomalous,
                                int warmup, double quantile) {
        Monitor monitor = new Monitor(client);
        Calibration calibration = Calibration.fit(
                Monitor.scoredSteps(monitor.residuals(normal, "calibration-"), warmup), quantile);
        List<float[][]> residuals = monitor.residuals(anomalous, "stream-");
        Confusion steps = Confusion.EMPTY;
        Map<AnomalyKind, Integer> detected = new EnumMap<>(AnomalyKind.class);
        Map<AnomalyKind, Integer> injected = new EnumMap<>(AnomalyKind.class);
        for (AnomalyKind kind : AnomalyKind.values()) {
            detected.put(kind, 0);
            injected.put(kind, 0);
        }
        for (int i = 0; i < anomalous.size(); i++) {
            LabelledStream stream = anomalous.get(i);
            boolean[] flags = Monitor.flags(residuals.get(i), calibration);
            steps = steps.plus(Confusion.of(stream.labels(), flags, warmup));
            for (Anomaly a : stream.anomalies()) {
                injected.merge(a.kind(), 1, Integer::sum);
                for (int t = a.start(); t <= Math.min(a.lastLabelledStep(), flags.length - 1); t++) {
                    if (flags[t]) {
                        detected.merge(a.kind(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        return new Detection(calibration, steps, Map.copyOf(detected), Map.copyOf(injected));
    }
}
