package org.hotcell.runtime.guice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.models.HostedModels;
import org.hotcell.runtime.models.ModelService;
import org.hotcell.runtime.plugin.PluginHost;

/**
 * Guice wiring for host applications, the same with OSGi ({@code FelixHost}) or without ({@code LayerHost}):
 * binds {@link HotcellConfig}, the {@link PluginHost}, {@link Registry} (the host's registry facade, which resolves
 * on use), {@link BackendChoice} (a name) and {@link ModelService}. No binding is a plugin instance: an injector
 * may live as long as the application while plugins come and go. Ask the registry or the model service each time.
 *
 * <p>The caller starts the plugin host and closes it (and the model service) when done; the module only wires.
 */
// Guice is an automatic module, which a module cannot re-export: a host that installs this module requires Guice
// itself (it makes the injector), so the superclass is visible to it anyway.
@SuppressWarnings("exports")
public final class HotcellModule extends AbstractModule {
    private final HotcellConfig config;
    private final PluginHost host;

    /** Wires a started plugin host with a configuration. */
    public HotcellModule(HotcellConfig config, PluginHost host) {
        this.config = Objects.requireNonNull(config, "config");
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    protected void configure() {
        bind(HotcellConfig.class).toInstance(config);
        bind(PluginHost.class).toInstance(host);
    }

    @Provides
    @Singleton
    Registry registry(PluginHost pluginHost) {
        return pluginHost.registry();
    }

    @Provides
    BackendChoice backend(HotcellConfig configuration) {
        return configuration.backend();
    }

    @Provides
    @Singleton
    ModelService models(Registry registry, HotcellConfig configuration, BackendChoice backend) {
        try {
            return HostedModels.start(registry, configuration.modelsDir(), backend, configuration.poll(),
                    configuration.streams());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models directory " + configuration.modelsDir()
                    + " or open the stream state in " + configuration.streams().stateDir(), e);
        }
    }
}
