package org.hotcell.example.streaming.data;

import java.util.SplittableRandom;

/**
 * The normal behaviour of one sensor: two sines plus Gaussian noise,
 * {@code x(t) = a1 sin(w1 t + p1) + a2 sin(w2 t + p2) + sigma e(t)}, e ~ N(0, 1), with
 * w1 ~ U[0.05, 0.2], w2 ~ U[0.2, 0.5], a1 ~ U[0.4, 0.7], a2 ~ U[0.1, 0.3] and phases ~ U[0, 2 pi).
 * The clean part stays within (-1, 1).
 *
 * @param a1 amplitude of the slow sine
 * @param w1 angular frequency of the slow sine, per step
 * @param p1 phase of the slow sine
 * @param a2 amplitude of the fast sine
 * @param w2 angular frequency of the fast sine, per step
 * @param p2 phase of the fast sine
 */
public record SensorSignal(double a1, double w1, double p1, double a2, double w2, double p2) {

    /** Draws a sensor's parameters. */
    public static SensorSignal draw(SplittableRandom random) {
        double a1 = 0.4 + 0.3 * random.nextDouble();
        double w1 = 0.05 + 0.15 * random.nextDouble();
        double p1 = 2 * Math.PI * random.nextDouble();
        double a2 = 0.1 + 0.2 * random.nextDouble();
        double w2 = 0.2 + 0.3 * random.nextDouble();
        double p2 = 2 * Math.PI * random.nextDouble();
        return new SensorSignal(a1, w1, p1, a2, w2, p2);
    }

    /** The noiseless value at step t. */
    public double clean(int t) {
        return a1 * Math.sin(w1 * t + p1) + a2 * Math.sin(w2 * t + p2);
    }
}
