package org.hotcell.onnx.proto;

import java.util.List;

/**
 * An ONNX {@code GraphProto}.
 *
 * @param name         the graph's name
 * @param nodes        the nodes, in file order (ONNX requires topological order; Hotcell sorts anyway)
 * @param initializers constant tensors; a graph input with an initializer's name takes it as default
 * @param inputs       the graph inputs (which may include initializers, as older exporters write)
 * @param outputs      the graph outputs
 */
public record Graph(String name, List<Node> nodes, List<NamedTensor> initializers, List<ValueInfo> inputs,
                    List<ValueInfo> outputs) {

    public Graph {
        name = name == null ? "" : name;
        nodes = List.copyOf(nodes);
        initializers = List.copyOf(initializers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
