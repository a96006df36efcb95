package org.hotcell.onnx.internal.graph;

import java.util.List;

import org.hotcell.core.error.BadModelException;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.AttributeType;
import org.hotcell.onnx.proto.Node;

/** Checked access to a node's inputs and attributes, with errors that name the node. */
public final class NodeArgs {
    private final Node node;
    private final List<Tensor> inputs;

    public NodeArgs(Node node, List<Tensor> inputs) {
        this.node = node;
        this.inputs = inputs;
    }

    /** The node. */
    public Node node() {
        return node;
    }

    /** A failure naming the node. */
    public BadModelException fail(String message) {
        return new BadModelException(node.label() + ": " + message);
    }

    /** Input slot i, required. */
    public Tensor required(int slot, String name) {
        Tensor value = optional(slot);
        if (value == null) {
            String given = node.input(slot).map(n -> "'" + n + "' has no value (a graph input not fed?)")
                    .orElse("the slot is empty");
            throw fail("required input " + name + " (#" + slot + ") is missing: " + given);
        }
        return value;
    }

    /** Input slot i, or null when absent. */
    public Tensor optional(int slot) {
        return slot < inputs.size() ? inputs.get(slot) : null;
    }

    /** Input slot i, required, as a float tensor of the given rank. */
    public Tensor floats(int slot, String name, int rank) {
        Tensor value = required(slot, name);
        return checkFloat(value, slot, name, rank);
    }

    /** Checks a present input is a float tensor of a rank (-1 for any). */
    public Tensor checkFloat(Tensor value, int slot, String name, int rank) {
        if (!value.type().isFloat()) {
            throw fail("input " + name + " ('" + node.input(slot).orElse("") + "') is " + value.type()
                    + ", expected FLOAT");
        }
        if (rank >= 0 && value.rank() != rank) {
            throw fail("input " + name + " ('" + node.input(slot).orElse("") + "') has shape " + value
                    + ", expected rank " + rank);
        }
        return value;
    }

    /** Input slot i as integers (for shapes, axes and indices), or null when absent. */
    public long[] ints(int slot, String name) {
        Tensor value = optional(slot);
        if (value == null) {
            return null;
        }
        if (value.type().isFloat()) {
            throw fail("input " + name + " ('" + node.input(slot).orElse("") + "') is FLOAT, expected an integer tensor");
        }
        return value.longs();
    }

    /** The attribute, if set, checked to have the type. */
    public Attribute attribute(String name, AttributeType type) {
        Attribute attribute = node.attribute(name).orElse(null);
        if (attribute != null && attribute.type() != type) {
            throw fail("attribute '" + name + "' is of type " + attribute.type() + ", expected " + type);
        }
        return attribute;
    }

    /** An INT attribute, or its default. */
    public long intAttr(String name, long defaultValue) {
        Attribute attribute = attribute(name, AttributeType.INT);
        return attribute == null ? defaultValue : attribute.i();
    }

    /** An INTS attribute, or null. */
    public long[] intsAttr(String name) {
        Attribute attribute = attribute(name, AttributeType.INTS);
        return attribute == null ? null : attribute.ints();
    }

    /** Normalises an axis in [-rank, rank) to [0, rank). */
    public int axis(long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) {
            throw fail(what + " " + axis + " is out of range for rank " + rank + "; valid: [" + (-rank) + ", "
                    + (rank - 1) + "]");
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
