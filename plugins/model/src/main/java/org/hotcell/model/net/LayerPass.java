package org.hotcell.model.net;

import java.util.List;

import org.hotcell.core.cell.ForwardPass;

/**
 * What one recurrent layer produced in a forward pass.
 *
 * @param directions the cell's pass per direction (forward or only first, reverse second)
 * @param input      the layer's input {@code [T, N, I]}, time-major
 * @param output     the layer's merged output {@code [T, N, F]}, time-major
 * @param width      F, floats per output row
 */
public record LayerPass(List<ForwardPass> directions, float[] input, float[] output, int width) {
}
