package org.hotcell.runtime.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotcell.core.registry.PluginJar;
import org.hotcell.core.registry.PluginJarException;
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
 * whose {@code provides} are added to the registry ({@link PluginJar}, which gives each jar a class loader instead
 * when the runtime runs on the class path). The directory is polled: a new jar gets a new layer.
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

    /** One jar's layer (or class loader) and the stamp of the file it was loaded from. */
    private record Loaded(String stamp, PluginJar plugin) {
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
        loaded.forEach((jar, l) -> list.add(new PluginInfo(l.plugin.name(), l.plugin.version(), "LAYER",
                jar.toString(), withRefusals(l.plugin.name(), l.plugin.provides()))));
        refused.forEach((jar, reason) -> list.add(new PluginInfo(jar.getFileName().toString(), "?",
                "REFUSED (" + reason + ")", jar.toString(), List.of())));
        return list;
    }

    /** Looks at the directory now: new jars get layers, deleted ones lose their providers, changed ones both. */
    public synchronized void scan() throws IOException {
        Map<Path, String> seen = new LinkedHashMap<>();
        for (Path jar : PluginJar.list(directory)) {
            seen.put(jar, Files.getLastModifiedTime(jar) + "/" + Files.size(jar));
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
            refuse(jar, stamp, verdict.reason());
            return;
        }
        refused.remove(jar);
        try {
            loaded.put(jar, new Loaded(stamp, PluginJar.load(jar, registry)));
        } catch (PluginJarException e) {
            LOG.warn("cannot load plugin {}: {}", jar, e.getMessage());
            refuse(jar, stamp, "cannot load: " + e.getMessage());
        }
    }

    /** Lists {@code jar} as refused until it changes. */
    private void refuse(Path jar, String stamp, String reason) {
        refused.put(jar, reason);
        refusedStamps.put(jar, stamp);
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

    private void unload(Path jar) {
        Loaded gone = loaded.remove(jar);
        if (gone != null) {
            try {
                gone.plugin.close();
            } catch (IOException e) {
                LOG.debug("closing the class loader of {}: {}", jar, e.toString());
            }
            LOG.info("plugin {} ({}) removed from the registry; its layer is collected once unused", jar.getFileName(),
                    gone.plugin.name());
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
