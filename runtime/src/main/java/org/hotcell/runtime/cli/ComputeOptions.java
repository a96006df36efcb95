package org.hotcell.runtime.cli;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --backend} and {@code --threads}: what computes in this process, with how many threads ({@code train},
 * {@code bench}).
 */
final class ComputeOptions {

    @Mixin
    private BackendOption backend = new BackendOption();

    @Option(names = "--threads", defaultValue = "1", description = "backend threads (default: ${DEFAULT-VALUE})")
    private int threads;

    /** Fails naming {@code --threads} when it is below 1. */
    void check() {
        Flags.requirePositive("--threads", threads);
    }

    /** The backend chosen, resolved now, computing each call with {@code --threads} threads. */
    Backend resolve(Registry registry) {
        return backend.resolve(registry).withThreads(threads);
    }
}
