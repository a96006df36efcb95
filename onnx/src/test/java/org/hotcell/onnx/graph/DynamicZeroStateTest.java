package org.hotcell.onnx.graph;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hotcell.core.registry.PluginRegistry;
import org.hotcell.core.registry.Registry;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.OnnxModel;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;
import org.hotcell.onnx.support.Close;
import org.hotcell.onnx.support.RandomTensors;
import org.junit.jupiter.api.Test;

/**
 * The zero initial state PyTorch's exporter builds when the batch size is dynamic (Shape, Gather, Unsqueeze,
 * Concat, ConstantOfShape feeding initial_h) gives the same outputs as no initial state at all.
 */
class DynamicZeroStateTest {
    private static final Registry REGISTRY = PluginRegistry.discover();

    @Test
    void computedZerosEqualAnEmptySlot() {
        Random rnd = new Random(7);
        int h = 4;
        Tensor w = RandomTensors.of(rnd, 2, 3 * h, 3);
        Tensor r = RandomTensors.of(rnd, 2, 3 * h, h);
        Tensor x = RandomTensors.of(rnd, 6, 5, 3);
        ModelBuilder dynamic = new ModelBuilder("dyn").input("X", ElementType.FLOAT, -1, -1, 3)
                .initializer("W", w).initializer("R", r)
                .initializer("one", Tensor.ofLongs(ElementType.INT64, new int[0], new long[] {1}))
                .initializer("dirs", Tensor.int64Vector(2)).initializer("hidden", Tensor.int64Vector(h))
                .initializer("axes", Tensor.int64Vector(0))
                .node("shape", "Shape", List.of("X"), List.of("s"))
                .node("batch", "Gather", List.of("s", "one"), List.of("n"), Attribute.ofInt("axis", 0))
                .node("unsq", "Unsqueeze", List.of("n", "axes"), List.of("n1"))
                .node("cat", "Concat", List.of("dirs", "n1", "hidden"), List.of("hs"), Attribute.ofInt("axis", 0))
                .node("zeros", "ConstantOfShape", List.of("hs"), List.of("h0"))
                .node("gru", "GRU", List.of("X", "W", "R", "", "", "h0"), List.of("Y", "Y_h"),
                        Attribute.ofString("direction", "bidirectional"), Attribute.ofInt("hidden_size", h))
                .output("Y", ElementType.FLOAT).output("Y_h", ElementType.FLOAT);
        ModelBuilder plain = new ModelBuilder("plain").input("X", ElementType.FLOAT, -1, -1, 3)
                .initializer("W", w).initializer("R", r)
                .node("gru", "GRU", List.of("X", "W", "R"), List.of("Y", "Y_h"),
                        Attribute.ofString("direction", "bidirectional"), Attribute.ofInt("hidden_size", h))
                .output("Y", ElementType.FLOAT).output("Y_h", ElementType.FLOAT);
        Map<String, Tensor> a = OnnxModel.read(dynamic.bytes(), "dyn").run(Map.of("X", x), REGISTRY);
        Map<String, Tensor> b = OnnxModel.read(plain.bytes(), "plain").run(Map.of("X", x), REGISTRY);
        Close.assertClose("Y", a.get("Y"), b.get("Y"), 0);
        Close.assertClose("Y_h", a.get("Y_h"), b.get("Y_h"), 0);
    }
}
