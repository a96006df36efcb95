package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcell.backend.simd.internal.CpuAffinityTest.members;
import static org.hotcell.backend.simd.internal.CpuAffinityTest.procAllowed;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Where a team's worker may run, read from /proc while the caller is held to one CPU at a time. Each case runs
 * its caller on a thread of its own, so the test runner's CPUs are never narrowed.
 */
class SpinTeamPlacementTest {

    @Test
    void workersAreKeptOffTheCallersCpuAndFollowItWhenItMoves() throws Exception {
        List<Integer> all = machineCpus();
        List<Object> seen = onOwnThread(() -> {
            SpinTeam team = new SpinTeam(2, "apart-probe", Duration.ofMillis(20), SpinTeam.Placement.APART,
                    Thread::new);
            List<Object> found = new ArrayList<>();
            found.add(team.keepsWorkersApart());
            AtomicInteger parts = new AtomicInteger();
            team.tryRun(part -> parts.incrementAndGet());   // the worker starts with all of the caller's CPUs
            for (int cpu : all.subList(0, 2)) {
                holdCallerTo(cpu);
                found.add(workerCpusOnceSettled(team, "apart-probe-1", parts));
            }
            found.add(parts.get() % 2);
            return found;
        });
        List<Integer> withoutFirst = new ArrayList<>(all);
        withoutFirst.remove(all.get(0));
        List<Integer> withoutSecond = new ArrayList<>(all);
        withoutSecond.remove(all.get(1));
        assertThat(seen).isEqualTo(List.of(true, withoutFirst, withoutSecond, 0));
    }

    @Test
    void osPlacementLeavesTheWorkersCpusAlone() throws Exception {
        List<Integer> all = machineCpus();
        List<Object> seen = onOwnThread(() -> {
            SpinTeam team = new SpinTeam(2, "os-probe", Duration.ofMillis(20), SpinTeam.Placement.OS, Thread::new);
            AtomicInteger parts = new AtomicInteger();
            team.tryRun(part -> parts.incrementAndGet());
            holdCallerTo(all.get(0));
            for (int i = 0; i < 50; i++) {
                team.tryRun(part -> parts.incrementAndGet());
            }
            return List.of(team.keepsWorkersApart(), procAllowed(task("os-probe-1")), parts.get());
        });
        assertThat(seen).isEqualTo(List.of(false, all, 102));
    }

    /** A caller held to one CPU before its team starts has workers with that CPU only: nothing to narrow. */
    @Test
    void aWorkerWithNoOtherCpuStaysWhereItCanRun() throws Exception {
        List<Integer> all = machineCpus();
        List<Object> seen = onOwnThread(() -> {
            holdCallerTo(all.get(1));
            SpinTeam team = new SpinTeam(2, "held-probe", Duration.ofMillis(20), SpinTeam.Placement.APART,
                    Thread::new);
            AtomicInteger parts = new AtomicInteger();
            for (int i = 0; i < 50; i++) {
                team.tryRun(part -> parts.incrementAndGet());
            }
            return List.of(procAllowed(task("held-probe-1")), parts.get());
        });
        assertThat(seen).isEqualTo(List.of(List.of(all.get(1)), 100));
    }

    /** The CPUs this JVM may use; the cases need two of them and the scheduler calls. */
    private static List<Integer> machineCpus() {
        assumeTrue(CpuAffinity.AVAILABLE, CpuAffinity.UNAVAILABLE_BECAUSE);
        List<Integer> all = members(CpuAffinity.allowedCpus());
        assumeTrue(all.size() >= 2, "needs two CPUs, has " + all);
        return all;
    }

    private static void holdCallerTo(int cpu) {
        long[] only = new long[CpuAffinity.WORDS];
        only[cpu >>> 6] = 1L << cpu;
        assertThat(CpuAffinity.allow(0, only)).as("narrowing the caller to CPU %d", cpu).isTrue();
    }

    /**
     * Runs jobs until the worker's allowed CPUs stop changing: the first jobs may come before the new worker has
     * said who it is. Gives up after 5 s and returns what it last saw.
     */
    private static List<Integer> workerCpusOnceSettled(SpinTeam team, String worker, AtomicInteger parts)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Integer> last = null;
        int unchanged = 0;
        while (unchanged < 20 && System.nanoTime() < deadline) {
            team.tryRun(part -> parts.incrementAndGet());
            List<Integer> now = procAllowed(task(worker));
            unchanged = now.equals(last) ? unchanged + 1 : 0;
            last = now;
            Thread.sleep(1);
        }
        return last;
    }

    /**
     * The /proc folder of this JVM's thread named {@code name}, waited for up to 5 s: a new thread takes its name
     * once it first runs, which on a busy CPU can be after the jobs that started it.
     */
    private static Path task(String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        do {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).trim().equals(name)) {
                            return task;
                        }
                    } catch (IOException gone) {
                        // a thread that ended while we looked
                    }
                }
            }
            Thread.sleep(1);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("no thread named " + name);
    }

    private static <T> T onOwnThread(Callable<T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(body.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
