package org.hotcell.onnx.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.error.BadModelException;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Graph;
import org.hotcell.onnx.proto.NamedTensor;
import org.hotcell.onnx.proto.Node;
import org.hotcell.onnx.proto.ValueInfo;

/**
 * Runs a graph: checks once that every op is supported and that every value a node reads is made by a graph
 * input, an initializer or an earlier node, sorts the nodes topologically, then evaluates them in that order.
 * A value that is not there at run time (an optional graph input not fed) reaches its consumer as absent.
 */
public final class GraphRunner {
    private final Graph graph;
    private final List<Node> order;
    private final Map<Node, Op> ops = new HashMap<>();

    /**
     * Prepares a graph.
     *
     * @throws BadModelException naming the node for an unsupported op, a value nothing produces, or a cycle
     */
    public GraphRunner(Graph graph) {
        this.graph = graph;
        for (Node node : graph.nodes()) {
            ops.put(node, Ops.of(node).orElseThrow(() -> new BadModelException(node.label()
                    + " uses op type '" + (node.domain().isEmpty() ? "" : node.domain() + ".") + node.opType()
                    + "', which Hotcell does not run; supported: " + Ops.supported())));
        }
        this.order = sort(graph);
    }

    private static List<Node> sort(Graph graph) {
        Set<String> available = new HashSet<>();
        graph.inputs().forEach(v -> available.add(v.name()));
        graph.initializers().forEach(t -> available.add(t.name()));
        Map<String, Node> producer = new HashMap<>();
        for (Node node : graph.nodes()) {
            for (String output : node.outputs()) {
                if (output.isEmpty()) {
                    continue;
                }
                if (available.contains(output) || producer.put(output, node) != null) {
                    throw new BadModelException(node.label() + " writes value '" + output
                            + "', which another node, a graph input or an initializer already defines");
                }
            }
        }
        Map<Node, Integer> waiting = new LinkedHashMap<>();
        Map<Node, List<Node>> consumers = new HashMap<>();
        for (Node node : graph.nodes()) {
            int count = 0;
            for (String input : node.inputs()) {
                if (input.isEmpty() || available.contains(input)) {
                    continue;
                }
                Node from = producer.get(input);
                if (from == null) {
                    throw new BadModelException(node.label() + " reads value '" + input
                            + "', which no graph input, initializer or node provides");
                }
                consumers.computeIfAbsent(from, k -> new ArrayList<>()).add(node);
                count++;
            }
            waiting.put(node, count);
        }
        Deque<Node> ready = new ArrayDeque<>();
        waiting.forEach((node, count) -> {
            if (count == 0) {
                ready.add(node);
            }
        });
        List<Node> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            Node node = ready.poll();
            order.add(node);
            for (Node consumer : consumers.getOrDefault(node, List.of())) {
                if (waiting.merge(consumer, -1, Integer::sum) == 0) {
                    ready.add(consumer);
                }
            }
        }
        if (order.size() != graph.nodes().size()) {
            List<String> stuck = graph.nodes().stream().filter(n -> !order.contains(n)).map(Node::label).toList();
            throw new BadModelException("graph '" + graph.name() + "' has a cycle through " + stuck);
        }
        for (ValueInfo output : graph.outputs()) {
            if (!available.contains(output.name()) && !producer.containsKey(output.name())) {
                throw new BadModelException("graph output '" + output.name() + "' is not produced by any node");
            }
        }
        return order;
    }

    /**
     * Evaluates the graph.
     *
     * @param feeds values of graph inputs by name; graph inputs not fed take their initializer, else are absent
     * @return every graph output by name, in the graph's order
     * @throws BadModelException naming the graph output when it has no value (an absent optional was asked for)
     */
    public Map<String, Tensor> run(Map<String, Tensor> feeds, RunContext context) {
        Map<String, Tensor> values = new HashMap<>();
        for (NamedTensor initializer : graph.initializers()) {
            values.put(initializer.name(), initializer.value());
        }
        for (ValueInfo input : graph.inputs()) {
            Tensor fed = feeds.get(input.name());
            if (fed != null) {
                values.put(input.name(), fed);
            }
        }
        for (Node node : order) {
            List<Tensor> inputs = new ArrayList<>(node.inputs().size());
            for (String input : node.inputs()) {
                inputs.add(input.isEmpty() ? null : values.get(input));
            }
            List<Tensor> outputs = ops.get(node).run(node, inputs, context);
            for (int i = 0; i < node.outputs().size(); i++) {
                String name = node.outputs().get(i);
                if (name.isEmpty()) {
                    continue;
                }
                Tensor value = i < outputs.size() ? outputs.get(i) : null;
                if (value == null) {
                    throw new BadModelException(node.label() + " has no output #" + i + " for value '" + name + "'");
                }
                values.put(name, value);
            }
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (ValueInfo output : graph.outputs()) {
            Tensor value = values.get(output.name());
            if (value == null) {
                throw new BadModelException("graph output '" + output.name() + "' has no value: it is a graph input"
                        + " that was not fed");
            }
            result.put(output.name(), value);
        }
        return result;
    }
}
