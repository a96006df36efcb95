package org.hotcell.example.streaming.detect;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.example.streaming.client.StepClient;
import org.hotcell.example.streaming.data.LabelledStream;

/**
 * Steps streams through a served model, one reading of one stream per call, and collects each step's residual:
 * the reading minus what the model predicted for it at the step before. Step 0 has no prediction; its residual is
 * zero and it lies in the warm-up anyway.
 */
public final class Monitor {
    private final StepClient client;

    /** A monitor that predicts through {@code client}. */
    public Monitor(StepClient client) {
        this.client = client;
    }

    /**
     * Steps every stream from its first reading to its last, interleaved (step t of every stream, then t + 1) as
     * live sensors would report, under the stream ids {@code prefix + index}.
     *
     * @return per stream, per step, the residual of every sensor
     */
    public List<float[][]> residuals(List<LabelledStream> streams, String prefix) {
        int count = streams.size();
        List<float[][]> residuals = new ArrayList<>();
        float[][] predicted = new float[count][];
        int longest = 0;
        for (LabelledStream stream : streams) {
            residuals.add(new float[stream.length()][stream.sensors()]);
            longest = Math.max(longest, stream.length());
        }
        for (int t = 0; t < longest; t++) {
            for (int i = 0; i < count; i++) {
                LabelledStream stream = streams.get(i);
                if (t >= stream.length()) {
                    continue;
                }
                float[] reading = stream.values()[t];
                if (predicted[i] != null) {
                    for (int s = 0; s < reading.length; s++) {
                        residuals.get(i)[t][s] = reading[s] - predicted[i][s];
                    }
                }
                predicted[i] = client.step(prefix + i, reading);
            }
        }
        return residuals;
    }

    /** The residuals of every stream's steps from {@code warmup} on, as calibration wants them. */
    public static List<float[]> scoredSteps(List<float[][]> residuals, int warmup) {
        List<float[]> steps = new ArrayList<>();
        for (float[][] stream : residuals) {
            for (int t = warmup; t < stream.length; t++) {
                steps.add(stream[t]);
            }
        }
        return steps;
    }

    /** Flags the steps of one stream whose score exceeds the calibrated threshold. */
    public static boolean[] flags(float[][] residuals, Calibration calibration) {
        boolean[] flags = new boolean[residuals.length];
        for (int t = 0; t < residuals.length; t++) {
            flags[t] = calibration.flags(residuals[t]);
        }
        return flags;
    }
}
