package org.hotcell.runtime.cli;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --backend}, {@code --threads} and {@code --weights}: what computes in this process, with how many threads
 * and with what storage of the packed weights ({@link WeightsOption}; {@code train}, {@code bench}).
 */
final class ComputeOptions {

    @Mixin
    private BackendOption backend = new BackendOption();

    @Option(names = "--threads", defaultValue = "1", description = "backend threads (default: ${DEFAULT-VALUE})")
    private int threads;

    @Mixin
    private WeightsOption weights = new WeightsOption();

    /** Fails naming {@code --threads} when it is below 1, and {@code --weights} when it is no storage. */
    void check() {
        Flags.requirePositive("--threads", threads);
        weights.storage();
    }

    /**
     * The backend chosen, resolved now, computing each call with {@code --threads} threads and storing weights as
     * {@code --weights} says.
     *
     * @throws org.hotcell.core.error.InvalidSpecException naming the backend and {@code --weights} when the backend
     *         cannot store weights so
     */
    Backend resolve(Registry registry) {
        return weights.apply(backend.resolve(registry).withThreads(threads));
    }
}
