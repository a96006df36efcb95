package org.hotcell.layers;

import java.util.List;

/**
 * What {@link RecurrentStack#forward} returns: each layer's pass, bottom first.
 *
 * @param layers the passes, the first fed by the stack's input, each next one by the one before
 */
public record StackPass(List<LayerPass> layers) {

    /** The top layer's output {@code [T, N, width]}, time-major. */
    public float[] y() {
        return layers.get(layers.size() - 1).y();
    }
}
