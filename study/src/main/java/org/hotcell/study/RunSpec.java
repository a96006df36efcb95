package org.hotcell.study;

import java.io.Serializable;

/**
 * One training run: a configuration and a seed. The seed fixes the initial weights, the training batches and the
 * test set, so a run's results are a function of its spec alone.
 *
 * @param config the configuration
 * @param seed   seeds the weights, the training batches and the test set
 */
public record RunSpec(RunConfig config, long seed) implements Serializable {

    /** E.g. {@code adding T=50 lstm sigmoid/relu/relu adam 0.01, clip 1 seed 2}. */
    public String label() {
        return config.label() + " seed " + seed;
    }
}
