package org.hotcell.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A stock OSGi framework (whichever one is on the class path: each test run has exactly one) with the
 * container bundles the build copied: Hotcell's published bundles, SPI Fly with ASM, and SLF4J. Nothing of
 * Hotcell's launcher is involved: no extender of ours, no system packages of ours, hotcell-core is a bundle.
 */
final class Container implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Framework framework;

    private Container(Framework framework) {
        this.framework = framework;
    }

    /**
     * Starts a framework storing in {@code storage} with {@code properties} as its only configuration besides
     * storage, then installs and starts every bundle in the build's container directory.
     */
    static Container start(Path storage, Map<String, String> properties) throws BundleException, IOException {
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        Framework framework = factory.newFramework(config);
        framework.start();
        Container container = new Container(framework);
        try {
            List<Bundle> installed = new ArrayList<>();
            for (Path jar : jars(Path.of(System.getProperty("hotcell.container.bundles")))) {
                installed.add(container.context().installBundle(jar.toUri().toString()));
            }
            // The stock bundles first, as a container's start levels would have it: SLF4J finds its provider
            // only if SPI Fly is active before the first logger is made.
            for (boolean hotcell : new boolean[] {false, true}) {
                for (Bundle bundle : installed) {
                    if (bundle.getSymbolicName().startsWith("org.hotcell.") == hotcell
                            && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                        container.startQuietly(bundle);
                    }
                }
            }
            return container;
        } catch (BundleException | IOException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    /** Installs and starts every bundle in a directory the build filled; returns them. */
    List<Bundle> installAll(Path dir) throws BundleException, IOException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(dir)) {
            installed.add(context().installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            bundle.start();
        }
        return installed;
    }

    /** The third-party plugin jars the build copied (examples/custom-activation). */
    static List<Path> pluginJars() throws IOException {
        return jars(Path.of(System.getProperty("hotcell.container.plugins")));
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** The system bundle's symbolic name: which framework this is. */
    String frameworkName() {
        return framework.getSymbolicName();
    }

    Bundle bundle(String symbolicName) {
        for (Bundle bundle : context().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " in " + describeBundles());
    }

    /** Every bundle with its state, for failure messages. */
    String describeBundles() {
        StringBuilder out = new StringBuilder();
        for (Bundle bundle : context().getBundles()) {
            out.append(String.format("%n  %-45s %s", bundle.getSymbolicName() + " " + bundle.getVersion(),
                    stateName(bundle.getState())));
        }
        return out.toString();
    }

    /** The bundles that registered a service of this type, one entry per registration. */
    List<String> providersOf(String objectClass) throws Exception {
        ServiceReference<?>[] references = context().getAllServiceReferences(objectClass, null);
        List<String> out = new ArrayList<>();
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            out.add(reference.getBundle().getSymbolicName());
        }
        return out;
    }

    /** Waits until the condition holds, then returns; fails naming what was awaited and the bundles' states. */
    void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        await(what, condition, () -> "");
    }

    /** {@link #await(String, Supplier)}, adding {@code state} (what was seen last) to the failure message. */
    void await(String what, Supplier<Boolean> condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; seen: " + state.get()
                + "; bundles:" + describeBundles());
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(PATIENCE.toMillis());
        } catch (BundleException | InterruptedException e) {
            throw new IllegalStateException("framework did not stop", e);
        }
    }

    private void startQuietly(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            // A bundle that cannot resolve (the SIMD backend without the Vector API) stays INSTALLED; the tests
            // say which bundles they expect to be active.
            System.err.println("[container] " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no bundles in " + dir + " (the build copies them there)");
            }
            return jars;
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
