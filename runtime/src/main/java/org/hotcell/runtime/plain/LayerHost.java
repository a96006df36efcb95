package org.hotcell.runtime.plain;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.plugin.PluginHost;
import org.hotcell.runtime.plugin.PluginInfo;
import org.hotcell.runtime.trust.TrustPolicy;
import org.hotcell.runtime.trust.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugins without OSGi: the registry starts from {@link java.util.ServiceLoader} over the boot layer (the module path), and
 * each jar in a plugins directory becomes its own {@link ModuleLayer} (child of the boot layer, one class loader)
 * whose {@code provides} are added to the registry. The directory is polled: a new jar gets a new layer.
 *
 * <p>What removal means here: JPMS cannot unload a layer. When a jar is deleted (or replaced), its providers are
 * removed from the registry at once, so nothing new resolves to them and models re-bind; the layer's classes stay
 * in memory until nothing refers to them (an in-flight computation may finish with them), then the class loader
 * is collected like any object. A replaced jar is a removal followed by a new layer.
 */
public final class LayerHost implements PluginHost {
    private static final Logger LOG = LoggerFactory.getLogger(LayerHost.class);
    private static final Logger REGISTRY_LOG = LoggerFactory.getLogger("org.hotcell.registry");

    private final PluginRegistry registry;
    private final Path directory;
    private final TrustPolicy trust;
    private final Map<Path, Loaded> loaded = new LinkedHashMap<>();
    private final Map<Path, String> refused = new LinkedHashMap<>();
    /** The stamp of each refused jar, so that it is checked again only when it changes. */
    private final Map<Path, String> refusedStamps = new LinkedHashMap<>();
    private final ScheduledExecutorService poller;
    private final Registry.Subscription logging;

    /** One jar's layer and what it added to the registry. */
    private record Loaded(String stamp, String module, String version, List<Object> providers, List<String> provides,
                          java.io.Closeable closeable) {
    }

    private LayerHost(PluginRegistry registry, Path directory, TrustPolicy trust, Duration poll) {
        this.registry = registry;
        this.directory = directory;
        this.trust = trust;
        this.logging = registry.subscribe(event -> REGISTRY_LOG.info("{}", event.describe()));
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hotcell-layers-" + directory.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::scanQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Discovers the module path's plugins, loads every jar in {@code directory} and keeps polling it. */
    public static LayerHost start(Path directory, TrustPolicy trust, Duration poll) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        LayerHost host = new LayerHost(PluginRegistry.discover(trust::mayOverride), dir, trust, poll);
        host.scan();
        LOG.info("plain-Java plugin host: module path plus one layer per jar in {}", dir);
        return host;
    }

    @Override
    public Registry registry() {
        return registry;
    }

    @Override
    public synchronized List<PluginInfo> plugins() {
        List<PluginInfo> list = new ArrayList<>();
        loaded.forEach((jar, l) -> list.add(new PluginInfo(l.module, l.version, "LAYER", jar.toString(),
                withRefusals(l.module, l.provides))));
        refused.forEach((jar, reason) -> list.add(new PluginInfo(jar.getFileName().toString(), "?",
                "REFUSED (" + reason + ")", jar.toString(), List.of())));
        return list;
    }

    /** Looks at the directory now: new jars get layers, deleted ones lose their providers, changed ones both. */
    public synchronized void scan() throws IOException {
        Map<Path, String> seen = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList()) {
                seen.put(jar, Files.getLastModifiedTime(jar) + "/" + Files.size(jar));
            }
        }
        for (Path jar : new ArrayList<>(loaded.keySet())) {
            if (!seen.containsKey(jar) || !seen.get(jar).equals(loaded.get(jar).stamp)) {
                unload(jar);
            }
        }
        refused.keySet().removeIf(jar -> !seen.containsKey(jar));
        seen.forEach((jar, stamp) -> {
            if (!loaded.containsKey(jar) && !(refused.containsKey(jar) && stamp.equals(refusedStamps.get(jar)))) {
                load(jar, stamp);
            }
        });
    }

    @Override
    public synchronized void close() {
        poller.shutdownNow();
        new ArrayList<>(loaded.keySet()).forEach(this::unload);
        logging.close();
    }

    private void load(Path jar, String stamp) {
        Verdict verdict = trust.check(jar);
        if (!verdict.trusted()) {
            LOG.warn("refused plugin {}: {}", jar, verdict.reason());
            refused.put(jar, verdict.reason());
            refusedStamps.put(jar, stamp);
            return;
        }
        refused.remove(jar);
        // A class loader passes over a jar it cannot open without a word, so say it here, once per version.
        Optional<String> unreadable = unreadable(jar);
        if (unreadable.isPresent()) {
            LOG.warn("cannot load plugin {}: it is not a readable jar ({})", jar, unreadable.get());
            refused.put(jar, "cannot load: not a readable jar (" + unreadable.get() + ")");
            refusedStamps.put(jar, stamp);
            return;
        }
        if (!Registry.class.getModule().isNamed()) {
            loadOnClassPath(jar, stamp);
            return;
        }
        try {
            ModuleFinder finder = ModuleFinder.of(jar);
            Set<ModuleReference> modules = finder.findAll();
            if (modules.size() != 1) {
                throw new IllegalArgumentException("it holds " + modules.size() + " modules, expected one");
            }
            ModuleReference module = modules.iterator().next();
            String name = module.descriptor().name();
            Configuration configuration = ModuleLayer.boot().configuration()
                    .resolveAndBind(finder, ModuleFinder.of(), Set.of(name));
            ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                    ClassLoader.getSystemClassLoader());
            List<String> provides = new ArrayList<>();
            List<Object> added = registry.addAll(layer, null).stream()
                    .filter(p -> p.getClass().getModule().getLayer() == layer).toList();
            module.descriptor().provides().forEach(p -> provides.add(p.service() + " with " + p.providers()));
            loaded.put(jar, new Loaded(stamp, name, module.descriptor().version().map(Object::toString).orElse("?"),
                    added, provides, null));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("cannot load plugin {}: {}", jar, e.toString());
            refused.put(jar, "cannot load: " + e.getMessage());
            refusedStamps.put(jar, stamp);
        }
    }

    /** What a plugin provides, plus a line for each provider the registry refused because another owns a name. */
    private List<String> withRefusals(String module, List<String> provides) {
        List<String> all = new ArrayList<>(provides);
        for (PluginRegistry.Refusal refusal : registry.refusals()) {
            if (PluginRegistry.originOf(refusal.origin(), module)) {
                all.add("refused: " + refusal.describe());
            }
        }
        return all;
    }

    /** Why {@code jar} cannot be opened as a jar (a zip file with a readable manifest, if any), or empty if it can. */
    private static Optional<String> unreadable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            file.getManifest();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The same for a host on the class path, where hotcell-core is no named module a layer could read: the jar
     * gets its own class loader (parent: the host's) and its {@code META-INF/services} providers are added.
     */
    private void loadOnClassPath(Path jar, String stamp) {
        try {
            URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    LayerHost.class.getClassLoader());
            List<Object> added = registry.addAll(null, loader).stream()
                    .filter(p -> p.getClass().getClassLoader() == loader).toList();
            List<String> provides = added.stream().map(p -> p.getClass().getName()).toList();
            loaded.put(jar, new Loaded(stamp, jar.getFileName().toString(), "?", added, provides, loader));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("cannot load plugin {}: {}", jar, e.toString());
            refused.put(jar, "cannot load: " + e.getMessage());
            refusedStamps.put(jar, stamp);
        }
    }

    private void unload(Path jar) {
        Loaded gone = loaded.remove(jar);
        if (gone != null) {
            gone.providers.forEach(registry::remove);
            if (gone.closeable != null) {
                try {
                    gone.closeable.close();
                } catch (IOException e) {
                    LOG.debug("closing the class loader of {}: {}", jar, e.toString());
                }
            }
            LOG.info("plugin {} ({}) removed from the registry; its layer is collected once unused", jar.getFileName(),
                    gone.module);
        }
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the plugins directory {}: {}", directory, e.toString());
        }
    }
}
