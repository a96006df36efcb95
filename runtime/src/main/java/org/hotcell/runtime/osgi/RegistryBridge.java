package org.hotcell.runtime.osgi;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Feeds a {@link PluginRegistry} from the OSGi service registry: every {@link ActivationFactory},
 * {@link CellType} and {@link Backend} service that comes is added with its bundle as origin
 * ({@code bundle org.example.isru 1.0.0}), and removed again when it goes, before its bundle's class loader is
 * let go. The registry's listeners (the model host among them) hear of each change on the thread that made it.
 */
final class RegistryBridge implements AutoCloseable {
    private final PluginRegistry registry;
    private final List<ServiceTracker<?, ?>> trackers = new CopyOnWriteArrayList<>();
    /** What each bundle provides now (by bundle id), for listings. */
    private final Map<Long, List<String>> provided = new ConcurrentHashMap<>();

    RegistryBridge(BundleContext context, PluginRegistry registry) {
        this.registry = registry;
        trackers.add(track(context, ActivationFactory.class, ProviderKind.ACTIVATION));
        trackers.add(track(context, CellType.class, ProviderKind.CELL_TYPE));
        trackers.add(track(context, Backend.class, ProviderKind.BACKEND));
    }

    /** Starts tracking; services already registered are added now. */
    void open() {
        trackers.forEach(ServiceTracker::open);
    }

    /** What the bundle with this id provides now, e.g. {@code activation isru}. */
    List<String> providedBy(long bundleId) {
        return List.copyOf(provided.getOrDefault(bundleId, List.of()));
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }

    /** A tracked service with what the bridge needs to undo its addition. */
    private record Tracked(Object service, long bundleId, String description) {
    }

    private <S> ServiceTracker<S, Tracked> track(BundleContext context, Class<S> type, ProviderKind kind) {
        return new ServiceTracker<>(context, type, new ServiceTrackerCustomizer<S, Tracked>() {
            @Override
            public Tracked addingService(ServiceReference<S> reference) {
                S service = context.getService(reference);
                if (service == null) {
                    return null;
                }
                Tracked tracked = new Tracked(service, reference.getBundle().getBundleId(), describe(kind, service));
                provided.computeIfAbsent(tracked.bundleId, id -> new CopyOnWriteArrayList<>()).add(tracked.description);
                registry.add(service, BundleNames.origin(reference.getBundle()));
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
        List<String> names = new ArrayList<>(switch (kind) {
            case ACTIVATION -> new TreeSet<>(((ActivationFactory) service).names());
            case CELL_TYPE -> List.of(((CellType) service).name());
            case BACKEND -> List.of(((Backend) service).name());
        });
        return kind.word() + " " + String.join(", ", names);
    }
}
