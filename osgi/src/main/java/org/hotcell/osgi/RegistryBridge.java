package org.hotcell.osgi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.ProviderKind;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link PluginRegistry} from the OSGi service registry: every {@link ActivationFactory},
 * {@link CellType} and {@link Backend} service that comes is added with its bundle as origin
 * ({@code bundle org.example.isru 1.0.0}), and removed again when it goes, before its bundle's class loader is
 * let go. The registry's listeners hear of each change on the thread that made it.
 *
 * <p>Whoever registered the service does not matter: an OSGi Service Loader Mediator (Aries SPI Fly), Declarative
 * Services, an activator, or the Hotcell launcher's own extender.
 */
public final class RegistryBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryBridge.class);

    private final PluginRegistry registry;
    private final List<ServiceTracker<?, ?>> trackers = new CopyOnWriteArrayList<>();
    /** What each bundle provides now (by bundle id), for listings. */
    private final Map<Long, List<String>> provided = new ConcurrentHashMap<>();
    /** Each providing bundle's origin as the registry records it. */
    private final Map<Long, String> origins = new ConcurrentHashMap<>();

    /** A bridge that will feed {@code registry} from the services {@code context} sees, once {@link #open}ed. */
    public RegistryBridge(BundleContext context, PluginRegistry registry) {
        this.registry = registry;
        for (ProviderKind kind : ProviderKind.values()) {
            trackers.add(track(context, kind.type(), kind));
        }
    }

    /** Starts tracking; services already registered are added now. */
    public void open() {
        trackers.forEach(ServiceTracker::open);
    }

    /**
     * What the bundle with this id provides now, e.g. {@code activation isru}, each refused provision marked
     * with why ({@code activation tanh (refused: tanh is served by bundle org.hotcell.activations 0.1.0)}).
     */
    public List<String> providedBy(long bundleId) {
        List<String> list = new ArrayList<>();
        for (String description : provided.getOrDefault(bundleId, List.of())) {
            String note = "";
            for (PluginRegistry.Refusal refusal : registry.refusals()) {
                if (description.equals(refusal.kind().word() + " " + String.join(", ", new TreeSet<>(refusal.names())))
                        && refusal.origin().equals(origins.get(bundleId))) {
                    note = " (refused: " + refusal.owner() + ")";
                }
            }
            list.add(description + note);
        }
        return list;
    }

    /** Stops tracking: every provider this bridge added is removed from the registry. */
    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }

    /** {@code bundle org.example.isru 1.0.0}: the registry origin of what a bundle provides. */
    public static String origin(Bundle bundle) {
        return "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /** A tracked service with what the bridge needs to undo its addition. */
    private record Tracked(Object service, long bundleId, String description) {
    }

    private <S> ServiceTracker<S, Tracked> track(BundleContext context, Class<S> type, ProviderKind kind) {
        return new ServiceTracker<>(context, type, new ServiceTrackerCustomizer<S, Tracked>() {
            @Override
            public Tracked addingService(ServiceReference<S> reference) {
                S service;
                try {
                    service = context.getService(reference);
                } catch (RuntimeException failed) {
                    service = null;
                }
                if (service == null) {
                    // A service factory (SPI Fly's, for one) that could not make the provider: the framework logs
                    // its exception; say here what that means for the registry.
                    LOG.warn("{}: its {} service {} could not be obtained (the provider failed to start; see the "
                            + "framework's log); not added to the registry", origin(reference.getBundle()),
                            kind.word(), reference.getProperty(Constants.SERVICE_ID));
                    return null;
                }
                String description;
                try {
                    description = describe(kind, service);
                } catch (RuntimeException | LinkageError broken) {
                    // A provider that cannot even name itself is left out, not allowed to stop the others.
                    LOG.warn("{}: {} service {} fails to report its names ({}); not added to the registry",
                            origin(reference.getBundle()), kind.word(), service.getClass().getName(), broken.toString());
                    context.ungetService(reference);
                    return null;
                }
                Tracked tracked = new Tracked(service, reference.getBundle().getBundleId(), description);
                provided.computeIfAbsent(tracked.bundleId, id -> new CopyOnWriteArrayList<>()).add(tracked.description);
                origins.put(tracked.bundleId, origin(reference.getBundle()));
                registry.add(kind, service, origin(reference.getBundle()));
                return tracked;
            }

            @Override
            public void modifiedService(ServiceReference<S> reference, Tracked tracked) {
                // Properties (the ranking) changed; what the service provides did not.
            }

            @Override
            public void removedService(ServiceReference<S> reference, Tracked tracked) {
                registry.remove(tracked.service);
                List<String> list = provided.get(tracked.bundleId);
                if (list != null) {
                    list.remove(tracked.description);
                }
                try {
                    context.ungetService(reference);
                } catch (IllegalStateException frameworkStopping) {
                    // Our own context is already gone: the framework releases everything anyway.
                }
            }
        });
    }

    private static String describe(ProviderKind kind, Object service) {
        return kind.word() + " " + String.join(", ", new TreeSet<>(kind.names(service)));
    }
}
