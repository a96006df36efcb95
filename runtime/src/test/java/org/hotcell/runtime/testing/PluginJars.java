package org.hotcell.runtime.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.hotcell.core.activation.ActivationFactory;

/**
 * Builds real third-party plugin jars, as an author would with only hotcell-core: Java sources compiled with
 * javax.tools against the core jar, a module-info with {@code provides}, the same provider in
 * {@code META-INF/services}, and an OSGi manifest importing the core API. Each jar is at once a module and a bundle.
 */
public final class PluginJars {
    private static final AtomicLong CLOCK = new AtomicLong(System.currentTimeMillis() - 3_600_000);

    private final String module;
    private final String version;
    private final Map<String, String> activations = new LinkedHashMap<>();

    private PluginJars(String module, String version) {
        this.module = module;
        this.version = version;
    }

    /** A plugin whose module name and Bundle-SymbolicName is {@code module}. */
    public static PluginJars plugin(String module, String version) {
        return new PluginJars(module, version);
    }

    /** Serves activation {@code name} whose {@code apply(float x)} has this Java body, e.g. {@code return 2f * x;}. */
    public PluginJars activation(String name, String applyBody) {
        activations.put(name, applyBody);
        return this;
    }

    /** Compiles and writes the jar to {@code target} directly. */
    public Path build(Path target) throws IOException {
        Path work = Files.createTempDirectory("plugin-src-");
        try {
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            String pkg = module;
            Path pkgDir = src.resolve(pkg.replace('.', '/'));
            Files.createDirectories(pkgDir);
            Files.createDirectories(classes);
            Files.writeString(src.resolve("module-info.java"), "module " + module + " {\n"
                    + "  requires org.hotcell.core;\n"
                    + "  provides org.hotcell.core.activation.ActivationFactory with " + pkg + ".Factory;\n}\n");
            Files.writeString(pkgDir.resolve("Factory.java"), factorySource(pkg));
            compile(src, classes);
            writeJar(classes, target, pkg);
            return target;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Builds the jar under a temporary name in {@code dir} and renames it to {@code fileName}, as the README asks,
     * with a modification time later than any earlier one, so that a watcher sees a complete, changed file.
     */
    public Path dropInto(Path dir, String fileName) throws IOException {
        Path temp = dir.resolve("." + fileName + ".tmp");
        build(temp);
        return publish(temp, dir, fileName);
    }

    /** Copies a jar built before into {@code dir} under a temporary name, then renames it to {@code fileName}. */
    public static Path copyInto(Path jar, Path dir, String fileName) throws IOException {
        Path temp = dir.resolve("." + fileName + ".tmp");
        Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        return publish(temp, dir, fileName);
    }

    private static Path publish(Path temp, Path dir, String fileName) throws IOException {
        Files.setLastModifiedTime(temp, FileTime.fromMillis(CLOCK.addAndGet(2_000)));
        return Files.move(temp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private String factorySource(String pkg) {
        StringBuilder cases = new StringBuilder();
        activations.forEach((name, body) -> cases.append("      case \"").append(name)
                .append("\" -> new Fn(spec) { public float apply(float x) { ").append(body).append(" } };\n"));
        String names = String.join(", ", activations.keySet().stream().map(n -> "\"" + n + "\"").toList());
        return "package " + pkg + ";\n"
                + "import java.util.*;\n"
                + "import org.hotcell.core.activation.*;\n"
                + "public final class Factory implements ActivationFactory {\n"
                + "  public Set<String> names() { return Set.of(" + names + "); }\n"
                + "  public List<ActivationParameter> parameters(String name) { return List.of(); }\n"
                + "  public String describe(String name) { return \"test activation \" + name + \" " + version
                + "\"; }\n"
                + "  public Activation create(ActivationSpec spec) {\n"
                + "    return switch (spec.name()) {\n" + cases
                + "      default -> throw new IllegalArgumentException(spec.name());\n    };\n  }\n"
                + "  abstract static class Fn implements Activation {\n"
                + "    private final ActivationSpec spec;\n"
                + "    Fn(ActivationSpec spec) { this.spec = spec; }\n"
                + "    public ActivationSpec spec() { return spec; }\n"
                + "    public ActivationProperties properties() {\n"
                + "      return new ActivationProperties(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, true,"
                + " false, List.of()); }\n"
                + "    public float derivative(float x, float y) { return 0f; }\n"
                + "  }\n}\n";
    }

    private static void compile(Path src, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "--module-path",
                location(ActivationFactory.class) + java.io.File.pathSeparator + location(org.slf4j.Logger.class)));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed for the test plugin: " + errors.toString(StandardCharsets.UTF_8));
        }
    }

    private void writeJar(Path classes, Path target, String pkg) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", module);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", "org.hotcell.core.activation;version=\"[0.1,1)\"");
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry("META-INF/services/org.hotcell.core.activation.ActivationFactory"));
            jar.write((pkg + ".Factory\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(p));
                    jar.closeEntry();
                }
            }
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
