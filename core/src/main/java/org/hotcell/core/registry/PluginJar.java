package org.hotcell.core.registry;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A plugin jar whose providers a {@link PluginRegistry} serves, until {@link #close()} takes them out again. Hosts
 * load each jar of a plugins directory with {@link #load}: once for a run, or again whenever the file changes.
 *
 * <p>When Hotcell runs as named modules, the jar becomes a {@link ModuleLayer} of its own over the boot layer (one
 * class loader), so that its module-info's {@code provides} are honoured (a jar without one becomes an automatic
 * module). On the class path, where hotcell-core is no named module a layer could read, the jar gets a class loader
 * of its own (parent: hotcell-core's) and its {@code META-INF/services} are read. Either way only the jar's own
 * providers are added, never those its layer or loader reaches through a parent.
 *
 * <p>JPMS cannot unload a layer: after {@link #close()} nothing new resolves to the jar's providers, so models
 * re-bind, and its classes are collected like any object once nothing refers to them (an in-flight computation may
 * finish with them).
 */
public final class PluginJar implements AutoCloseable {
    private final Path jar;
    private final String name;
    private final String version;
    private final List<String> provides;
    private final List<Object> providers;
    private final PluginRegistry registry;
    private final URLClassLoader loader;

    private PluginJar(Path jar, String name, String version, List<String> provides, List<Object> providers,
                      PluginRegistry registry, URLClassLoader loader) {
        this.jar = jar;
        this.name = name;
        this.version = version;
        this.provides = List.copyOf(provides);
        this.providers = List.copyOf(providers);
        this.registry = registry;
        this.loader = loader;
    }

    /**
     * The plugin jars in {@code directory}: its regular files named {@code *.jar}, sorted by name.
     *
     * @throws IOException when the directory cannot be listed (a {@link java.nio.file.NotDirectoryException} when
     *                     it is no directory)
     */
    public static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    /**
     * Loads {@code jar} (see the class comment) and adds its providers to {@code registry}, where the registry's
     * name ownership may refuse some of them ({@link PluginRegistry#refusals()}).
     *
     * @throws PluginJarException naming why, when the file is not a readable jar, its module does not resolve over
     *                            Hotcell's modules, or registering its providers fails
     */
    public static PluginJar load(Path jar, PluginRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        // A class loader passes over a jar it cannot open without a word, so say it here.
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            file.getManifest();
        } catch (IOException | RuntimeException e) {
            throw new PluginJarException(jar, null, "not a readable jar (" + e.getMessage() + ")", e);
        }
        return PluginRegistry.class.getModule().isNamed() ? inLayer(jar, registry) : onClassPath(jar, registry);
    }

    /** The jar file. */
    public Path jar() {
        return jar;
    }

    /** The module's name; on the class path, the jar's file name. */
    public String name() {
        return name;
    }

    /** The module's version, or {@code ?} when it has none (always on the class path). */
    public String version() {
        return version;
    }

    /**
     * What the jar declares it provides: {@code service with [providers]} per {@code provides} clause of its module,
     * or on the class path the class name of each provider added.
     */
    public List<String> provides() {
        return provides;
    }

    /** The providers added to the registry (refused ones included: they serve once their names are free). */
    public List<Object> providers() {
        return providers;
    }

    /**
     * Removes the jar's providers from the registry, then closes its class loader on the class path (a layer's is
     * left to the garbage collector).
     *
     * @throws IOException when that class loader fails to close; the providers are gone by then
     */
    @Override
    public void close() throws IOException {
        providers.forEach(registry::remove);
        if (loader != null) {
            loader.close();
        }
    }

    @Override
    public String toString() {
        return name + " " + version + " from " + jar;
    }

    private static PluginJar inLayer(Path jar, PluginRegistry registry) {
        String name = null;
        try {
            ModuleFinder finder = ModuleFinder.of(jar);
            Set<ModuleReference> modules = finder.findAll();
            if (modules.size() != 1) {
                throw new PluginJarException(jar, null, "it holds " + modules.size() + " modules, expected one", null);
            }
            ModuleDescriptor descriptor = modules.iterator().next().descriptor();
            name = descriptor.name();
            ModuleLayer boot = ModuleLayer.boot();
            Configuration configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of(name));
            ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
            List<Object> added = registry.addAll(layer, null, type -> type.getModule().getLayer() == layer);
            List<String> provides = new ArrayList<>();
            descriptor.provides().forEach(p -> provides.add(p.service() + " with " + p.providers()));
            return new PluginJar(jar, name, descriptor.version().map(Object::toString).orElse("?"), provides, added,
                    registry, null);
        } catch (PluginJarException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginJarException(jar, name, e.getMessage(), e);
        }
    }

    private static PluginJar onClassPath(Path jar, PluginRegistry registry) {
        try {
            URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    PluginJar.class.getClassLoader());
            List<Object> added = registry.addAll(null, loader, type -> type.getClassLoader() == loader);
            List<String> provides = added.stream().map(p -> p.getClass().getName()).toList();
            return new PluginJar(jar, jar.getFileName().toString(), "?", provides, added, registry, loader);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new PluginJarException(jar, null, e.getMessage(), e);
        }
    }
}
