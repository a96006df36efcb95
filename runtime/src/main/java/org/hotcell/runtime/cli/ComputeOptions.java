package org.hotcell.runtime.cli;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.WeightStorage;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.Registry;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --backend}, {@code --threads} and {@code --weights}: what computes in this process, with how many threads
 * and with what storage of the packed weights ({@code train}, {@code bench}).
 */
final class ComputeOptions {

    @Mixin
    private BackendOption backend = new BackendOption();

    @Option(names = "--threads", defaultValue = "1", description = "backend threads (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--weights", paramLabel = "fp32|bf16|int8", defaultValue = "fp32",
            description = "storage of the packed weights: fp32, or for inference bf16 or int8 with per-row scales "
                    + "(float32 accumulation; products then differ from fp32 by the weights' rounding; "
                    + "default: ${DEFAULT-VALUE})")
    private String weights;

    /** Fails naming {@code --threads} when it is below 1, and {@code --weights} when it is no storage. */
    void check() {
        Flags.requirePositive("--threads", threads);
        storage();
    }

    /**
     * The backend chosen, resolved now, computing each call with {@code --threads} threads and storing weights as
     * {@code --weights} says.
     *
     * @throws InvalidSpecException naming the backend and {@code --weights} when the backend cannot store weights so
     */
    Backend resolve(Registry registry) {
        Backend threaded = backend.resolve(registry).withThreads(threads);
        WeightStorage storage = storage();
        try {
            return threaded.withWeightStorage(storage);
        } catch (UnsupportedOperationException e) {
            throw new InvalidSpecException("--weights " + storage.spelling() + ": backend '" + threaded.name()
                    + "' stores weights as fp32 only; use --weights fp32 with it, or another --backend");
        }
    }

    private WeightStorage storage() {
        try {
            return WeightStorage.parse(weights);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("--weights must be one of " + WeightStorage.spellings() + ", got '"
                    + weights + "'");
        }
    }
}
