package org.hotcell.study.cluster;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.study.RunResult;
import org.hotcell.study.RunSpec;
import org.hotcell.study.internal.run.SingleRun;

/**
 * Runs one run in this JVM: what a cluster's task calls. The plugins are discovered once per JVM (through the
 * thread context class loader, where a cluster puts the jars it ships) and every run computes single-threaded.
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
                    Registry registry = PluginRegistry.discover();
                    current = new SingleRun(registry, registry.defaultBackend());
                    runner = current;
                }
            }
        }
        return current;
    }
}
