package org.hotcell.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcell.runtime.models.TenThousandStreamsTest.outputsAt;
import static org.hotcell.runtime.models.TenThousandStreamsTest.stepOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.runtime.streams.StreamSettings;
import org.hotcell.runtime.streams.UnknownStreamException;
import org.hotcell.runtime.testing.Await;
import org.hotcell.runtime.testing.ModelFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Streams kept in the MVStore file: 10,000 of them, across a restart, and across a rebuilt model. */
class PersistedStreamsTest {
    @TempDir
    Path models;
    @TempDir
    Path state;

    private HostedModels start() throws Exception {
        return HostedModels.start(PluginRegistry.discover(), models, new BackendChoice("reference"),
                Duration.ofMillis(50), StreamSettings.persistedIn(state));
    }

    @Test
    @Timeout(180)
    void tenThousandStreamsOnDiskThenARestartAndTheFirstContinuesExactly() throws Exception {
        ModelFixtures.writeSpec(models, "per_step", ModelFixtures.rnnSpec("tanh", "per_step"));
        InputBatch whole = ModelFixtures.batch();
        float[] expected;
        try (HostedModels hosted = start()) {
            expected = hosted.infer("per_step", whole).data();
            hosted.step("per_step", "first", stepOf(whole, 0));
            long begin = System.nanoTime();
            for (int i = 0; i < TenThousandStreamsTest.OTHERS; i++) {
                hosted.step("per_step", "other-" + i, stepOf(whole, i % 4));
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            System.out.printf("on disk: %,d streams of one step each, each committed, in %,d ms (%.0f streams/s)%n",
                    TenThousandStreamsTest.OTHERS, millis, TenThousandStreamsTest.OTHERS * 1000.0 / Math.max(1, millis));
            assertThat(hosted.step("per_step", "first", stepOf(whole, 1)).data()).containsExactly(outputsAt(expected, 1));
        }
        try (HostedModels hosted = start()) {
            assertThat(hosted.streams().status().open()).isEqualTo(TenThousandStreamsTest.OTHERS + 1);
            assertThat(hosted.step("per_step", "first", stepOf(whole, 2)).data()).containsExactly(outputsAt(expected, 2));
            assertThat(hosted.step("per_step", "first", stepOf(whole, 3)).data()).containsExactly(outputsAt(expected, 3));
        }
    }

    @Test
    void aRebuiltModelKeepsItsStreamsWhileItsLayerSizesMatch() throws Exception {
        ModelFixtures.writeSpec(models, "m", ModelFixtures.rnnSpec("tanh", "per_step"));
        InputBatch whole = ModelFixtures.batch();
        try (HostedModels hosted = start()) {
            hosted.step("m", "s", stepOf(whole, 0));
            float[] before = hosted.infer("m", whole).data();
            ModelFixtures.writeSpec(models, "m", ModelFixtures.rnnSpec("tanh", "per_step")
                    .replace("\"seed\": 7", "\"seed\": 8"));
            Await.until("the rebuilt model", () -> !Arrays.equals(hosted.infer("m", whole).data(), before));
            assertThat(hosted.streams().info("m", "s").steps()).isEqualTo(1);

            ModelFixtures.writeSpec(models, "m", ModelFixtures.rnnSpec("tanh", "per_step")
                    .replace("\"hidden_size\": 3", "\"hidden_size\": 4"));
            Await.until("the stream of the resized model dropped", () -> {
                try {
                    hosted.streams().info("m", "s");
                    return false;
                } catch (UnknownStreamException e) {
                    return true;
                }
            });
        }
    }
}
