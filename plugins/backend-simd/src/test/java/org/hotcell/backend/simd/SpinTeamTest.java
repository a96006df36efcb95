package org.hotcell.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.hotcell.backend.simd.internal.SpinTeam;
import org.junit.jupiter.api.Test;

class SpinTeamTest {

    @Test
    void everyPartRunsOncePerJobAndPartZeroOnTheCaller() {
        SpinTeam team = new SpinTeam(3, "test-team");
        for (int round = 0; round < 1000; round++) {
            ConcurrentHashMap<Integer, Integer> ran = new ConcurrentHashMap<>();
            ConcurrentHashMap<Integer, String> where = new ConcurrentHashMap<>();
            assertThat(team.tryRun(part -> {
                ran.merge(part, 1, Integer::sum);
                where.put(part, Thread.currentThread().getName());
            })).isTrue();
            assertThat(ran).containsOnlyKeys(0, 1, 2).allSatisfy((part, times) -> assertThat(times).isEqualTo(1));
            assertThat(where.get(0)).isEqualTo(Thread.currentThread().getName());
        }
    }

    /** A worker that is up takes its own part: here the caller's part waits (up to 10 s) until it has. */
    @Test
    void runningWorkersTakeTheirOwnParts() {
        SpinTeam team = new SpinTeam(2, "test-team");
        for (int round = 0; round < 200; round++) {
            CountDownLatch workerStarted = new CountDownLatch(1);
            ConcurrentHashMap<Integer, String> where = new ConcurrentHashMap<>();
            assertThat(team.tryRun(part -> {
                where.put(part, Thread.currentThread().getName());
                if (part == 1) {
                    workerStarted.countDown();
                } else {
                    await(workerStarted);
                }
            })).isTrue();
            assertThat(where.get(1)).as("round %d", round).isEqualTo("test-team-1");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("worker took its part").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthersFinish() {
        SpinTeam team = new SpinTeam(2, "test-team");
        AtomicBoolean otherFinished = new AtomicBoolean();
        assertThatThrownBy(() -> team.tryRun(part -> {
            if (part == 1) {
                throw new IllegalStateException("part 1 broke");
            }
            otherFinished.set(true);
        })).isInstanceOf(IllegalStateException.class).hasMessage("part 1 broke");
        assertThat(otherFinished).isTrue();
        // The team still works afterwards.
        assertThat(team.tryRun(part -> { })).isTrue();
    }

    @Test
    void aBusyTeamRefusesInsteadOfWaiting() throws InterruptedException {
        SpinTeam team = new SpinTeam(2, "test-team");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> team.tryRun(part -> {
            if (part == 0) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        holder.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(team.tryRun(part -> { })).isFalse();
        release.countDown();
        holder.join(10_000);
        assertThat(team.tryRun(part -> { })).isTrue();
    }

    @Test
    void idleWorkersEndAndComeBackWhenNeeded() throws InterruptedException {
        SpinTeam team = new SpinTeam(2, "test-team");
        team.tryRun(part -> { });
        assertThat(team.liveWorkers()).isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (team.liveWorkers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(team.liveWorkers()).as("workers after idling").isZero();
        ConcurrentHashMap<Integer, Boolean> ran = new ConcurrentHashMap<>();
        assertThat(team.tryRun(part -> ran.put(part, true))).isTrue();
        assertThat(ran).containsOnlyKeys(0, 1);
    }

    /**
     * Another idle team on the same machine must not take CPU from the one at work: a worker that has no job
     * spins only briefly and then sleeps until it is handed one. (A worker that woke every 50 us to look for
     * work cost a busy 2-thread product on this 2-core VM about 30% of its speed.)
     */
    @Test
    void anIdleWorkerSleepsInsteadOfPolling() throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SpinTeam team = new SpinTeam(2, "idle-probe");
        AtomicLong workerId = new AtomicLong();
        team.tryRun(part -> {
            if (part == 1) {
                workerId.set(Thread.currentThread().threadId());
            }
        });
        Thread.sleep(SpinTeam.DEFAULT_SPIN.toMillis() + 50); // past the spin window
        long before = cpu.getThreadCpuTime(workerId.get());
        Thread.sleep(1000);
        long used = cpu.getThreadCpuTime(workerId.get()) - before;
        assertThat(team.liveWorkers()).isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(used)).as("worker CPU ms over one idle second").isLessThan(10);
    }

    /**
     * Between calls a worker stays awake for the team's spin window (so that the next call finds it running on its
     * own core), yielding to any other thread, and sleeps once the window is over.
     */
    @Test
    void aWorkerStaysAwakeThroughItsSpinWindowThenSleeps() throws InterruptedException {
        long windowMillis = 400;
        SpinTeam team = new SpinTeam(2, "window-probe", Duration.ofMillis(windowMillis));
        Thread worker = workerOf(team);
        long jobEnd = System.nanoTime();
        Thread.sleep(windowMillis / 4);
        long seen = System.nanoTime();
        Thread.State inWindow = worker.getState();
        if (TimeUnit.NANOSECONDS.toMillis(seen - jobEnd) < windowMillis) {
            assertThat(inWindow).as("worker state inside the spin window").isEqualTo(Thread.State.RUNNABLE);
        }
        assertThat(parksWithin(worker, windowMillis + 1000)).as("worker asleep after the window").isTrue();
    }

    /** A zero window leaves only the short hot spin: the worker sleeps soon after its job. */
    @Test
    void aZeroWindowSendsAWorkerToSleepAfterItsHotSpin() throws InterruptedException {
        SpinTeam team = new SpinTeam(2, "no-window", Duration.ZERO);
        assertThat(parksWithin(workerOf(team), 1000)).as("worker asleep soon after its job").isTrue();
        assertThatThrownBy(() -> new SpinTeam(2, "negative", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spin window");
    }

    /**
     * Runs jobs until worker 1 has run its own part (not the caller for it), and returns that worker. The caller's
     * part waits up to 100 ms for it, so that a worker just started or woken gets there first.
     */
    private static Thread workerOf(SpinTeam team) {
        AtomicReference<Thread> worker = new AtomicReference<>();
        for (int round = 0; round < 100 && worker.get() == null; round++) {
            CountDownLatch taken = new CountDownLatch(1);
            team.tryRun(part -> {
                if (part == 1) {
                    if (Thread.currentThread().getName().endsWith("-1")) {
                        worker.set(Thread.currentThread());
                    }
                    taken.countDown();
                } else {
                    try {
                        taken.await(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }
        assertThat(worker.get()).as("a worker that took its part").isNotNull();
        return worker.get();
    }

    /** Whether {@code thread} is seen parked (timed wait) within {@code millis}. */
    private static boolean parksWithin(Thread thread, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (thread.getState() == Thread.State.TIMED_WAITING) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /**
     * A worker that does not come (asleep, or not scheduled on a busy machine; here, never started) costs the
     * caller time but cannot hold it: the caller runs the untaken parts itself.
     */
    @Test
    void theCallerRunsThePartsOfAWorkerThatDoesNotCome() {
        SpinTeam team = new SpinTeam(3, "absent", SpinTeam.DEFAULT_SPIN, task -> new Thread(task) {
            @Override
            public void start() {
                // never runs
            }
        });
        for (int round = 0; round < 3; round++) {
            ConcurrentHashMap<Integer, String> ran = new ConcurrentHashMap<>();
            assertThat(team.tryRun(part -> ran.put(part, Thread.currentThread().getName()))).isTrue();
            assertThat(ran).containsOnlyKeys(0, 1, 2);
            assertThat(ran.values()).containsOnly(Thread.currentThread().getName());
        }
        assertThatThrownBy(() -> team.tryRun(part -> {
            if (part == 2) {
                throw new IllegalStateException("part 2 broke");
            }
        })).hasMessage("part 2 broke");
    }
}
