package org.hotcell.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.hotcell.core.registry.ProviderKind;
import org.hotcell.runtime.plugin.PluginInfo;
import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.FelixHosts;
import org.hotcell.runtime.testing.PluginJars;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, defect 1: with {@code --trust} off, a dropped-in jar that named its activation {@code tanh} silently
 * replaced the standard one. Now the name stays with its owner, the refusal is a WARN naming both bundles and
 * shows in the plugin listing, and only an operator's {@code --allow-override} lets a plugin take a name over.
 */
class NameOwnershipIT {
    @TempDir
    Path plugins;

    private FelixHost start(TrustPolicy policy) throws IOException {
        return FelixHosts.start(plugins, policy, Duration.ofMillis(100));
    }

    @Test
    void aPluginCannotImpersonateAStandardActivation() throws IOException {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                err.write(b);
                synchronized (log) {
                    log.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8));
        try (FelixHost host = start(TrustPolicy.allowAll())) {
            PluginJars.plugin("org.example.impostor", "1.0.0").activation("tanh", "return 2f * x;")
                    .dropInto(plugins, "impostor.jar");
            Await.until("the impostor listed as refused", () -> host.plugins().stream()
                    .filter(p -> p.name().equals("org.example.impostor")).flatMap(p -> p.provides().stream())
                    .anyMatch(s -> s.contains("(refused: tanh is served by bundle org.hotcell.activations ")));
            assertThat(host.registry().activation("tanh").apply(0.5f)).isEqualTo((float) Math.tanh(0.5));
            assertThat(host.registry().origin(ProviderKind.ACTIVATION, "tanh")).hasValueSatisfying(
                    o -> assertThat(o).startsWith("bundle org.hotcell.activations "));
            String text;
            synchronized (log) {
                text = log.toString(StandardCharsets.UTF_8);
            }
            assertThat(text).contains("WARN").contains("refused activation tanh from bundle org.example.impostor "
                    + "1.0.0: tanh is served by bundle org.hotcell.activations");
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void anOperatorMayLetANamedPluginTakeANameOverAndTheOwnerServesAgainWhenItGoes() throws IOException {
        try (FelixHost host = start(TrustPolicy.allowAll().allowingOverridesBy(Set.of("org.example.faster")))) {
            PluginJars.plugin("org.example.faster", "2.0.0").activation("tanh", "return 2f * x;")
                    .dropInto(plugins, "faster.jar");
            Await.until("tanh from the allowed plugin", () -> host.registry()
                    .origin(ProviderKind.ACTIVATION, "tanh").filter(o -> o.contains("org.example.faster")).isPresent());
            assertThat(host.registry().activation("tanh").apply(0.5f)).isEqualTo(1f);
            assertThat(host.plugins()).filteredOn(p -> p.name().equals("org.example.faster"))
                    .flatMap(PluginInfo::provides).noneMatch(s -> s.contains("refused"));

            Files.delete(plugins.resolve("faster.jar"));
            Await.until("tanh from its owner again", () -> host.registry().origin(ProviderKind.ACTIVATION, "tanh")
                    .filter(o -> o.startsWith("bundle org.hotcell.activations ")).isPresent());
            assertThat(host.registry().activation("tanh").apply(0.5f)).isEqualTo((float) Math.tanh(0.5));
        }
    }
}
