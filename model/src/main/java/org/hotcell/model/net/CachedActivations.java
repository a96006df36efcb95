package org.hotcell.model.net;

import java.util.concurrent.ConcurrentHashMap;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;

/**
 * Resolves each activation spec once and reuses the instance: a training run that rebuilds its cells (when
 * they cannot be updated in place) need not ask the registry again each time. Keep one only for the length of a
 * run, so that no plugin instance outlives its plugin.
 */
public final class CachedActivations implements ActivationSource {
    private final ActivationSource source;
    private final ConcurrentHashMap<ActivationSpec, Activation> cache = new ConcurrentHashMap<>();

    /** Caches what {@code source} returns. */
    public CachedActivations(ActivationSource source) {
        this.source = source;
    }

    @Override
    public Activation activation(ActivationSpec spec) {
        return cache.computeIfAbsent(spec, source::activation);
    }
}
