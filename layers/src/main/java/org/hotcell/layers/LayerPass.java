package org.hotcell.layers;

import java.util.List;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;

/**
 * What {@link RecurrentLayer#forward} returns.
 *
 * @param y          the layer's output {@code [T, N, width]}, time-major, zero past each sequence's length
 * @param steps      T
 * @param batch      N
 * @param width      features per step of y
 * @param lengths    each sequence's valid length (never null: full lengths are spelled out)
 * @param directions the forward pass of each direction's cell, forward direction first
 */
public record LayerPass(float[] y, int steps, int batch, int width, int[] lengths, List<ForwardPass> directions) {

    /** The state after each direction's last valid step, forward direction first. */
    public List<CellState> last() {
        return directions.stream().map(ForwardPass::last).toList();
    }
}
