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
import java.util.function.Predicate;

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
 * <p>Names are owned: a provider that serves a name (of its kind) that a provider from another origin already
 * serves is refused, logged as a warning naming both, and listed in {@link #refusals()}, unless the override
 * policy allows its origin to take names over; then the one registered last serves, and when it leaves the
 * earlier one serves again. A refused provider gets its names once their owner has gone. The same provider
 * class seen twice (one plugin reached by two routes) is no conflict. The reference backend is always present.
 */
public final class PluginRegistry implements Registry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Entry> refused = new CopyOnWriteArrayList<>();
    private final Predicate<String> mayOverride;

    private record Entry(ProviderKind kind, Object provider, String origin, String conflict) {
        Entry(ProviderKind kind, Object provider, String origin) {
            this(kind, provider, origin, null);
        }
    }

    /**
     * A provider left out because another origin already serves one of its names.
     *
     * @param kind   what it provides
     * @param names  every name it serves
     * @param origin where it comes from
     * @param owner  the origin that serves the contested name, and the name
     */
    public record Refusal(ProviderKind kind, Set<String> names, String origin, String owner) {
        /** One line: {@code activation tanh from bundle x 1.0: tanh is served by bundle y 2.0}. */
        public String describe() {
            return kind.word() + " " + String.join(", ", new TreeSet<>(names)) + " from " + origin + ": " + owner;
        }
    }

    /** An empty registry holding only the reference backend, where no origin may take another's names. */
    public PluginRegistry() {
        this(origin -> false);
    }

    /**
     * An empty registry holding only the reference backend.
     *
     * @param mayOverride which origins may take names that another origin serves (an operator's explicit choice)
     */
    public PluginRegistry(Predicate<String> mayOverride) {
        this.mayOverride = Objects.requireNonNull(mayOverride, "mayOverride");
        entries.add(new Entry(ProviderKind.BACKEND, ReferenceBackend.instance(), "org.hotcell.core"));
    }

    /**
     * A registry filled through {@link ServiceLoader}: the providers of the boot layer's modules and of the
     * class path (META-INF/services).
     */
    public static PluginRegistry discover() {
        return discover(origin -> false);
    }

    /** {@link #discover()}, with an override policy (see {@link #PluginRegistry(Predicate)}). */
    public static PluginRegistry discover(Predicate<String> mayOverride) {
        PluginRegistry registry = new PluginRegistry(mayOverride);
        registry.addAll(ModuleLayer.boot(), PluginRegistry.class.getClassLoader());
        return registry;
    }

    /**
     * Whether an origin names a plugin: the plugin's own name ({@code org.example.isru}) matches the origins
     * {@code bundle org.example.isru 1.0.0}, {@code org.example.isru@1.0.0} and {@code org.example.isru}. For
     * override policies built from names an operator gives.
     */
    public static boolean originOf(String origin, String plugin) {
        return origin.equals(plugin) || origin.startsWith("bundle " + plugin + " ") || origin.startsWith(plugin + "@");
    }

    /** The providers refused now because another origin serves one of their names. */
    public List<Refusal> refusals() {
        List<Refusal> list = new ArrayList<>();
        for (Entry entry : refused) {
            list.add(new Refusal(entry.kind, entry.kind.names(entry.provider), entry.origin, entry.conflict));
        }
        return list;
    }

    /**
     * Registers every provider that ServiceLoader finds in {@code layer} and through {@code loader}; each
     * class once. Returns what was added, so that a host can remove it again.
     */
    public List<Object> addAll(ModuleLayer layer, ClassLoader loader) {
        return addAll(layer, loader, type -> true);
    }

    /**
     * {@link #addAll(ModuleLayer, ClassLoader)} for the providers whose class {@code own} accepts: ServiceLoader also
     * finds the providers of a layer's parents and of a class loader's parents, which a plugin jar's loader must
     * leave alone.
     */
    List<Object> addAll(ModuleLayer layer, ClassLoader loader, Predicate<Class<?>> own) {
        Set<String> seen = new LinkedHashSet<>();
        for (Entry entry : entries) {
            seen.add(entry.provider.getClass().getName());
        }
        List<Object> added = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            List<ServiceLoader<?>> loaders = new ArrayList<>();
            if (layer != null) {
                loaders.add(ServiceLoader.load(layer, kind.type()));
            }
            if (loader != null) {
                loaders.add(ServiceLoader.load(kind.type(), loader));
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
                    if (own.test(instance.getClass()) && seen.add(instance.getClass().getName())) {
                        add(kind, instance, originOf(instance.getClass()));
                        added.add(instance);
                    }
                }
            }
        }
        return added;
    }

    /** {@link #add(ProviderKind, Object, String)} for an activation factory. */
    public boolean add(ActivationFactory factory, String origin) {
        return add(ProviderKind.ACTIVATION, factory, origin);
    }

    /** {@link #add(ProviderKind, Object, String)} for a cell type. */
    public boolean add(CellType cellType, String origin) {
        return add(ProviderKind.CELL_TYPE, cellType, origin);
    }

    /** {@link #add(ProviderKind, Object, String)} for a backend. */
    public boolean add(Backend backend, String origin) {
        return add(ProviderKind.BACKEND, backend, origin);
    }

    /**
     * Adds a provider of {@code kind}, unless another origin serves one of its names and the override policy does
     * not allow its origin to take it: then the provider is refused (see the class comment), and gets its names
     * once their owner is removed. For hosts that get providers by kind (a service tracker per
     * {@link ProviderKind#type()}); code that holds a typed provider calls the typed overloads.
     *
     * @param origin names the bundle or module it comes from, for logs and errors
     * @return whether it serves now
     * @throws IllegalArgumentException when {@code provider} does not implement {@code kind}'s interface
     */
    public synchronized boolean add(ProviderKind kind, Object provider, String origin) {
        Objects.requireNonNull(origin, "origin");
        kind.require(provider);
        String conflict = conflict(kind, provider, origin);
        if (conflict != null && !mayOverride.test(origin)) {
            refused.add(new Entry(kind, provider, origin, conflict));
            LOG.warn("refused {} {} from {}: {}; the operator may allow {} to take names over", kind.word(),
                    String.join(", ", new TreeSet<>(kind.names(provider))), origin, conflict, origin);
            return false;
        }
        entries.add(new Entry(kind, provider, origin));
        fire(new RegistryEvent(RegistryEvent.Change.ADDED, kind, kind.names(provider), origin));
        return true;
    }

    /**
     * Removes a provider added (or refused) before, by identity; returns whether it served. Providers refused
     * for a name it held are added again, first come first served.
     */
    public synchronized boolean remove(Object provider) {
        refused.removeIf(entry -> entry.provider == provider);
        for (Entry entry : entries) {
            if (entry.provider == provider && entries.remove(entry)) {
                fire(new RegistryEvent(RegistryEvent.Change.REMOVED, entry.kind, entry.kind.names(provider),
                        entry.origin));
                retryRefused();
                return true;
            }
        }
        return false;
    }

    private void retryRefused() {
        for (Entry waiting : List.copyOf(refused)) {
            if (conflict(waiting.kind, waiting.provider, waiting.origin) == null && refused.remove(waiting)) {
                LOG.info("{} {} from {} serves now: the provider it was refused for has gone", waiting.kind.word(),
                        String.join(", ", new TreeSet<>(waiting.kind.names(waiting.provider))), waiting.origin);
                entries.add(new Entry(waiting.kind, waiting.provider, waiting.origin));
                fire(new RegistryEvent(RegistryEvent.Change.ADDED, waiting.kind,
                        waiting.kind.names(waiting.provider), waiting.origin));
            }
        }
    }

    /** {@code "tanh is served by bundle y 2.0"} when another origin's provider serves one of the names, else null. */
    private String conflict(ProviderKind kind, Object provider, String origin) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : claimed(kind, provider)) {
            keys.add(Names.key(name));
        }
        for (Entry entry : entries) {
            if (entry.kind != kind || entry.origin.equals(origin) || entry.provider.getClass() == provider.getClass()) {
                continue;
            }
            for (String name : claimed(kind, entry.provider)) {
                if (keys.contains(Names.key(name))) {
                    return name + " is served by " + entry.origin;
                }
            }
        }
        return null;
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
            if (entry.kind == kind && kind.names(entry.provider).stream().anyMatch(n -> Names.key(n).equals(key))) {
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
            if (entry.kind == kind && taken.add(Names.key(kind.names(entry.provider).iterator().next()))) {
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

    /** Every name a lookup can reach the provider by: an activation factory's aliases too. */
    private static Set<String> claimed(ProviderKind kind, Object provider) {
        if (kind != ProviderKind.ACTIVATION) {
            return kind.names(provider);
        }
        ActivationFactory factory = (ActivationFactory) provider;
        Set<String> all = new LinkedHashSet<>(factory.names());
        all.addAll(factory.aliases().keySet());
        return all;
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
