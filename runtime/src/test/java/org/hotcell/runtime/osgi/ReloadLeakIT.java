package org.hotcell.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.registry.ProviderKind;
import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.models.HostedModels;
import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.FelixHosts;
import org.hotcell.runtime.testing.ModelFixtures;
import org.hotcell.runtime.testing.PluginJars;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 rounds of install, update and uninstall of a plugin bundle that a hosted model computes with; afterwards
 * every old bundle class loader must be collectable and the thread count back where it was.
 */
class ReloadLeakIT {
    @TempDir
    Path plugins;
    @TempDir
    Path models;
    @TempDir
    Path work;

    @Test
    void fiftyReloadsLeaveNoClassLoaderAndNoThreadBehind() throws Exception {
        Path first = PluginJars.plugin("org.example.leaky", "1.0.0").activation("scaled", "return 2f * x;")
                .build(work.resolve("first.jar"));
        Path second = PluginJars.plugin("org.example.leaky", "2.0.0").activation("scaled", "return 3f * x;")
                .build(work.resolve("second.jar"));
        ModelFixtures.writeSpec(models, "scaled", ModelFixtures.rnnSpec("scaled", "last_step"));
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        float[] two = ModelFixtures.expectedScaled(2f, ModelFixtures.batch());
        float[] three = ModelFixtures.expectedScaled(3f, ModelFixtures.batch());
        int threadsBefore = -1;
        try (FelixHost host = FelixHosts.start(plugins, TrustPolicy.allowAll(), Duration.ofMillis(50));
             HostedModels hosted = HostedModels.start(host.registry(), models, new BackendChoice("reference"),
                     Duration.ofMillis(50))) {
            for (int round = 0; round < 50; round++) {
                PluginJars.copyInto(first, plugins, "leaky.jar");
                Await.until("round " + round + " installed", () -> origin(host).endsWith(" 1.0.0"));
                loaders.add(new WeakReference<>(loaderOf(host)));
                // The model re-binds right after the registry shows the plugin (on the thread that registered it).
                Await.until("round " + round + " model on 1.0.0", () -> computes(hosted, two));

                PluginJars.copyInto(second, plugins, "leaky.jar");
                Await.until("round " + round + " updated", () -> origin(host).endsWith(" 2.0.0"));
                loaders.add(new WeakReference<>(loaderOf(host)));
                Await.until("round " + round + " model on 2.0.0", () -> computes(hosted, three));

                Files.delete(plugins.resolve("leaky.jar"));
                Await.until("round " + round + " uninstalled", () -> origin(host).isEmpty());
                if (round == 0) {
                    threadsBefore = Thread.activeCount();
                }
            }
            Await.until("the plugin's bundle gone from the framework", () -> host.plugins().stream()
                    .noneMatch(p -> p.name().equals("org.example.leaky")));
            int threadsAfter = Thread.activeCount();
            assertThat(threadsAfter).as("threads after 50 rounds vs after the first").isLessThanOrEqualTo(threadsBefore + 2);
        }
        assertThat(loaders).hasSize(100);
        Await.until("all 100 old bundle class loaders collected", Duration.ofSeconds(30), () -> {
            System.gc();
            return loaders.stream().allMatch(ref -> ref.get() == null);
        });
    }

    private static boolean computes(HostedModels hosted, float[] expected) {
        try {
            return java.util.Arrays.equals(hosted.infer("scaled", ModelFixtures.batch()).data(), expected);
        } catch (org.hotcell.core.error.PluginUnavailableException e) {
            return false;
        }
    }

    private static String origin(FelixHost host) {
        return host.registry().origin(ProviderKind.ACTIVATION, "scaled").orElse("");
    }

    private static ClassLoader loaderOf(FelixHost host) {
        return host.registry().activationFactory("scaled").orElseThrow().getClass().getClassLoader();
    }
}
