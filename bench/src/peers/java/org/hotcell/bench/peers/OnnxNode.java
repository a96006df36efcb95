package org.hotcell.bench.peers;

import java.util.List;

import org.hotcell.bench.recurrent.Workload;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;

/**
 * The ONNX model of a workload: one LSTM or GRU node with exactly Hotcell's weights (Hotcell keeps ONNX's
 * layout and gate order, so the arrays go in as they are; B is Wb followed by Rb), input X {@code [T, N, I]},
 * output Y {@code [T, 1, N, H]}, whose flat order equals Hotcell's {@code [T, N, H]} outputs.
 */
final class OnnxNode {
    private OnnxNode() {
    }

    static byte[] model(Workload w) {
        CellWeights weights = w.weights();
        int g = w.gates();
        int h = w.hidden();
        float[] bias = new float[2 * g * h];
        System.arraycopy(weights.wBias(), 0, bias, 0, g * h);
        System.arraycopy(weights.rBias(), 0, bias, g * h, g * h);
        String act = onnxName(w.activation());
        List<String> activations = w.cell().equals("lstm") ? List.of("Sigmoid", act, act) : List.of("Sigmoid", act);
        return new ModelBuilder(w.cell()).opset(14)
                .input("X", ElementType.FLOAT, w.steps(), w.batch(), w.input())
                .initializer("W", Tensor.ofFloats(new int[] {1, g * h, w.input()}, weights.w()))
                .initializer("R", Tensor.ofFloats(new int[] {1, g * h, h}, weights.r()))
                .initializer("B", Tensor.ofFloats(new int[] {1, 2 * g * h}, bias))
                .node(w.cell(), w.cell().equals("lstm") ? "LSTM" : "GRU", List.of("X", "W", "R", "B"), List.of("Y"),
                        Attribute.ofInt("hidden_size", h), Attribute.ofStrings("activations", activations))
                .output("Y", ElementType.FLOAT)
                .bytes();
    }

    private static String onnxName(String activation) {
        return switch (activation) {
            case "tanh" -> "Tanh";
            case "relu" -> "Relu";
            case "sigmoid" -> "Sigmoid";
            default -> throw new IllegalArgumentException("no ONNX name for activation '" + activation + "' here");
        };
    }
}
