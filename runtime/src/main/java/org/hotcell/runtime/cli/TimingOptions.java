package org.hotcell.runtime.cli;

import java.util.Arrays;

import org.hotcell.core.error.InvalidSpecException;

import picocli.CommandLine.Option;

/** {@code --warmup} and {@code --seconds}: how long {@code bench} warms a call up, then times it. */
final class TimingOptions {

    @Option(names = "--seconds", defaultValue = "3", description = "measuring time (default: ${DEFAULT-VALUE})")
    private double seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "warm-up time in seconds (default: ${DEFAULT-VALUE})")
    private double warmup;

    /** Fails naming both flags unless {@code --seconds} is positive and {@code --warmup} not negative. */
    void check() {
        if (!(seconds > 0) || !(warmup >= 0)) {
            throw new InvalidSpecException("--seconds must be positive and --warmup not negative, got " + seconds
                    + " and " + warmup);
        }
    }

    /**
     * Runs {@code call} for {@code --warmup} seconds (once at least), then times it for {@code --seconds}: at least 5
     * and at most 65536 runs.
     *
     * @return the time of each timed run in milliseconds, sorted
     */
    double[] sortedMillis(Runnable call) {
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        do {
            call.run();
        } while (System.nanoTime() < warmupEnd);

        double[] samples = new double[1 << 16];
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while ((System.nanoTime() < end || count < 5) && count < samples.length) {
            long start = System.nanoTime();
            call.run();
            samples[count++] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted;
    }
}
