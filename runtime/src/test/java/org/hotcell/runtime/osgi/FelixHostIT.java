package org.hotcell.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.hotcell.core.registry.ProviderKind;
import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.CapturedErr;
import org.hotcell.runtime.testing.FelixHosts;
import org.hotcell.runtime.testing.PluginJars;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real Felix with the build's real bundles, and a third-party plugin jar dropped in while it runs. */
class FelixHostIT {
    @TempDir
    Path plugins;
    FelixHost host;

    @BeforeEach
    void start() throws IOException {
        host = FelixHosts.start(plugins, TrustPolicy.allowAll(), Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void standardBundlesRegisterTheirServicesFromTheHostsCoreAndTheSimdBackendResolves() {
        var registry = host.registry();
        assertThat(registry.activationNames()).contains("sigmoid", "tanh", "leaky_relu");
        assertThat(registry.cellTypes()).extracting(c -> c.name()).contains("lstm", "gru", "rnn");
        assertThat(registry.defaultBackend().name()).isEqualTo("simd");
        assertThat(registry.origin(ProviderKind.ACTIVATION, "sigmoid")).hasValueSatisfying(
                o -> assertThat(o).startsWith("bundle org.hotcell.activations "));
        // The provider's interface is the host's class: one copy of core, from the system bundle.
        assertThat(registry.activationFactory("sigmoid").orElseThrow().getClass().getInterfaces())
                .contains(org.hotcell.core.activation.ActivationFactory.class);
        assertThat(host.plugins()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("org.hotcell.activations");
            assertThat(p.state()).isEqualTo("ACTIVE");
            assertThat(p.provides()).anyMatch(s -> s.startsWith("activation ") && s.contains("sigmoid"));
        });
    }

    @Test
    void bundlesFindTheHostsRegistryAsAService() {
        var context = host.framework().getBundleContext();
        var reference = context.getServiceReference(org.hotcell.core.registry.Registry.class);
        assertThat(reference).as("a Registry service, as hotcell-osgi publishes in other containers").isNotNull();
        org.hotcell.core.registry.Registry registry = context.getService(reference);
        assertThat(registry.activationNames()).isEqualTo(host.registry().activationNames());
        assertThat(registry.defaultBackend().name()).isEqualTo("simd");
        context.ungetService(reference);
    }

    @Test
    void aJarDroppedInIsRegisteredReplacedAndRemoved() throws IOException {
        PluginJars.plugin("org.example.scaled", "1.0.1").activation("scaled", "return 2f * x;")
                .dropInto(plugins, "scaled.jar");
        Await.until("scaled registered", () -> host.registry().activationFactory("scaled").isPresent());
        assertThat(host.registry().activation("scaled").apply(3f)).isEqualTo(6f);
        assertThat(host.registry().origin(ProviderKind.ACTIVATION, "scaled"))
                .hasValue("bundle org.example.scaled 1.0.1");

        PluginJars.plugin("org.example.scaled", "1.0.2").activation("scaled", "return 3f * x;")
                .dropInto(plugins, "scaled.jar");
        Await.until("scaled updated", () -> host.registry().origin(ProviderKind.ACTIVATION, "scaled")
                .filter(o -> o.endsWith("1.0.2")).isPresent());
        assertThat(host.registry().activation("scaled").apply(3f)).isEqualTo(9f);

        Files.delete(plugins.resolve("scaled.jar"));
        Await.until("scaled removed", () -> host.registry().activationFactory("scaled").isEmpty());
    }

    @Test
    void aBundleThatCannotResolveIsLoggedWithItsNameAndNothingGoesToStandardOutput() throws IOException {
        PrintStream out = System.out;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        String log;
        try (CapturedErr err = new CapturedErr()) {
            Manifest manifest = manifest();
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", "org.example.unresolvable");
            main.putValue("Bundle-Version", "1.0.0");
            main.putValue("Import-Package", "org.example.absent");
            // The manifest is the whole bundle.
            writeJar(plugins.resolve("unresolvable.jar"), manifest);
            Await.until("the unresolvable bundle logged", Duration.ofSeconds(20),
                    () -> err.text().contains("org.example.absent"));
            log = err.text();
        } finally {
            System.setOut(out);
        }
        assertThat(log).contains("org.hotcell.osgi").contains("org.example.unresolvable");
        assertThat(capturedOut.toString(StandardCharsets.UTF_8)).isEmpty();
        // The host goes on serving: the standard bundles are still there.
        assertThat(host.registry().activationNames()).contains("tanh");
        assertThat(host.plugins()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("org.example.unresolvable");
            assertThat(p.state()).isNotEqualTo("ACTIVE");
        });
    }

    /**
     * FileInstall passes over a file it cannot read as a bundle without a word (and retries it on every poll):
     * the host says once why it will not load, and goes on serving.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "garbage|not a readable jar",
        "empty|not a readable jar",
        "plain jar|no Bundle-SymbolicName",
    })
    void aJarThatIsNoBundleIsWarnedAboutOnceNamingItAndTheHostKeepsServing(String kind, String reason)
            throws Exception {
        try (CapturedErr err = new CapturedErr()) {
            Path temp = plugins.resolve(".x.jar.tmp");
            switch (kind) {
                case "garbage" -> Files.write(temp, "this is not a zip file at all".getBytes(StandardCharsets.UTF_8));
                case "empty" -> Files.write(temp, new byte[0]);
                default -> writeJar(temp, manifest()); // a jar, but no bundle
            }
            Files.move(temp, plugins.resolve("x.jar"), StandardCopyOption.ATOMIC_MOVE);
            assertThat(err.warnedOnceAbout("x.jar")).contains(plugins.resolve("x.jar").toString()).contains(reason);

            PluginJars.plugin("org.example.scaled", "1.0.1").activation("scaled", "return 2f * x;")
                    .dropInto(plugins, "scaled.jar");
            Await.until("scaled registered", () -> host.registry().activationFactory("scaled").isPresent());
            assertThat(host.registry().activationNames()).contains("tanh");
        }
    }

    /** A manifest with its version only. */
    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return manifest;
    }

    /** Writes a jar that holds {@code manifest} and nothing else. */
    private static void writeJar(Path jar, Manifest manifest) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
    }
}
