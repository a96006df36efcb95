package org.hotcell.runtime.models;

import java.util.function.Supplier;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.PluginFaultException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.model.spec.Readout;
import org.hotcell.runtime.streams.HostedStreams;

/**
 * Computes with hosted models: inference over whole sequences and streaming steps, each on the binding the model
 * has when the request starts, with what plugin code throws turned into the documented errors.
 */
final class Predictions {
    private final ModelCatalog catalog;
    private final HostedStreams streams;

    Predictions(ModelCatalog catalog, HostedStreams streams) {
        this.catalog = catalog;
        this.streams = streams;
    }

    /** See {@link ModelService#infer}. */
    Outputs infer(String model, InputBatch inputs) {
        HostedModel h = catalog.require(model);
        Binding b = h.computable();
        float[] out = inPluginCode(h, b, () -> b.network().predict(inputs.sequences()));
        int o = h.spec.head().outputs();
        if (h.spec.head().readout() == Readout.PER_STEP) {
            return Outputs.perStep(SequenceBatch.timeMajor(out, inputs.steps(), inputs.batch(), o));
        }
        return new Outputs(out, new int[] {inputs.batch(), o});
    }

    /** See {@link ModelService#step}. */
    Outputs step(String model, String stream, InputBatch inputs) {
        if (inputs.steps() != 1) {
            throw new ShapeMismatchException("a streaming step takes one step per item (N x I), got T="
                    + inputs.steps());
        }
        HostedModel h = catalog.require(model);
        NetworkPass pass = streams.step(model, stream, inputs.batch(), states -> {
            Binding b = h.computable();
            return inPluginCode(h, b, () -> b.network().forward(inputs.sequences(), states, false));
        });
        return new Outputs(pass.output(), new int[] {inputs.batch(), h.spec.head().outputs()});
    }

    /**
     * Runs plugin code: Hotcell errors pass through; anything else is a fault of the plugins in use, or, when the
     * model was re-bound meanwhile (a plugin was swapped under the request), the documented unavailability.
     */
    private static <T> T inPluginCode(HostedModel h, Binding b, Supplier<T> work) {
        try {
            return work.get();
        } catch (HotcellException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            if (h.binding != b) {
                throw new PluginUnavailableException("model '" + h.name + "': a plugin it uses was replaced during "
                        + "the request (" + e + "); retry", e);
            }
            throw new PluginFaultException("model '" + h.name + "' failed in plugin code (" + b.plugins() + "): " + e,
                    e);
        }
    }
}
