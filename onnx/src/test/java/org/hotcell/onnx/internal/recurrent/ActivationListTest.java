package org.hotcell.onnx.internal.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.BadModelException;
import org.hotcell.onnx.internal.graph.NodeArgs;
import org.hotcell.onnx.mapping.RecurrentOperator;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.Node;
import org.junit.jupiter.api.Test;

/** The ONNX rule for activation_alpha and activation_beta: consumed in order by the functions that take them. */
class ActivationListTest {

    private static List<String> specs(RecurrentOperator kind, int directions, Attribute... attributes) {
        Node node = new Node("n", kind.name(), "", List.of("X", "W", "R"), List.of("Y"), List.of(attributes));
        List<String> out = new ArrayList<>();
        for (ActivationSpec spec : ActivationList.resolve(new NodeArgs(node, List.of()), kind, directions)) {
            out.add(spec.toString());
        }
        return out;
    }

    @Test
    void alphasAndBetasGoToTheFunctionsThatTakeThemInListOrder() {
        List<String> got = specs(RecurrentOperator.LSTM, 2,
                Attribute.ofStrings("activations",
                        List.of("HardSigmoid", "LeakyRelu", "Tanh", "Affine", "Sigmoid", "ThresholdedRelu")),
                Attribute.ofFloats("activation_alpha", 0.5f, 0.25f, 2f, -0.125f),
                Attribute.ofFloats("activation_beta", 0.75f));
        assertThat(got).containsExactly("HardSigmoid(0.5, 0.75)", "LeakyRelu(0.25)", "Tanh", "Affine(2.0)", "Sigmoid",
                "ThresholdedRelu(-0.125)");
    }

    @Test
    void aFunctionPastTheEndOfAListKeepsItsDefault() {
        List<String> got = specs(RecurrentOperator.GRU, 2,
                Attribute.ofStrings("activations", List.of("Elu", "ScaledTanh", "HardSigmoid", "Elu")),
                Attribute.ofFloats("activation_alpha", 1.5f, 0.5f),
                Attribute.ofFloats("activation_beta", 0.25f, 0.125f));
        // ScaledTanh takes alpha 0.5 and beta 0.25; HardSigmoid has no alpha left but takes beta 0.125.
        assertThat(got).containsExactly("Elu(1.5)", "ScaledTanh(0.5, 0.25)", "HardSigmoid(beta=0.125)", "Elu");
    }

    @Test
    void defaultsPerDirectionAndOneListForBoth() {
        assertThat(specs(RecurrentOperator.LSTM, 2)).containsExactly("Sigmoid", "Tanh", "Tanh", "Sigmoid", "Tanh", "Tanh");
        assertThat(specs(RecurrentOperator.RNN, 1)).containsExactly("Tanh");
        assertThat(specs(RecurrentOperator.GRU, 2, Attribute.ofStrings("activations", List.of("Relu", "Softsign"))))
                .containsExactly("Relu", "Softsign", "Relu", "Softsign");
    }

    @Test
    void aListOfTheWrongLengthOrABadNameIsNamed() {
        assertThatThrownBy(() -> specs(RecurrentOperator.RNN, 2,
                Attribute.ofStrings("activations", List.of("Tanh", "Tanh", "Tanh"))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("node 'n' (RNN)")
                .hasMessageContaining("lists 3 functions").hasMessageContaining("needs 2");
        assertThatThrownBy(() -> specs(RecurrentOperator.RNN, 1, Attribute.ofStrings("activations", List.of("1tanh"))))
                .isInstanceOf(BadModelException.class).hasMessageContaining("activation '1tanh'");
    }
}
