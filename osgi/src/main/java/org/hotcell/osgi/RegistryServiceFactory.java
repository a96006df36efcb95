package org.hotcell.osgi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.registry.ProviderKind;
import org.hotcell.core.registry.Registry;
import org.hotcell.core.registry.RegistryListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Serves one shared {@link Registry} as an OSGi service, giving each consumer bundle its own view: the lookups
 * are the shared registry's, and every listener a bundle subscribes through its view is removed when the bundle
 * releases the service (it stops, or ungets it). So a consumer that forgets to close its subscriptions does not
 * keep its class loader, or its listener's objects, alive in the registry after it has gone.
 */
public final class RegistryServiceFactory implements ServiceFactory<Registry> {
    private final Registry shared;

    /** Serves views of {@code shared}. */
    public RegistryServiceFactory(Registry shared) {
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    @Override
    public Registry getService(Bundle bundle, ServiceRegistration<Registry> registration) {
        return new BundleView(shared);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Registry> registration, Registry service) {
        ((BundleView) service).closeAll();
    }

    /** One bundle's view: the shared registry, with the bundle's subscriptions kept so they can be ended. */
    private static final class BundleView implements Registry {
        private final Registry shared;
        private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

        BundleView(Registry shared) {
            this.shared = shared;
        }

        void closeAll() {
            subscriptions.forEach(Subscription::close);
            subscriptions.clear();
        }

        @Override
        public Subscription subscribe(RegistryListener listener) {
            Subscription inner = shared.subscribe(listener);
            Subscription outer = new Subscription() {
                @Override
                public void close() {
                    inner.close();
                    subscriptions.remove(this);
                }
            };
            subscriptions.add(outer);
            return outer;
        }

        @Override
        public Activation activation(ActivationSpec spec) {
            return shared.activation(spec);
        }

        @Override
        public ActivationSpec canonical(ActivationSpec spec) {
            return shared.canonical(spec);
        }

        @Override
        public Optional<ActivationFactory> activationFactory(String name) {
            return shared.activationFactory(name);
        }

        @Override
        public List<String> activationNames() {
            return shared.activationNames();
        }

        @Override
        public CellType cellType(String name) {
            return shared.cellType(name);
        }

        @Override
        public List<CellType> cellTypes() {
            return shared.cellTypes();
        }

        @Override
        public Backend backend(String name) {
            return shared.backend(name);
        }

        @Override
        public Backend defaultBackend() {
            return shared.defaultBackend();
        }

        @Override
        public List<Backend> backends() {
            return shared.backends();
        }

        @Override
        public Optional<String> origin(ProviderKind kind, String name) {
            return shared.origin(kind, name);
        }

        @Override
        public String toString() {
            return "Registry view of " + shared;
        }
    }
}
