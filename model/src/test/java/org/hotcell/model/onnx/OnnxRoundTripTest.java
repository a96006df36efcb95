package org.hotcell.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hotcell.layers.MergeMode;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.model.net.Model;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.spec.HeadSpec;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.model.testing.TestModels;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.mapping.ActivationFunction;
import org.hotcell.onnx.mapping.RecurrentAttribute;
import org.hotcell.onnx.mapping.RecurrentOperator;
import org.hotcell.onnx.proto.ModelBuilder;
import org.hotcell.onnx.proto.ModelDecoder;
import org.hotcell.onnx.proto.ModelProto;
import org.hotcell.onnx.proto.NamedTensor;
import org.hotcell.onnx.proto.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export then import gives the same layer back: every operator, every ONNX activation function (with alpha and
 * beta where it takes them) in every slot, every direction and the options that add inputs and attributes. The
 * exported recurrent node, run by Hotcell's own importer, must compute what the model's cells compute.
 */
class OnnxRoundTripTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();
    private static final int STEPS = 4;
    private static final int BATCH = 2;
    private static final int INPUT = 3;
    private static final int HIDDEN = 3;

    static Stream<Arguments> everyFunctionOperatorAndDirection() {
        List<Arguments> cases = new ArrayList<>();
        for (RecurrentOperator operator : RecurrentOperator.values()) {
            for (ActivationFunction function : ActivationFunction.values()) {
                for (Direction direction : Direction.values()) {
                    cases.add(Arguments.of(operator, function, direction, CellOptions.DEFAULT));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> options() {
        CellOptions peepholesClipInputForget = new CellOptions(true, true, true, 1.5f, false);
        CellOptions noBiasLinearBeforeReset = new CellOptions(false, false, false, Float.POSITIVE_INFINITY, true);
        CellOptions noBiasClip = new CellOptions(false, false, false, 0.75f, false);
        return Stream.of(
                Arguments.of(RecurrentOperator.LSTM, ActivationFunction.HARD_SIGMOID, Direction.BIDIRECTIONAL,
                        peepholesClipInputForget),
                Arguments.of(RecurrentOperator.LSTM, ActivationFunction.TANH, Direction.REVERSE, noBiasClip),
                Arguments.of(RecurrentOperator.GRU, ActivationFunction.SCALED_TANH, Direction.BIDIRECTIONAL,
                        noBiasLinearBeforeReset),
                Arguments.of(RecurrentOperator.RNN, ActivationFunction.AFFINE, Direction.FORWARD, noBiasClip));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyFunctionOperatorAndDirection")
    void exportThenImportComputesTheSame(RecurrentOperator operator, ActivationFunction function,
                                         Direction direction, CellOptions options) {
        roundTrip(operator, function, direction, options);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("options")
    void optionsSurviveTheRoundTrip(RecurrentOperator operator, ActivationFunction function, Direction direction,
                                    CellOptions options) {
        roundTrip(operator, function, direction, options);
    }

    /** Every role of every slot set to the function, alpha 0.375 and beta -0.625 where it takes them. */
    private static Map<String, ActivationSpec> everyRole(RecurrentOperator operator, ActivationFunction function) {
        List<Object> params = new ArrayList<>();
        if (function.takesAlpha()) {
            params.addAll(List.of("alpha", 0.375));
        }
        if (function.takesBeta()) {
            params.addAll(List.of("beta", -0.625));
        }
        Map<String, ActivationSpec> roles = new LinkedHashMap<>();
        for (RecurrentOperator.ActivationSlot slot : operator.slots()) {
            for (String role : slot.roles()) {
                roles.put(role, ActivationSpec.of(function.hotcellName(), params.toArray()));
            }
        }
        return roles;
    }

    private static void roundTrip(RecurrentOperator operator, ActivationFunction function, Direction direction,
                                  CellOptions options) {
        LayerSpec layer = new LayerSpec(operator.cellType(), HIDDEN, everyRole(operator, function), options,
                direction, MergeMode.CONCAT);
        Model model = Model.initialize(new ModelSpec(INPUT, List.of(layer), new HeadSpec(1, Readout.PER_STEP)),
                REGISTRY::cellType, 11);
        SplittableRandom random = new SplittableRandom(12);
        for (Parameter p : model.parameters().list()) {
            for (int i = 0; i < p.data().length; i++) {
                p.data()[i] = (float) (0.5 * random.nextGaussian());
            }
        }
        float[] x = TestModels.gaussians(STEPS * BATCH * INPUT, random);

        ModelProto exported = ModelDecoder.decode(OnnxExport.export(model, REGISTRY), "export");
        Node node = exported.graph().nodes().stream().filter(n -> RecurrentOperator.ofOpType(n.opType()).isPresent())
                .findFirst().orElseThrow();
        assertThat(RecurrentOperator.ofOpType(node.opType())).contains(operator);
        assertThat(RecurrentAttribute.direction(node.attribute(RecurrentAttribute.DIRECTION.onnxName())
                .orElseThrow().s())).contains(direction);

        // The recurrent node alone, with its initializers, run by the importer.
        ModelBuilder alone = new ModelBuilder("alone").input(node.inputs().getFirst(), ElementType.FLOAT, STEPS,
                BATCH, INPUT);
        for (NamedTensor initializer : exported.graph().initializers()) {
            if (node.inputs().contains(initializer.name())) {
                alone.initializer(initializer.name(), initializer.value());
            }
        }
        String y = node.outputs().getFirst();
        alone.node(node).output(y, ElementType.FLOAT);
        Tensor imported = OnnxModel.of(alone.build()).run(Map.of(node.inputs().getFirst(),
                Tensor.ofFloats(new int[] {STEPS, BATCH, INPUT}, x)), REGISTRY, ReferenceBackend.instance()).get(y);

        // Y [T, D, N, H] against each direction's cell.
        int dirs = direction.count();
        assertThat(imported.shape()).containsExactly(STEPS, dirs, BATCH, HIDDEN);
        CellType type = REGISTRY.cellType(operator.cellType());
        for (int d = 0; d < dirs; d++) {
            boolean reverse = direction == Direction.REVERSE || d == 1;
            float[] expected = type.create(model.cellSpec(0), model.cellWeights(0, d), REGISTRY,
                    ReferenceBackend.instance()).forward(SequenceBatch.timeMajor(x, STEPS, BATCH, INPUT), null,
                    reverse, false).y();
            for (int t = 0; t < STEPS; t++) {
                for (int n = 0; n < BATCH; n++) {
                    for (int h = 0; h < HIDDEN; h++) {
                        float want = expected[(t * BATCH + n) * HIDDEN + h];
                        assertThat(imported.floats()[((t * dirs + d) * BATCH + n) * HIDDEN + h])
                                .as("Y[%d, %d, %d, %d]", t, d, n, h).isCloseTo(want, within(1e-6f));
                    }
                }
            }
        }
    }
}
