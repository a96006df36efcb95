package org.hotcell.runtime.cli;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.WeightStorage;
import org.hotcell.core.error.InvalidSpecException;

import picocli.CommandLine.Option;

/**
 * {@code --weights fp32|bf16|int8}: how the backend stores packed weights ({@code train}, {@code bench},
 * {@code evaluate}, {@code run}). bf16 and int8 are for inference: smaller weights to read at every step, float32
 * accumulation, results that differ from fp32 by the weights' rounding.
 */
final class WeightsOption {

    @Option(names = "--weights", paramLabel = "fp32|bf16|int8", defaultValue = "fp32",
            description = "storage of the packed weights: fp32, or for inference bf16 or int8 with per-row scales "
                    + "(float32 accumulation; products then differ from fp32 by the weights' rounding; "
                    + "default: ${DEFAULT-VALUE})")
    private String weights;

    /** The storage asked for. @throws InvalidSpecException naming {@code --weights} when it is no storage */
    WeightStorage storage() {
        try {
            return WeightStorage.parse(weights);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("--weights must be one of " + WeightStorage.spellings() + ", got '"
                    + weights + "'");
        }
    }

    /**
     * {@code backend} storing its weights as asked.
     *
     * @throws InvalidSpecException naming the backend and {@code --weights} when the backend cannot store weights so
     */
    Backend apply(Backend backend) {
        WeightStorage storage = storage();
        try {
            return backend.withWeightStorage(storage);
        } catch (UnsupportedOperationException e) {
            throw new InvalidSpecException("--weights " + storage.spelling() + ": backend '" + backend.name()
                    + "' stores weights as fp32 only; use --weights fp32 with it, or another --backend");
        }
    }
}
