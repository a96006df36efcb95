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

    /**
     * One update computed but not applied: the increments D, named and shaped like the parameters, that
     * {@link #step} would add; the caller applies them with {@link Parameters#addScaled addScaled(D, 1)}
     * (each {@code p + d} in float), to the master parameters and, by the same expression, to packed copies of
     * them ({@link org.hotcell.core.cell.Cell#addToWeights}). So a trainer updates its cells in place and their
     * weights stay bitwise equal to the parameters. Advances the optimizer's state exactly as {@link #step}
     * does: call one or the other per update, not both.
     *
     * <p>This default returns null: an optimizer that can only update in place; the trainer then calls
     * {@link #step} and rebuilds its cells from the updated parameters.
     *
     * @param parameters the model's live parameters (not changed)
     * @param gradients  the loss gradient, with the same names and shapes
     */
    default Parameters increments(Parameters parameters, Parameters gradients) {
        return null;
    }

    /** One line naming the method and its settings, e.g. {@code adam(lr=0.001, beta1=0.9, ...)}. */
    String describe();
}
