package org.hotcell.backend.simd.internal;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one job in {@code size} parts: part 0 on the caller, part i on worker i
 * unless the caller, done with its own, finds it untaken and runs it itself. A recurrent step takes
 * microseconds, so hand-off and join are by spinning on volatile counters rather than through an executor.
 *
 * <p>After its last job a worker waits in three phases, each cheaper for the machine and slower to answer:
 * <ol>
 *   <li>for {@link #HOT_SPIN_NANOS} it spins on the job counter, which catches the next step of a running
 *       sequence within nanoseconds;</li>
 *   <li>until the team's spin window ends ({@link #DEFAULT_SPIN}, or the backend's setting) it spins with
 *       {@link Thread#yield} between looks, so any other runnable thread on its core goes first (a 2-thread
 *       job beside such a worker took 1.03-1.04x its time, beside a hot spinner 1.5x). This phase keeps the
 *       worker on its own core between calls that come milliseconds apart. Woken from sleep instead, on a
 *       VM whose kernel packs work onto few vCPUs, the worker was put on the caller's vCPU in most calls after
 *       a 10-50 ms pause and stayed there for milliseconds; an LSTM 25x32x512 at 2 threads then took about its
 *       1-thread time (1.4-1.7x ONNX Runtime's, whose workers spin about 30 ms after a call), and 1.1x with a
 *       15-30 ms window;</li>
 *   <li>then it sleeps until {@link #tryRun} wakes it; after {@link #IDLE_EXIT_NANOS} without work it ends,
 *       so an unused backend holds no threads (and no class loader alive). It sleeps rather than polling on a
 *       short timer: a worker that woke every 50 us to look for work used about a quarter of a core while
 *       idle, and took that from whatever else ran on the machine (a busy team of another model, on this
 *       2-core VM 30% of its speed).</li>
 * </ol>
 *
 * <p>With {@link Placement#APART} (the default) the caller keeps every worker off the CPU it runs on itself: at
 * each job it reads its CPU, and when that is not the one a worker was last kept from, it narrows the worker's
 * allowed CPUs to the set the worker started with, less the caller's. The parts of a job are meant to run at
 * once, so two of them on one CPU is never what anyone wants; yet on a VM whose kernel packs work onto few
 * vCPUs the scheduler did that after every pause of a few tens of milliseconds, and kept it so for
 * milliseconds: an LSTM 25x1x512 at 2 threads, each timed call right after an untimed one, took 1.6-1.7x ONNX
 * Runtime's time, and 0.86-0.89x with the workers kept apart. The check costs one {@code sched_getcpu} a job;
 * the narrowing, one {@code sched_setaffinity} when the caller has moved. Where {@link CpuAffinity} is not
 * available (not Linux, Java 21, no native access), placement is left to the OS, as with {@link Placement#OS}.
 *
 * <p>One job at a time: a caller that finds the team busy gets {@code false} from {@link #tryRun} and does
 * the work itself, so concurrent models never wait on each other.
 */
public final class SpinTeam {
    /** How long a worker spins hot after a job, before it yields between looks (or sleeps, if the window ends). */
    static final long HOT_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** The spin window of {@link #SpinTeam(int, String)}: the time a worker stays awake after its last job. */
    public static final Duration DEFAULT_SPIN = Duration.ofMillis(20);
    /** Spins between two looks at the clock. */
    private static final int SPIN_BATCH = 64;
    static final long IDLE_EXIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Who decides which CPUs the workers run on. */
    public enum Placement {
        /** The team keeps each worker off its caller's CPU (see the class comment); the OS places it among the rest. */
        APART,
        /** The OS alone. */
        OS
    }

    private final int size;
    private final String name;
    private final long spinNanos;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicIntegerArray alive;
    /** Per part of the current job, 1 once a thread (its worker or the caller) has taken it. */
    private final AtomicIntegerArray claimed;
    private final ThreadFactory threadFactory;
    private final Thread[] threads;
    /** Whether this team keeps its workers apart from the caller: {@link Placement#APART} and {@link CpuAffinity}. */
    private final boolean apart;
    /** Per worker, its kernel thread id once it has started (0 before). */
    private final AtomicIntegerArray threadIds;
    /** Per worker, the CPUs it was allowed when it started, published before its thread id. */
    private final long[][] startingCpus;
    /** Per worker, the CPU it was last kept off; -1 for none. Touched by callers only, under {@link #running}. */
    private final int[] keptOff;
    private volatile long generation;
    private volatile IntConsumer job;
    private volatile Throwable failure;

    /** A team of {@code size} participants, the caller included, whose workers stay awake {@link #DEFAULT_SPIN}. */
    public SpinTeam(int size, String name) {
        this(size, name, DEFAULT_SPIN);
    }

    /**
     * A team of {@code size} participants whose workers stay awake {@code spin} after their last job (the first
     * {@link #HOT_SPIN_NANOS} of it spinning hot, the rest yielding); a window shorter than the hot spin, zero
     * included, leaves only the hot spin (the next step of a running sequence still finds them awake).
     */
    public SpinTeam(int size, String name, Duration spin) {
        this(size, name, spin, Thread::new);
    }

    /** As {@link #SpinTeam(int, String, Duration)}, with workers made by {@code threadFactory} (tests). */
    public SpinTeam(int size, String name, Duration spin, ThreadFactory threadFactory) {
        this(size, name, spin, Placement.APART, threadFactory);
    }

    /** As {@link #SpinTeam(int, String, Duration, ThreadFactory)}, with the workers' {@code placement}. */
    public SpinTeam(int size, String name, Duration spin, Placement placement, ThreadFactory threadFactory) {
        if (size < 1) {
            throw new IllegalArgumentException("team size must be at least 1, got " + size);
        }
        if (spin.isNegative()) {
            throw new IllegalArgumentException("spin window must not be negative, got " + spin);
        }
        this.size = size;
        this.name = name;
        this.spinNanos = spin.toNanos();
        this.alive = new AtomicIntegerArray(size);
        this.claimed = new AtomicIntegerArray(size);
        this.threadFactory = threadFactory;
        this.threads = new Thread[size];
        this.apart = placement == Placement.APART && CpuAffinity.AVAILABLE;
        this.threadIds = new AtomicIntegerArray(size);
        this.startingCpus = new long[size][];
        this.keptOff = new int[size];
    }

    /** Whether the workers are kept off the caller's CPU (see the class comment), for a backend's description. */
    public boolean keepsWorkersApart() {
        return apart;
    }

    /** Participants, the caller included. */
    public int size() {
        return size;
    }

    /**
     * Runs {@code part.accept(i)} for i in [0, size) and returns when all are done; returns false without
     * running anything when another job holds the team. Part 0 runs on the calling thread, part i on worker i
     * when that worker claims it first; once its own part is done, the caller claims and runs every part whose
     * worker has not started it yet. So a worker that is asleep, or not scheduled because the machine is busy,
     * costs the caller time but never leaves it waiting.
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
            // Claims are reset after job and pending are set: a worker that claims part i reads the job after
            // its claim, so even one that saw only the previous generation runs the current job's part.
            for (int i = 1; i < size; i++) {
                claimed.set(i, 0);
            }
            generation = current + 1;
            for (int i = 1; i < size; i++) {
                LockSupport.unpark(threads[i]);
            }
            try {
                if (apart) {
                    keepWorkersApart();
                }
                runPart(part, 0);
                for (int i = 1; i < size; i++) {
                    if (claimed.compareAndSet(i, 0, 1)) {
                        runPart(part, i);
                        pending.decrementAndGet();
                    }
                }
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

    /**
     * Narrows each started worker's allowed CPUs to those it started with, less the caller's, unless it is
     * already kept off that one. After the unparks: a sleeping worker is woken first and moved while it wakes.
     */
    private void keepWorkersApart() {
        int cpu = CpuAffinity.currentCpu();
        for (int i = 1; i < size; i++) {
            int threadId = threadIds.get(i);
            if (threadId > 0 && keptOff[i] != cpu) {
                keptOff[i] = cpu;
                CpuAffinity.allow(threadId, CpuAffinity.without(startingCpus[i], cpu));
            }
        }
    }

    /** Runs one part, keeping the first failure for {@link #tryRun} to throw once every part is over. */
    private void runPart(IntConsumer part, int index) {
        try {
            part.accept(index);
        } catch (Throwable t) {
            if (failure == null) {
                failure = t;
            }
        }
    }

    private void start(int index, long seen) {
        alive.set(index, 1);
        threadIds.set(index, 0);
        keptOff[index] = -1;
        Thread thread = threadFactory.newThread(() -> work(index, seen));
        thread.setName(name + "-" + index);
        thread.setDaemon(true);
        threads[index] = thread;
        thread.start();
    }

    private void work(int index, long seen) {
        if (apart) {
            long[] cpus = CpuAffinity.allowedCpus();
            if (cpus != null) {
                startingCpus[index] = cpus;
                threadIds.set(index, CpuAffinity.currentThreadId());
            }
        }
        long idleSince = System.nanoTime();
        while (true) {
            long now = generation;
            if (now != seen) {
                seen = now;
                if (claimed.compareAndSet(index, 0, 1)) {
                    try {
                        runPart(job, index);
                    } finally {
                        pending.decrementAndGet();
                    }
                }
                idleSince = System.nanoTime();
                continue;
            }
            long idle = System.nanoTime() - idleSince;
            if (idle < HOT_SPIN_NANOS) {
                for (int i = 0; i < SPIN_BATCH && generation == seen; i++) {
                    Thread.onSpinWait();
                }
                continue;
            }
            if (idle < spinNanos) {
                Thread.yield();
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
