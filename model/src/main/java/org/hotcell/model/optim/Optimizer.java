package org.hotcell.model.optim;

import org.hotcell.model.param.Parameters;

/**
 * Updates parameters from their gradients, one step at a time. Holds per-parameter state (momentum, moments)
 * keyed by parameter name, so one optimizer serves one model for one run. Not thread-safe.
 */
public interface Optimizer {

    /**
     * Applies one update in place.
     *
     * @param parameters the model's live parameters
     * @param gradients  the loss gradient, with the same names and shapes
     */
    void step(Parameters parameters, Parameters gradients);

    /** One line naming the method and its settings, e.g. {@code adam(lr=0.001, beta1=0.9, ...)}. */
    String describe();
}
