package org.hotcell.study.internal.claims;

import java.util.Map;

/**
 * The timings of the cost claim, measured in the study's own process: per activation, samples of nanoseconds
 * per element of the bulk forward kernel and of the bulk derivative kernel; per candidate, samples of
 * milliseconds per training step.
 */
public record Timings(Map<String, double[]> kernelNanos, Map<String, double[]> derivativeNanos,
                      Map<String, double[]> stepMillis, String machine) {
    public Timings {
        kernelNanos = Map.copyOf(kernelNanos);
        derivativeNanos = Map.copyOf(derivativeNanos);
        stepMillis = Map.copyOf(stepMillis);
    }
}
