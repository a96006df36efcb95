package org.hotcell.example.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.example.streaming.client.ApiStandIn;
import org.hotcell.example.streaming.client.HttpStepClient;
import org.hotcell.example.streaming.client.LocalStepClient;
import org.hotcell.example.streaming.data.AnomalyKind;
import org.hotcell.example.streaming.data.LabelledStream;
import org.hotcell.example.streaming.data.Scenario;
import org.hotcell.example.streaming.data.StreamGenerator;
import org.hotcell.example.streaming.detect.Detection;
import org.hotcell.example.streaming.train.PredictorTraining;
import org.hotcell.model.io.ModelFiles;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop at small scale: train a tiny two-layer LSTM on normal streams, save it, load it back, step
 * streams one request at a time over HTTP, calibrate, flag, score.
 */
class StreamingEndToEndTest {
    private static final StreamGenerator GENERATOR = TinyPredictor.GENERATOR;
    static final Scenario SCENARIO = new Scenario(GENERATOR, 4, 8, 160, 2, 11);
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    @TempDir
    static Path temp;
    static TrainingResult trained;
    static Path saved;

    @BeforeAll
    static void trainTiny() {
        trained = TinyPredictor.trained();
        saved = TinyPredictor.models().resolve(TinyPredictor.NAME);
    }

    @Test
    void trainingLearnsAndSavesAModelTheRuntimeCanRead() {
        assertThat(trained.test().mse()).isLessThan(0.5 * trained.before().mse());
        assertThat(saved.resolve(ModelFiles.SPEC)).isRegularFile();
        assertThat(saved.resolve(ModelFiles.WEIGHTS)).isRegularFile();
        assertThat(trained.model().spec().layers()).hasSize(2)
                .allSatisfy(layer -> assertThat(layer.cellType()).isEqualTo("lstm"));
    }

    /** Stepping a stream one reading at a time, carrying the state, is the same as one pass over it. */
    @Test
    void steppingCarriesTheStateOfEveryLayer() throws Exception {
        Model model = ModelFiles.load(saved, REGISTRY);
        Network network = Network.build(model, REGISTRY::cellType, REGISTRY, REGISTRY.backend("reference"));
        LocalStepClient client = new LocalStepClient(network);
        float[][] values = GENERATOR.normal(30, new SplittableRandom(4)).values();
        int s = GENERATOR.sensors();
        float[] sequence = new float[30 * s];
        for (int t = 0; t < 30; t++) {
            System.arraycopy(values[t], 0, sequence, t * s, s);
        }
        float[] whole = network.predict(SequenceBatch.timeMajor(sequence, 30, 1, s));
        for (int t = 0; t < 30; t++) {
            float[] step = client.step("one", values[t]);
            for (int i = 0; i < s; i++) {
                assertThat(step[i]).as("step %d sensor %d", t, i).isCloseTo(whole[t * s + i], within(1e-5f));
            }
        }
    }

    @Test
    void detectionOverHttpMatchesInProcessAndBeatsChance() throws Exception {
        Model model = ModelFiles.load(saved, REGISTRY);
        Network network = Network.build(model, REGISTRY::cellType, REGISTRY, REGISTRY.defaultBackend());
        List<LabelledStream> normal = SCENARIO.normal();
        List<LabelledStream> anomalous = SCENARIO.anomalous();
        Detection local = Detection.run(new LocalStepClient(network), normal, anomalous, GENERATOR.warmup(), 0.995);
        Detection remote;
        try (ApiStandIn server = ApiStandIn.serve("sensors", new LocalStepClient(network))) {
            remote = Detection.run(new HttpStepClient(server.base(), "sensors"), normal, anomalous,
                    GENERATOR.warmup(), 0.995);
            // One request per reading of every stream, calibration streams included.
            assertThat(server.requests()).isEqualTo((normal.size() + anomalous.size()) * SCENARIO.length());
        }
        assertThat(remote.steps()).isEqualTo(local.steps());
        assertThat(remote.calibration().threshold()).isEqualTo(local.calibration().threshold());

        var steps = remote.steps();
        assertThat(steps.total()).isEqualTo((long) anomalous.size() * (SCENARIO.length() - GENERATOR.warmup()));
        // Better than chance: flagging at random has precision = base rate and recall = flag rate.
        assertThat(steps.precision()).isGreaterThan(2 * steps.baseRate());
        assertThat(steps.recall()).isGreaterThan(2 * steps.flagRate());
        int detected = 0;
        for (AnomalyKind kind : AnomalyKind.values()) {
            detected += remote.detected().get(kind);
        }
        assertThat(detected).isGreaterThan(anomalous.size() * SCENARIO.faults() / 2);
    }

    @Test
    void theCommandLineTrainsAndDetectsInProcess() throws Exception {
        Path models = temp.resolve("cli-models");
        Files.createDirectories(models);
        PredictorTraining.save(trained.model(), models, "tiny");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = StreamingExample.run(new String[] {"local", "--models", models.toString(), "--name", "tiny",
                "--normal-streams", "2", "--streams", "3", "--length", "120", "--faults", "2"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 2)).matches("precision=\\d\\.\\d{4}");
        assertThat(lines.get(lines.size() - 1)).matches("recall=\\d\\.\\d{4}");
    }
}
