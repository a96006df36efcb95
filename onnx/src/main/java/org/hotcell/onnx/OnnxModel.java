package org.hotcell.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.registry.Registry;
import org.hotcell.onnx.internal.graph.GraphRunner;
import org.hotcell.onnx.internal.graph.RunContext;
import org.hotcell.onnx.proto.ModelProto;
import org.hotcell.onnx.proto.ModelDecoder;
import org.hotcell.onnx.proto.NamedTensor;
import org.hotcell.onnx.proto.ValueInfo;

/**
 * An ONNX model ready to run: a graph of LSTM, GRU and RNN nodes, possibly joined by Squeeze, Unsqueeze,
 * Transpose, Reshape, Concat, Split, Slice, Gather, Shape, Cast, Identity, Constant, ConstantOfShape and Expand
 * nodes (what PyTorch's exporter and tf2onnx put around stacked and bidirectional layers).
 *
 * <p>Loading checks the file and the graph (every op supported, every value produced, no cycle); running
 * builds one cell per recurrent node and direction from the cell types in the registry given, so the cells
 * follow whatever activation and cell plugins are installed at that moment. Thread-safe: runs share nothing
 * mutable.
 *
 * <pre>{@code
 * OnnxModel model = OnnxModel.load(Path.of("lstm.onnx"));
 * Map<String, Tensor> out = model.run(Map.of("X", x), PluginRegistry.discover());
 * }</pre>
 */
public final class OnnxModel {
    private final ModelProto model;
    private final GraphRunner runner;
    private final List<ValueInfo> inputs;

    private OnnxModel(ModelProto model) {
        this.model = model;
        this.runner = new GraphRunner(model.graph());
        Set<String> initializers = new HashSet<>();
        for (NamedTensor initializer : model.graph().initializers()) {
            initializers.add(initializer.name());
        }
        this.inputs = model.graph().inputs().stream().filter(v -> !initializers.contains(v.name())).toList();
    }

    /**
     * Reads and checks an .onnx file.
     *
     * @throws BadModelException naming the file and what is wrong: unreadable, truncated, corrupt, external
     *                           data, unsupported op (naming the node), ...
     */
    public static OnnxModel load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadModelException("cannot read ONNX model " + file + ": " + e, e);
        }
        return read(bytes, file.toString());
    }

    /**
     * Decodes and checks .onnx bytes.
     *
     * @param source names the bytes in error messages
     */
    public static OnnxModel read(byte[] bytes, String source) {
        return of(ModelDecoder.decode(bytes, source));
    }

    /** Checks a decoded or built model. */
    public static OnnxModel of(ModelProto model) {
        return new OnnxModel(Objects.requireNonNull(model, "model"));
    }

    /** The decoded model. */
    public ModelProto model() {
        return model;
    }

    /** The graph inputs a caller feeds: those that are not initializers. */
    public List<ValueInfo> inputs() {
        return inputs;
    }

    /** The graph outputs. */
    public List<ValueInfo> outputs() {
        return model.graph().outputs();
    }

    /** Runs on the registry's default backend. */
    public Map<String, Tensor> run(Map<String, Tensor> feeds, Registry registry) {
        return run(feeds, registry, registry.defaultBackend());
    }

    /**
     * Runs the graph.
     *
     * @param feeds values of graph inputs by name; an input not fed is absent (fine where it is optional); a
     *              value of another element type than the input declares is converted to it
     * @return every graph output by name, in the graph's order
     * @throws org.hotcell.core.error.HotcellException naming the node, tensor and values when a feed or the
     *                                                 model does not fit
     */
    public Map<String, Tensor> run(Map<String, Tensor> feeds, Registry registry, Backend backend) {
        Map<String, Tensor> converted = new HashMap<>();
        for (ValueInfo input : inputs) {
            Tensor fed = feeds.get(input.name());
            if (fed == null) {
                continue;
            }
            int declared = input.elementType();
            if (declared == 11) {
                declared = ElementType.FLOAT.onnxCode();
            }
            converted.put(input.name(), ElementType.ofOnnx(declared).map(fed::as).orElse(fed));
        }
        for (String name : feeds.keySet()) {
            if (inputs.stream().noneMatch(v -> v.name().equals(name))) {
                throw new BadModelException("the model has no graph input '" + name + "'; its inputs are "
                        + inputs.stream().map(ValueInfo::name).toList());
            }
        }
        return runner.run(converted, new RunContext(registry, backend));
    }
}
