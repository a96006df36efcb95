package org.hotcell.runtime.models;

import java.util.List;

import org.hotcell.runtime.streams.HostedStreams;

/**
 * Models hosted from a directory, kept bound to the plugins installed now. Thread-safe; every call resolves the
 * model afresh, so a caller (a Guice singleton, an HTTP handler) may keep this service for the host's life.
 */
public interface ModelService {

    /** Every model in the directory, available or not, sorted by name. */
    List<ModelStatus> models();

    /**
     * Runs a model over a batch of sequences.
     *
     * @throws ModelNotFoundException                               when there is no such model
     * @throws org.hotcell.core.error.PluginUnavailableException   when a plugin the model needs is missing (it
     *                                                              names the activation or cell type and the bundle)
     * @throws org.hotcell.core.error.PluginFaultException         when a plugin misbehaved during this call
     * @throws org.hotcell.core.error.ShapeMismatchException       when the inputs do not fit the model
     */
    Outputs infer(String model, InputBatch inputs);

    /**
     * Advances stream {@code stream} of a model by one step per batch item ({@code inputs} has T = 1), from the
     * state its previous step left (zeros for a new stream); returns {@code [N, O]}. The same errors as
     * {@link #infer}; a stream's batch size is fixed by its first step. The new state is stored before this returns.
     *
     * @throws org.hotcell.runtime.streams.TooManyStreamsException when the stream is new and the capacity is reached
     */
    Outputs step(String model, String stream, InputBatch inputs);

    /** The streams of every model: their lifecycle, limits and state export and import. */
    HostedStreams streams();
}
