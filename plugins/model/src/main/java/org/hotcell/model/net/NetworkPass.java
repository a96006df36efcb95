package org.hotcell.model.net;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.ForwardPass;

/**
 * What {@link Network#forward} returns: every layer's pass, what the head read and what it produced.
 *
 * @param steps     T
 * @param batch     N
 * @param lengths   each sequence's valid length, or null when all are T
 * @param layers    the recurrent layers' passes, bottom first
 * @param headInput the rows the head read {@code [rows, F]}
 * @param readRows  for a last-step readout, the time step read for each sequence; null for per-step
 * @param output    the head's output {@code [rows, O]}: rows are {@code t * N + n} per step, or n at the last step
 * @param rows      the number of output rows
 */
public record NetworkPass(int steps, int batch, int[] lengths, List<LayerPass> layers, float[] headInput,
                          int[] readRows, float[] output, int rows) {

    /**
     * The state after the last step of every layer and direction, bottom layer first: the initial state for
     * the next window of truncated backpropagation through time.
     */
    public List<CellState> lastStates() {
        List<CellState> states = new ArrayList<>();
        for (LayerPass layer : layers) {
            for (ForwardPass pass : layer.directions()) {
                states.add(pass.last().copy());
            }
        }
        return states;
    }
}
