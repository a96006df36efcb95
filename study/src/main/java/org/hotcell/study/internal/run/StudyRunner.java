package org.hotcell.study.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.Registry;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;

/**
 * Runs a list of runs on a fixed pool of threads, one run per thread at a time, each on a single-threaded
 * backend. Runs share nothing mutable but the (thread-safe) registry, so the results do not depend on the
 * number of threads or on which finishes first; they are returned in the list's order.
 */
public final class StudyRunner {
    private final Registry registry;
    private final Backend backend;
    private final int threads;

    /** @param threads the pool size, at least 1 (the study uses the number of available processors) */
    public StudyRunner(Registry registry, Backend backend, int threads) {
        if (threads < 1) {
            throw new InvalidSpecException("study threads must be at least 1, got " + threads);
        }
        this.registry = registry;
        this.backend = backend;
        this.threads = threads;
    }

    /**
     * Runs every run.
     *
     * @param bars draws the progress, or null for none
     * @throws RuntimeException the first failure of a run other than divergence (which is a result)
     */
    public List<RunResult> run(List<RunSpec> runs, ProgressBars bars) {
        SingleRun single = new SingleRun(registry, backend);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "study-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (RunSpec run : runs) {
                futures.add(pool.submit(() -> {
                    int slot = bars == null ? -1 : bars.start(run);
                    try {
                        return single.run(run, step -> {
                            if (bars != null) {
                                bars.step(slot, step);
                            }
                        });
                    } finally {
                        if (bars != null) {
                            bars.finish(slot);
                        }
                    }
                }));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> future : futures) {
                results.add(await(future));
            }
            if (bars != null) {
                bars.done();
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RunResult await(Future<RunResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a study run", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
