package org.hotcell.runtime.models;

import java.io.IOException;

import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.HotcellException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.core.registry.Registry;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Network;
import org.hotcell.runtime.streams.HostedStreams;
import org.hotcell.runtime.streams.StateShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds hosted models to the plugins installed now: checks that every cell type and activation a model needs is
 * served, reads its weights at the first binding, and builds its network on the chosen backend with every
 * activation guarded ({@link GuardedActivation}). A model that cannot be bound gets an error naming what is missing
 * and the plugin that served it last. Says when a model becomes available or unavailable, and tells the streams the
 * state sizes of each binding.
 */
final class ModelBinder {
    // The log lines keep the name they had before binding had a class of its own.
    private static final Logger LOG = LoggerFactory.getLogger(HostedModels.class);

    private final Registry registry;
    private final BackendChoice backend;
    private final ModelPlugins plugins;
    private final HostedStreams streams;

    ModelBinder(Registry registry, BackendChoice backend, ModelPlugins plugins, HostedStreams streams) {
        this.registry = registry;
        this.backend = backend;
        this.plugins = plugins;
        this.streams = streams;
    }

    /** Binds a model to the plugins installed now; the last binding to finish reflects the latest registry. */
    void bind(HostedModel h) {
        synchronized (h) {
            Binding previous = h.binding;
            Binding now = tryBind(h);
            h.binding = now;
            if (now.shape() != null) {
                streams.modelBound(h.name, now.shape());
            }
            if (previous != null && previous.available() != now.available()) {
                if (now.available()) {
                    LOG.info("model {} available again ({})", h.name, now.plugins());
                } else {
                    LOG.warn("model {} unavailable: {}", h.name, now.error().getMessage());
                }
            }
        }
    }

    private Binding tryBind(HostedModel h) {
        if (h.spec == null) {
            return Binding.failed(h.readError);
        }
        try {
            ModelFiles.checkPlugins(h.spec, registry);
            if (h.model == null) {
                h.model = ModelReader.weights(h, registry);
            }
            ActivationSource guarded = spec -> new GuardedActivation(registry.activation(spec),
                    registry.origin(ProviderKind.ACTIVATION, spec.name()).orElse("an unknown plugin"));
            Network network = Network.build(h.model, registry::cellType, guarded, backend.resolve(registry));
            return new Binding(network, null, plugins.inUse(h.spec), stateShape(h, network));
        } catch (PluginUnavailableException e) {
            return Binding.failed(new PluginUnavailableException("model '" + h.name + "' is unavailable: "
                    + e.getMessage() + plugins.departed(h.spec), e));
        } catch (HotcellException e) {
            return Binding.failed(e);
        } catch (IOException e) {
            return Binding.failed(new BadModelException("cannot read model " + h.source + ": " + e));
        } catch (LinkageError e) {
            // A plugin's classes went away while binding (its bundle was refreshed under us); the next registry
            // change, which that refresh brings, binds again.
            return Binding.failed(new PluginUnavailableException("model '" + h.name + "' is unavailable: a plugin "
                    + "it uses was being replaced while the model was bound (" + e + ")", e));
        }
    }

    /**
     * The layer sizes of a network's stream state, from one step of one zero input; null when plugin code fails
     * there (the model's streams are then checked at its next binding).
     */
    private static StateShape stateShape(HostedModel h, Network network) {
        int inputs = h.spec.inputSize();
        try {
            return StateShape.of(network.forward(new InputBatch(new float[inputs], 1, 1, inputs).sequences(), null,
                    false).lastStates());
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("model {}: cannot size its stream state: {}", h.name, e.toString());
            return null;
        }
    }
}
