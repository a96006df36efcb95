package org.hotcell.study;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.hotcell.core.activation.ActivationFactory;

/**
 * Builds a real third-party activation plugin jar in a test: compiles its sources against hotcell-core with
 * javax.tools and packs the classes with a module-info and META-INF/services, as a plugin author would.
 */
final class PluginJarBuilder {
    private PluginJarBuilder() {
    }

    /** The activation the plugin provides: the inverse square root unit, x / sqrt(1 + x^2). */
    static final String NAME = "study_isru";

    private static final String FACTORY = """
            package testplugin;

            import java.util.List;
            import java.util.Set;
            import org.hotcell.core.activation.*;

            public final class IsruFactory implements ActivationFactory {
                public Set<String> names() { return Set.of("%s"); }
                public List<ActivationParameter> parameters(String name) { return List.of(); }
                public String describe(String name) { return "x / sqrt(1 + x^2)"; }
                public Activation create(ActivationSpec spec) {
                    return new Activation() {
                        public ActivationSpec spec() { return spec; }
                        public ActivationProperties properties() {
                            return new ActivationProperties(-1, 1, true, true, true, List.of());
                        }
                        public float apply(float x) { return (float) (x / Math.sqrt(1.0 + (double) x * x)); }
                        public float derivative(float x, float y) {
                            double s = 1 / Math.sqrt(1.0 + (double) x * x);
                            return (float) (s * s * s);
                        }
                    };
                }
            }
            """.formatted(NAME);

    private static final String MODULE_INFO = """
            module study.test.plugin {
                requires org.hotcell.core;
                provides org.hotcell.core.activation.ActivationFactory with testplugin.IsruFactory;
            }
            """;

    /** Writes the plugin jar into {@code dir} and returns it. */
    static Path build(Path dir, Path work) throws IOException {
        Path src = Files.createDirectories(work.resolve("src/testplugin"));
        Files.writeString(src.resolve("IsruFactory.java"), FACTORY);
        Files.writeString(work.resolve("src/module-info.java"), MODULE_INFO);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--module-path", coreLocation().toString(), "-d",
                classes.toString(), work.resolve("src/module-info.java").toString(),
                src.resolve("IsruFactory.java").toString());
        if (status != 0) {
            throw new IllegalStateException("the test plugin did not compile (javac status " + status + ")");
        }
        Path jar = dir.resolve("study-test-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
            for (Path file : classFiles) {
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            put(out, "META-INF/services/" + ActivationFactory.class.getName(),
                    "testplugin.IsruFactory\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(bytes);
        out.closeEntry();
    }

    /** Where hotcell-core's classes are (its jar, or target/classes in a reactor build). */
    private static Path coreLocation() {
        try {
            return Path.of(ActivationFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
