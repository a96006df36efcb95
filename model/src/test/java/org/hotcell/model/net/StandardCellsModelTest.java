package org.hotcell.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hotcell.layers.MergeMode;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.model.param.Parameters;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.task.AddingTask;
import org.hotcell.model.testing.CentralDifferences;
import org.hotcell.model.testing.TestActivations;
import org.hotcell.model.testing.TestModels;
import org.hotcell.model.train.Trainer;
import org.hotcell.model.train.TrainingConfig;
import org.hotcell.model.train.TrainingDivergedException;
import org.hotcell.model.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models over the cells plugin's LSTM, GRU and RNN (found through the registry, as in production), with the test
 * activations: the model gathers every cell gradient under the right tensor name, and an LSTM learns.
 */
class StandardCellsModelTest {

    private static PluginRegistry registry() {
        PluginRegistry registry = PluginRegistry.discover();
        registry.add(new TestActivations(), "test");
        return registry;
    }

    private static LayerSpec layer(String cell, int hidden, Map<String, ActivationSpec> roles, CellOptions options,
                                   Direction direction, MergeMode merge) {
        return new LayerSpec(cell, hidden, roles, options, direction, merge);
    }

    static Stream<Arguments> models() {
        CellOptions peep = new CellOptions(true, true, false, Float.POSITIVE_INFINITY, false);
        CellOptions lbr = new CellOptions(true, false, false, Float.POSITIVE_INFINITY, true);
        return Stream.of(
                Arguments.of("lstm with peepholes under a bidirectional gru", new ModelSpec(2, List.of(
                        layer("lstm", 3, Map.of(), peep, Direction.FORWARD, MergeMode.CONCAT),
                        layer("gru", 2, Map.of(), lbr, Direction.BIDIRECTIONAL, MergeMode.CONCAT)),
                        new HeadSpec(3, Readout.PER_STEP))),
                Arguments.of("reverse rnn under an lstm read at the last step", new ModelSpec(2, List.of(
                        layer("rnn", 3, Map.of(), CellOptions.DEFAULT, Direction.REVERSE, MergeMode.CONCAT),
                        layer("lstm", 3, Map.of("candidate", ActivationSpec.of("sigmoid")), CellOptions.DEFAULT,
                                Direction.FORWARD, MergeMode.CONCAT)),
                        new HeadSpec(3, Readout.LAST_STEP))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyTensorsGradientMatchesCentralDifferences(String name, ModelSpec spec) {
        PluginRegistry registry = registry();
        Model model = Model.initialize(spec, registry::cellType, 3);
        // Non-zero biases and peepholes, so that their gradients are tested at a generic point.
        SplittableRandom random = new SplittableRandom(4);
        TestModels.perturbBiases(model, random);
        int steps = 4;
        int batch = 2;
        SequenceBatch input = SequenceBatch.timeMajor(TestModels.gaussians(steps * batch * 2, random), steps, batch, 2);
        int rows = spec.head().readout() == Readout.PER_STEP ? steps * batch : batch;
        float[] target = TestModels.oneHot(rows, 3, random);
        CentralDifferences.assertParameterGradients(model,
                m -> Network.build(m, registry::cellType, registry, ReferenceBackend.instance()), input,
                Loss.named("cross_entropy"), target);
    }

    @Test
    void anLstmLearnsAShortAddingProblemQuickly() {
        PluginRegistry registry = registry();
        AddingTask task = new AddingTask(8);
        ModelSpec spec = new ModelSpec(2, List.of(LayerSpec.of("lstm", 8, Map.of())),
                new HeadSpec(1, Readout.LAST_STEP));
        TrainingResult result = new Trainer(registry, ReferenceBackend.instance()).train(
                Model.initialize(spec, registry::cellType, 1), task, new TrainingConfig(200, 16, 1, 1.0, 0, 200),
                new Adam(0.02), null);
        // Answering the mean scores ~0.167; the model must use the markers to get well below it.
        assertThat(result.test().mse()).isLessThan(0.05);
        assertThat(result.history().get(199).maxAbsC()).isGreaterThan(0);
    }

    @Test
    void anLstmWhoseCellStateOverflowsIsStoppedNamingTheCellState() {
        PluginRegistry registry = registry();
        ModelSpec spec = new ModelSpec(2, List.of(LayerSpec.of("lstm", 4,
                Map.of("candidate", ActivationSpec.of("relu"), "output", ActivationSpec.of("relu")))),
                new HeadSpec(1, Readout.LAST_STEP));
        Model model = Model.initialize(spec, registry::cellType, 1);
        // Gates stuck open (large biases, no recurrence) and a huge candidate input weight (rows 12-15 of [i, o, f,
        // c] x 4 units): c gains ~1e38 per step, every pre-activation stays finite, and c alone overflows.
        String prefix = ParameterNames.cell(0, Direction.FORWARD, 0);
        java.util.Arrays.fill(model.parameters().get(prefix + "Wb").data(), 30f);
        java.util.Arrays.fill(model.parameters().get(prefix + "R").data(), 0f);
        float[] w = model.parameters().get(prefix + "W").data();
        java.util.Arrays.fill(w, 0, 12 * 2, 0f);
        java.util.Arrays.fill(w, 12 * 2, 16 * 2, 1e38f);
        assertThatThrownBy(() -> new Trainer(registry, ReferenceBackend.instance()).train(model, new AddingTask(30),
                new TrainingConfig(3, 4, 1, 1.0, 0, 4), new Adam(0.01), null))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.report().nonFinite().where()).isEqualTo("layer 0 forward (lstm)");
                    assertThat(e.report().nonFinite().gate()).startsWith("c (cell state overflowed");
                    assertThat(e.getMessage()).contains("training diverged at step 1");
                });
    }

    @Test
    void lstmWeightsStartWithAForgetBiasOfOneAndOrthogonalRecurrentBlocks() {
        PluginRegistry registry = registry();
        int h = 5;
        ModelSpec spec = new ModelSpec(3, List.of(LayerSpec.of("lstm", h, Map.of())), new HeadSpec(1, Readout.LAST_STEP));
        Model model = Model.initialize(spec, registry::cellType, 42);
        float[] wb = model.parameters().get("layers.0.forward.Wb").data();
        for (int row = 0; row < 4 * h; row++) {
            // ONNX gate order i, o, f, c: the third block is the forget gate.
            assertThat(wb[row]).as("Wb row %d", row).isEqualTo(row / h == 2 ? 1f : 0f);
        }
        assertThat(model.parameters().get("layers.0.forward.Rb").data()).containsOnly(0f);
        float[] r = model.parameters().get("layers.0.forward.R").data();
        for (int block = 0; block < 4; block++) {
            for (int i = 0; i < h; i++) {
                for (int k = 0; k < h; k++) {
                    double dot = 0;
                    for (int j = 0; j < h; j++) {
                        dot += (double) r[(block * h + i) * h + j] * r[(block * h + k) * h + j];
                    }
                    assertThat(dot).isCloseTo(i == k ? 1 : 0, org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
        assertThat(Model.initialize(spec, registry::cellType, 42).parameters()).isEqualTo(model.parameters());
        assertThat(Model.initialize(spec, registry::cellType, 43).parameters()).isNotEqualTo(model.parameters());
    }

    @Test
    void truncatedWindowsCarryTheLstmStateBothHAndC() {
        PluginRegistry registry = registry();
        ModelSpec spec = new ModelSpec(1, List.of(LayerSpec.of("lstm", 6, Map.of())), new HeadSpec(1, Readout.PER_STEP));
        var task = new org.hotcell.model.task.SineTask(20);
        Trainer trainer = new Trainer(registry, ReferenceBackend.instance());
        TrainingResult full = trainer.train(Model.initialize(spec, registry::cellType, 2), task,
                new TrainingConfig(1, 4, 5, 0, 0, 4), new Adam(0.01), null);
        TrainingResult windows = trainer.train(Model.initialize(spec, registry::cellType, 2), task,
                new TrainingConfig(1, 4, 5, 0, 7, 4), new Adam(0.01), null);
        // Same forward computation in pieces: the loss matches only if h and c are both carried across windows.
        assertThat(windows.history().get(0).loss()).isCloseTo(full.history().get(0).loss(),
                org.assertj.core.data.Offset.offset(1e-6));
        // The gradient is truncated, so it differs.
        assertThat(windows.history().get(0).gradientNorm()).isNotEqualTo(full.history().get(0).gradientNorm());
    }

    @Test
    void aNonFiniteGradientIsNamedWithItsGateAndUnit() {
        PluginRegistry registry = registry();
        ModelSpec spec = new ModelSpec(2, List.of(LayerSpec.of("lstm", 4, Map.of())), new HeadSpec(1, Readout.LAST_STEP));
        Model model = Model.initialize(spec, registry::cellType, 1);
        Parameters gradients = model.parameters().zerosLike();
        // R is [4 gates x 4 units, 4]; row 9 is gate 2 (f in i, o, f, c), unit 1.
        gradients.get("layers.0.forward.R").data()[9 * 4 + 3] = Float.NaN;
        var found = org.hotcell.model.train.Diagnostics.scanGradients(gradients, model, registry::cellType);
        assertThat(found.where()).isEqualTo("gradient of layers.0.forward.R");
        assertThat(found.gate()).isEqualTo("f");
        assertThat(found.unit()).isEqualTo(1);
        assertThat(found.describe()).contains("element [9, 3]");
    }
}
