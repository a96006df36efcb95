package org.hotcell.runtime.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.runtime.testing.ModelFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, defect 3: after 10,000 other streams the first stream still continues exactly where it stopped (it was
 * silently evicted and restarted from zeros before). Only the {@link ModelService} API, so that it runs on the old
 * code too.
 */
class TenThousandStreamsTest {
    static final int OTHERS = 10_000;

    @TempDir
    Path models;

    @Test
    @Timeout(120)
    void theFirstStreamContinuesExactlyAfterTenThousandOthers() throws Exception {
        ModelFixtures.writeSpec(models, "per_step", ModelFixtures.rnnSpec("tanh", "per_step"));
        try (HostedModels hosted = HostedModels.start(PluginRegistry.discover(), models,
                new BackendChoice("reference"), Duration.ofHours(1))) {
            InputBatch whole = ModelFixtures.batch(); // N=2, T=4, I=2
            float[] expected = hosted.infer("per_step", whole).data(); // [N, T, O], one fresh run
            hosted.step("per_step", "first", stepOf(whole, 0));
            hosted.step("per_step", "first", stepOf(whole, 1));

            long start = System.nanoTime();
            for (int i = 0; i < OTHERS; i++) {
                hosted.step("per_step", "other-" + i, stepOf(whole, i % 4));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%,d streams of one step each in %,d ms (%.0f streams/s)%n", OTHERS, millis,
                    OTHERS * 1000.0 / Math.max(1, millis));

            for (int t = 2; t < 4; t++) {
                float[] step = hosted.step("per_step", "first", stepOf(whole, t)).data();
                assertThat(step).as("step %d of the first stream", t).containsExactly(outputsAt(expected, t));
            }
        }
    }

    /** Step t of every item of an N x T x I batch, as an N x 1 x I batch. */
    static InputBatch stepOf(InputBatch whole, int t) {
        int n = whole.batch();
        int i = whole.features();
        float[] data = new float[n * i];
        for (int item = 0; item < n; item++) {
            System.arraycopy(whole.data(), (item * whole.steps() + t) * i, data, item * i, i);
        }
        return new InputBatch(data, n, 1, i);
    }

    /** The [N, O] outputs at step t of per-step outputs [N, T=4, O=2]. */
    static float[] outputsAt(float[] perStep, int t) {
        float[] out = new float[2 * 2];
        for (int item = 0; item < 2; item++) {
            System.arraycopy(perStep, (item * 4 + t) * 2, out, item * 2, 2);
        }
        return out;
    }

    @Test
    void stepOfPicksTheRightFloats() {
        InputBatch whole = ModelFixtures.batch();
        assertThat(stepOf(whole, 3).data()).containsExactly(Arrays.copyOfRange(whole.data(), 6, 8)[0],
                whole.data()[7], whole.data()[14], whole.data()[15]);
    }
}
