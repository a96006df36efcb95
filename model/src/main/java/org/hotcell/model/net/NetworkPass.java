package org.hotcell.model.net;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.layers.LayerPass;
import org.hotcell.layers.StackPass;
import org.hotcell.core.cell.CellState;

/**
 * What {@link Network#forward} returns: the recurrent stack's pass, what the head read and what it produced.
 *
 * @param input     the model's input {@code [T, N, I]}, time-major
 * @param stack     the recurrent layers' passes, bottom first
 * @param headInput the rows the head read {@code [rows, F]}
 * @param readRows  for a last-step readout, the time step read for each sequence; null for per-step
 * @param output    the head's output {@code [rows, O]}: rows are {@code t * N + n} per step, or n at the last step
 * @param rows      the number of output rows
 */
public record NetworkPass(float[] input, StackPass stack, float[] headInput, int[] readRows, float[] output,
                          int rows) {

    /** T. */
    public int steps() {
        return stack.layers().get(0).steps();
    }

    /** N. */
    public int batch() {
        return stack.layers().get(0).batch();
    }

    /** The recurrent layers' passes, bottom first. */
    public List<LayerPass> layers() {
        return stack.layers();
    }

    /** The input of layer {@code layer}, time-major: the model input, or the output of the layer below. */
    public float[] layerInput(int layer) {
        return layer == 0 ? input : stack.layers().get(layer - 1).y();
    }

    /**
     * The state after the last step of every layer (per direction, forward first), bottom layer first, copied:
     * the initial state for the next window of truncated backpropagation through time.
     */
    public List<List<CellState>> lastStates() {
        List<List<CellState>> states = new ArrayList<>();
        for (LayerPass layer : stack.layers()) {
            states.add(layer.last().stream().map(CellState::copy).toList());
        }
        return states;
    }
}
