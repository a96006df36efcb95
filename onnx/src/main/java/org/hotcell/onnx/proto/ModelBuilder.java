package org.hotcell.onnx.proto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;

/**
 * Builds small ONNX models in code: nodes, initializers and typed graph inputs and outputs. Used by the tests
 * (models for ONNX Runtime and for fuzzing) and as the start of export.
 *
 * <pre>{@code
 * byte[] onnx = new ModelBuilder("lstm").opset(22)
 *         .input("X", ElementType.FLOAT, 5, 1, 3)
 *         .initializer("W", w).initializer("R", r)
 *         .node(new Node("lstm", "LSTM", "", List.of("X", "W", "R"), List.of("Y"), attributes))
 *         .output("Y", ElementType.FLOAT)
 *         .bytes();
 * }</pre>
 */
public final class ModelBuilder {
    private final String graphName;
    private long opset = 22;
    private final List<Node> nodes = new ArrayList<>();
    private final List<NamedTensor> initializers = new ArrayList<>();
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();

    /** Starts a model whose graph has this name. */
    public ModelBuilder(String graphName) {
        this.graphName = graphName;
    }

    /** The default-domain operator set version (22 unless set). */
    public ModelBuilder opset(long version) {
        this.opset = version;
        return this;
    }

    /** Adds a node; nodes should be added in topological order, as ONNX requires. */
    public ModelBuilder node(Node node) {
        nodes.add(node);
        return this;
    }

    /** Adds a node from its parts. */
    public ModelBuilder node(String name, String opType, List<String> nodeInputs, List<String> nodeOutputs,
                             Attribute... attributes) {
        return node(new Node(name, opType, "", nodeInputs, nodeOutputs, Arrays.asList(attributes)));
    }

    /** Adds an initializer (a constant tensor). */
    public ModelBuilder initializer(String name, Tensor value) {
        initializers.add(new NamedTensor(name, value));
        return this;
    }

    /** Adds a graph input of a type and shape; -1 marks a dynamic dimension. */
    public ModelBuilder input(String name, ElementType type, long... dims) {
        inputs.add(new ValueInfo(name, type.onnxCode(), dims.clone()));
        return this;
    }

    /** Adds a graph output of a type with no shape stated. */
    public ModelBuilder output(String name, ElementType type) {
        outputs.add(new ValueInfo(name, type.onnxCode(), null));
        return this;
    }

    /** The model. */
    public ModelProto build() {
        return new ModelProto(10, "hotcell", List.of(new ModelProto.OpsetId("", opset)),
                new Graph(graphName, nodes, initializers, inputs, outputs));
    }

    /** The model's .onnx bytes, tensor data in raw_data. */
    public byte[] bytes() {
        return ModelEncoder.encode(build());
    }
}
