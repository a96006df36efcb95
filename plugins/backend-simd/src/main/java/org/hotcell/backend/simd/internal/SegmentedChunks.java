package org.hotcell.backend.simd.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Chunks {@code [0, chunks)} of one job, split into one contiguous segment per part of a team: part p takes its
 * own segment's chunks from the front, then, when that is empty, the chunks left in the other segments from
 * their back. Every chunk is taken exactly once.
 *
 * <p>Why: a grouped product ({@code multiplyThen}) runs the cell's element-wise step over the units of what a
 * thread has computed. Chunks handed out in turn to whichever thread is free leave each thread a scatter of small
 * ranges, and the element-wise step over a range costs about 0.1 us per row on top of its work (measured at
 * 1 thread on Zen 5, an LSTM step of 32 rows by 512 units: 38 us over all units at once, 63 us in ranges of 64).
 * Here a thread's chunks form one run in its own segment and one per segment it took from, so the step runs
 * over long ranges, while a slow thread still has the end of its segment taken over by the others.
 */
public final class SegmentedChunks {
    private final int chunks;
    private final int parts;
    /** Per segment: the next chunk its owner takes (high 32 bits) and one past the next a thief takes (low). */
    private final AtomicLongArray ends;

    /** Work over the chunks {@code [from, to)}, a run one part computed. */
    @FunctionalInterface
    public interface Run {
        void run(int from, int to);
    }

    public SegmentedChunks(int chunks, int parts) {
        if (chunks < 0 || parts < 1) {
            throw new IllegalArgumentException(chunks + " chunks in " + parts + " parts");
        }
        this.chunks = chunks;
        this.parts = parts;
        this.ends = new AtomicLongArray(parts);
        for (int s = 0; s < parts; s++) {
            ends.set(s, pack(start(s), start(s + 1)));
        }
    }

    /** The first chunk of segment {@code s}. */
    public int start(int s) {
        return (int) ((long) chunks * s / parts);
    }

    /**
     * Runs part p's share: {@code chunk} for every chunk it takes, and {@code run} once over each maximal run of
     * adjacent chunks it took, after the last chunk of that run.
     */
    public void runPart(int p, Run chunk, Run run) {
        int lo = -1;
        int hi = -1;
        for (int c = takeFront(p); c >= 0; c = takeFront(p)) {
            chunk.run(c, c + 1);
            if (lo < 0) {
                lo = c;
            }
            hi = c + 1;
        }
        flush(run, lo, hi);
        for (int k = 1; k < parts; k++) {
            int s = (p + k) % parts;
            lo = -1;
            hi = -1;
            for (int c = takeBack(s); c >= 0; c = takeBack(s)) {
                chunk.run(c, c + 1);
                if (lo < 0) {
                    hi = c + 1;
                    lo = c;
                } else if (c == lo - 1) {
                    lo = c;
                } else {
                    // Another thief took the chunk between: what this part has is two runs.
                    flush(run, lo, hi);
                    lo = c;
                    hi = c + 1;
                }
            }
            flush(run, lo, hi);
        }
    }

    private static void flush(Run run, int lo, int hi) {
        if (lo >= 0) {
            run.run(lo, hi);
        }
    }

    /** The next chunk of segment s from its front, or -1 when it has none left. */
    private int takeFront(int s) {
        return take(s, true);
    }

    /** The last chunk left in segment s, or -1 when it has none left. */
    private int takeBack(int s) {
        return take(s, false);
    }

    private int take(int s, boolean front) {
        while (true) {
            long v = ends.get(s);
            int first = (int) (v >>> 32);
            int end = (int) v;
            if (first >= end) {
                return -1;
            }
            long taken = front ? pack(first + 1, end) : pack(first, end - 1);
            if (ends.compareAndSet(s, v, taken)) {
                return front ? first : end - 1;
            }
        }
    }

    private static long pack(int front, int back) {
        return ((long) front << 32) | (back & 0xFFFFFFFFL);
    }
}
