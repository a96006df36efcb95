package org.hotcell.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.layers.MergeMode;
import org.hotcell.model.optim.Adam;
import org.hotcell.model.optim.Optimizer;
import org.hotcell.model.optim.SgdMomentum;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.task.AddingTask;
import org.hotcell.model.testing.TestModels;
import org.hotcell.model.train.Trainer;
import org.hotcell.model.train.TrainingConfig;
import org.hotcell.model.train.TrainingResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A network whose cells take each optimizer step in place computes bit for bit what a network built again from
 * the updated parameters computes, so training need not rebuild: LSTM (with and without biases and peepholes),
 * GRU (linear_before_reset, no bias), RNN, bidirectional layers, on the reference and SIMD backends. Hidden sizes
 * that are not multiples of the SIMD panel width make ragged panels.
 */
class InPlaceTrainingTest {
    private static final int STEPS = 4;
    private static final int BATCH = 3;

    static Stream<Arguments> cases() {
        CellOptions peepholes = new CellOptions(true, true, false, Float.POSITIVE_INFINITY, false);
        CellOptions noBias = new CellOptions(false, false, false, Float.POSITIVE_INFINITY, false);
        CellOptions lbr = new CellOptions(true, false, false, Float.POSITIVE_INFINITY, true);
        Map<String, ModelSpec> specs = Map.of(
                "lstm with peepholes", spec(layer("lstm", 40, peepholes, Direction.FORWARD)),
                "lstm without bias", spec(layer("lstm", 24, noBias, Direction.FORWARD)),
                "gru linear before reset", spec(layer("gru", 40, lbr, Direction.FORWARD)),
                "gru without bias, reverse", spec(layer("gru", 20, noBias, Direction.REVERSE)),
                "rnn", spec(layer("rnn", 40, CellOptions.DEFAULT, Direction.FORWARD)),
                "bidirectional lstm under a bidirectional rnn without bias", spec(
                        layer("lstm", 36, CellOptions.DEFAULT, Direction.BIDIRECTIONAL),
                        layer("rnn", 18, noBias, Direction.BIDIRECTIONAL)),
                "bidirectional gru, batch of one", spec(layer("gru", 33, lbr, Direction.BIDIRECTIONAL)));
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, ModelSpec> spec : specs.entrySet()) {
            for (Backend backend : new Backend[] {ReferenceBackend.instance(), SimdBackend.withThreadCount(1),
                    SimdBackend.withThreadCount(2)}) {
                int batch = spec.getKey().contains("batch of one") ? 1 : BATCH;
                cases.add(Arguments.of(spec.getKey() + ", " + backend.describe(), spec.getValue(), backend, batch));
            }
        }
        return cases.stream().sorted((a, b) -> a.get()[0].toString().compareTo(b.get()[0].toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aNetworkUpdatedInPlaceEqualsOneRebuiltFromTheUpdatedParameters(String name, ModelSpec spec, Backend backend,
                                                                        int batch) {
        PluginRegistry registry = registry();
        Model model = Model.initialize(spec, registry::cellType, 11);
        SplittableRandom random = new SplittableRandom(12);
        TestModels.perturbBiases(model, random);
        SequenceBatch x = SequenceBatch.timeMajor(TestModels.gaussians(STEPS * batch * 2, random), STEPS, batch, 2);
        Network network = Network.build(model, registry::cellType, registry, backend);
        assertThat(network.updatesInPlace()).isTrue();
        Optimizer adam = new Adam(0.01);
        for (int step = 0; step < 3; step++) {
            NetworkPass pass = network.forward(x, null, true);
            float[] dOutput = TestModels.gaussians(pass.output().length, random);
            Parameters gradients = network.backward(pass, dOutput);
            network.addToWeights(adam.increments(model.parameters(), gradients), 1f);
        }
        Network rebuilt = Network.build(model, registry::cellType, registry, backend);
        NetworkPass got = network.forward(x, null, true);
        NetworkPass want = rebuilt.forward(x, null, true);
        assertThat(Arrays.equals(got.output(), want.output())).as("outputs bit for bit").isTrue();
        float[] dOutput = TestModels.gaussians(got.output().length, random);
        Parameters gotGradients = network.backward(got, dOutput);
        Parameters wantGradients = rebuilt.backward(want, dOutput);
        for (Parameter p : wantGradients.list()) {
            assertThat(Arrays.equals(gotGradients.get(p.name()).data(), p.data())).as("gradient of %s bit for bit",
                    p.name()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainingInPlaceEndsWithTheParametersOfTrainingThatRebuildsEveryStep(String name, ModelSpec spec,
                                                                             Backend backend, int batch) {
        if (backend.name().equals("reference") && !name.startsWith("lstm with")) {
            return; // the reference backend once is enough next to the test above
        }
        PluginRegistry registry = registry();
        Trainer trainer = new Trainer(registry, backend);
        TrainingConfig config = new TrainingConfig(5, 4, 3, 1.0, 0, 8);
        TrainingResult inPlace = trainer.train(Model.initialize(spec, registry::cellType, 5), new AddingTask(6),
                config, new SgdMomentum(0.05, 0.9), null);
        TrainingResult rebuilt = trainer.train(Model.initialize(spec, registry::cellType, 5), new AddingTask(6),
                config, new StepOnly(new SgdMomentum(0.05, 0.9)), null);
        assertThat(inPlace.model().parameters()).isEqualTo(rebuilt.model().parameters());
        for (int step = 0; step < 5; step++) {
            assertThat(inPlace.history().get(step).loss()).isEqualTo(rebuilt.history().get(step).loss());
        }
    }

    /** An optimizer that only steps in place (no increments): the trainer must rebuild after each update. */
    private record StepOnly(Optimizer delegate) implements Optimizer {
        @Override
        public void step(Parameters parameters, Parameters gradients) {
            delegate.step(parameters, gradients);
        }

        @Override
        public String describe() {
            return "step-only " + delegate.describe();
        }
    }

    /** The cells plugin's cell types and the activation plugin, found as in production. */
    private static PluginRegistry registry() {
        return PluginRegistry.discover();
    }

    private static LayerSpec layer(String cell, int hidden, CellOptions options, Direction direction) {
        return new LayerSpec(cell, hidden, Map.of(), options, direction, MergeMode.CONCAT);
    }

    private static ModelSpec spec(LayerSpec... layers) {
        return new ModelSpec(2, List.of(layers), new HeadSpec(1, Readout.LAST_STEP));
    }
}
