package org.hotcell.onnx.proto;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ONNX {@code NodeProto}: one operator application.
 *
 * @param name       the node's name (may be empty in files; {@link #label} names it for messages anyway)
 * @param opType     the operator, e.g. {@code LSTM}
 * @param domain     the operator set domain; empty for the default ONNX domain
 * @param inputs     input value names in slot order; an empty name is an absent optional input
 * @param outputs    output value names in slot order; an empty name is an output not asked for
 * @param attributes the attributes, in file order
 */
public record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                   List<Attribute> attributes) {

    public Node {
        name = name == null ? "" : name;
        Objects.requireNonNull(opType, "opType");
        domain = domain == null ? "" : domain;
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = List.copyOf(attributes);
    }

    /** The attribute with this name, if set. */
    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** Input slot i's value name, or empty when the slot is absent or empty. */
    public Optional<String> input(int slot) {
        return slot < inputs.size() && !inputs.get(slot).isEmpty() ? Optional.of(inputs.get(slot)) : Optional.empty();
    }

    /** Output slot i's value name, or empty when the slot is absent or empty. */
    public Optional<String> output(int slot) {
        return slot < outputs.size() && !outputs.get(slot).isEmpty() ? Optional.of(outputs.get(slot))
                : Optional.empty();
    }

    /** How error messages name this node: {@code node 'lstm_1' (LSTM)}. */
    public String label() {
        String shown = name.isEmpty() ? (outputs.isEmpty() ? "?" : "producing " + outputs.get(0)) : name;
        return "node '" + shown + "' (" + opType + ")";
    }
}
