package org.hotcell.study.internal.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.LayerInstantiationException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.PluginRegistry;

/**
 * Loads activation plugins from the jars in a directory into a registry. When Hotcell itself runs as modules
 * (the launcher), each modular jar gets a module layer of its own over the boot layer, so its {@code provides}
 * clauses are honoured; otherwise (the class path, as in tests, or a plain jar) the jars share one class loader
 * and are found through {@code META-INF/services}.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Registers every provider the jars in {@code dir} hold.
     *
     * @return the canonical names of the activations they added, sorted
     * @throws InvalidSpecException when {@code dir} is not a directory or holds no jar
     */
    public static List<String> load(Path dir, PluginRegistry registry) {
        List<Path> jars = jars(dir);
        boolean modular = ModuleLayer.boot().findModule("org.hotcell.core").isPresent();
        List<Object> added = new ArrayList<>();
        List<URL> plain = new ArrayList<>();
        for (Path jar : jars) {
            ModuleDescriptor descriptor = descriptor(jar);
            if (modular && descriptor != null && !descriptor.isAutomatic()) {
                added.addAll(registry.addAll(layerOf(jar, descriptor.name()), null));
            } else {
                plain.add(url(jar));
            }
        }
        if (!plain.isEmpty()) {
            // Never closed: the plugin's classes serve the whole study.
            URLClassLoader loader = new URLClassLoader("study-plugins", plain.toArray(URL[]::new),
                    PluginJars.class.getClassLoader());
            added.addAll(registry.addAll(null, loader));
        }
        Set<String> names = new TreeSet<>();
        for (Object provider : added) {
            if (provider instanceof ActivationFactory factory) {
                names.addAll(factory.names());
            }
        }
        return List.copyOf(names);
    }

    /**
     * The jars in {@code dir}, sorted by name (a cluster ships them to its executors).
     *
     * @throws InvalidSpecException when {@code dir} is not a directory or holds no jar
     */
    public static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidSpecException("--plugins " + dir + ": not a directory; give a directory of plugin jars");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new InvalidSpecException("--plugins " + dir + ": holds no .jar file");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + dir, e);
        }
    }

    private static ModuleDescriptor descriptor(Path jar) {
        try {
            return ModuleFinder.of(jar).findAll().stream().findFirst().map(ModuleReference::descriptor).orElse(null);
        } catch (RuntimeException e) {
            // Not a valid module (e.g. a name the module system refuses): load it as a plain jar.
            return null;
        }
    }

    private static ModuleLayer layerOf(Path jar, String module) {
        ModuleLayer parent = ModuleLayer.boot();
        try {
            Configuration configuration = parent.configuration().resolveAndBind(ModuleFinder.of(jar),
                    ModuleFinder.of(), Set.of(module));
            return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new InvalidSpecException("--plugins: module " + module + " in " + jar + " cannot be loaded over "
                    + "Hotcell's modules: " + e.getMessage());
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("plugin jar path is not a URL: " + jar, e);
        }
    }
}
