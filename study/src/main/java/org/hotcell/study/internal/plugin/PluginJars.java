package org.hotcell.study.internal.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.registry.PluginJar;
import org.hotcell.core.registry.PluginJarException;
import org.hotcell.core.registry.PluginRegistry;

/**
 * The plugin jars of {@code --plugins DIR}, loaded once for the whole study through hotcell-core's
 * {@link PluginJar} (a module layer per jar when Hotcell runs as modules, else a class loader per jar), with the
 * option named in every error.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Registers every provider the jars in {@code dir} hold; they serve for the rest of the run.
     *
     * @return the canonical names of the activations they added, sorted
     * @throws InvalidSpecException when {@code dir} is not a directory or holds no jar, or a jar cannot be loaded
     */
    public static List<String> load(Path dir, PluginRegistry registry) {
        Set<String> names = new TreeSet<>();
        for (Path jar : jars(dir)) {
            try {
                for (Object provider : PluginJar.load(jar, registry).providers()) {
                    if (provider instanceof ActivationFactory factory) {
                        names.addAll(factory.names());
                    }
                }
            } catch (PluginJarException e) {
                throw new InvalidSpecException("--plugins: " + e.module().map(m -> "module " + m + " in " + jar
                        + " cannot be loaded over Hotcell's modules: ").orElse(jar + ": ") + e.getMessage());
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
        try {
            List<Path> jars = PluginJar.list(dir);
            if (jars.isEmpty()) {
                throw new InvalidSpecException("--plugins " + dir + ": holds no .jar file");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + dir, e);
        }
    }
}
