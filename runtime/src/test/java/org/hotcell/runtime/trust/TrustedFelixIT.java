package org.hotcell.runtime.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.FelixHosts;
import org.hotcell.runtime.testing.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a trust file, Felix never resolves a plugin jar that is not listed; a listed one loads as usual. */
class TrustedFelixIT {
    @TempDir
    Path plugins;
    @TempDir
    Path work;

    @Test
    void anUnlistedJarStaysInstalledButNeverRunsAndAListedOneLoads() throws IOException {
        Path good = PluginJars.plugin("org.example.good", "1.0.0").activation("good", "return x;")
                .build(work.resolve("good.jar"));
        Path trustFile = Files.writeString(work.resolve("trust.txt"), TrustPolicy.sha256(good) + " good.jar\n");
        try (FelixHost host = FelixHosts.start(plugins, TrustPolicy.read(trustFile), Duration.ofMillis(100))) {
            PluginJars.plugin("org.example.evil", "1.0.0").activation("evil", "return x;")
                    .dropInto(plugins, "evil.jar");
            Await.until("the evil bundle installed", () -> host.plugins().stream()
                    .anyMatch(p -> p.name().equals("org.example.evil")));
            PluginJars.copyInto(good, plugins, "good.jar");
            try {
                Await.until("good registered", () -> host.registry().activationFactory("good").isPresent());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; plugins: " + host.plugins(), e);
            }
            assertThat(host.registry().activationFactory("evil")).isEmpty();
            assertThat(host.plugins()).filteredOn(p -> p.name().equals("org.example.evil")).singleElement()
                    .satisfies(p -> assertThat(p.state()).startsWith("INSTALLED (refused: its SHA-256")
                            .contains("is not listed in " + trustFile));
        }
    }
}
