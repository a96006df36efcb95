package org.hotcell.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: the threads a backend computes one call with ({@code train}, {@code bench}). */
final class ThreadsOption {

    @Option(names = "--threads", defaultValue = "1", description = "backend threads (default: ${DEFAULT-VALUE})")
    private int threads;

    /** The thread count, once {@link #check()} has passed. */
    int count() {
        return threads;
    }

    /** Fails naming {@code --threads} when it is below 1. */
    void check() {
        Flags.requirePositive("--threads", threads);
    }
}
