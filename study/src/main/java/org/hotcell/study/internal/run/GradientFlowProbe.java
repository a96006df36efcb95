package org.hotcell.study.internal.run;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.net.Network;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.model.task.Batch;

/**
 * Gradient flow over time: for a batch whose loss is on the last step, the mean over sequences of
 * {@code |dL/dc_t|} (the cell state; the hidden state for a cell without one) at each step t. The first t steps
 * are run forward to get the state at t; the rest is run from that state with a trace, and the backward pass
 * returns the loss gradient with respect to the state it started from. A gradient that vanishes shows as a norm
 * falling toward t = 0, one that explodes as a norm rising.
 */
final class GradientFlowProbe {
    private GradientFlowProbe() {
    }

    /**
     * Norms at the {@link #positions} of the batch's length, t = 0 being the initial state.
     *
     * @param batch a batch of a task with a last-step readout
     */
    static List<Double> norms(Network network, Loss loss, Batch batch, int width) {
        SequenceBatch x = batch.x();
        int steps = x.steps();
        int n = x.batch();
        List<List<List<CellState>>> states = StateWalk.states(network, x);
        List<Double> norms = new ArrayList<>();
        for (int t : FlowPositions.of(steps)) {
            List<List<CellState>> start = t == 0 ? null : states.get(t - 1);
            NetworkPass pass = network.forward(StateWalk.slice(x, t, steps), start, true);
            float[] grad = new float[pass.rows() * width];
            double value = loss.evaluate(pass.output(), batch.target(), batch.weights(), pass.rows(), width, grad);
            if (!Double.isFinite(value)) {
                norms.add(Double.NaN);
                continue;
            }
            float[] d = StateWalk.recurrentState(network.initialStateGradients(pass, grad));
            int hidden = d.length / n;
            double sum = 0;
            for (int item = 0; item < n; item++) {
                double squares = 0;
                for (int j = 0; j < hidden; j++) {
                    double v = d[item * hidden + j];
                    squares += v * v;
                }
                sum += Math.sqrt(squares);
            }
            norms.add(sum / n);
        }
        return norms;
    }
}
