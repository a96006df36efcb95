package org.hotcell.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotcell.core.error.PluginFaultException;
import org.hotcell.core.error.PluginUnavailableException;
import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.FelixHosts;
import org.hotcell.runtime.testing.ModelFixtures;
import org.hotcell.runtime.testing.PluginJars;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models hosted in a real Felix with the build's bundles, computing with a third-party plugin jar built by the
 * test, while that jar is replaced, deleted and restored.
 */
class HostedModelsIT {
    private static final String PLUGIN = "org.example.scaled";

    @TempDir
    Path plugins;
    @TempDir
    Path models;
    FelixHost host;
    HostedModels hosted;

    @BeforeEach
    void start() throws IOException {
        host = FelixHosts.start(plugins, TrustPolicy.allowAll(), Duration.ofMillis(100));
        ModelFixtures.writeSpec(models, "scaled", ModelFixtures.rnnSpec("scaled", "last_step"));
        ModelFixtures.writeSpec(models, "standard", ModelFixtures.rnnSpec("tanh", "last_step"));
        hosted = HostedModels.start(host.registry(), models, new BackendChoice("reference"), Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        hosted.close();
        host.close();
    }

    private void drop(String version, float k) throws IOException {
        PluginJars.plugin(PLUGIN, version).activation("scaled", "return " + k + "f * x;").dropInto(plugins, "scaled.jar");
    }

    private boolean computes(float k) {
        try {
            return Arrays.equals(hosted.infer("scaled", ModelFixtures.batch()).data(),
                    ModelFixtures.expectedScaled(k, ModelFixtures.batch()));
        } catch (PluginUnavailableException e) {
            return false;
        }
    }

    @Test
    void aModelFollowsItsPluginThroughReplacementRemovalAndReturn() throws IOException {
        assertThatThrownBy(() -> hosted.infer("scaled", ModelFixtures.batch()))
                .isInstanceOf(PluginUnavailableException.class).hasMessageContaining("'scaled'");
        assertThat(hosted.infer("standard", ModelFixtures.batch()).shape()).containsExactly(2, 2);

        drop("1.0.1", 2f);
        Await.until("the model computes with k=2", () -> computes(2f));

        drop("1.0.2", 3f);
        Await.until("the model computes with the replacement, k=3", () -> computes(3f));

        Files.delete(plugins.resolve("scaled.jar"));
        Await.until("the model is unavailable", () -> !hosted.models().stream()
                .filter(m -> m.name().equals("scaled")).findFirst().orElseThrow().available());
        assertThatThrownBy(() -> hosted.infer("scaled", ModelFixtures.batch()))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessageContaining("activation 'scaled'")
                .hasMessageContaining("bundle org.example.scaled 1.0.2");
        assertThat(hosted.infer("standard", ModelFixtures.batch()).shape()).containsExactly(2, 2);

        drop("1.0.3", 2f);
        Await.until("the model recovers", () -> computes(2f));
    }

    @Test
    void aFaultyActivationIsReportedAsAFaultOfItsBundleAndOtherModelsKeepWorking() throws IOException {
        PluginJars.plugin("org.example.faulty", "1.0.0")
                .activation("nan_maker", "return Float.NaN;")
                .activation("thrower", "throw new IllegalStateException(\"boom at \" + x);")
                .dropInto(plugins, "faulty.jar");
        ModelFixtures.writeSpec(models, "nan", ModelFixtures.rnnSpec("nan_maker", "last_step"));
        ModelFixtures.writeSpec(models, "boom", ModelFixtures.rnnSpec("thrower", "last_step"));
        Await.until("both faulty models bound", () -> hosted.models().stream()
                .filter(m -> m.name().equals("nan") || m.name().equals("boom")).filter(ModelStatus::available)
                .count() == 2);

        assertThatThrownBy(() -> hosted.infer("nan", ModelFixtures.batch()))
                .isInstanceOf(PluginFaultException.class)
                .hasMessageContaining("bundle org.example.faulty 1.0.0").hasMessageContaining("nan_maker")
                .hasMessageContaining("NaN for");
        assertThatThrownBy(() -> hosted.infer("boom", ModelFixtures.batch()))
                .isInstanceOf(PluginFaultException.class)
                .hasMessageContaining("bundle org.example.faulty 1.0.0").hasMessageContaining("boom at");
        for (float v : hosted.infer("standard", ModelFixtures.batch()).data()) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void streamingStepsGiveWhatAWholeSequenceGives() throws IOException {
        ModelFixtures.writeSpec(models, "per_step", ModelFixtures.rnnSpec("tanh", "per_step"));
        Await.until("per_step model", () -> hosted.models().stream().anyMatch(m -> m.name().equals("per_step")));
        InputBatch batch = ModelFixtures.batch();
        Outputs whole = hosted.infer("per_step", batch);
        assertThat(whole.shape()).containsExactly(2, 4, 2);
        for (int t = 0; t < 4; t++) {
            float[] step = new float[2 * 2];
            for (int n = 0; n < 2; n++) {
                System.arraycopy(batch.data(), (n * 4 + t) * 2, step, n * 2, 2);
            }
            Outputs out = hosted.step("per_step", "s1", new InputBatch(step, 2, 1, 2));
            for (int n = 0; n < 2; n++) {
                for (int o = 0; o < 2; o++) {
                    assertThat(out.data()[n * 2 + o]).as("item %d step %d output %d", n, t, o)
                            .isCloseTo(whole.data()[(n * 4 + t) * 2 + o], org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }

    @Test
    void aSavedModelDirectoryIsHostedAndASpecIsRebuiltWhenItsFileChanges() throws IOException {
        org.hotcell.core.registry.PluginRegistry local = org.hotcell.core.registry.PluginRegistry.discover();
        org.hotcell.model.spec.ModelSpec spec = org.hotcell.model.io.ModelSpecJson.read(
                ModelFixtures.rnnSpec("tanh", "last_step"), "test");
        org.hotcell.model.net.Model model = org.hotcell.model.net.Model.initialize(spec, local::cellType, 99);
        Path temp = models.resolve(".saved.tmp");
        org.hotcell.model.io.ModelFiles.save(model, temp);
        Files.move(temp, models.resolve("saved.hc"));
        float[] expected = org.hotcell.model.net.Network.build(model, local::cellType, local, local.backend("reference"))
                .predict(new org.hotcell.core.cell.SequenceBatch(ModelFixtures.batch().data(), 0, 4, 2, 2,
                        org.hotcell.core.cell.Layout.BATCH_MAJOR, null));
        Await.until("the saved model hosted", () -> hosted.models().stream()
                .anyMatch(m -> m.name().equals("saved") && m.available()));
        assertThat(hosted.infer("saved", ModelFixtures.batch()).data()).containsExactly(expected);

        float[] before = hosted.infer("standard", ModelFixtures.batch()).data();
        ModelFixtures.writeSpec(models, "standard", ModelFixtures.rnnSpec("tanh", "last_step")
                .replace("\"seed\": 7", "\"seed\": 8"));
        Await.until("the changed spec rebuilt", () -> !Arrays.equals(hosted.infer("standard",
                ModelFixtures.batch()).data(), before));
    }

    @Test
    void aSpecWithoutWeightsOrSeedIsUnavailableSayingWhy() throws IOException {
        ModelFixtures.writeSpec(models, "unseeded", ModelFixtures.rnnSpec("tanh", "last_step").replace("\"seed\": 7,", ""));
        Await.until("unseeded listed", () -> hosted.models().stream().anyMatch(m -> m.name().equals("unseeded")));
        assertThat(hosted.models()).filteredOn(m -> m.name().equals("unseeded")).singleElement()
                .satisfies(m -> assertThat(m.error()).contains("\"seed\""));
        assertThatThrownBy(() -> hosted.infer("nope", ModelFixtures.batch())).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("scaled");
    }

    @Test
    void fourThreadsInferringWhileThePluginIsUpdatedTwentyTimesSeeOnlyOldOrNewResultsOrUnavailability()
            throws Exception {
        drop("1.0.0", 2f);
        Await.until("k=2 serves", () -> computes(2f));
        InputBatch batch = ModelFixtures.batch();
        float[] two = ModelFixtures.expectedScaled(2f, batch);
        float[] three = ModelFixtures.expectedScaled(3f, batch);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger results = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        float[] out = hosted.infer("scaled", batch).data();
                        if (Arrays.equals(out, two) || Arrays.equals(out, three)) {
                            results.incrementAndGet();
                        } else {
                            wrong.add("mixed or wrong result " + Arrays.toString(out));
                        }
                    } catch (PluginUnavailableException e) {
                        unavailable.incrementAndGet();
                    } catch (Throwable e) {
                        wrong.add(e.toString());
                    }
                }
            }, "infer-" + i);
            threads.add(thread);
            thread.start();
        }
        Path jarTwo = PluginJars.plugin(PLUGIN, "1.1.2").activation("scaled", "return 2f * x;")
                .build(models.resolve("two.bin"));
        Path jarThree = PluginJars.plugin(PLUGIN, "1.1.3").activation("scaled", "return 3f * x;")
                .build(models.resolve("three.bin"));
        for (int update = 1; update <= 20; update++) {
            float k = update % 2 == 0 ? 2f : 3f;
            PluginJars.copyInto(k == 2f ? jarTwo : jarThree, plugins, "scaled.jar");
            Await.until("update " + update + " serves", () -> computes(k));
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(wrong).isEmpty();
        assertThat(results.get()).isGreaterThan(20);
    }
}
