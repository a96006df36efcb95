package org.hotcell.runtime.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hotcell.core.error.HotcellException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.osgi.RegistryBridge;
import org.hotcell.osgi.RegistryServiceFactory;
import org.hotcell.runtime.plugin.PluginHost;
import org.hotcell.runtime.plugin.PluginInfo;
import org.hotcell.runtime.trust.Verdict;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Apache Felix framework with the standard plugin bundles and Apache Felix FileInstall watching a
 * plugins directory: a jar dropped there is installed and started, a replaced one updated, a deleted one
 * uninstalled (FileInstall then refreshes, so the old class loaders can go). Bundles' Hotcell services are
 * registered by {@link ServiceLoaderExtender} and fed into one {@link PluginRegistry} by {@link RegistryBridge};
 * each change is logged as one line ({@code registered activation isru from bundle org.example.isru 1.0.0}).
 * Bundles find that registry as an OSGi {@link Registry} service, as they do in any container running
 * hotcell-osgi.
 *
 * <p>hotcell-core and SLF4J are host classes exported by the system bundle; no bundle carries its own copy.
 */
public final class FelixHost implements PluginHost {
    private static final Logger LOG = LoggerFactory.getLogger(FelixHost.class);
    private static final Logger REGISTRY_LOG = LoggerFactory.getLogger("org.hotcell.registry");

    private final Framework framework;
    private final Path storage;
    private final PluginRegistry registry;
    private final RegistryBridge bridge;
    private final ServiceLoaderExtender extender;
    private final TrustHook trust;
    private final Registry.Subscription logging;
    /** Looks at the plugins directory for the jars FileInstall skips without a word (see {@link #checkJars}). */
    private final ScheduledExecutorService jarCheck;
    /** The stamp (modified time and size) of each jar in the plugins directory when it was last checked. */
    private final Map<Path, String> checked = new HashMap<>();

    private FelixHost(Framework framework, Path storage, PluginRegistry registry, RegistryBridge bridge,
                      ServiceLoaderExtender extender, TrustHook trust, Registry.Subscription logging) {
        this.framework = framework;
        this.storage = storage;
        this.registry = registry;
        this.bridge = bridge;
        this.extender = extender;
        this.trust = trust;
        this.logging = logging;
        this.jarCheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hotcell-plugin-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the framework, installs and starts the standard bundles (a bundle that does not resolve is logged
     * and skipped: without the SIMD bundle the reference backend serves), then FileInstall.
     *
     * @throws HotcellException when the framework itself cannot start
     */
    public static FelixHost start(FelixOptions options) throws IOException {
        Path storage = Files.createTempDirectory("hotcell-felix-");
        Path pluginsDir = options.pluginsDir().toAbsolutePath().normalize();
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.resolve("cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.extra());
        // FileInstall (a plugin jar that cannot be installed or started) logs to SLF4J through JUL
        // (org.hotcell.osgi.fileinstall). The framework's own rare errors still go to standard output: Felix takes
        // a logger only as a subclass of its Logger, whose package its module does not export.
        config.put("felix.log.level", "1");
        config.put("felix.fileinstall.log.default", "jul");
        FileInstallLog.install();
        config.put("felix.fileinstall.dir", pluginsDir.toString());
        config.put("felix.fileinstall.poll", Long.toString(options.poll().toMillis()));
        // Only jar files: the directory may sit next to (or be) a source tree of plugin modules.
        config.put("felix.fileinstall.filter", ".*\\.jar");
        config.put("felix.fileinstall.subdir.mode", "skip");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.bundles.startTransient", "true");
        config.put("felix.fileinstall.enableConfigSave", "false");
        config.put("felix.fileinstall.tmpdir", storage.resolve("fileinstall").toString());
        config.put("felix.fileinstall.log.level", "2");

        PluginRegistry registry = new PluginRegistry(options.trust()::mayOverride);
        Registry.Subscription logging = registry.subscribe(event -> REGISTRY_LOG.info("{}", event.describe()));
        Framework framework = newFramework(config);
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            TrustHook trust = new TrustHook(options.trust(), pluginsDir);
            context.addBundleListener(trust);
            context.registerService(ResolverHookFactory.class, trust, null);
            ServiceLoaderExtender extender = new ServiceLoaderExtender(context, trust::refused);
            RegistryBridge bridge = new RegistryBridge(context, registry);
            bridge.open();
            // Bundles in this framework find the same registry as a service, as they would in any container.
            context.registerService(Registry.class.getName(), new RegistryServiceFactory(registry), null);
            extender.open();
            framework.start();
            FelixHost host = new FelixHost(framework, storage, registry, bridge, extender, trust, logging);
            host.installStandard(options.standardBundles());
            host.startBundle(context.installBundle(options.fileInstallJar().toUri().toString()));
            host.jarCheck.scheduleWithFixedDelay(() -> host.checkJars(pluginsDir), 0, options.poll().toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.info("Felix started; watching {} for plugin jars every {} ms", pluginsDir, options.poll().toMillis());
            return host;
        } catch (BundleException | RuntimeException e) {
            logging.close();
            stopQuietly(framework);
            deleteTree(storage);
            throw new HotcellException("HC-RUNTIME", "cannot start the OSGi framework: " + e.getMessage(), e);
        }
    }

    @Override
    public Registry registry() {
        return registry;
    }

    /** The running framework, for hosts and tests that need to see bundles. */
    public Framework framework() {
        return framework;
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> list = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getBundleId() == 0) {
                continue;
            }
            String state = BundleNames.state(bundle);
            Verdict verdict = trust.verdict(bundle.getBundleId());
            if (verdict != null && !verdict.trusted()) {
                state += " (refused: " + verdict.reason() + ")";
            }
            list.add(new PluginInfo(bundle.getSymbolicName() == null ? "?" : bundle.getSymbolicName(),
                    bundle.getVersion().toString(), state, bundle.getLocation(), bridge.providedBy(bundle.getBundleId())));
        }
        return list;
    }

    @Override
    public synchronized void close() {
        if (framework.getState() == Bundle.UNINSTALLED || framework.getState() == Bundle.RESOLVED) {
            return;
        }
        jarCheck.shutdownNow();
        extender.close();
        bridge.close();
        logging.close();
        stopQuietly(framework);
        deleteTree(storage);
    }

    /**
     * Warns once about each jar in the plugins directory that FileInstall will skip in silence (it retries such a
     * file on every poll and logs nothing), naming the file and why; a changed file is checked again. This only
     * reports: what FileInstall installs, and what the trust check refuses, is unchanged.
     */
    private void checkJars(Path pluginsDir) {
        Map<Path, String> seen = new HashMap<>();
        // The files FileInstall looks at: felix.fileinstall.filter .*\.jar, directly in the directory.
        try (Stream<Path> files = Files.list(pluginsDir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().matches(".*\\.jar")
                    && Files.isRegularFile(p)).toList()) {
                seen.put(jar, Files.getLastModifiedTime(jar) + "/" + Files.size(jar));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot list the plugins directory {}: {}", pluginsDir, e.toString());
            return;
        }
        checked.keySet().retainAll(seen.keySet());
        seen.forEach((jar, stamp) -> {
            if (!stamp.equals(checked.put(jar, stamp))) {
                Optional<String> reason = FileInstallLog.skipReason(jar);
                reason.ifPresent(r -> LOG.warn("cannot load plugin {}: {}; it is ignored until it changes", jar, r));
            }
        });
    }

    private void installStandard(List<Path> jars) {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                LOG.warn("cannot install standard bundle {}: {}", jar.getFileName(), e.getMessage());
            }
        }
        installed.forEach(this::startBundle);
    }

    private void startBundle(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            String fallback = "org.hotcell.backend.simd".equals(bundle.getSymbolicName())
                    ? "; the reference backend serves instead" : "";
            LOG.warn("bundle {} {} did not start: {}{}", bundle.getSymbolicName(), bundle.getVersion(),
                    e.getMessage(), fallback);
        }
    }

    private static Framework newFramework(Map<String, Object> config) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow(() ->
                new HotcellException("HC-RUNTIME", "no OSGi framework (org.apache.felix.framework) on the module "
                        + "or class path"));
        // Felix reads non-string values (the logger object) through the same map; the API types it as String.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) new HashMap<>(config);
        return factory.newFramework(raw);
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("stopping the OSGi framework failed: {}", e.toString());
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", root, e.toString());
        }
    }
}
