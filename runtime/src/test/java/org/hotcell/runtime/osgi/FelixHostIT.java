package org.hotcell.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.hotcell.core.registry.ProviderKind;
import org.hotcell.runtime.testing.Await;
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
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        host = FelixHost.start(FelixOptions.fromBuild(plugins, TrustPolicy.allowAll()).withPoll(Duration.ofMillis(100)));
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
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        // slf4j-simple (the tests' binding) writes to whatever System.err is at the time of each message.
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            Path jar = plugins.resolve("unresolvable.jar");
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", "org.example.unresolvable");
            main.putValue("Bundle-Version", "1.0.0");
            main.putValue("Import-Package", "org.example.absent");
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream bundle = new JarOutputStream(file,
                    manifest)) {
                // The manifest is the whole bundle.
                bundle.flush();
            }
            Await.until("the unresolvable bundle logged", Duration.ofSeconds(20), () -> capturedErr
                    .toString(StandardCharsets.UTF_8).contains("org.example.absent"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String log = capturedErr.toString(StandardCharsets.UTF_8);
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
        PrintStream err = System.err;
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            Path temp = plugins.resolve(".x.jar.tmp");
            switch (kind) {
                case "garbage" -> Files.write(temp, "this is not a zip file at all".getBytes(StandardCharsets.UTF_8));
                case "empty" -> Files.write(temp, new byte[0]);
                default -> {
                    Manifest manifest = new Manifest();
                    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                    try (OutputStream file = Files.newOutputStream(temp);
                         JarOutputStream out = new JarOutputStream(file, manifest)) {
                        // A jar, but no bundle.
                        out.flush();
                    }
                }
            }
            Files.move(temp, plugins.resolve("x.jar"), StandardCopyOption.ATOMIC_MOVE);
            Await.until("a warning about x.jar", () -> warningsAbout("x.jar", capturedErr) > 0);
            // Many polls later, still one line: the file is reported once, not on every poll.
            Thread.sleep(1_000);
            assertThat(warningsAbout("x.jar", capturedErr)).as(capturedErr.toString(StandardCharsets.UTF_8))
                    .isEqualTo(1);
            String warning = Arrays.stream(capturedErr.toString(StandardCharsets.UTF_8).split("\\R"))
                    .filter(l -> l.contains(" WARN ") && l.contains("x.jar")).findFirst().orElseThrow();
            assertThat(warning).contains(plugins.resolve("x.jar").toString()).contains(reason);

            PluginJars.plugin("org.example.scaled", "1.0.1").activation("scaled", "return 2f * x;")
                    .dropInto(plugins, "scaled.jar");
            Await.until("scaled registered", () -> host.registry().activationFactory("scaled").isPresent());
            assertThat(host.registry().activationNames()).contains("tanh");
        } finally {
            System.setErr(err);
        }
    }

    private static long warningsAbout(String file, ByteArrayOutputStream log) {
        return Arrays.stream(log.toString(StandardCharsets.UTF_8).split("\\R"))
                .filter(l -> l.contains(" WARN ") && l.contains(file)).count();
    }
}
