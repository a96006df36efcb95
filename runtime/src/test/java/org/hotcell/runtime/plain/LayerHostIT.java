package org.hotcell.runtime.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;

import org.hotcell.core.registry.ProviderKind;
import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.CapturedErr;
import org.hotcell.runtime.testing.PluginJars;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-Java host in this (class-path) JVM: the standard plugins come from ServiceLoader, and a jar added,
 * replaced or deleted while it runs is loaded, reloaded or dropped from the registry. The module-path variant
 * (a ModuleLayer per jar) runs in {@code RunCommandIT}.
 */
class LayerHostIT {
    @TempDir
    Path plugins;

    @Test
    void jarsComeAndGoWhileTheHostRuns() throws Exception {
        try (LayerHost host = LayerHost.start(plugins, TrustPolicy.allowAll(), Duration.ofMillis(100))) {
            assertThat(host.registry().activationNames()).contains("sigmoid", "tanh");
            assertThat(host.registry().cellTypes()).extracting(c -> c.name()).contains("lstm", "gru", "rnn");

            PluginJars.plugin("org.example.scaled", "1.0.0").activation("scaled", "return 2f * x;")
                    .dropInto(plugins, "scaled.jar");
            Await.until("scaled added", () -> host.registry().activationFactory("scaled").isPresent());
            assertThat(host.registry().activation("scaled").apply(2f)).isEqualTo(4f);
            assertThat(host.plugins()).anySatisfy(p -> assertThat(p.location()).endsWith("scaled.jar"));

            PluginJars.plugin("org.example.scaled", "1.0.1").activation("scaled", "return 5f * x;")
                    .dropInto(plugins, "scaled.jar");
            Await.until("scaled replaced", () -> host.registry().activationFactory("scaled")
                    .map(f -> f.describe("scaled").contains("1.0.1")).orElse(false));
            assertThat(host.registry().activation("scaled").apply(2f)).isEqualTo(10f);

            Files.delete(plugins.resolve("scaled.jar"));
            Await.until("scaled removed", () -> host.registry().activationFactory("scaled").isEmpty());
            assertThat(host.registry().origin(ProviderKind.ACTIVATION, "sigmoid")).isPresent();
        }
    }

    @Test
    void anUntrustedJarIsRefusedAndListedAsSuch() throws Exception {
        Path trust = Files.writeString(Files.createTempFile("trust", ".txt"), "0".repeat(64) + "\n");
        try (LayerHost host = LayerHost.start(plugins, TrustPolicy.read(trust), Duration.ofMillis(100))) {
            PluginJars.plugin("org.example.evil", "1.0.0").activation("evil", "return x;").dropInto(plugins, "evil.jar");
            Await.until("evil refused", () -> host.plugins().stream().anyMatch(p -> p.state().startsWith("REFUSED")));
            assertThat(host.registry().activationFactory("evil")).isEmpty();
        } finally {
            Files.delete(trust);
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 29})
    void aCorruptJarIsWarnedAboutOnceNamingItAndTheHostKeepsServing(int size) throws Exception {
        try (CapturedErr err = new CapturedErr();
             LayerHost host = LayerHost.start(plugins, TrustPolicy.allowAll(), Duration.ofMillis(100))) {
            Path temp = Files.write(plugins.resolve(".x.jar.tmp"), Arrays.copyOf(
                    "this is not a zip file at all".getBytes(StandardCharsets.UTF_8), size));
            Path jar = Files.move(temp, plugins.resolve("x.jar"), StandardCopyOption.ATOMIC_MOVE);
            assertThat(err.warnedOnceAbout("x.jar")).contains(jar.toString()).contains("not a readable jar");
            assertThat(host.plugins()).anySatisfy(p -> {
                assertThat(p.location()).endsWith("x.jar");
                assertThat(p.state()).startsWith("REFUSED (cannot load");
            });

            PluginJars.plugin("org.example.scaled", "1.0.0").activation("scaled", "return 2f * x;")
                    .dropInto(plugins, "scaled.jar");
            Await.until("scaled added", () -> host.registry().activationFactory("scaled").isPresent());
            assertThat(host.registry().activationNames()).contains("tanh");
        }
    }
}
