package org.hotcell.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import org.hotcell.layers.MergeMode;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.Network;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exported graphs run by ONNX Runtime give what Hotcell's own forward pass gives. */
class OnnxExportTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    private static LayerSpec layer(String cell, int hidden, Map<String, String> roles, CellOptions options,
                                   Direction direction, MergeMode merge) {
        Map<String, ActivationSpec> parsed = new java.util.LinkedHashMap<>();
        roles.forEach((role, text) -> parsed.put(role, ActivationSpec.parse(text)));
        return new LayerSpec(cell, hidden, parsed, options, direction, merge);
    }

    static Stream<Arguments> models() {
        CellOptions peepClip = new CellOptions(true, true, false, 2.5f, false);
        CellOptions noBiasLbr = new CellOptions(false, false, false, Float.POSITIVE_INFINITY, true);
        return Stream.of(
                Arguments.of("lstm, peepholes and clip, last step", new ModelSpec(3, List.of(
                        layer("lstm", 4, Map.of("candidate", "leaky_relu(alpha=0.2)", "output", "softsign"), peepClip,
                                Direction.FORWARD, MergeMode.CONCAT)), new HeadSpec(2, Readout.LAST_STEP))),
                Arguments.of("bidirectional gru (concat) under a reverse rnn", new ModelSpec(3, List.of(
                        layer("gru", 3, Map.of("gate", "hard_sigmoid(alpha=0.3, beta=0.4)"), noBiasLbr,
                                Direction.BIDIRECTIONAL, MergeMode.CONCAT),
                        layer("rnn", 4, Map.of("activation", "relu"), CellOptions.DEFAULT, Direction.REVERSE,
                                MergeMode.CONCAT)), new HeadSpec(2, Readout.PER_STEP))),
                Arguments.of("bidirectional lstm merges sum, mean, mul", new ModelSpec(3, List.of(
                        layer("lstm", 3, Map.of(), CellOptions.DEFAULT, Direction.BIDIRECTIONAL, MergeMode.SUM),
                        layer("lstm", 3, Map.of("output", "elu(alpha=0.5)"), CellOptions.DEFAULT,
                                Direction.BIDIRECTIONAL, MergeMode.MEAN),
                        layer("gru", 2, Map.of(), CellOptions.DEFAULT, Direction.BIDIRECTIONAL, MergeMode.MUL)),
                        new HeadSpec(2, Readout.LAST_STEP))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void onnxRuntimeAgreesWithHotcell(String name, ModelSpec spec) throws Exception {
        Model model = Model.initialize(spec, REGISTRY::cellType, 7);
        SplittableRandom random = new SplittableRandom(8);
        TestModels.perturbBiases(model, random);
        int steps = 5;
        int batch = 2;
        float[] x = TestModels.gaussians(steps * batch * 3, random);
        float[] expected = Network.build(model, REGISTRY::cellType, REGISTRY, ReferenceBackend.instance())
                .predict(SequenceBatch.timeMajor(x, steps, batch, 3));

        byte[] onnx = OnnxExport.export(model, REGISTRY);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {steps, batch, 3});
             OrtSession.Result result = session.run(Map.of("X", input))) {
            OnnxTensor y = (OnnxTensor) result.get(0);
            long[] shape = y.getInfo().getShape();
            assertThat(shape).containsExactly(spec.head().readout() == Readout.PER_STEP
                    ? new long[] {steps, batch, 2} : new long[] {batch, 2});
            FloatBuffer actual = y.getFloatBuffer();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual.get(i)).as("output %d", i)
                        .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f + 1e-4f * Math.abs(expected[i])));
            }
        }
    }

    @Test
    void anActivationOnnxLacksIsNamedWithItsLayerAndRole() {
        ModelSpec spec = new ModelSpec(2, List.of(
                layer("lstm", 2, Map.of(), CellOptions.DEFAULT, Direction.FORWARD, MergeMode.CONCAT),
                layer("lstm", 2, Map.of("candidate", "silu"), CellOptions.DEFAULT, Direction.FORWARD, MergeMode.CONCAT)),
                new HeadSpec(1, Readout.LAST_STEP));
        Model model = Model.initialize(spec, REGISTRY::cellType, 1);
        assertThatThrownBy(() -> OnnxExport.export(model, REGISTRY)).isInstanceOf(BadModelException.class)
                .hasMessageContaining("layer 1 (lstm)").hasMessageContaining("role 'candidate'")
                .hasMessageContaining("silu(beta=1").hasMessageContaining("LeakyRelu");
    }

    @Test
    void gatesWithDifferentFunctionsCannotBeOneOnnxNode() {
        ModelSpec spec = new ModelSpec(2, List.of(layer("lstm", 2, Map.of("forget_gate", "hard_sigmoid"),
                CellOptions.DEFAULT, Direction.FORWARD, MergeMode.CONCAT)), new HeadSpec(1, Readout.LAST_STEP));
        Model model = Model.initialize(spec, REGISTRY::cellType, 1);
        assertThatThrownBy(() -> OnnxExport.export(model, REGISTRY)).isInstanceOf(BadModelException.class)
                .hasMessageContaining("role 'input_gate' uses sigmoid but role 'forget_gate' uses hard_sigmoid");
    }
}
