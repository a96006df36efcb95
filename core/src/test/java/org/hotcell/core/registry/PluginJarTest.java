package org.hotcell.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars into a registry, on the class path as these tests run (a class loader per jar): a jar compiled here
 * against hotcell-core serves its activation until it is closed, and only its own providers are added.
 */
class PluginJarTest {
    private static final String FACTORY = """
            package org.example.jartest;

            import java.util.List;
            import java.util.Set;
            import org.hotcell.core.activation.*;

            public final class Doubling implements ActivationFactory {
                public Set<String> names() { return Set.of("jar_double"); }
                public List<ActivationParameter> parameters(String name) { return List.of(); }
                public String describe(String name) { return "2 * x"; }
                public Activation create(ActivationSpec spec) {
                    return new Activation() {
                        public ActivationSpec spec() { return spec; }
                        public ActivationProperties properties() {
                            return new ActivationProperties(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true,
                                    true, false, List.of());
                        }
                        public float apply(float x) { return 2f * x; }
                        public float derivative(float x, float y) { return 2f; }
                    };
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aJarServesItsOwnProvidersUntilClosed() throws IOException {
        Path jar = buildJar(work.resolve("doubling.jar"));
        PluginRegistry registry = new PluginRegistry();

        PluginJar loaded = PluginJar.load(jar, registry);

        assertThat(registry.activation("jar_double").apply(3f)).isEqualTo(6f);
        assertThat(registry.origin(ProviderKind.ACTIVATION, "jar_double")).hasValueSatisfying(
                origin -> assertThat(origin).startsWith("class path").contains("doubling.jar"));
        // test_scale is reachable through the jar's parent class loader, but is no provider of the jar.
        assertThat(registry.activationNames()).containsExactly("jar_double");
        assertThat(loaded.name()).isEqualTo("doubling.jar");
        assertThat(loaded.version()).isEqualTo("?");
        assertThat(loaded.provides()).containsExactly("org.example.jartest.Doubling");
        assertThat(loaded.providers()).hasSize(1);

        loaded.close();
        assertThat(registry.activationFactory("jar_double")).isEmpty();
    }

    @Test
    void aFileThatIsNoJarIsRefusedNamingIt() throws IOException {
        Path jar = Files.writeString(work.resolve("broken.jar"), "this is not a zip file at all");
        assertThatThrownBy(() -> PluginJar.load(jar, new PluginRegistry()))
                .isInstanceOfSatisfying(PluginJarException.class, e -> {
                    assertThat(e.jar()).isEqualTo(jar);
                    assertThat(e.module()).isEmpty();
                    assertThat(e.code()).isEqualTo("HC-BAD-PLUGIN");
                })
                .hasMessageStartingWith("not a readable jar (");
    }

    @Test
    void aDirectoryListsItsJarFilesByName() throws IOException {
        Files.writeString(work.resolve("b.jar"), "");
        Files.writeString(work.resolve("a.jar"), "");
        Files.writeString(work.resolve("notes.txt"), "");
        Files.createDirectory(work.resolve("folder.jar"));

        assertThat(PluginJar.list(work)).containsExactly(work.resolve("a.jar"), work.resolve("b.jar"));
        assertThat(PluginJar.list(Files.createDirectory(work.resolve("empty")))).isEmpty();
        assertThatThrownBy(() -> PluginJar.list(work.resolve("notes.txt"))).isInstanceOf(IOException.class);
    }

    /** Compiles {@link #FACTORY} against the test class path and writes it, with its services file, as a jar. */
    private Path buildJar(Path target) throws IOException {
        Path src = work.resolve("src/org/example/jartest/Doubling.java");
        Path classes = work.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, FACTORY);
        // java.util.spi's javac: the test code is patched into org.hotcell.core, which does not read java.compiler.
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int status = javac.run(System.out, System.err, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertThat(status).as("javac exit status").isZero();
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file)) {
            for (Path clazz : List.of(Path.of("org/example/jartest/Doubling.class"),
                    Path.of("org/example/jartest/Doubling$1.class"))) {
                out.putNextEntry(new JarEntry(clazz.toString()));
                out.write(Files.readAllBytes(classes.resolve(clazz)));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.hotcell.core.activation.ActivationFactory"));
            out.write("org.example.jartest.Doubling\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return target;
    }
}
