package org.hotcell.example.streaming.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hotcell.core.error.InvalidSpecException;

/**
 * Seeded synthetic multi-sensor streams: each sensor follows its own {@link SensorSignal} with Gaussian noise,
 * and an anomalous stream carries faults ({@link AnomalyKind}) at random places after a warm-up.
 *
 * <p>Labels: a step is anomalous when a fault affects its reading, and also the step right after a fault ends,
 * because the model predicted that step from a faulty reading and its error is the fault's doing too. The first
 * {@link #warmup()} steps are never faulty; detectors do not score them either (the model has seen too little).
 *
 * @param sensors sensors per stream, at least 1
 * @param noise   the standard deviation of the Gaussian noise
 * @param warmup  steps at the start that carry no fault and are not scored
 */
public record StreamGenerator(int sensors, double noise, int warmup) {

    /** 4 sensors, noise 0.05, 10 warm-up steps. */
    public static StreamGenerator standard() {
        return new StreamGenerator(4, 0.05, 10);
    }

    /** @throws InvalidSpecException naming the setting out of range */
    public StreamGenerator {
        if (sensors < 1) {
            throw new InvalidSpecException("a stream needs at least 1 sensor, got " + sensors);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new InvalidSpecException("noise must be a finite number >= 0, got " + noise);
        }
        if (warmup < 0) {
            throw new InvalidSpecException("warm-up must be >= 0 steps, got " + warmup);
        }
    }

    /** A normal stream of {@code length} steps (no faults, no labels set). */
    public LabelledStream normal(int length, SplittableRandom random) {
        return new LabelledStream(clean(length, random), new boolean[length], List.of());
    }

    /**
     * A stream of {@code length} steps with {@code faults} faults of random kinds, sensors and places; faults do
     * not overlap and leave a gap of at least 5 steps between them.
     *
     * @throws InvalidSpecException when the stream is too short to hold that many faults
     */
    public LabelledStream withAnomalies(int length, int faults, SplittableRandom random) {
        int room = length - warmup - faults * (30 + 1 + 5);
        if (faults < 0 || room < 0) {
            throw new InvalidSpecException("a stream of " + length + " steps cannot hold " + faults
                    + " faults after a warm-up of " + warmup + " (each takes up to 36 steps)");
        }
        float[][] values = clean(length, random);
        boolean[] labels = new boolean[length];
        List<Anomaly> anomalies = new ArrayList<>();
        // Split the free room randomly among the gaps before each fault, so places vary but never collide.
        int start = warmup;
        for (int f = 0; f < faults; f++) {
            int slack = room / faults;
            start += 5 + random.nextInt(slack + 1);
            Anomaly a = draw(random, start);
            inject(values, a);
            for (int t = a.start(); t <= Math.min(a.lastLabelledStep(), length - 1); t++) {
                labels[t] = true;
            }
            anomalies.add(a);
            start = a.start() + 30 + 1;
        }
        return new LabelledStream(values, labels, anomalies);
    }

    private Anomaly draw(SplittableRandom random, int start) {
        AnomalyKind kind = AnomalyKind.values()[random.nextInt(AnomalyKind.values().length)];
        int sensor = random.nextInt(sensors);
        double sign = random.nextBoolean() ? 1 : -1;
        return switch (kind) {
            case SPIKE -> new Anomaly(kind, sensor, start, 1, sign * (1 + random.nextDouble()));
            case LEVEL_SHIFT -> new Anomaly(kind, sensor, start, 10 + random.nextInt(16),
                    sign * (0.8 + 0.7 * random.nextDouble()));
            case FROZEN -> new Anomaly(kind, sensor, start, 15 + random.nextInt(16), 0);
        };
    }

    private static void inject(float[][] values, Anomaly a) {
        int s = a.sensor();
        for (int t = a.start(); t < Math.min(a.start() + a.length(), values.length); t++) {
            values[t][s] = switch (a.kind()) {
                case SPIKE, LEVEL_SHIFT -> (float) (values[t][s] + a.magnitude());
                case FROZEN -> values[a.start() - 1][s];
            };
        }
    }

    private float[][] clean(int length, SplittableRandom random) {
        SensorSignal[] signals = new SensorSignal[sensors];
        for (int s = 0; s < sensors; s++) {
            signals[s] = SensorSignal.draw(random);
        }
        float[][] values = new float[length][sensors];
        for (int t = 0; t < length; t++) {
            for (int s = 0; s < sensors; s++) {
                values[t][s] = (float) (signals[s].clean(t) + noise * random.nextGaussian());
            }
        }
        return values;
    }
}
