package org.hotcell.study.internal.run;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.net.Network;

/**
 * Runs a network over a batch one step at a time, carrying the state, so that the recurrent state after every
 * step can be looked at: a forward pass keeps only the last state. Computes exactly what one pass over the whole
 * sequence computes, step by step.
 */
final class StateWalk {
    private StateWalk() {
    }

    /**
     * The state of every layer after each step.
     *
     * @return element t is {@link org.hotcell.model.net.NetworkPass#lastStates()} after step t + 1
     */
    static List<List<List<CellState>>> states(Network network, SequenceBatch x) {
        List<List<List<CellState>>> states = new ArrayList<>(x.steps());
        List<List<CellState>> state = null;
        for (int t = 0; t < x.steps(); t++) {
            state = network.forward(slice(x, t, t + 1), state, false).lastStates();
            states.add(state);
        }
        return states;
    }

    /** Steps {@code [begin, end)} of a batch, time-major (sequences of equal length). */
    static SequenceBatch slice(SequenceBatch x, int begin, int end) {
        int features = x.features();
        float[] data = new float[(end - begin) * x.batch() * features];
        for (int t = begin; t < end; t++) {
            for (int n = 0; n < x.batch(); n++) {
                System.arraycopy(x.data(), x.rowOffset(t, n), data, ((t - begin) * x.batch() + n) * features,
                        features);
            }
        }
        return SequenceBatch.timeMajor(data, end - begin, x.batch(), features);
    }

    /** The first layer's recurrent state: c for a cell with a cell state, else h. */
    static float[] recurrentState(List<List<CellState>> layers) {
        CellState state = layers.get(0).get(0);
        return state.hasCell() ? state.c() : state.h();
    }
}
