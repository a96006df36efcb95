package org.hotcell.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/streaming as bundles in a stock framework: next to Hotcell's bundles, the streaming bundle with
 * model, onnx and their libraries trains its predictor through the Registry service, steps 24 streams of 300
 * readings each with every stream's LSTM state kept between steps, and logs its detection summary.
 */
class StreamingBundleTest {
    private static final Pattern SCORED = Pattern.compile("hotcell-streaming: steps: +(\\d+) scored");
    private static final Pattern PRECISION = Pattern.compile("hotcell-streaming: precision=([0-9.]+)");
    private static final Pattern RECALL = Pattern.compile("hotcell-streaming: recall=([0-9.]+)");

    @TempDir
    Path storage;

    @Test
    void theStreamingExampleRunsAsABundleThroughTheRegistryService() throws Exception {
        Map<String, String> properties = new HashMap<>(ContainerContract.DOCUMENTED);
        // A short training: the test is about running in the container, not about the detector's quality.
        properties.put("hotcell.streaming.steps", "40");
        try (StandardError log = StandardError.capture(); Container container = Container.start(storage, properties)) {
            container.installAll(Path.of(System.getProperty("hotcell.container.streaming")));
            assertThat(Container.stateName(container.bundle("org.hotcell.example.streaming").getState()))
                    .isEqualTo("ACTIVE");
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!RECALL.matcher(log.text()).find() && !log.text().contains("hotcell-streaming: stopped")
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String text = log.text();
            assertThat(text).contains("hotcell-streaming: training PredictorTraining[layers=2, hidden=24, steps=40")
                    .doesNotContain("hotcell-streaming: stopped");
            // 24 streams (8 normal for calibration, 16 with faults) of 300 steps, minus the 10-step warm-ups.
            assertThat(group(SCORED, text)).isEqualTo("4640");
            assertThat(Double.parseDouble(group(PRECISION, text))).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(group(RECALL, text))).isBetween(0.0, 1.0);
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
