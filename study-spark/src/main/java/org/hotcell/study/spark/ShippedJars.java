package org.hotcell.study.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars the driver sends its executors ({@code SparkConf.setJars}): every entry of this JVM's class path and
 * module path that holds Hotcell classes ({@code org/hotcell/...}: the study, this runner, core, model and the
 * plugins), and the study's plugin jars. Everything else a run uses (SLF4J, Jackson, Protobuf) is part of Spark's
 * own jars on every worker. A class directory (a build's {@code target/classes}) is packed into a temporary jar,
 * and a file name is sent once, as Spark refuses two jars of one name.
 */
final class ShippedJars implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShippedJars.class);

    private final List<Path> jars;
    private final Path packed;

    private ShippedJars(List<Path> jars, Path packed) {
        this.jars = List.copyOf(jars);
        this.packed = packed;
    }

    /**
     * Collects the jars to send.
     *
     * @param pluginJars the study's plugin jars, always sent
     * @param hotcell    whether to send Hotcell's own jars (not needed when the executors run in this JVM)
     */
    static ShippedJars collect(List<Path> pluginJars, boolean hotcell) {
        Map<String, Path> byName = new LinkedHashMap<>();
        Path packed = null;
        try {
            if (hotcell) {
                for (Path entry : pathEntries()) {
                    if (Files.isRegularFile(entry) && holdsHotcell(entry)) {
                        byName.putIfAbsent(entry.getFileName().toString(), entry);
                    } else if (Files.isDirectory(entry.resolve("org/hotcell"))) {
                        if (packed == null) {
                            packed = Files.createTempDirectory("hotcell-spark-jars");
                        }
                        Path jar = packed.resolve(packedName(entry, byName.size()));
                        pack(entry, jar);
                        byName.put(jar.getFileName().toString(), jar);
                    }
                }
            }
            for (Path plugin : pluginJars) {
                Path previous = byName.putIfAbsent(plugin.getFileName().toString(), plugin.toAbsolutePath());
                if (previous != null && !previous.equals(plugin.toAbsolutePath())) {
                    LOG.warn("plugin jar {} is not sent: {} has its name and is sent instead", plugin, previous);
                }
            }
        } catch (IOException e) {
            delete(packed);
            throw new UncheckedIOException("cannot collect the jars to send to Spark's executors", e);
        }
        return new ShippedJars(new ArrayList<>(byName.values()), packed);
    }

    /** The jars, as {@code SparkConf.setJars} takes them. */
    String[] paths() {
        return jars.stream().map(Path::toString).toArray(String[]::new);
    }

    List<Path> jars() {
        return jars;
    }

    /** Deletes the jars packed from class directories. */
    @Override
    public void close() {
        delete(packed);
    }

    private static List<Path> pathEntries() {
        List<Path> entries = new ArrayList<>();
        for (String property : List.of("java.class.path", "jdk.module.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry).toAbsolutePath().normalize());
                }
            }
        }
        return entries;
    }

    private static boolean holdsHotcell(Path jar) throws IOException {
        if (!jar.getFileName().toString().endsWith(".jar")) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith("org/hotcell/"));
        }
    }

    /** E.g. {@code 3-study-spark-classes.jar} for {@code study-spark/target/classes}. */
    private static String packedName(Path dir, int index) {
        Path target = dir.getParent();
        Path module = target == null ? null : target.getParent();
        String prefix = module == null || module.getFileName() == null ? "" : module.getFileName() + "-";
        return index + "-" + prefix + dir.getFileName() + ".jar";
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.toString());
        }
    }
}
