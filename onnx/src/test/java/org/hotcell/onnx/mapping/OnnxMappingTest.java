package org.hotcell.onnx.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellRole;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every entry of the ONNX mapping against the ONNX operator documentation (LSTM, GRU and RNN, opset 22; the
 * expected values below are copied from it), against Hotcell's standard cells and activations, and both ways.
 */
class OnnxMappingTest {
    private static final Registry REGISTRY = PluginRegistry.discover();

    /** What the ONNX documentation says of each operator. */
    private record Documented(String opType, String gates, List<String> symbols, List<String> defaults,
                              List<String> inputs, List<String> ownAttributes) {
    }

    private static final List<String> COMMON_ATTRIBUTES = List.of("activation_alpha", "activation_beta",
            "activations", "clip", "direction", "hidden_size", "layout");

    private static final Map<RecurrentOperator, Documented> DOCUMENTED = Map.of(
            // "W[iofc] - W parameter weight matrix for input, output, forget, and cell gates"; "Default: f=Sigmoid,
            // g=Tanh, h=Tanh".
            RecurrentOperator.LSTM, new Documented("LSTM", "iofc", List.of("f", "g", "h"),
                    List.of("Sigmoid", "Tanh", "Tanh"),
                    List.of("X", "W", "R", "B", "sequence_lens", "initial_h", "initial_c", "P"),
                    List.of("input_forget")),
            // "W[zrh] - W parameter weight matrix for update, reset, and hidden gates"; "Default: f=Sigmoid, g=Tanh".
            RecurrentOperator.GRU, new Documented("GRU", "zrh", List.of("f", "g"), List.of("Sigmoid", "Tanh"),
                    List.of("X", "W", "R", "B", "sequence_lens", "initial_h"), List.of("linear_before_reset")),
            // "Wi - W parameter weight matrix for input gate"; "Default: f=Tanh".
            RecurrentOperator.RNN, new Documented("RNN", "i", List.of("f"), List.of("Tanh"),
                    List.of("X", "W", "R", "B", "sequence_lens", "initial_h"), List.of()));

    /** The documentation's activation functions: which take alpha and beta, and the formula. */
    private record Formula(boolean alpha, boolean beta, DoubleUnaryOperator f) {
    }

    private static final double ALPHA = 0.7;
    private static final double BETA = 0.3;

    private static final Map<String, Formula> FUNCTIONS = Map.ofEntries(
            Map.entry("Relu", new Formula(false, false, x -> Math.max(0, x))),
            Map.entry("Tanh", new Formula(false, false, x -> (1 - Math.exp(-2 * x)) / (1 + Math.exp(-2 * x)))),
            Map.entry("Sigmoid", new Formula(false, false, x -> 1 / (1 + Math.exp(-x)))),
            Map.entry("Affine", new Formula(true, true, x -> ALPHA * x + BETA)),
            Map.entry("LeakyRelu", new Formula(true, false, x -> x >= 0 ? x : ALPHA * x)),
            Map.entry("ThresholdedRelu", new Formula(true, false, x -> x >= ALPHA ? x : 0)),
            Map.entry("ScaledTanh", new Formula(true, true, x -> ALPHA * Math.tanh(BETA * x))),
            Map.entry("HardSigmoid", new Formula(true, true, x -> Math.min(Math.max(ALPHA * x + BETA, 0), 1))),
            Map.entry("Elu", new Formula(true, false, x -> x >= 0 ? x : ALPHA * (Math.exp(x) - 1))),
            Map.entry("Softsign", new Formula(false, false, x -> x / (1 + Math.abs(x)))),
            Map.entry("Softplus", new Formula(false, false, x -> Math.log(1 + Math.exp(x)))));

    @ParameterizedTest
    @EnumSource(RecurrentOperator.class)
    void operatorsAreAsDocumented(RecurrentOperator operator) {
        Documented documented = DOCUMENTED.get(operator);
        assertThat(operator.opType()).isEqualTo(documented.opType());
        assertThat(String.join("", operator.gates())).isEqualTo(documented.gates());
        assertThat(operator.slots()).extracting(RecurrentOperator.ActivationSlot::symbol)
                .isEqualTo(documented.symbols());
        assertThat(operator.slots()).extracting(slot -> slot.defaultFunction().onnxName())
                .isEqualTo(documented.defaults());
        assertThat(operator.inputs()).extracting(RecurrentInput::onnxName).isEqualTo(documented.inputs());
        assertThat(operator.inputs()).extracting(RecurrentInput::slot)
                .isEqualTo(IntStream.range(0, documented.inputs().size()).boxed().toList());
        List<String> attributes = new ArrayList<>(COMMON_ATTRIBUTES);
        attributes.addAll(documented.ownAttributes());
        attributes.add("output_sequence"); // opset 1 to 6
        assertThat(operator.attributes()).extracting(RecurrentAttribute::onnxName)
                .containsExactlyInAnyOrderElementsOf(attributes);
        assertThat(operator.hasCellState()).isEqualTo(operator == RecurrentOperator.LSTM);
        assertThat(RecurrentOperator.ofOpType(documented.opType())).contains(operator);
    }

    @ParameterizedTest
    @EnumSource(RecurrentOperator.class)
    void hotcellsCellTypeHasOnnxsGateOrderAndEveryRole(RecurrentOperator operator) {
        CellType type = REGISTRY.cellType(operator.cellType());
        assertThat(RecurrentOperator.ofCellType(type.name())).contains(operator);
        assertThat(RecurrentOperator.ofCellType(type.name().toUpperCase(Locale.ROOT))).contains(operator);
        // Hotcell's gate order is ONNX's: weights are copied block for block, both ways.
        assertThat(type.gates()).isEqualTo(operator.gates());
        operator.requireGateOrder(type, "test");
        // The slots fill every role but the shared "gate" role, which the per-gate roles override, once each.
        List<String> filled = operator.slots().stream().flatMap(slot -> slot.roles().stream()).toList();
        List<String> roles = type.roles().stream().map(CellRole::name).filter(name -> !name.equals("gate")).toList();
        assertThat(filled).containsExactlyInAnyOrderElementsOf(roles).doesNotHaveDuplicates();
        // Each slot's default is the cell type's default for the roles it fills.
        for (RecurrentOperator.ActivationSlot slot : operator.slots()) {
            for (String role : slot.roles()) {
                ActivationSpec hotcellDefault = REGISTRY.canonical(type.activationFor(CellSpec.builder(type.name())
                        .inputSize(1).hiddenSize(1).build(), role));
                assertThat(ActivationFunction.of(hotcellDefault)).as(role).contains(slot.defaultFunction());
            }
        }
    }

    @Test
    void aCellTypeWithAnotherGateOrderIsRefusedNamingBothOrders() {
        CellType lstm = REGISTRY.cellType("lstm");
        CellType reordered = new CellType() {
            @Override
            public String name() {
                return "lstm";
            }

            @Override
            public String describe() {
                return lstm.describe();
            }

            @Override
            public List<String> gates() {
                return List.of("i", "f", "c", "o");
            }

            @Override
            public boolean hasCellState() {
                return true;
            }

            @Override
            public List<CellRole> roles() {
                return lstm.roles();
            }

            @Override
            public Cell create(CellSpec spec, CellWeights weights, ActivationSource activations, Backend backend) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> RecurrentOperator.LSTM.requireGateOrder(reordered, "node 'n' (LSTM)"))
                .isInstanceOf(BadModelException.class).hasMessageContaining("node 'n' (LSTM)")
                .hasMessageContaining("[i, f, c, o]").hasMessageContaining("[i, o, f, c]");
    }

    @Test
    void directionsAreAsDocumentedBothWays() {
        assertThat(RecurrentAttribute.DIRECTION_VALUES).containsExactly("forward", "reverse", "bidirectional");
        for (Direction direction : Direction.values()) {
            assertThat(RecurrentAttribute.direction(RecurrentAttribute.directionValue(direction))).contains(direction);
        }
        assertThat(RecurrentAttribute.directionValue(Direction.BIDIRECTIONAL)).isEqualTo("bidirectional");
        assertThat(RecurrentAttribute.direction("Forward")).isEmpty();
    }

    @Test
    void theFunctionsAreTheDocumentedOnes() {
        assertThat(ActivationFunction.onnxNames()).containsExactlyInAnyOrderElementsOf(FUNCTIONS.keySet());
    }

    @ParameterizedTest
    @EnumSource(ActivationFunction.class)
    void aFunctionTakesTheDocumentedParametersAndComputesTheDocumentedFormula(ActivationFunction function) {
        Formula formula = FUNCTIONS.get(function.onnxName());
        assertThat(function.takesAlpha()).as("alpha").isEqualTo(formula.alpha());
        assertThat(function.takesBeta()).as("beta").isEqualTo(formula.beta());
        Activation activation = REGISTRY.activation(ActivationFunction.spec(function.onnxName(),
                function.takesAlpha() ? (float) ALPHA : null, function.takesBeta() ? (float) BETA : null));
        for (double x : new double[] {-4, -1.3, -0.45, -0.01, 0.01, 0.2, 0.69, 0.71, 1.7, 5}) {
            double expected = formula.f().applyAsDouble((float) x);
            assertThat((double) activation.apply((float) x)).as("%s(%s)", function.onnxName(), x)
                    .isCloseTo(expected, within(2e-6 + 2e-6 * Math.abs(expected)));
        }
    }

    @ParameterizedTest
    @EnumSource(ActivationFunction.class)
    void aFunctionIsTheHotcellActivationOfItsNameBothWays(ActivationFunction function) {
        ActivationSpec fromOnnx = REGISTRY.canonical(ActivationSpec.of(function.onnxName()));
        assertThat(fromOnnx.name()).isEqualTo(function.hotcellName());
        assertThat(ActivationFunction.of(fromOnnx)).contains(function);
        assertThat(ActivationFunction.named(function.onnxName())).contains(function);
        assertThat(ActivationFunction.named(function.hotcellName())).contains(function);
        assertThat(ActivationFunction.named(function.onnxName().toLowerCase(Locale.ROOT))).contains(function);
    }

    @ParameterizedTest
    @EnumSource(ActivationFunction.class)
    void exportThenImportGivesTheSameActivation(ActivationFunction function) {
        List<Object> params = new ArrayList<>();
        if (function.takesAlpha()) {
            params.addAll(List.of("alpha", 0.375));
        }
        if (function.takesBeta()) {
            params.addAll(List.of("beta", -0.625));
        }
        ActivationSpec canonical = REGISTRY.canonical(ActivationSpec.of(function.hotcellName(), params.toArray()));
        // Export: the canonical spec gives the ONNX name and the activation_alpha and activation_beta values.
        ActivationFunction exported = ActivationFunction.of(canonical).orElseThrow();
        Float alpha = exported.alpha(canonical);
        Float beta = exported.beta(canonical);
        assertThat(alpha != null).isEqualTo(function.takesAlpha());
        assertThat(beta != null).isEqualTo(function.takesBeta());
        // Import: the name and values give a spec whose canonical form is the one exported.
        ActivationSpec imported = ActivationFunction.spec(exported.onnxName(), alpha, beta);
        assertThat(REGISTRY.canonical(imported)).isEqualTo(canonical);
        // A beta without an alpha is named, so it cannot be taken for an alpha.
        if (function.takesBeta()) {
            assertThat(REGISTRY.canonical(ActivationFunction.spec(exported.onnxName(), null, beta)).number("beta"))
                    .isEqualTo(beta.doubleValue());
        }
    }

    @Test
    void namesOnnxLacksAreNotFunctions() {
        assertThat(ActivationFunction.named("gelu")).isEmpty();
        assertThat(ActivationFunction.of(REGISTRY.canonical(ActivationSpec.of("silu")))).isEmpty();
        assertThat(RecurrentOperator.ofOpType("lstm")).isEmpty();
        assertThat(RecurrentOperator.ofCellType("test_rnn")).isEmpty();
    }
}
