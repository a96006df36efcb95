package org.hotcell.core.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.Names;
import org.hotcell.core.error.UnknownActivationException;
import org.hotcell.core.error.UnknownBackendException;
import org.hotcell.core.error.UnknownCellTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Registry} implementation: a thread-safe set of providers, each recorded with its origin, that
 * hosts add to and remove from as plugins come and go.
 *
 * <p>When two providers serve the same name, the one registered last wins, so a plugin can override a
 * standard activation; when it leaves, the earlier one serves again. The reference backend is always present.
 */
public final class PluginRegistry implements Registry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    private record Entry(ProviderKind kind, Object provider, String origin) {
    }

    /** An empty registry holding only the reference backend. */
    public PluginRegistry() {
        entries.add(new Entry(ProviderKind.BACKEND, ReferenceBackend.instance(), "org.hotcell.core"));
    }

    /**
     * A registry filled through {@link ServiceLoader}: the providers of the boot layer's modules and of the
     * class path (META-INF/services).
     */
    public static PluginRegistry discover() {
        PluginRegistry registry = new PluginRegistry();
        registry.addAll(ModuleLayer.boot(), PluginRegistry.class.getClassLoader());
        return registry;
    }

    /**
     * Registers every provider that ServiceLoader finds in {@code layer} and through {@code loader}; each
     * class once. Returns what was added, so that a host can remove it again.
     */
    public List<Object> addAll(ModuleLayer layer, ClassLoader loader) {
        Set<String> seen = new LinkedHashSet<>();
        for (Entry entry : entries) {
            seen.add(entry.provider.getClass().getName());
        }
        List<Object> added = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            Class<?> service = serviceOf(kind);
            List<ServiceLoader<?>> loaders = new ArrayList<>();
            if (layer != null) {
                loaders.add(ServiceLoader.load(layer, service));
            }
            if (loader != null) {
                loaders.add(ServiceLoader.load(service, loader));
            }
            for (ServiceLoader<?> serviceLoader : loaders) {
                Iterator<?> providers = serviceLoader.iterator();
                while (true) {
                    Object instance;
                    try {
                        if (!providers.hasNext()) {
                            break;
                        }
                        instance = providers.next();
                    } catch (ServiceConfigurationError broken) {
                        // One provider that cannot load or start (the SIMD backend without the Vector API, a
                        // plugin built against another core) must not keep the others out; ServiceLoader goes on
                        // with the next one.
                        LOG.warn("skipped a {} provider: {}", kind.word(), describe(broken));
                        continue;
                    }
                    if (seen.add(instance.getClass().getName())) {
                        add(instance, originOf(instance.getClass()));
                        added.add(instance);
                    }
                }
            }
        }
        return added;
    }

    /**
     * Adds a provider (an {@link ActivationFactory}, {@link CellType} or {@link Backend}).
     *
     * @param origin names the bundle or module it comes from, for logs and errors
     */
    public void add(Object provider, String origin) {
        Objects.requireNonNull(origin, "origin");
        ProviderKind kind = kindOf(provider);
        entries.add(new Entry(kind, provider, origin));
        fire(new RegistryEvent(RegistryEvent.Change.ADDED, kind, namesOf(kind, provider), origin));
    }

    /** Removes a provider added before (by identity); returns whether it was there. */
    public boolean remove(Object provider) {
        for (Entry entry : entries) {
            if (entry.provider == provider && entries.remove(entry)) {
                fire(new RegistryEvent(RegistryEvent.Change.REMOVED, entry.kind, namesOf(entry.kind, provider),
                        entry.origin));
                return true;
            }
        }
        return false;
    }

    @Override
    public Activation activation(ActivationSpec spec) {
        ActivationFactory factory = requireFactory(spec.name());
        return factory.create(factory.canonical(spec));
    }

    @Override
    public ActivationSpec canonical(ActivationSpec spec) {
        return requireFactory(spec.name()).canonical(spec);
    }

    @Override
    public Optional<ActivationFactory> activationFactory(String name) {
        return Optional.ofNullable(factoryEntry(name)).map(e -> (ActivationFactory) e.provider);
    }

    @Override
    public List<String> activationNames() {
        Set<String> names = new TreeSet<>();
        for (Entry entry : entries) {
            if (entry.kind == ProviderKind.ACTIVATION) {
                names.addAll(((ActivationFactory) entry.provider).names());
            }
        }
        return List.copyOf(names);
    }

    @Override
    public CellType cellType(String name) {
        Entry entry = latest(ProviderKind.CELL_TYPE, name);
        if (entry == null) {
            throw new UnknownCellTypeException(name, cellTypes().stream().map(CellType::name).toList());
        }
        return (CellType) entry.provider;
    }

    @Override
    public List<CellType> cellTypes() {
        return providers(ProviderKind.CELL_TYPE, CellType.class).stream()
                .sorted(Comparator.comparing(CellType::name)).toList();
    }

    @Override
    public Backend backend(String name) {
        Entry entry = latest(ProviderKind.BACKEND, name);
        if (entry == null) {
            throw new UnknownBackendException(name, backends().stream().map(Backend::name).toList());
        }
        return (Backend) entry.provider;
    }

    @Override
    public Backend defaultBackend() {
        return backends().get(0);
    }

    @Override
    public List<Backend> backends() {
        return providers(ProviderKind.BACKEND, Backend.class).stream()
                .sorted(Comparator.comparingInt(Backend::rank).reversed()).toList();
    }

    @Override
    public Optional<String> origin(ProviderKind kind, String name) {
        Entry entry = kind == ProviderKind.ACTIVATION ? factoryEntry(name) : latest(kind, name);
        return Optional.ofNullable(entry).map(Entry::origin);
    }

    @Override
    public Subscription subscribe(RegistryListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private ActivationFactory requireFactory(String name) {
        Entry entry = factoryEntry(name);
        if (entry == null) {
            throw new UnknownActivationException(name, activationNames());
        }
        return (ActivationFactory) entry.provider;
    }

    private Entry factoryEntry(String name) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.kind == ProviderKind.ACTIVATION && ((ActivationFactory) entry.provider).canonicalName(name) != null) {
                return entry;
            }
        }
        return null;
    }

    private Entry latest(ProviderKind kind, String name) {
        String key = Names.key(name);
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.kind == kind && namesOf(kind, entry.provider).stream().anyMatch(n -> Names.key(n).equals(key))) {
                found = entry;
            }
        }
        return found;
    }

    private <T> List<T> providers(ProviderKind kind, Class<T> type) {
        // Later registrations shadow earlier ones of the same name.
        List<T> result = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.kind == kind && taken.add(Names.key(namesOf(kind, entry.provider).iterator().next()))) {
                result.add(type.cast(entry.provider));
            }
        }
        return result;
    }

    private void fire(RegistryEvent event) {
        LOG.debug("{}", event.describe());
        for (RegistryListener listener : listeners) {
            try {
                listener.changed(event);
            } catch (RuntimeException e) {
                LOG.warn("registry listener {} failed on '{}'; skipped", listener, event.describe(), e);
            }
        }
    }

    private static Set<String> namesOf(ProviderKind kind, Object provider) {
        return switch (kind) {
            case ACTIVATION -> ((ActivationFactory) provider).names();
            case CELL_TYPE -> Set.of(((CellType) provider).name());
            case BACKEND -> Set.of(((Backend) provider).name());
        };
    }

    private static ProviderKind kindOf(Object provider) {
        if (provider instanceof ActivationFactory) {
            return ProviderKind.ACTIVATION;
        }
        if (provider instanceof CellType) {
            return ProviderKind.CELL_TYPE;
        }
        if (provider instanceof Backend) {
            return ProviderKind.BACKEND;
        }
        throw new IllegalArgumentException("not a Hotcell provider: " + provider);
    }

    private static Class<?> serviceOf(ProviderKind kind) {
        return switch (kind) {
            case ACTIVATION -> ActivationFactory.class;
            case CELL_TYPE -> CellType.class;
            case BACKEND -> Backend.class;
        };
    }

    private static String describe(Throwable error) {
        StringBuilder out = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            out.append(" (").append(cause).append(')');
        }
        return out.toString();
    }

    private static String originOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            return module.getDescriptor().toNameAndVersion();
        }
        var source = type.getProtectionDomain().getCodeSource();
        return source == null ? "class path" : "class path " + source.getLocation();
    }
}
