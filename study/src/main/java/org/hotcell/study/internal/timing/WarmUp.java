package org.hotcell.study.internal.timing;

import java.util.Arrays;

/**
 * Decides when a warm-up is over: once the JIT has compiled what is timed, which shows as the best time of every
 * entry no longer improving. A fixed warm-up is either too long on a quiet machine or too short on a busy one,
 * where the compiler threads get little processor time (on the 2-core machine under load, C2 took about 3 s to
 * compile the activation kernels, with plateaus of over a second between the JIT's tiers, hence the long quiet
 * period the callers ask for).
 *
 * <p>Over when the warm-up has run for at least {@code floor} and no entry's best time has improved by more than
 * 10% for {@code quiet}; or, in any case, after {@code cap}.
 */
final class WarmUp {
    private final long start;
    private final long floor;
    private final long cap;
    private final long quiet;
    private final double[] best;
    private long lastImprovement;

    /**
     * @param entries how many things are timed
     * @param start   when the warm-up began, a {@link System#nanoTime} value
     * @param floor   the shortest warm-up, in ns
     * @param cap     the longest warm-up, in ns
     * @param quiet   how long no best time may improve before it ends, in ns
     */
    WarmUp(int entries, long start, long floor, long cap, long quiet) {
        this.start = start;
        this.floor = floor;
        this.cap = cap;
        this.quiet = quiet;
        this.best = new double[entries];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        this.lastImprovement = start;
    }

    /** Notes one time of an entry (any unit, lower is better). */
    void record(int entry, double time) {
        if (time < 0.9 * best[entry]) {
            lastImprovement = System.nanoTime();
        }
        best[entry] = Math.min(best[entry], time);
    }

    /** Whether the warm-up is over. */
    boolean over() {
        long now = System.nanoTime();
        return now - start >= cap || (now - start >= floor && now - lastImprovement >= quiet);
    }
}
