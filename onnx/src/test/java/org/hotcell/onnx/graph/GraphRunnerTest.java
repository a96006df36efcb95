package org.hotcell.onnx.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.hotcell.core.error.BadModelException;
import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;
import org.junit.jupiter.api.Test;

class GraphRunnerTest {

    @Test
    void unsupportedOpIsNamedWithItsNode() {
        byte[] bytes = new ModelBuilder("g").input("x", ElementType.FLOAT, 2)
                .node("conv_7", "Conv", List.of("x"), List.of("y")).output("y", ElementType.FLOAT).bytes();
        assertThatThrownBy(() -> OnnxModel.read(bytes, "m.onnx")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("node 'conv_7' (Conv)").hasMessageContaining("'Conv'")
                .hasMessageContaining("LSTM");
    }

    @Test
    void nodesOutOfOrderAreSortedAndChainsRun() {
        byte[] bytes = new ModelBuilder("g").input("x", ElementType.FLOAT, 2, 3)
                .node("second", "Unsqueeze", List.of("t", "axes"), List.of("y"))
                .node("first", "Transpose", List.of("x"), List.of("t"), Attribute.ofInts("perm", 1, 0))
                .initializer("axes", Tensor.int64Vector(0))
                .output("y", ElementType.FLOAT).bytes();
        Tensor x = Tensor.ofFloats(new int[] {2, 3}, new float[] {0, 1, 2, 3, 4, 5});
        Tensor y = OnnxModel.read(bytes, "m").run(Map.of("x", x), new PluginRegistry()).get("y");
        assertThat(y.shape()).containsExactly(1, 3, 2);
        assertThat(y.floats()).containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    void missingValuesCyclesAndUnknownFeedsAreReported() {
        byte[] dangling = new ModelBuilder("g").input("x", ElementType.FLOAT, 2)
                .node("n", "Identity", List.of("nowhere"), List.of("y")).output("y", ElementType.FLOAT).bytes();
        assertThatThrownBy(() -> OnnxModel.read(dangling, "m")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("node 'n' (Identity)").hasMessageContaining("'nowhere'");
        byte[] cycle = new ModelBuilder("g").input("x", ElementType.FLOAT, 2)
                .node("a", "Identity", List.of("b_out"), List.of("a_out"))
                .node("b", "Identity", List.of("a_out"), List.of("b_out")).output("a_out", ElementType.FLOAT).bytes();
        assertThatThrownBy(() -> OnnxModel.read(cycle, "m")).isInstanceOf(BadModelException.class)
                .hasMessageContaining("cycle");
        byte[] ok = new ModelBuilder("g").input("x", ElementType.FLOAT, 2)
                .node("n", "Identity", List.of("x"), List.of("y")).output("y", ElementType.FLOAT).bytes();
        OnnxModel model = OnnxModel.read(ok, "m");
        assertThatThrownBy(() -> model.run(Map.of("z", Tensor.ofFloats(new int[] {1}, new float[1])),
                new PluginRegistry())).isInstanceOf(BadModelException.class).hasMessageContaining("'z'")
                .hasMessageContaining("[x]");
        assertThatThrownBy(() -> model.run(Map.of(), new PluginRegistry())).isInstanceOf(BadModelException.class)
                .hasMessageContaining("required input input (#0) is missing").hasMessageContaining("'x'");
    }
}
