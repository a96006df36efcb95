package org.hotcell.example.streaming.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.model.net.Network;
import org.hotcell.model.net.NetworkPass;

/**
 * Steps streams through a model in this JVM: what the runtime does for a streaming request, without the server.
 * It keeps each stream's recurrent state (every layer's h and c) and runs one step of the network from it.
 * Calls are serialized; the example steps streams one at a time anyway.
 */
public final class LocalStepClient implements StepClient {
    private final Network network;
    private final Map<String, List<List<CellState>>> states = new HashMap<>();

    /** A client over a built network. */
    public LocalStepClient(Network network) {
        this.network = network;
    }

    @Override
    public synchronized float[] step(String streamId, float[] reading) {
        int inputs = network.model().spec().inputSize();
        ShapeMismatchException.check("readings per step of stream '" + streamId + "'", reading.length, inputs);
        SequenceBatch x = SequenceBatch.timeMajor(reading.clone(), 1, 1, inputs);
        NetworkPass pass = network.forward(x, states.get(streamId), false);
        states.put(streamId, pass.lastStates());
        return pass.output();
    }
}
