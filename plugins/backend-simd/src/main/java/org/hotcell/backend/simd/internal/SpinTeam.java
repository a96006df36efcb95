package org.hotcell.backend.simd.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one job in {@code size} parts: part 0 on the caller, parts 1.. on
 * workers. A recurrent step takes microseconds, so hand-off and join are by spinning on volatile counters
 * rather than through an executor. A worker spins for {@link #SPIN_NANOS} after its last job (long enough
 * to catch the next step of a running sequence), then sleeps until {@link #tryRun} wakes it; after
 * {@link #IDLE_EXIT_NANOS} without work it ends, so an unused backend holds no threads (and no class loader
 * alive). It sleeps rather than polling on a short timer: a worker that woke every 50 us to look for work
 * used about a quarter of a core while idle, and took that from whatever else ran on the machine (a busy
 * team of another model, on this 2-core VM 30% of its speed).
 *
 * <p>One job at a time: a caller that finds the team busy gets {@code false} from {@link #tryRun} and does
 * the work itself, so concurrent models never wait on each other.
 */
public final class SpinTeam {
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** Spins between two looks at the clock. */
    private static final int SPIN_BATCH = 64;
    static final long IDLE_EXIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final int size;
    private final String name;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicIntegerArray alive;
    private final Thread[] threads;
    private volatile long generation;
    private volatile IntConsumer job;
    private volatile Throwable failure;

    /** A team of {@code size} participants, the caller included. */
    public SpinTeam(int size, String name) {
        if (size < 1) {
            throw new IllegalArgumentException("team size must be at least 1, got " + size);
        }
        this.size = size;
        this.name = name;
        this.alive = new AtomicIntegerArray(size);
        this.threads = new Thread[size];
    }

    /** Participants, the caller included. */
    public int size() {
        return size;
    }

    /**
     * Runs {@code part.accept(i)} for i in [0, size), part 0 on the calling thread, and returns when all are
     * done; returns false without running anything when another job holds the team.
     *
     * @throws RuntimeException the first failure of any part, after all parts have finished
     */
    public boolean tryRun(IntConsumer part) {
        if (!running.tryLock()) {
            return false;
        }
        try {
            long current = generation;
            for (int i = 1; i < size; i++) {
                if (alive.get(i) == 0) {
                    start(i, current);
                }
            }
            failure = null;
            job = part;
            pending.set(size - 1);
            generation = current + 1;
            for (int i = 1; i < size; i++) {
                LockSupport.unpark(threads[i]);
            }
            try {
                part.accept(0);
            } finally {
                while (pending.get() != 0) {
                    Thread.onSpinWait();
                }
                job = null;
            }
            Throwable failed = failure;
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            return true;
        } finally {
            running.unlock();
        }
    }

    private void start(int index, long seen) {
        alive.set(index, 1);
        Thread thread = new Thread(() -> work(index, seen), name + "-" + index);
        thread.setDaemon(true);
        threads[index] = thread;
        thread.start();
    }

    private void work(int index, long seen) {
        long idleSince = System.nanoTime();
        while (true) {
            long now = generation;
            if (now != seen) {
                seen = now;
                try {
                    job.accept(index);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    pending.decrementAndGet();
                }
                idleSince = System.nanoTime();
                continue;
            }
            long idle = System.nanoTime() - idleSince;
            if (idle < SPIN_NANOS) {
                for (int i = 0; i < SPIN_BATCH && generation == seen; i++) {
                    Thread.onSpinWait();
                }
                continue;
            }
            if (idle > IDLE_EXIT_NANOS && running.tryLock()) {
                // Holding the lock, no job can start; if none started since we looked, leave.
                try {
                    if (generation == seen) {
                        alive.set(index, 0);
                        return;
                    }
                } finally {
                    running.unlock();
                }
                continue;
            }
            // tryRun publishes the generation before it unparks us, and an unpark that comes before this park
            // makes it return at once, so no job can be missed.
            LockSupport.parkNanos(this, Math.max(IDLE_EXIT_NANOS - idle, 0) + 1);
        }
    }

    /** Worker threads running now (for tests of the idle exit). */
    public int liveWorkers() {
        int count = 0;
        for (int i = 1; i < size; i++) {
            count += alive.get(i);
        }
        return count;
    }
}
