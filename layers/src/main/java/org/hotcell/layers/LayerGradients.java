package org.hotcell.layers;

import java.util.List;

import org.hotcell.core.cell.CellGradients;

/**
 * What {@link RecurrentLayer#backward} returns.
 *
 * @param dx         the loss gradient with respect to the layer's input, in the input's layout, summed over
 *                   directions; null when it was not asked for (the bottom layer of a network, whose input is data)
 * @param directions each direction's cell gradients (weights and initial state), forward direction first
 */
public record LayerGradients(float[] dx, List<CellGradients> directions) {
}
