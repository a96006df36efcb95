package org.hotcell.example.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;
import org.hotcell.example.streaming.client.HttpStepClient;
import org.hotcell.example.streaming.client.LocalStepClient;
import org.hotcell.example.streaming.client.StreamingException;
import org.hotcell.example.streaming.data.LabelledStream;
import org.hotcell.example.streaming.data.Scenario;
import org.hotcell.example.streaming.detect.Detection;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.runtime.http.HttpApi;
import org.hotcell.runtime.models.BackendChoice;
import org.hotcell.runtime.models.HostedModels;
import org.hotcell.runtime.models.ModelStatus;
import org.hotcell.runtime.osgi.FelixHost;
import org.hotcell.runtime.osgi.FelixOptions;
import org.hotcell.runtime.trust.TrustPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as the README runs it, in one JVM: the runtime (embedded Felix with the standard bundles, the
 * hosted models directory, the HTTP API on a free loopback port) serves the trained predictor, and the client
 * steps every stream through {@code POST /api/models/sensors/streams/{id}/step}, one reading per request.
 */
class ServedByRuntimeTest {
    @TempDir
    static Path plugins;
    static FelixHost host;
    static HostedModels hosted;
    static HttpApi api;

    @BeforeAll
    static void startRuntime() throws Exception {
        Path models = TinyPredictor.models();
        // The runtime refuses a plugins directory that others may write to.
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwx------"));
        host = FelixHost.start(FelixOptions.fromBuild(plugins, TrustPolicy.allowAll()).withPoll(Duration.ofMillis(200)));
        hosted = HostedModels.start(host.registry(), models, BackendChoice.AUTO, Duration.ofMillis(200));
        api = HttpApi.start(host, hosted, 0);
    }

    @AfterAll
    static void stopRuntime() {
        if (api != null) {
            api.close();
        }
        if (hosted != null) {
            hosted.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theRuntimeServesTheSavedModel() {
        List<ModelStatus> models = hosted.models();
        assertThat(models).extracting(ModelStatus::name).containsExactly(TinyPredictor.NAME);
        ModelStatus status = models.get(0);
        assertThat(status.available()).as("available (error: %s)", status.error()).isTrue();
        assertThat(status.inputSize()).isEqualTo(TinyPredictor.GENERATOR.sensors());
        assertThat(status.outputs()).isEqualTo(TinyPredictor.GENERATOR.sensors());
    }

    /**
     * Stepping through the runtime gives what the same model computes in this JVM with the runtime's own cells,
     * activations and backend, so the detection scores agree exactly; and they beat chance.
     */
    @Test
    void detectionThroughTheRuntimeMatchesTheModelComputedHere() throws Exception {
        Scenario scenario = StreamingEndToEndTest.SCENARIO;
        List<LabelledStream> normal = scenario.normal();
        List<LabelledStream> anomalous = scenario.anomalous();
        int warmup = TinyPredictor.GENERATOR.warmup();
        URI base = URI.create("http://127.0.0.1:" + api.port());
        Detection served = Detection.run(new HttpStepClient(base, TinyPredictor.NAME), normal, anomalous, warmup,
                0.995);

        Registry registry = host.registry();
        Backend backend = BackendChoice.AUTO.resolve(registry);
        Model model = ModelFiles.load(TinyPredictor.models().resolve(TinyPredictor.NAME), registry);
        Network network = Network.build(model, registry::cellType, registry, backend);
        Detection here = Detection.run(new LocalStepClient(network), normal, anomalous, warmup, 0.995);

        assertThat(served.steps()).isEqualTo(here.steps());
        assertThat(served.calibration().threshold()).isEqualTo(here.calibration().threshold());
        assertThat(served.steps().precision()).isGreaterThan(2 * served.steps().baseRate());
        assertThat(served.steps().recall()).isGreaterThan(2 * served.steps().flagRate());
    }

    @Test
    void anUnknownModelIsRefusedWithTheServersReason() {
        HttpStepClient client = new HttpStepClient(URI.create("http://127.0.0.1:" + api.port()), "no-such-model");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.step("s", new float[] {0, 0, 0, 0}))
                .isInstanceOf(StreamingException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("no-such-model");
    }
}
