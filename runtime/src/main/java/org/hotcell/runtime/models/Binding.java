package org.hotcell.runtime.models;

import org.hotcell.core.error.HotcellException;
import org.hotcell.model.net.Network;
import org.hotcell.runtime.streams.StateShape;

/**
 * A model's network, ready to compute with the plugins installed when it was bound, or why there is none. It holds
 * plugin objects only until the next registry change replaces it.
 *
 * @param network the network; null when the model could not be bound
 * @param error   why it could not; null when bound
 * @param plugins the plugins it computes with, e.g. {@code plugins: org.hotcell.activations 0.1.0, ...}
 * @param shape   the layer sizes of its stream state; null when unbound or when the plugins failed to tell
 */
record Binding(Network network, HotcellException error, String plugins, StateShape shape) {

    /** No network, because of {@code error}. */
    static Binding failed(HotcellException error) {
        return new Binding(null, error, "", null);
    }

    /** Whether there is a network to compute with. */
    boolean available() {
        return network != null;
    }
}
