package org.hotcell.study.cluster;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.internal.run.SingleRun;

/**
 * Runs one run in this JVM: what a cluster's task calls. The plugins are discovered once per JVM, those on the
 * JVM's own path and those the thread context class loader sees (where a cluster puts the jars it ships, e.g.
 * Spark's executor loader with {@code --plugins} jars), and every run computes single-threaded.
 */
public final class RunWorker {
    private static volatile SingleRun runner;

    private RunWorker() {
    }

    /** Trains and measures one run. */
    public static RunResult run(RunSpec spec) {
        return runner().run(spec, step -> {
        });
    }

    private static SingleRun runner() {
        SingleRun current = runner;
        if (current == null) {
            synchronized (RunWorker.class) {
                current = runner;
                if (current == null) {
                    PluginRegistry registry = PluginRegistry.discover();
                    ClassLoader shipped = Thread.currentThread().getContextClassLoader();
                    if (shipped != null && shipped != RunWorker.class.getClassLoader()) {
                        // Providers it sees again through its parents are the same classes: no conflict.
                        registry.addAll(null, shipped);
                    }
                    current = new SingleRun(registry, registry.defaultBackend());
                    runner = current;
                }
            }
        }
        return current;
    }
}
