package org.hotcell.layers;

import java.util.List;

/**
 * What {@link RecurrentStack#backward} returns.
 *
 * @param dx     the loss gradient with respect to the stack's input, in that input's layout; null when it was
 *               not asked for
 * @param layers each layer's gradients, bottom first
 */
public record StackGradients(float[] dx, List<LayerGradients> layers) {
}
